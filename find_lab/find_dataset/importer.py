"""`find-lab suite import DIR --as NAME`: FIND's dataset folder into a suite folder of its own.

DIR is FIND's `find-dataset` (or `find_dataset`) folder, or a folder holding one. Any of its
kinds may be absent. Each function is imported or refused by name with the reason; the suite
is written to a temporary folder beside its place and moved there whole, so a failed import
leaves nothing, and an earlier suite of that name is replaced only when asked.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from find_lab import domains
from find_lab.find_dataset import neurons, numeric, strings
from find_lab.find_dataset.runner import CodeFailed, Runner
from find_lab.suite import suites_home

FOLDERS = ("find-dataset", "find_dataset")
KINDS = ("numeric", "strings", "neurons_entities", "neurons_relations")
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class ImportFailed(Exception):
    """The folder cannot be imported at all: one line saying why."""


@dataclass
class Report:
    name: str
    root: Path
    source: Path
    counts: dict[str, Counter] = field(default_factory=dict)   # domain -> complexity -> n
    refused: list[tuple[str, str]] = field(default_factory=list)
    exact: list[tuple[str, str]] = field(default_factory=list)  # MLPs run exact, and why
    unchecked: list[tuple[str, str]] = field(default_factory=list)
    disagree: list[tuple[str, str]] = field(default_factory=list)  # strings vs their unit tests
    seconds: float = 0.0

    def lines(self) -> list[str]:
        from find_lab.english import count

        out = [f"imported FIND's dataset from {self.source} as suite {self.name!r} ({self.root}) "
               f"in {self.seconds:.1f} s"]
        for domain, complexities in self.counts.items():
            parts = ", ".join(f"{k} {v}" for k, v in sorted(complexities.items()))
            out.append(f"  {domain:9} {count(sum(complexities.values()), 'function')} ({parts})")
        if not self.counts:
            out.append("  no functions imported")
        if "numeric" in self.counts or any(f.startswith("numeric/") for f, _ in self.refused):
            out.append("  numeric functions were checked against FIND's function_code.py on the "
                       "256 scoring points (x = -127.5..127.5), with numpy's normal, uniform and "
                       "poisson draws held at their means on both sides, so noise is compared by "
                       "its noise-free part plus its mean and a corrupted interval by its mean")
        out += _grouped("runs exact instead of its MLP", self.exact)
        out += _grouped("not checked", self.unchecked)
        out += _grouped("kept, though not passing its own unit tests", self.disagree)
        out += _grouped("refused", self.refused)
        needing = [d for d in ("neurons", "relations") if d in self.counts]
        if needing:
            out.append(f"  the {' and '.join(needing)} functions need a neuron backend to run: "
                       "--neuron-backend URL (an OpenAI-compatible server, e.g. FastChat's "
                       "serving vicuna-13b-v1.1)")
        return out


def _grouped(what: str, found: list[tuple[str, str]]) -> list[str]:
    """One line per reason, naming every function it holds (FIND's 150 MLPs share one)."""
    by_reason: dict[str, list[str]] = {}
    for function_id, why in found:
        by_reason.setdefault(why, []).append(function_id)
    return [f"  {what}: {', '.join(ids)}: {why}" for why, ids in by_reason.items()]


def _missing_module(failure: CodeFailed) -> None:
    """FIND's code imports scipy (and torch for the MLPs, checked apart): a module missing
    here fails the whole import in one line, not every function one by one."""
    if failure.missing and failure.missing != "torch":
        module = failure.missing
        raise ImportFailed(f"FIND's function_code.py imports {module}, which is not installed "
                           f"here: pip install {module} (into the lab's environment) and import "
                           "again")


def locate(folder: Path) -> Path:
    """FIND's dataset folder itself: `folder`, or its find-dataset / find_dataset."""
    if not folder.is_dir():
        raise ImportFailed(f"{folder} is not a folder")
    for candidate in [folder] + [folder / name for name in FOLDERS]:
        if candidate.is_dir() and any((candidate / kind).is_dir() for kind in KINDS):
            return candidate
    raise ImportFailed(f"{folder} is not FIND's dataset: expected {', '.join(KINDS[:-1])} or "
                       f"{KINDS[-1]} folders in it, or a find-dataset or find_dataset folder "
                       "holding them")


def _json(path: Path, optional: bool = False):
    if optional and not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ImportFailed(f"{path} is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFailed(f"cannot read {path}: {exc}") from None
    except ValueError as exc:
        raise ImportFailed(f"{path} is not JSON ({exc})") from None


def _entries(path: Path, optional: bool = False) -> list:
    data = _json(path, optional)
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ImportFailed(f"{path} is not FIND's list of functions (a JSON list of objects)")
    return data


def _by_name(path: Path) -> dict[str, dict]:
    return {str(entry.get("name")): entry for entry in _entries(path, optional=True)}


def target_root(name: str) -> Path:
    if not NAME.fullmatch(name) or name == "builtin":
        raise ImportFailed(f"{name!r} cannot name a suite: use letters, digits, '.', '_' and '-' "
                           "(not 'builtin')")
    return suites_home() / name


def import_dataset(folder: Path, name: str, replace: bool = False) -> Report:
    started = time.perf_counter()
    root = target_root(name)
    if (root / "manifest.json").exists() and not replace:
        raise ImportFailed(f"a suite named {name!r} exists already ({root}); pass --replace to "
                           "replace it")
    source = locate(Path(folder)).resolve()
    report = Report(name, root, source)
    specs: dict[str, list[dict]] = {}
    with Runner() as runner:
        if (source / "numeric").is_dir():
            specs["numeric"] = _numeric(source / "numeric", runner, report)
        if (source / "strings").is_dir():
            specs["strings"] = _strings(source / "strings", runner, report)
    for category in ("neurons_entities", "neurons_relations"):
        if (source / category).is_dir():
            domain = neurons.KINDS[category][0]
            specs[domain] = _neurons(source / category, category, report)
    specs = {domain: found for domain, found in specs.items() if found}
    for domain, found in specs.items():
        report.counts[domain] = Counter(spec["complexity"] for spec in found)
    _write(root, name, source, specs, report)
    report.seconds = time.perf_counter() - started
    return report


def _numeric(folder: Path, runner: Runner, report: Report) -> list[dict]:
    entries = _entries(folder / "data.json")
    names = _json(folder / "func_name_dict.json", optional=True) or {}
    if not isinstance(names, dict):
        raise ImportFailed(f"{folder / 'func_name_dict.json'} is not a JSON object")
    found = []
    for entry in entries:
        function_id = f"numeric/{entry.get('dir')}"
        try:
            if not isinstance(entry.get("dir"), str):
                raise numeric.Refused("its data.json entry has no dir")
            directory = folder / entry["dir"]
            code_path = directory / "function_code.py"
            code = code_path.read_text(encoding="utf-8") if code_path.is_file() else None
            complexity = numeric.variant(entry, names.get(entry["dir"]), code)
            notes: list[str] = []
            spec = numeric.spec(entry, directory, complexity, notes)
            report.exact += [(function_id, note) for note in notes]
            if code is None:
                report.unchecked.append((function_id, "it has no function_code.py"))
            elif complexity == "mlp" and spec["expr"]["op"] != "mlp":
                pass  # its function_code.py loads the network it runs without: nothing to compare
            else:
                try:
                    problem = numeric.mismatch(spec, code_path, runner)
                except CodeFailed as exc:
                    if spec["expr"]["op"] == "mlp" and exc.missing == "torch":
                        report.unchecked.append((function_id, "its function_code.py loads the MLP "
                                                 "with torch, which is not installed (the "
                                                 "find-torch extra); its weights were read without"))
                        problem = None
                    else:
                        _missing_module(exc)
                        raise numeric.Refused(f"its function_code.py failed: {exc}") from None
                if problem:
                    raise numeric.Refused(f"data.json and function_code.py differ {problem}")
            found.append(spec)
        except numeric.Refused as exc:
            report.refused.append((function_id, str(exc)))
    return found


def _strings(folder: Path, runner: Runner, report: Report) -> list[dict]:
    tests = _by_name(folder / "unit_test_data.json")
    described = _by_name(folder / "test_data.json")
    found = []
    for directory in sorted(p for p in folder.iterdir() if p.is_dir() and re.fullmatch(r"f\d+", p.name)):
        function_id = f"strings/{directory.name}"
        try:
            code = directory / "function_code.py"
            if not code.is_file():
                raise numeric.Refused("it has no function_code.py")
            notes: list[str] = []
            found.append(strings.spec(function_id, code, tests.get(directory.name),
                                      strings.description(described.get(directory.name)), runner,
                                      notes))
            report.disagree += [(function_id, note) for note in notes]
        except CodeFailed as exc:
            _missing_module(exc)
            report.refused.append((function_id, f"its function_code.py failed: {exc}"))
        except numeric.Refused as exc:
            report.refused.append((function_id, str(exc)))
    return found


def _neurons(folder: Path, category: str, report: Report) -> list[dict]:
    tests = _by_name(folder / "unit_test_data.json")
    domain = neurons.KINDS[category][0]
    found = []
    for entry in _entries(folder / "data.json"):
        function_id = f"{domain}/{entry.get('dir')}"
        try:
            short = neurons.name(entry)
            function_id = f"{domain}/{short}"
            found.append(neurons.spec(category, entry, folder / short, tests.get(short)))
        except numeric.Refused as exc:
            report.refused.append((function_id, str(exc)))
    if found and domains.find(domain) is None:
        report.unchecked.append((f"{domain}/*", f"this lab has no {domain} domain: its "
                                 f"{len(found):,} functions are kept but cannot run"))
    return found


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write(root: Path, name: str, source: Path, specs: dict[str, list[dict]], report: Report) -> None:
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = root.parent / f".{name}.importing"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    files = {}
    for domain, found in specs.items():
        path = staging / f"{domain}.jsonl"
        path.write_text("".join(json.dumps(spec) + "\n" for spec in found), encoding="utf-8")
        files[path.name] = _digest(path)
    origin = {kind: {file.name: _digest(file) for file in sorted((source / kind).glob("*.json"))}
              for kind in KINDS if (source / kind).is_dir()}
    manifest = {"format": 1, "name": name, "kind": "find-dataset",
                "origin": {"path": str(source), "imported": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                           time.gmtime()),
                           "checksums": origin},
                "counts": {domain: {"total": sum(c.values()), **dict(sorted(c.items()))}
                           for domain, c in report.counts.items()},
                "files": files,
                "checksum": hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest(),
                "refused": dict(report.refused)}
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    if root.exists():
        old = root.parent / f".{name}.replaced"
        shutil.rmtree(old, ignore_errors=True)
        root.rename(old)
        staging.rename(root)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(root)
