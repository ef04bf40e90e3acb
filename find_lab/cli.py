"""`find-lab`: the one entry point. Each subcommand is a small function over the core."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
import urllib.parse
import warnings
from contextlib import contextmanager
from pathlib import Path

from find_lab import actors, domains, sandbox, scoring
from find_lab.english import count
from find_lab.pricing import DEFAULT_MODEL
from find_lab.store import StoreError
from find_lab.study.plan import StudyError
from find_lab.suite import Suite, SuiteError, default_root, render
from find_lab.targets import TargetError

EPILOG = """examples:
  find-lab                                    # the lab: pick a function and an actor
  find-lab watch numeric/f0001                # watch the scientist work, live
  find-lab play strings/f0003                 # interpret one yourself
  find-lab replay SESSION_ID                  # step through a saved session
  find-lab run numeric/f0001                  # the offline scientist, live transcript
  find-lab bench --domain strings --limit 50 --workers 2
  find-lab sessions list --json
  find-lab sessions export SESSION_ID --format md -o session.md   # or html, csv
  find-lab sessions export all.jsonl          # a bundle of every session (sessions import)
  find-lab suite list --domain numeric --complexity corruption
  find-lab suite show numeric/f0001 --reveal
  find-lab score numeric/f0001 --code my_answer.py --description "a sine wave"
  find-lab doctor                             # which sandbox agents' code runs in here
  find-lab suite import src/find_dataset --as find   # FIND's own dataset, as suite 'find'
  find-lab run numeric/f00003 --suite find    # one of FIND's functions
  find-lab study new pilot                    # a study's plan, to edit: studies/pilot/plan.toml
  find-lab study show pilot                   # its functions and each participant's order
  find-lab study agents pilot                 # its agents on its functions (resumable)
  find-lab study report pilot --plots figures # paired human-vs-agent statistics
  find-lab study export pilot pilot.zip       # the plan and every session (study import)
  find-lab serve --study pilot                # each participant's private link, in a browser

--json (bench, run, score, sessions list/show, suite list/show, study show/report) prints JSON
on stdout instead of text. Progress (suite build, bench, study agents) goes to stderr: one
line redrawn on a terminal, a plain line every 10 s elsewhere.

exit status:
  0    done
  1    the run failed: a crashed session, a judge that failed, a suite that does not
       verify, no OS sandbox (doctor)
  2    usage error: bad arguments, unknown names, unreadable files
  130  interrupted
"""
SUITE_HELP = ("the suite: a folder, or the name of one imported with `suite import` (default: "
              "$FIND_LAB_FUNCTIONS or ./functions)")
FUNCTION_HELP = "a suite id (numeric/f0001) or your own FILE.py:NAME or MODULE:NAME (with --domain)"
CODE_LIMIT = 1_000_000  # bytes read from a code file; the scorer refuses 200,000 characters
KEY_LIMIT = 4096  # bytes read from an API key file
WATCH_PACE = 0.6  # seconds between an offline agent's steps when a person watches


class UserError(Exception):
    """Something the user can fix; printed as one line, exit status 2."""


class RunFailed(Exception):
    """The command ran but its work failed (a crashed session, a judge that failed); printed
    as one line, exit status 1."""


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr, exit status 2."""

    def error(self, message):
        self.exit(2, f"find-lab: {message} (see {self.prog} --help)\n")


# --- argument types: argparse reports a bad value as a usage error ----------------------------
def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number above 0, got {text!r}")
    return value


def seed(text: str) -> int:
    """Seeds feed numpy's generators, which refuse negative ones."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number from 0 up, got {text!r}")
    return value


def seconds(text: str) -> float:
    """Positive and finite, at most a day: nan, inf or 1e300 seconds break the timers below."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value <= 86400:
        raise argparse.ArgumentTypeError(f"expected seconds above 0 and at most 86400, "
                                         f"got {text!r}")
    return value


def pace(text: str) -> float:
    """Seconds from 0 up to a minute between an agent's steps on screen."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 <= value <= 60:
        raise argparse.ArgumentTypeError(f"expected seconds from 0 to 60, got {text!r}")
    return value


def agent(text: str) -> str:
    """A registered actor that runs without a person, checked before any worker starts."""
    try:
        return actors.get(text, headless=True).name
    except actors.UnknownActor as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _agents() -> str:
    """--agent's help, read from the registry when the parser is built."""
    return "; ".join(f"{info.name}: {info.description}" for info in
                     (actors.get(name) for name in actors.names(headless=True)))


def key_file(path: str) -> str:
    """The API key a file holds, read as the arguments are parsed; no message quotes it."""
    try:
        with open(path, "rb") as file:
            raw = file.read(KEY_LIMIT + 1)
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"cannot read {path}: {exc.strerror or exc}") from None
    key = raw.strip()
    if not key:
        raise argparse.ArgumentTypeError(f"{path} is empty")
    if len(raw) > KEY_LIMIT or not all(33 <= byte < 127 for byte in key):
        raise argparse.ArgumentTypeError(f"{path} does not hold an API key "
                                         "(expected one line of printable text)")
    return key.decode()


def base_url(text: str) -> str:
    try:
        parts = urllib.parse.urlsplit(text)
        parts.port  # raises ValueError for a port out of range
    except ValueError:
        parts = None
    if not parts or parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(f"expected an http:// or https:// URL, got {text!r}")
    return text


def _suite(args) -> Suite:
    return Suite(args.suite)


def cmd_import(args) -> int:
    """`suite import DIR --as NAME`: FIND's dataset folder as a suite of its own."""
    from find_lab.find_dataset.importer import ImportFailed, import_dataset

    try:
        report = import_dataset(Path(args.folder), args.name, args.replace)
    except ImportFailed as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"cannot write the suite {args.name!r}: {exc.strerror or exc}") from None
    print("\n".join(report.lines()))
    return 0


def _needs_backend(args, specs: list[dict]) -> None:
    """A run over FIND's neurons needs their LLM: say so before anything starts."""
    from find_lab.find_dataset.backend import NO_BACKEND, Backend

    needing = [spec["id"] for spec in specs if isinstance(spec.get("find"), dict)
               and spec["find"].get("kind") in ("entities", "relations")]
    if needing and Backend.from_environment() is None:
        raise UserError(f"{needing[0]}{' and others' if len(needing) > 1 else ''}: {NO_BACKEND}")


def cmd_list(args) -> int:
    suite = _suite(args)
    ids = suite.ids(args.domain, args.complexity)
    specs = [suite.get(fid) for fid in ids[: args.limit]]
    if args.json:
        print(_json([{"id": spec["id"], "domain": spec["domain"], "complexity": spec["complexity"],
                      "structure": spec.get("structure")} for spec in specs]))
    for spec in [] if args.json else specs:
        structure = f"  {spec['structure']}" if spec.get("structure") else ""
        print(f"{spec['id']:16} {spec['complexity']:11}{structure}")
    print(count(len(ids), "function"), file=sys.stderr)
    return 0


def cmd_show(args) -> int:
    spec = _suite(args).get(args.function_id)
    domain = domains.get(spec["domain"])
    if args.json:
        shown = {"id": spec["id"], "domain": spec["domain"], "complexity": spec["complexity"],
                 "structure": spec.get("structure"), "inputs": domain.inputs,
                 "outputs": domain.outputs, "revealed": args.reveal}
        if args.reveal:
            shown.update(description=spec["description"], source=render(spec))
        print(_json(shown))
        return 0
    print(f"{spec['id']}  domain: {spec['domain']}  complexity: {spec['complexity']}")
    print(f"inputs: {domain.inputs}; outputs: {domain.outputs}")
    if not args.reveal:
        print("description and source hidden (pass --reveal to show them)")
        return 0
    print(f"\n{spec['description']}\n")
    print(render(spec), end="")
    return 0


def cmd_build(args) -> int:
    from find_lab.suite.build import build  # the builder trains MLPs: load it only when asked

    out = Path(args.out) if args.out else default_root()
    lexicon = Path(args.lexicon) if args.lexicon else default_root() / "lexicon"
    if out.exists() and not out.is_dir():
        raise UserError(f"--out {out} is a file, not a folder")
    if not (lexicon / "concepts.json").is_file():
        raise UserError(f"no lexicon at {lexicon} (expected concepts.json and vocabulary.txt)")
    started = time.perf_counter()
    try:
        with _build_progress("suite build") as progress:
            manifest = build(args.seed, out, lexicon, workers=args.workers, progress=progress)
    except OSError as exc:
        raise UserError(f"cannot write the suite to {out}: {exc.strerror or exc}") from None
    for domain, counts in manifest["counts"].items():
        parts = ", ".join(f"{k} {v}" for k, v in counts.items() if k != "total")
        print(f"{domain:8} {counts['total']:5}  ({parts})")
    print(f"built {out} in {time.perf_counter() - started:.1f} s; checksum {manifest['checksum'][:16]}")
    return 0


def cmd_verify(args) -> int:
    """The suite against its manifest; with --rebuild, also against a rebuild of every function
    from the manifest's seed. One line per problem found."""
    from find_lab.suite import locate
    from find_lab.suite.build import rebuild_problems, verify

    root = locate(args.suite)
    if (imported := Suite(root)).manifest.get("kind") == "find-dataset":
        return _verify_imported(imported, args.rebuild)
    problems = verify(root)
    if args.rebuild:
        with _build_progress("suite rebuild") as progress:
            problems += rebuild_problems(root, args.workers, progress=progress)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{count(len(problems), 'problem')} in {root}")
        return 1
    print(f"{root}: suite is intact" + (", and rebuilds bit for bit" if args.rebuild else ""))
    return 0


def _verify_imported(suite: Suite, rebuild: bool) -> int:
    """An imported suite against its manifest's checksums, and every function it holds
    read; it is rebuilt by importing FIND's folder again, not from a seed."""
    import hashlib

    if rebuild:
        raise UserError(f"{suite.root} was imported from FIND's dataset: import it again "
                        f"(suite import {suite.manifest['origin']['path']} --as "
                        f"{suite.manifest['name']} --replace) instead of --rebuild")
    problems = [f"{name} does not match the manifest's checksum"
                for name, digest in suite.manifest.get("files", {}).items()
                if not (suite.root / name).is_file()
                or hashlib.sha256((suite.root / name).read_bytes()).hexdigest() != digest]
    if not problems:
        suite.ids()  # a damaged line is a SuiteError naming it
    for problem in problems:
        print(problem)
    if problems:
        print(f"{count(len(problems), 'problem')} in {suite.root}")
        return 1
    print(f"{suite.root}: imported suite {suite.manifest['name']!r} is intact "
          f"({count(len(suite.ids()), 'function')})")
    return 0


@contextmanager
def _build_progress(label: str):
    """The `progress` a suite build tells, shown on stderr. Its estimate of the time left is
    the builder's: a rate over functions would mislead, one trained network costing as much as
    a hundred plain functions."""
    from find_lab.progress import Progress

    meters = []

    def tell(done: int, total: int, eta: float | None) -> None:
        if not meters:
            meters.append(Progress(label, total, "function", rate=False))
        meters[0].update(done, eta=eta)

    try:
        yield tell
    finally:
        for meter in meters:
            meter.close()


def cmd_score(args) -> int:
    from find_lab import targets
    from find_lab.find_dataset import runs_itself

    suite = _suite(args)
    spec = suite.get(args.function_id)
    code = _read_code(args.code)
    limits = sandbox.Limits(wall_seconds=args.timeout, cpu_seconds=max(1, int(args.timeout)))
    if runs_itself(spec):  # FIND's own code or LLM
        _needs_backend(args, [spec])
        result = targets.from_spec(spec, source=suite.source(spec["id"])).scorer(code, args.description)
    else:
        result = scoring.score(spec, code, args.description, limits)
    print(_json(result.to_dict()) if args.json else result.summary())
    return 0


def _read_code(name: str) -> str:
    """The code file's text, read no further than CODE_LIMIT: /dev/zero must not hang us."""
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(CODE_LIMIT + 1)
        else:
            with open(name, "rb") as file:
                raw = file.read(CODE_LIMIT + 1)
        code = raw.decode("utf-8")
    except OSError as exc:
        raise UserError(f"cannot read the code file {name}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        code = "\0"
    if len(raw) > CODE_LIMIT:
        raise UserError(f"cannot read the code file {name}: larger than {CODE_LIMIT:,} bytes")
    if "\0" in code:
        raise UserError(f"cannot read the code file {name}: not UTF-8 text")
    return code


def _json(data) -> str:
    """Strict JSON: a non-finite number (an infinite NMSE, say) becomes null."""
    def finite(value):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if isinstance(value, dict):
            return {key: finite(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [finite(item) for item in value]
        return value

    return json.dumps(finite(data), allow_nan=False)


def _store(args):
    from find_lab.store import Store, default_home

    home = Path(args.home) if args.home else default_home()
    try:
        return Store(home)
    except OSError as exc:  # Store raises StoreError for these itself; this catches the rest
        raise UserError(f"cannot keep sessions in {home}: {exc.strerror or exc}") from None


def _target(args):
    from find_lab import targets

    suite = _suite(args)
    if not targets.is_own(args.function):
        _needs_backend(args, [suite.get(args.function)])
    return targets.resolve(args.function, args.domain, args.reference, seed=args.seed,
                           suite=suite, timeout=args.call_timeout, hints=args.hints)


def cmd_run(args) -> int:
    import asyncio

    from find_lab import transcript
    from find_lab.experiment import Budget
    from find_lab.session import run_session

    printer = None if args.json else transcript.LivePrinter()
    target = _target(args)
    try:
        actor = actors.make_actor(args.agent, args.seed,
                                  claude=_claude_options(args, printer.text if printer else None))
    except ValueError as exc:  # the claude agent without a key
        raise UserError(str(exc)) from None
    printer = (printer,) if printer else ()
    store = None if args.no_save else _store(args)
    experiment = asyncio.run(run_session(target, actor, store=store,
                                         budget=Budget(args.calls, args.points), listeners=printer))
    reason = experiment.events[-1].get("reason")
    if args.json:
        print(_json({"session_id": experiment.session_id, "function_id": target.function_id,
                     "agent": actor.kind, "status": experiment.status, "reason": reason,
                     "calls": experiment.calls_used, "points": experiment.points_used,
                     "score": experiment.score.to_dict() if experiment.score else None}))
    if experiment.status == "crashed":
        raise RunFailed(f"the session crashed: {reason}")
    return 0


def cmd_bench(args) -> int:
    from find_lab import bench

    functions = _bench_functions(args)
    if args.limit and args.limit < len(functions):
        functions = [functions[i] for i in
                     sorted({round(i * len(functions) / args.limit) for i in range(args.limit)})]
    if not functions:
        raise UserError("no functions match those filters")
    agents = [args.agent] + ([b for b in actors.names(baseline=True) if b != args.agent]
                             if args.baselines else [])
    home = None if args.no_save else str(_store(args).home)
    claude = _claude_options(args) if actors.get(args.agent).needs_key else None
    if claude and not claude["api_key"]:
        raise UserError(f"set ANTHROPIC_API_KEY (or --api-key-file) to use the {args.agent} agent")
    if not args.functions:
        suite = _suite(args)
        known = set(suite.ids())
        _needs_backend(args, [suite.get(f) for f, _, _ in functions if f in known])
    jobs = [bench.Job(agent, function, args.seed, home, args.suite,
                      claude if actors.get(agent).needs_key else None, domain, reference,
                      args.call_timeout, args.hints)
            for function, domain, reference in functions for agent in agents]
    workers = min(args.workers, len(jobs))
    print(f"running {count(len(jobs), 'session')} ({count(len(functions), 'function')} x "
          f"{', '.join(agents)}) on {count(workers, 'worker')}", file=sys.stderr)
    try:
        rows, interrupted = bench.run_all(jobs, workers)
    except bench.JobFailed as exc:
        raise RunFailed(str(exc)) from None
    compared = args.agent != "interpolate"
    if args.json:
        print(_json({"agent": args.agent, "agents": agents, "functions": len(functions),
                     "sessions": rows, "interrupted": interrupted, "summary": bench.summary(rows),
                     "against": {"baseline": "interpolate",
                                 "groups": bench.comparison(rows, args.agent)} if compared else None}))
    elif rows:
        print(bench.table(rows))
        if compared and (comparison := bench.margins(rows, args.agent)):
            print("\n" + comparison)
    if interrupted:
        print(f"interrupted: {len(rows):,} of {count(len(jobs), 'session')} finished and were kept",
              file=sys.stderr)
        return 130
    crashed = [row for row in rows if row["status"] == "crashed"]
    if crashed:
        raise RunFailed(f"{len(crashed):,} of {count(len(rows), 'session')} crashed; the first: "
                        f"{crashed[0]['agent']} on {crashed[0]['function_id']}: "
                        f"{crashed[0]['reason']}")
    return 0


def _bench_functions(args) -> list[tuple[str, str | None, str | None]]:
    """(function, domain, reference) for each function bench runs: the one FUNCTION named
    (a suite id, or your own as `run` takes it), every black box in --functions DIR, or the
    suite's functions matching --domain and --complexity."""
    from find_lab import targets

    if args.functions:
        if args.complexity or args.reference:
            raise UserError("--functions takes no --complexity (a suite's filter) or --reference "
                            "(each file's own reference is its truth)")
        return [(own.function, own.domain, own.reference) for own in targets.folder(args.functions)
                if args.domain in (None, own.domain)]
    if args.function:
        _check_function(args)
        return [(args.function, args.domain, args.reference)]
    return [(fid, None, None) for fid in _suite(args).ids(args.domain, args.complexity)]


def cmd_sessions(args) -> int:
    from find_lab import scoreboard, transcript

    store = _store(args)
    if args.action == "list":
        docs = store.list(domain=args.domain, actor_kind=args.agent)[: args.limit]
        if args.json:
            print(_json([_public(doc) for doc in docs]))
        for doc in [] if args.json else docs:
            score = doc.get("score") or {}
            verdict = "" if not score else ("success" if score.get("success") else "fail")
            mixed = ", ".join(scoreboard.MIXED.get(m, m) for m in doc["provenance"]["mixed"])
            calls, noun = count(doc.get("probes", 0), "call").split(" ")
            print(f"{doc['id']}  {doc['function_id']:16} {doc['actor_name']:12} "
                  f"{doc['status']:16} {verdict:8} {calls:>3} {noun:5}".rstrip()
                  + (f"  ({mixed})" if mixed else ""))
    elif args.action == "show":
        doc = store.get(args.session_id)
        stale = scoreboard.stale_checker(_suite(args) if args.suite else None)
        if note := scoreboard.stale_note(doc, stale):
            warnings.warn(f"{note}; its transcript is its own events")
        events = store.events(doc["id"])
        if args.json:  # the shape of a bundle's line: `sessions import` takes it
            from find_lab.events import FORMAT

            print(_json({"format": FORMAT, "session": _public(doc), "events": events}))
        for event in [] if args.json else events:
            print("\n".join(transcript.render(event)))
    elif args.action == "export":
        _export(args, store)
    elif args.action == "import":
        imported, skipped = store.import_bundle(Path(args.bundle))
        print(f"imported {count(imported, 'session')}, skipped {skipped:,} already present")
    elif args.action == "delete":
        store.delete(store.get(args.session_id)["id"])
        print(f"deleted {args.session_id}")
    return 0


def _public(doc: dict) -> dict:
    """An index document as it is exported: without the writer's process id and host, which
    only tell this store whether the session is still being written."""
    return {key: value for key, value in doc.items() if key not in ("pid", "host")}


def _export(args, store) -> None:
    """`sessions export OUT.jsonl [ID ...]`: a bundle (every session by default);
    `sessions export ID --format md|html|csv [-o FILE]`: one session as a document."""
    from find_lab import export

    kind = args.format or _format_of(args.output) or "bundle"
    if kind == "find":
        _export_find(args, store)
        return
    if kind == "bundle":
        if named := _format_of(args.target):  # `sessions export report.md`: not a bundle
            raise UserError(f"{args.target} names a {export.NAMES[named]} file, not a bundle: "
                            f"sessions export ID --format {named} -o {args.target}")
        if args.output:
            raise UserError("a bundle is written to OUT.jsonl, the first argument; "
                            "-o is for --format md, html or csv")
        ids = args.session_ids or [doc["id"] for doc in store.list()]
        store.export(ids, Path(args.target))
        print(f"exported {count(len(ids), 'session')} to {args.target}")
        return
    if args.session_ids:
        raise UserError(f"--format {kind} exports one session: give one ID "
                        "(a bundle takes many: sessions export OUT.jsonl ID ...)")
    doc = store.get(args.target)
    text = export.render(store.events(doc["id"]), kind)
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return
    try:
        export.write(Path(args.output), text)
    except OSError as exc:
        raise UserError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"exported session {doc['id']} to {args.output} ({export.NAMES[kind]})")


def _export_find(args, store) -> None:
    """`sessions export OUT --format find [ID ...]`: the submitted sessions (default: all) in
    FIND's result layout under OUT, the newest session of a model on a function kept."""
    from find_lab import export, find_results

    if args.output:
        raise UserError("FIND's layout is a folder: give it as the first argument, not -o")
    out = Path(args.target)
    docs = [store.get(i) for i in args.session_ids] if args.session_ids else store.list()
    written, skipped = set(), 0
    for doc in sorted(docs, key=lambda d: d.get("started") or "", reverse=True):
        found = find_results.interpretation(store.events(doc["id"]), args.model)
        if found is None or found.folder in written:
            skipped += 1
            continue
        written.add(found.folder)
        try:
            (out / found.folder).mkdir(parents=True, exist_ok=True)
            for name, text in found.files.items():
                export.write(out / found.folder / name, text)
        except OSError as exc:
            raise UserError(f"cannot write {out / found.folder}: {exc.strerror or exc}") from None
    print(f"exported {count(len(written), 'interpretation')} to {out} in FIND's layout "
          f"(<model>/<category>/fNNNNN); {count(skipped, 'session')} left out: unsubmitted, "
          "outside FIND's categories, or older than one kept")


def _format_of(output: str | None) -> str | None:
    """The document format an output file's suffix names (report.md: md), if any."""
    from find_lab import export

    return export.SUFFIXES.get(Path(output).suffix.lower()) if output else None


def version_text() -> str:
    """The installed version, and the log format its sessions are written in (what decides
    whether another lab can replay them)."""
    from importlib.metadata import PackageNotFoundError, version

    from find_lab.events import LOG_FORMAT

    try:
        number = version("find-lab")
    except PackageNotFoundError:  # run from a checkout that was never installed
        number = "unknown"
    return f"find-lab {number} (session log format {LOG_FORMAT})"


def parser() -> argparse.ArgumentParser:
    top = Parser(
        prog="find-lab", description="FIND Lab: probe hidden functions, explain them, "
        "score the explanation.", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--version", action="version", version=version_text(),
                     help="print the lab's version and its session log format, and exit")
    top.add_argument("--suite", metavar="NAME|DIR", help=SUITE_HELP)
    top.add_argument("--allow-weak-sandbox", action="store_true",
                     help="run agents' code even where no OS sandbox can start (see find-lab doctor)")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")

    suite = commands.add_parser("suite", help="list, show, build and verify the hidden functions")
    suite_commands = suite.add_subparsers(dest="suite_command", metavar="ACTION", required=True)
    again = _suite_again()
    listing = suite_commands.add_parser("list", parents=[again], help="list function ids")
    listing.add_argument("--domain", choices=domains.names())
    listing.add_argument("--complexity", metavar="NAME", help="one of: " + ", ".join(
        sorted({c for name in domains.names() for c in domains.get(name).complexities}
               | {"atom", "sum", "product"})))
    listing.add_argument("--limit", type=positive_int, help="show at most N")
    listing.add_argument("--json", action="store_true",
                         help="print a JSON list (id, domain, complexity, structure)")
    listing.set_defaults(run=cmd_list)
    show = suite_commands.add_parser("show", parents=[again], help="show one function (answer hidden)")
    show.add_argument("function_id", metavar="ID")
    show.add_argument("--reveal", action="store_true", help="show the description and source")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    show.set_defaults(run=cmd_show)
    build = suite_commands.add_parser("build", help="regenerate the suite from a seed")
    build.add_argument("--seed", type=seed, default=0)
    build.add_argument("--out", metavar="DIR", help="where to write (default: the suite folder)")
    build.add_argument("--lexicon", metavar="DIR", help="concept lexicon (default: functions/lexicon)")
    build.add_argument("--workers", type=positive_int, default=2,
                       help="processes for numeric functions")
    build.set_defaults(run=cmd_build)
    verify = suite_commands.add_parser("verify", parents=[again],
                                       help="check the suite against its manifest")
    verify.add_argument("--rebuild", action="store_true",
                        help="also rebuild every function from the manifest's seed into a "
                        "temporary folder and compare (about a minute)")
    verify.add_argument("--workers", type=positive_int, default=2,
                        help="processes for numeric functions when rebuilding")
    verify.set_defaults(run=cmd_verify)
    imported = suite_commands.add_parser(
        "import", help="import FIND's own dataset (its find-dataset folder) as a suite",
        description="Reads FIND's layout (numeric/, strings/, neurons_entities/, "
        "neurons_relations/; any may be absent) from DIR, which is FIND's find-dataset or "
        "find_dataset folder or holds one, checks every numeric function against FIND's "
        "function_code.py and writes a suite named NAME under $FIND_LAB_SUITES (default "
        "~/.local/share/find-lab/suites); then --suite NAME runs it.")
    imported.add_argument("folder", metavar="DIR", help="FIND's dataset folder, or one holding it")
    imported.add_argument("--as", dest="name", required=True, metavar="NAME",
                          help="the suite's name, for --suite NAME")
    imported.add_argument("--replace", action="store_true",
                          help="replace an imported suite of that name")
    imported.set_defaults(run=cmd_import)

    score = commands.add_parser("score", parents=[again, _neuron_options()],
                                help="score submitted code against a hidden function")
    score.add_argument("function_id", metavar="ID")
    score.add_argument("--code", required=True, metavar="FILE",
                       help="Python file defining f(x) (- reads standard input)")
    score.add_argument("--description", metavar="TEXT", help="your description of the function")
    score.add_argument("--timeout", type=seconds, default=10.0, help="seconds the code may run")
    score.add_argument("--json", action="store_true", help="print the full result as JSON")
    score.set_defaults(run=cmd_score)
    doctor = commands.add_parser("doctor", help="which OS sandbox agents' code would run in here")
    doctor.set_defaults(run=cmd_doctor)
    _add_session_commands(commands)
    return top


def _suite_again() -> argparse.ArgumentParser:
    """--suite after a command too (`run numeric/f00003 --suite find`); absent, it keeps the
    one given before the command."""
    again = argparse.ArgumentParser(add_help=False)
    again.add_argument("--suite", metavar="NAME|DIR", default=argparse.SUPPRESS, help=SUITE_HELP)
    return again


def _neuron_options() -> argparse.ArgumentParser:
    """Where FIND's synthetic neurons get their answers: the LLM behind an OpenAI-compatible
    endpoint (FIND: vicuna-13b-v1.1 through FastChat)."""
    from find_lab.find_dataset.backend import BACKEND_ENV, DEFAULT_MODEL, MODEL_ENV

    options = argparse.ArgumentParser(add_help=False)
    group = options.add_argument_group("FIND's neurons (an imported suite)")
    group.add_argument("--neuron-backend", type=base_url, metavar="URL",
                       help=f"an OpenAI-compatible API base, e.g. http://127.0.0.1:8000/v1 "
                       f"(default ${BACKEND_ENV})")
    group.add_argument("--neuron-model", metavar="NAME",
                       help=f"the model it serves (default ${MODEL_ENV}, else {DEFAULT_MODEL})")
    return options


def _hints_option() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--hints", action="store_true",
                         help="give the agent FIND's exemplars of the function to start from "
                         "(FIND's search initialization; FIND's neurons have them)")
    return options


def _add_session_commands(commands) -> None:
    home = argparse.ArgumentParser(add_help=False)
    home.add_argument("--home", metavar="DIR",
                      help="where sessions are saved (default: $FIND_LAB_HOME or ./sessions)")
    again = argparse.ArgumentParser(add_help=False)  # --home after a sessions action; absent, it keeps the first
    again.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS,
                       help="where sessions are saved (default: $FIND_LAB_HOME or ./sessions)")

    api = argparse.ArgumentParser(add_help=False)
    group = api.add_argument_group("the Anthropic API")
    group.add_argument("--api-key-file", dest="api_key", type=key_file, metavar="FILE",
                       help="read the API key from FILE (default $ANTHROPIC_API_KEY)")
    group.add_argument("--base-url", type=base_url, metavar="URL",
                       help="API base URL (default $ANTHROPIC_BASE_URL)")
    claude = argparse.ArgumentParser(add_help=False, parents=[api])
    group = claude.add_argument_group("the claude agent")
    group.add_argument("--model", metavar="ID", help=f"Claude model (default {DEFAULT_MODEL})")
    group.add_argument("--rounds", type=positive_int, metavar="N",
                       help="turn cap (default 20, as in FIND)")
    own = argparse.ArgumentParser(add_help=False)
    group = own.add_argument_group("your own function (FILE.py:NAME or MODULE:NAME)")
    group.add_argument("--reference", metavar="FILE.py:NAME", help="true code to score your function")
    group.add_argument("--call-timeout", type=seconds, default=10.0, metavar="SECONDS",
                       help="seconds your own function may take per call (default 10)")

    extra = [_suite_again(), _neuron_options(), _hints_option()]
    run = commands.add_parser("run", parents=[home, claude, own, *extra],
                              help="run an agent on one function, headless")
    run.add_argument("function", metavar="FUNCTION", help=FUNCTION_HELP)
    run.add_argument("--agent", type=agent, default="scientist", help=_agents())
    run.add_argument("--domain", choices=domains.names(), help="domain of your own function")
    run.add_argument("--seed", type=seed, default=0)
    run.add_argument("--calls", type=positive_int, default=25, help="probe call budget")
    run.add_argument("--points", type=positive_int, default=400, help="probe point budget")
    run.add_argument("--json", action="store_true", help="print one JSON result instead")
    run.add_argument("--no-save", action="store_true", help="do not save the session")
    run.set_defaults(run=cmd_run)

    bench = commands.add_parser("bench", parents=[home, claude, own, *extra],
                                help="run an agent (and the baselines) over many functions")
    which = bench.add_mutually_exclusive_group()
    which.add_argument("function", metavar="FUNCTION", nargs="?",
                       help="only this function: " + FUNCTION_HELP)
    which.add_argument("--functions", metavar="DIR",
                       help="every NAME.py in DIR: each defines f, sets DOMAIN = \"numeric\", "
                       "\"strings\" or \"neurons\", and is scored if it defines reference "
                       "(_NAME.py files are left alone as helpers)")
    bench.add_argument("--agent", type=agent, default="scientist", help=_agents())
    bench.add_argument("--domain", choices=domains.names(),
                       help="only functions of this domain; the domain of your own FUNCTION")
    bench.add_argument("--complexity", metavar="NAME")
    bench.add_argument("--limit", type=positive_int, help="an even sample of N functions")
    bench.add_argument("--workers", type=positive_int, default=2)
    bench.add_argument("--seed", type=seed, default=0)
    bench.add_argument("--no-baselines", dest="baselines", action="store_false",
                       help=f"skip the reference rows ({', '.join(actors.names(baseline=True))})")
    bench.add_argument("--no-save", action="store_true", help="do not save the sessions")
    bench.add_argument("--json", action="store_true", help="print one JSON object (every session's "
                       "row, the table's groups and the comparison) instead of the tables")
    bench.set_defaults(run=cmd_bench)

    sessions = commands.add_parser("sessions", parents=[home], help="saved sessions")
    actions = sessions.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[again], help="newest first")
    listing.add_argument("--domain", choices=domains.names())
    listing.add_argument("--agent", metavar="KIND")
    listing.add_argument("--limit", type=positive_int)
    listing.add_argument("--json", action="store_true", help="print a JSON list of the sessions' "
                         "summaries")
    show = actions.add_parser("show", parents=[again], help="print a session's transcript")
    show.add_argument("session_id", metavar="ID")
    show.add_argument("--json", action="store_true", help="print the session's summary and "
                      "events as one JSON object (a bundle's line: sessions import reads it)")
    export = actions.add_parser(
        "export", parents=[again], help="write sessions to a bundle, or one as Markdown, HTML or CSV",
        usage="%(prog)s OUT.jsonl [ID ...]\n       %(prog)s ID --format {md,html,csv} [-o FILE]"
              "\n       %(prog)s OUT --format find [ID ...] [--model NAME]",
        description="With no --format: a bundle of sessions (default: every one) for "
        "`sessions import`. With --format md, html or csv: one session as a document (who "
        "did what, the transcript, the probes, the hypotheses, the answer and its score; CSV: "
        "one row per probe point), on stdout or into FILE.")
    export.add_argument("target", metavar="OUT.jsonl | ID",
                        help="the bundle to write, or (with --format) the session to export")
    export.add_argument("session_ids", nargs="*", metavar="ID",
                        help="the sessions a bundle holds (default: all)")
    export.add_argument("--format", choices=("bundle", "md", "html", "csv", "find"),
                        help="bundle (the default), md, html or csv; -o FILE.md, .html or .csv "
                        "implies it; find: the submitted sessions into the folder OUT in "
                        "FIND's result layout (<model>/<category>/fNNNNN/description.txt, "
                        "domain.txt, code.py), for FIND's own evaluation scripts")
    export.add_argument("--model", metavar="NAME",
                        help="with --format find: the <model> folder (default: each session's "
                        "model, or its actor's name)")
    export.add_argument("-o", "--output", metavar="FILE",
                        help="write the document to FILE (default: stdout)")
    bundle = actions.add_parser("import", parents=[again], help="merge a bundle, skipping duplicates")
    bundle.add_argument("bundle", metavar="BUNDLE.jsonl")
    delete = actions.add_parser("delete", parents=[again], help="delete one session")
    delete.add_argument("session_id", metavar="ID")
    sessions.set_defaults(run=cmd_sessions)
    _add_lab_commands(commands, home, claude, own, extra)
    _add_judge_command(commands, home, api)
    _add_study_command(commands, home, again, claude)
    _add_serve_command(commands, home)


def cmd_lab(args) -> int:
    """Open the Textual lab: the launcher, or straight into watch, play or replay."""
    _lab(args).run()
    return 0


def _lab(args):
    """The lab's app for these arguments; every mistake in them fails here, in one line."""
    from find_lab.experiment import Budget
    from find_lab.tui.app import make_app
    from find_lab.tui.screens.lab import Launch

    launch = None
    store = _store(args)  # an unusable --home fails here, not inside the TUI
    if args.command in ("watch", "play"):
        _check_function(args)
        launch = Launch(args.command, args.function, "human" if args.command == "play" else args.agent)
    elif args.command == "replay":
        launch = Launch("replay", session_id=store.get(args.session_id)["id"])
    # every agent watched in the lab keeps this pace: one opened from the launcher, a fork
    return make_app(launch, home=args.home, suite_root=args.suite, seed=getattr(args, "seed", 0),
                    budget=Budget(getattr(args, "calls", 25), getattr(args, "points", 400)),
                    claude=_claude_options(args), domain=getattr(args, "domain", None),
                    reference=getattr(args, "reference", None),
                    call_timeout=getattr(args, "call_timeout", 10.0),
                    pace=getattr(args, "pace", WATCH_PACE))


def _check_function(args) -> None:
    """FUNCTION names a suite function, or your own with its --domain and an existing file:
    checked before anything starts, without running your code."""
    from find_lab import targets

    if targets.is_own(args.function):
        targets.check_own(args.function, args.domain)
    else:
        _needs_backend(args, [_suite(args).get(args.function)])


def api_key(args) -> str | None:
    """The key from --api-key-file, else ANTHROPIC_API_KEY; never printed or saved."""
    return getattr(args, "api_key", None) or os.environ.get("ANTHROPIC_API_KEY") or None


def _claude_options(args, on_text=None) -> dict:
    """What the Claude agent needs from the command line; the key stays in memory."""
    return {"model": getattr(args, "model", None), "api_key": api_key(args),
            "base_url": getattr(args, "base_url", None), "max_rounds": getattr(args, "rounds", None),
            "on_text": on_text}


def _runs_itself(suite: Suite, function_id: str) -> bool:
    from find_lab.find_dataset import runs_itself

    try:
        return runs_itself(suite.get(function_id))
    except SuiteError:
        return False


def cmd_judge(args) -> int:
    """FIND's description test on saved submissions; the verdict is appended to the session."""
    import asyncio

    from find_lab import judge

    store = _store(args)
    if args.all:
        chosen = [d for d in store.list() if d.get("status") == "submitted" and not d.get("judge")]
    else:
        chosen = [store.get(session_id) for session_id in args.session_ids]
    if not chosen:
        raise UserError("no sessions to judge: name them, or use --all")
    if args.judge == "none":
        for doc in chosen:
            print(f"{doc['id']}  not judged (--judge none)")
        return 0
    key = api_key(args)
    if not key:
        raise UserError("set ANTHROPIC_API_KEY (or --api-key-file) to run the judge; "
                        "--judge none skips it")
    ask = judge.claude_asker(args.judge, key, args.base_url)
    suite = _suite(args)
    for doc in chosen:
        submitted = next((e for e in store.events(doc["id"]) if e["kind"] == "submit"), None)
        if submitted is None:
            print(f"{doc['id']}  nothing submitted: not judged")
            continue
        if _runs_itself(suite, doc["function_id"]):
            print(f"{doc['id']}  {doc['function_id']} runs FIND's own code or LLM: not judged here "
                  "(FIND's unit_testing.py judges its descriptions)")
            continue
        try:
            asked = judge.questions(suite, doc["function_id"])
        except SuiteError:
            print(f"{doc['id']}  {doc['function_id']} is not in the suite: no questions to ask")
            continue
        try:
            verdict = asyncio.run(judge.judge(submitted["description"], asked, ask, args.judge))
        except Exception as exc:  # the SDK's errors: one line, the rest stay judged
            raise RunFailed(f"the judge failed on {doc['id']}: {type(exc).__name__}: "
                            f"{str(exc).splitlines()[0] if str(exc) else ''}") from None
        store.append(doc["id"], "judge", score=verdict.score, correct=verdict.correct,
                     total=verdict.total, model=verdict.model)
        print(f"{doc['id']}  {doc['function_id']:14} {verdict.correct}/{verdict.total} "
              f"(score {verdict.score:.2f}; chance 0.33)")
    return 0


def _add_lab_commands(commands, home, claude, own, extra) -> None:
    watch = commands.add_parser("watch", parents=[home, claude, own, *extra],
                                help="watch an agent interpret a function (TUI)")
    watch.add_argument("--agent", type=agent, default="scientist", help=_agents())
    watch.add_argument("--pace", type=pace, default=WATCH_PACE, metavar="SECONDS",
                       help="the least time between an offline agent's recorded steps, so you can "
                       f"follow it (default {WATCH_PACE}; 0: as fast as it goes)")
    play = commands.add_parser("play", parents=[home, own, *extra[:2]],
                               help="interpret a function yourself (TUI)")
    for lab in (watch, play):
        lab.add_argument("function", metavar="FUNCTION", help=FUNCTION_HELP)
        lab.add_argument("--domain", choices=domains.names(), help="domain of your own function")
        lab.add_argument("--seed", type=seed, default=0)
        lab.add_argument("--calls", type=positive_int, default=25, help="probe call budget")
        lab.add_argument("--points", type=positive_int, default=400, help="probe point budget")
        lab.set_defaults(run=cmd_lab)
    replay = commands.add_parser("replay", parents=[home], help="replay a saved session (TUI)")
    replay.add_argument("session_id", metavar="SESSION_ID")
    replay.set_defaults(run=cmd_lab)


def _add_judge_command(commands, home, api) -> None:
    from find_lab.judge import JUDGE_MODEL

    judging = commands.add_parser("judge", parents=[home, api],
                                  help="judge saved descriptions (FIND's multiple-choice test)")
    judging.add_argument("session_ids", nargs="*", metavar="ID")
    judging.add_argument("--all", action="store_true", help="every submitted session not yet judged")
    judging.add_argument("--judge", default=JUDGE_MODEL, metavar="MODEL|none",
                         help=f"the judge model (default {JUDGE_MODEL}); none skips judging")
    judging.set_defaults(run=cmd_judge)


def cmd_study(args) -> int:
    """`study ACTION`: a study's plan, its participants' runs, its agents' and its bundles."""
    from find_lab.study import bundle, plan as plans

    store = _store(args)
    if args.action == "new":
        path = plans.new(store.home, args.name, _suite(args))
        print(f"wrote {path}: edit it, then `find-lab study show {args.name}`")
        return 0
    if args.action == "import":
        plan, imported, skipped = bundle.import_bundle(store, _suite(args), Path(args.bundle))
        print(f"imported {count(imported, 'session')} of study {plan.name!r} (plan {plan.hash}), "
              f"skipped {skipped:,} already here")
        return 0
    plan = plans.load(store.home, args.name, _suite(args))
    if args.action == "show":
        return _study_show(store, plan, args.json)
    if args.action == "agents":
        return _study_agents(args, store, plan)
    if args.action == "run":
        return _study_run(args, store, plan)
    if args.action == "report":
        return _study_report(args, store, plan)
    sent = bundle.export(store, plan, Path(args.file))
    print(f"exported study {plan.name!r} (plan {plan.hash}, {count(sent, 'session')}) "
          f"to {args.file}")
    return 0


def _study_show(store, plan, as_json: bool) -> int:
    """The plan as it is realised: its functions, each participant's order (the roster's, or
    in an open study those who have signed up) and how far each has got, and the agents'
    runs made."""
    from find_lab.study import progress

    docs = progress.sessions(store, plan)
    runs = len(plan.agents) * len(plan.functions)
    made = runs - len(progress.agent_runs(store, plan, docs))
    signed = progress.participants(store, plan, docs)
    people = {person: {"order": plan.order(person),
                       "next": progress.next_position(store, plan, person, docs)}
              for person in (signed if plan.open else plan.roster)}
    if as_json:
        print(_json({"name": plan.name, "hash": plan.hash, "path": str(plan.path),
                     "seed": plan.seed, "instructions": plan.instructions, "reveal": plan.reveal,
                     "agents": list(plan.agents), "functions": list(plan.functions),
                     "practice": plan.practice,
                     "budget": {"calls": plan.calls, "points": plan.points,
                                "minutes": plan.minutes},
                     "participants": {"roster": list(plan.roster), "open": plan.open,
                                      "order": plan.order_kind,
                                      "break_seconds": plan.break_seconds},
                     "orders": {person: shown["order"] for person, shown in people.items()},
                     "next_position": {person: shown["next"] for person, shown in people.items()},
                     "agent_runs": {"done": made, "total": runs}}))
        return 0
    print(f"study {plan.name}  plan {plan.hash}  ({plan.path})")
    print(f"{count(len(plan.functions), 'function')}: {', '.join(plan.functions)}")
    print(f"practice: {plan.practice or 'none'}")
    print(f"budget per function: {count(plan.calls, 'probe call')}, "
          f"{count(plan.points, 'point')}, {plan.minutes:g} min; breaks of {plan.break_seconds:g} s")
    print(f"reveal: {plan.reveal}; agents: {', '.join(plan.agents) or 'none'} "
          f"({made:,} of {count(runs, 'run')} made)")
    who = "open sign-up" if plan.open else f"a roster of {count(len(plan.roster), 'participant')}"
    print(f"participants: {who}, order {plan.order_kind}")
    if plan.open:
        print(f"  {count(len(people), 'participant')} signed up so far"
              + ("; each id's order is drawn from a hash of it" if plan.order_kind != "fixed"
                 else ""))
    for person, shown in people.items():
        state = "done" if shown["next"] is None else f"next: position {shown['next']}"
        print(f"  {person:12} {' '.join(shown['order'])}  ({state})")
    print("instructions:")
    for line in plan.instructions.strip().splitlines() or ["(none)"]:
        print(f"  {line}")
    return 0


def _study_agents(args, store, plan) -> int:
    """Each of the plan's agents on each of its functions, under its budget and seed, tagged
    and saved; what already ended is skipped, so an interrupted run picks up where it was."""
    import asyncio

    from find_lab import targets
    from find_lab.experiment import Budget
    from find_lab.progress import Progress
    from find_lab.session import run_session
    from find_lab.study import progress

    runs = progress.agent_runs(store, plan)
    total = len(plan.agents) * len(plan.functions)
    claude = _claude_options(args)
    if any(actors.get(agent).needs_key for agent, _ in runs) and not claude["api_key"]:
        raise UserError("set ANTHROPIC_API_KEY (or --api-key-file) to run the study's claude agent")
    suite = _suite(args)
    _needs_backend(args, [suite.get(function) for function in {f for _, f in runs}])
    print(f"study {plan.name}: {count(len(runs), 'session')} to run, {total - len(runs):,} of "
          f"{total:,} done already", file=sys.stderr)
    meter = Progress("study agents", len(runs), "session")
    crashed = []
    try:
        for done, (name, function) in enumerate(runs, 1):
            target = targets.resolve(function, seed=plan.seed, suite=suite, hints=False)
            actor = actors.make_actor(name, plan.seed,
                                      claude=claude if actors.get(name).needs_key else None)
            experiment = asyncio.run(run_session(
                target, actor, store=store, budget=Budget(plan.calls, plan.points),
                study=plan.tag(agent=name, seed=plan.seed)))
            score = experiment.score
            mark = ("success" if score.success else "fail") if score else "unscored"
            print(f"{experiment.session_id}  {name:12} {function:16} {experiment.status:16} {mark}")
            if experiment.status == "crashed":
                crashed.append(f"{name} on {function}: {experiment.events[-1].get('reason')}")
            meter.update(done, f"last: {name} {function} {mark}")
    finally:
        meter.close()
    if crashed:
        raise RunFailed(f"{len(crashed):,} of {count(len(runs), 'session')} crashed; the first: "
                        f"{crashed[0]}")
    return 0


def _study_run(args, store, plan) -> int:
    """A participant's run of the study in the lab; the id is checked against the roster
    before the app starts."""
    plan.participant_index(args.participant)
    try:
        from find_lab.tui.app import run_study
    except ImportError:
        raise UserError("this lab cannot run a study's participants yet "
                        "(find_lab.tui.app has no run_study)") from None
    return run_study(store.home, args.suite, plan.name, args.participant)


def _study_report(args, store, plan) -> int:
    """The study's report on stdout (text with its plots, JSON or CSV) or as a Markdown file,
    and with --plots its figures as image files."""
    from find_lab.study import progress, report as reports

    report = reports.build(plan, progress.sessions(store, plan, every_version=True))
    written = []
    if args.plots:
        try:
            written = reports.plots(report, Path(args.plots))
        except OSError as exc:
            raise UserError(f"cannot write the plots to {args.plots}: "
                            f"{exc.strerror or exc}") from None
    if args.markdown:
        try:
            Path(args.markdown).write_text(report.markdown(), encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write {args.markdown}: {exc.strerror or exc}") from None
        print(f"wrote the report of study {plan.name!r} to {args.markdown}")
    else:
        sys.stdout.write(report.json() if args.json else
                         report.csv() if args.csv else report.text())
    for path in written:  # beside JSON or CSV on stdout, the figures' paths go to stderr
        print(f"wrote {path}", file=sys.stderr if args.json or args.csv else sys.stdout)
    return 0


def _add_study_command(commands, home, again, claude) -> None:
    study = commands.add_parser("study", parents=[home], help="human-vs-agent studies: plan, "
                                "run, agents, bundles",
                                description="A study is a plan in <home>/studies/NAME/plan.toml "
                                "(written by `study new`, edited by you); its sessions are the "
                                "store's, tagged with the study, its plan's hash and who ran "
                                "them where.")
    actions = study.add_subparsers(dest="action", metavar="ACTION", required=True)
    extra = [again, _suite_again()]
    new = actions.add_parser("new", parents=extra, help="write a commented plan to edit")
    show = actions.add_parser("show", parents=extra, help="the plan with its functions and "
                              "each participant's order")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    run = actions.add_parser("run", parents=extra, help="a participant runs the study (TUI)")
    run.add_argument("--participant", required=True, metavar="ID")
    agents = actions.add_parser("agents", parents=[*extra, claude, _neuron_options()],
                                help="run the plan's agents on its functions (resumable)")
    export = actions.add_parser("export", parents=extra, help="write the plan and every "
                                "session of the study to FILE (.zip, else JSON lines)")
    report = actions.add_parser("report", parents=extra, help="success rates, paired "
                                "comparisons and a table per function (text with plots)")
    form = report.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print one JSON object")
    form.add_argument("--csv", action="store_true", help="print one CSV row per session")
    form.add_argument("--markdown", metavar="FILE", help="write the report as Markdown to FILE")
    report.add_argument("--plots", metavar="DIR", help="also write the figures as image files "
                        "into DIR")
    for action in (new, show, run, agents, report, export):
        action.add_argument("name", metavar="NAME")
    export.add_argument("file", metavar="FILE")
    imported = actions.add_parser("import", parents=extra, help="merge a study bundle, "
                                  "refusing duplicates and a plan that differs")
    imported.add_argument("bundle", metavar="FILE")
    study.set_defaults(run=cmd_study)


def cmd_serve(args) -> int:
    """`serve`: the lab, or one study's participants, to web browsers until ctrl+c."""
    from find_lab.tui import serve
    from find_lab.study import plan as plans

    store = _store(args)
    suite = _suite(args)
    plan = plans.load(store.home, args.study, suite) if args.study else None
    if args.participant and plan is None:
        raise UserError("--participant needs --study NAME")
    try:
        links = serve.Links(store.home, args.suite, plan, args.participant)
        serve.serve(links, args.host, args.port, args.public_url, args.max_sessions)
    except serve.ServeError as exc:
        raise UserError(str(exc)) from None
    return 0


def _add_serve_command(commands, home) -> None:
    serving = commands.add_parser(
        "serve", parents=[home, _suite_again()], help="serve the lab, or a study, to web browsers",
        description="Each browser window runs the lab in a process of its own (textual-serve). "
        "Without --study the printed link opens the whole lab: keep it to yourself. With "
        "--study each participant gets a link of their own that opens their study run and "
        "nothing else; links stay good across restarts (their key is <home>/serve.key).")
    serving.add_argument("--study", metavar="NAME", help="serve this study's participants")
    serving.add_argument("--participant", action="append", metavar="ID",
                         help="links for these participants only (repeat it; an open study "
                         "takes new ids); default: the roster, or an open study's sign-up link")
    serving.add_argument("--host", default="127.0.0.1",
                         help="the address to listen on (default 127.0.0.1: this machine only)")
    serving.add_argument("--port", type=int, default=8000, help="default 8000; 0: any free port")
    serving.add_argument("--public-url", type=base_url, metavar="URL",
                         help="the address browsers reach the server at, behind a proxy")
    serving.add_argument("--max-sessions", type=positive_int, default=32, metavar="N",
                         help="at most N lab processes at once (default 32)")
    serving.set_defaults(run=cmd_serve)


def cmd_doctor(args) -> int:
    """What isolation agents' code gets here; exit 1 unless it is the full jail."""
    for line in sandbox.doctor_lines():
        print(line)
    return 0 if sandbox.isolation() == "jail" else 1


def show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """warnings.showwarning for the command line: one line, not Python's two."""
    print(f"find-lab: warning: {message}", file=sys.stderr)


@contextmanager
def _environment(args):
    """The command's --neuron-backend, --neuron-model and (for the lab) --hints as the
    environment the targets read, also in bench's workers and the lab's screens; restored
    after the command."""
    from find_lab.find_dataset.backend import BACKEND_ENV, MODEL_ENV
    from find_lab.targets import HINTS_ENV

    changes = {BACKEND_ENV: getattr(args, "neuron_backend", None),
               MODEL_ENV: getattr(args, "neuron_model", None),
               HINTS_ENV: "1" if getattr(args, "hints", False) and args.run is cmd_lab else None}
    saved = {name: os.environ.get(name) for name, value in changes.items() if value}
    os.environ.update({name: value for name, value in changes.items() if value})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def main(argv: list[str] | None = None) -> int:
    """Every outcome is one exit status (see EPILOG); every failure one line on stderr."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed the help, or a usage error in one line
        return exc.code
    if not getattr(args, "run", None):
        args.home = None
        args.run = cmd_lab
    if args.allow_weak_sandbox:
        os.environ["FIND_LAB_ALLOW_WEAK_SANDBOX"] = "1"  # bench workers inherit it
    with warnings.catch_warnings(), _environment(args):
        warnings.showwarning = show_warning
        try:
            status = args.run(args)
            sys.stdout.flush()  # a closed pipe fails here, not in the interpreter's exit
            return status
        except (UserError, SuiteError, StoreError, TargetError, StudyError) as exc:
            print(f"find-lab: {exc}", file=sys.stderr)
            return 2
        except RunFailed as exc:
            print(f"find-lab: {exc}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("find-lab: interrupted", file=sys.stderr)
            return 130
        except BrokenPipeError:  # `find-lab sessions list | head -1`: the reader has had enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0


if __name__ == "__main__":
    sys.exit(main())
