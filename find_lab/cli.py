"""`find-lab`: the one entry point. Each subcommand is a small function over the core."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from find_lab import sandbox, scoring
from find_lab.suite import COMPLEXITIES, DOMAINS, Suite, SuiteError, default_root, render

EPILOG = """examples:
  find-lab suite list --domain numeric --complexity corruption
  find-lab suite show numeric/f0001 --reveal
  find-lab score numeric/f0001 --code my_answer.py --description "a sine wave"
"""


class UserError(Exception):
    """Something the user can fix; printed as one line, exit status 2."""


def _suite(args) -> Suite:
    return Suite(args.suite)


def cmd_list(args) -> int:
    suite = _suite(args)
    ids = suite.ids(args.domain, args.complexity)
    for fid in ids[: args.limit or None]:
        spec = suite.get(fid)
        structure = f"  {spec['structure']}" if spec.get("structure") else ""
        print(f"{fid:16} {spec['complexity']:11}{structure}")
    print(f"{len(ids)} functions", file=sys.stderr)
    return 0


def cmd_show(args) -> int:
    spec = _suite(args).get(args.function_id)
    print(f"{spec['id']}  domain: {spec['domain']}  complexity: {spec['complexity']}")
    if spec["domain"] == "numeric":
        print("inputs: floats in [-128, 128]; outputs: floats (NaN where undefined)")
    elif spec["domain"] == "strings":
        print("inputs: strings; outputs: strings")
    else:
        print("inputs: single words; outputs: activation in [0, 1]")
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
    if not (lexicon / "concepts.json").is_file():
        raise UserError(f"no lexicon at {lexicon} (expected concepts.json and vocabulary.txt)")
    started = time.perf_counter()
    manifest = build(args.seed, out, lexicon, workers=args.workers)
    for domain, counts in manifest["counts"].items():
        parts = ", ".join(f"{k} {v}" for k, v in counts.items() if k != "total")
        print(f"{domain:8} {counts['total']:5}  ({parts})")
    print(f"built {out} in {time.perf_counter() - started:.1f} s; checksum {manifest['checksum'][:16]}")
    return 0


def cmd_verify(args) -> int:
    from find_lab.suite.build import verify

    root = Path(args.suite) if args.suite else default_root()
    problems = verify(root)
    for problem in problems[:50]:
        print(problem)
    if problems:
        print(f"{len(problems)} problems in {root}")
        return 1
    print(f"{root}: suite is intact")
    return 0


def cmd_score(args) -> int:
    spec = _suite(args).get(args.function_id)
    try:
        code = sys.stdin.read() if args.code == "-" else Path(args.code).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read the code file {args.code}: {exc}") from None
    limits = sandbox.Limits(wall_seconds=args.timeout, cpu_seconds=max(1, int(args.timeout)))
    result = scoring.score(spec, code, args.description, limits)
    print(json.dumps(result.to_dict()) if args.json else result.summary())
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="find-lab", description="FIND Lab: probe hidden functions, explain them, "
        "score the explanation.", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--suite", metavar="DIR",
                     help="the suite's folder (default: $FIND_LAB_FUNCTIONS or ./functions)")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")

    suite = commands.add_parser("suite", help="list, show, build and verify the hidden functions")
    suite_commands = suite.add_subparsers(dest="suite_command", metavar="ACTION", required=True)
    listing = suite_commands.add_parser("list", help="list function ids")
    listing.add_argument("--domain", choices=DOMAINS)
    listing.add_argument("--complexity", metavar="NAME", help="one of: " + ", ".join(
        sorted({c for cs in COMPLEXITIES.values() for c in cs} | {"atom", "sum", "product"})))
    listing.add_argument("--limit", type=int, default=0, help="show at most N")
    listing.set_defaults(run=cmd_list)
    show = suite_commands.add_parser("show", help="show one function (answer hidden)")
    show.add_argument("function_id", metavar="ID")
    show.add_argument("--reveal", action="store_true", help="show the description and source")
    show.set_defaults(run=cmd_show)
    build = suite_commands.add_parser("build", help="regenerate the suite from a seed")
    build.add_argument("--seed", type=int, default=0)
    build.add_argument("--out", metavar="DIR", help="where to write (default: the suite folder)")
    build.add_argument("--lexicon", metavar="DIR", help="concept lexicon (default: functions/lexicon)")
    build.add_argument("--workers", type=int, default=2, help="processes for numeric functions")
    build.set_defaults(run=cmd_build)
    verify = suite_commands.add_parser("verify", help="check the suite against its manifest")
    verify.set_defaults(run=cmd_verify)

    score = commands.add_parser("score", help="score submitted code against a hidden function")
    score.add_argument("function_id", metavar="ID")
    score.add_argument("--code", required=True, metavar="FILE",
                       help="Python file defining f(x) (- reads standard input)")
    score.add_argument("--description", metavar="TEXT", help="your description of the function")
    score.add_argument("--timeout", type=float, default=10.0, help="seconds the code may run")
    score.add_argument("--json", action="store_true", help="print the full result as JSON")
    score.set_defaults(run=cmd_score)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not getattr(args, "run", None):
        parser().print_help()
        return 0
    try:
        return args.run(args)
    except (UserError, SuiteError) as exc:
        print(f"find-lab: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("find-lab: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
