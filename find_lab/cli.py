"""`find-lab`: the one entry point. Each subcommand is a small function over the core."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from find_lab import sandbox, scoring
from find_lab.pricing import DEFAULT_MODEL
from find_lab.suite import COMPLEXITIES, DOMAINS, Suite, SuiteError, default_root, render

EPILOG = """examples:
  find-lab                                    # the lab: pick a function and an actor
  find-lab watch numeric/f0001                # watch the scientist work, live
  find-lab play strings/f0003                 # interpret one yourself
  find-lab replay SESSION_ID                  # step through a saved session
  find-lab run numeric/f0001                  # the offline scientist, live transcript
  find-lab bench --domain strings --limit 50 --workers 2
  find-lab sessions list
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


def _store(args):
    from find_lab.store import Store

    return Store(Path(args.home) if args.home else None)


def _target(args):
    from find_lab import targets

    if ":" in args.function and not args.function.startswith(tuple(f"{d}/" for d in DOMAINS)):
        if not args.domain:
            raise UserError("interpreting your own function needs --domain numeric|strings|neurons")
        reference = targets.load_callable(args.reference) if args.reference else None
        function = targets.load_callable(args.function)
        return targets.from_callable(function, args.domain, args.function, reference)
    return targets.from_spec(_suite(args).get(args.function), args.seed)


def cmd_run(args) -> int:
    import asyncio

    from find_lab import targets, transcript
    from find_lab.experiment import Budget
    from find_lab.session import make_actor, run_session

    printer = None if args.json else transcript.LivePrinter()
    try:
        target = _target(args)
        actor = make_actor(args.agent, args.seed,
                           claude=_claude_options(args, printer.text if printer else None))
    except (targets.TargetError, ValueError) as exc:
        raise UserError(str(exc)) from None
    printer = (printer,) if printer else ()
    store = None if args.no_save else _store(args)
    experiment = asyncio.run(run_session(target, actor, store=store,
                                         budget=Budget(args.calls, args.points), listeners=printer))
    if args.json:
        print(json.dumps({"session_id": experiment.session_id, "function_id": target.function_id,
                          "agent": actor.kind, "status": experiment.status,
                          "calls": experiment.calls_used, "points": experiment.points_used,
                          "score": experiment.score.to_dict() if experiment.score else None}))
    return 0


def cmd_bench(args) -> int:
    from find_lab import bench

    suite = _suite(args)
    ids = suite.ids(args.domain, args.complexity)
    if args.limit:
        ids = [ids[i] for i in sorted({round(i * len(ids) / args.limit) for i in range(args.limit)})]
    if not ids:
        raise UserError("no functions match those filters")
    agents = [args.agent] + ([b for b in ("random", "interpolate") if b != args.agent]
                             if args.baselines else [])
    home = None if args.no_save else str(_store(args).home)
    claude = _claude_options(args) if args.agent == "claude" else None
    if claude and not claude["api_key"]:
        raise UserError("set ANTHROPIC_API_KEY (or --api-key-file) to use the claude agent")
    jobs = [bench.Job(agent, fid, args.seed, home, args.suite, claude if agent == "claude" else None)
            for fid in ids for agent in agents]
    print(f"running {len(jobs)} sessions ({len(ids)} functions x {', '.join(agents)}) "
          f"on {args.workers} workers", file=sys.stderr)
    rows, interrupted = bench.run_all(jobs, args.workers)
    if rows:
        print(bench.table(rows))
        if args.agent != "interpolate" and (comparison := bench.margins(rows, args.agent)):
            print("\n" + comparison)
    if interrupted:
        print(f"interrupted: {len(rows)} of {len(jobs)} sessions finished and were kept",
              file=sys.stderr)
        return 130
    return 0


def cmd_sessions(args) -> int:
    from find_lab import transcript
    from find_lab.store import StoreError

    store = _store(args)
    try:
        if args.action == "list":
            for doc in store.list(domain=args.domain, actor_kind=args.agent)[: args.limit or None]:
                score = doc.get("score") or {}
                verdict = "" if not score else ("success" if score.get("success") else "fail")
                print(f"{doc['id']}  {doc['function_id']:16} {doc['actor_name']:12} "
                      f"{doc['status']:16} {verdict:8} {doc.get('probes', 0):3} calls")
        elif args.action == "show":
            for event in store.events(store.get(args.session_id)["id"]):
                print("\n".join(transcript.render(event)))
        elif args.action == "export":
            ids = args.session_ids or [doc["id"] for doc in store.list()]
            store.export(ids, Path(args.out))
            print(f"exported {len(ids)} sessions to {args.out}")
        elif args.action == "import":
            imported, skipped = store.import_bundle(Path(args.bundle))
            print(f"imported {imported} sessions, skipped {skipped} already present")
        elif args.action == "delete":
            store.delete(store.get(args.session_id)["id"])
            print(f"deleted {args.session_id}")
    except StoreError as exc:
        raise UserError(str(exc)) from None
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
    _add_session_commands(commands)
    return top


def _add_session_commands(commands) -> None:
    home = argparse.ArgumentParser(add_help=False)
    home.add_argument("--home", metavar="DIR",
                      help="where sessions are saved (default: $FIND_LAB_HOME or ./sessions)")

    api = argparse.ArgumentParser(add_help=False)
    group = api.add_argument_group("the Anthropic API")
    group.add_argument("--api-key-file", metavar="FILE",
                       help="read the API key from FILE (default $ANTHROPIC_API_KEY)")
    group.add_argument("--base-url", metavar="URL", help="API base URL (default $ANTHROPIC_BASE_URL)")
    claude = argparse.ArgumentParser(add_help=False, parents=[api])
    group = claude.add_argument_group("the claude agent")
    group.add_argument("--model", metavar="ID", help=f"Claude model (default {DEFAULT_MODEL})")
    group.add_argument("--rounds", type=int, metavar="N", help="turn cap (default 20, as in FIND)")

    run = commands.add_parser("run", parents=[home, claude], help="run an agent on one function, headless")
    run.add_argument("function", metavar="FUNCTION",
                     help="a suite id (numeric/f0001) or your own FILE.py:NAME or MODULE:NAME")
    run.add_argument("--agent", default="scientist", help="scientist, claude, random or interpolate")
    run.add_argument("--domain", choices=DOMAINS, help="domain of your own function")
    run.add_argument("--reference", metavar="FILE.py:NAME", help="true code to score your function")
    run.add_argument("--seed", type=int, default=0)
    run.add_argument("--calls", type=int, default=25, help="probe call budget")
    run.add_argument("--points", type=int, default=400, help="probe point budget")
    run.add_argument("--json", action="store_true", help="print one JSON result instead")
    run.add_argument("--no-save", action="store_true", help="do not save the session")
    run.set_defaults(run=cmd_run)

    bench = commands.add_parser("bench", parents=[home, claude],
                                help="run an agent (and the baselines) over many functions")
    bench.add_argument("--agent", default="scientist")
    bench.add_argument("--domain", choices=DOMAINS)
    bench.add_argument("--complexity", metavar="NAME")
    bench.add_argument("--limit", type=int, default=0, help="an even sample of N functions")
    bench.add_argument("--workers", type=int, default=2)
    bench.add_argument("--seed", type=int, default=0)
    bench.add_argument("--no-baselines", dest="baselines", action="store_false",
                       help="skip the random and interpolate reference rows")
    bench.add_argument("--no-save", action="store_true", help="do not save the sessions")
    bench.set_defaults(run=cmd_bench)

    sessions = commands.add_parser("sessions", parents=[home], help="saved sessions")
    actions = sessions.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[home], help="newest first")
    listing.add_argument("--domain", choices=DOMAINS)
    listing.add_argument("--agent", metavar="KIND")
    listing.add_argument("--limit", type=int, default=0)
    show = actions.add_parser("show", parents=[home], help="print a session's transcript")
    show.add_argument("session_id", metavar="ID")
    export = actions.add_parser("export", parents=[home], help="write sessions to a bundle")
    export.add_argument("out", metavar="BUNDLE.jsonl")
    export.add_argument("session_ids", nargs="*", metavar="ID", help="default: all")
    bundle = actions.add_parser("import", parents=[home], help="merge a bundle, skipping duplicates")
    bundle.add_argument("bundle", metavar="BUNDLE.jsonl")
    delete = actions.add_parser("delete", parents=[home], help="delete one session")
    delete.add_argument("session_id", metavar="ID")
    sessions.set_defaults(run=cmd_sessions)
    _add_lab_commands(commands, home, claude)
    _add_judge_command(commands, home, api)


def cmd_lab(args) -> int:
    """Open the Textual lab: the launcher, or straight into watch, play or replay."""
    from find_lab.experiment import Budget
    from find_lab.tui.app import make_app
    from find_lab.tui.screens.lab import Launch

    launch = None
    if args.command in ("watch", "play"):
        _suite(args).get(args.function_id)  # an unknown id fails here, in one line
        launch = Launch(args.command, args.function_id, "human" if args.command == "play" else args.agent)
    elif args.command == "replay":
        from find_lab.store import StoreError

        try:
            session_id = _store(args).get(args.session_id)["id"]
        except StoreError as exc:
            raise UserError(str(exc)) from None
        launch = Launch("replay", session_id=session_id)
    make_app(launch, home=args.home, suite_root=args.suite, seed=getattr(args, "seed", 0),
             budget=Budget(getattr(args, "calls", 25), getattr(args, "points", 400)),
             claude=_claude_options(args)).run()
    return 0


def api_key(args) -> str | None:
    """The key from --api-key-file, else ANTHROPIC_API_KEY; never printed or saved."""
    if getattr(args, "api_key_file", None):
        try:
            return Path(args.api_key_file).read_text().strip() or None
        except OSError as exc:
            raise UserError(f"cannot read the API key file: {exc.strerror}") from None
    return os.environ.get("ANTHROPIC_API_KEY") or None


def _claude_options(args, on_text=None) -> dict:
    """What the Claude agent needs from the command line; the key stays in memory."""
    return {"model": getattr(args, "model", None), "api_key": api_key(args),
            "base_url": getattr(args, "base_url", None), "max_rounds": getattr(args, "rounds", None),
            "on_text": on_text}


def cmd_judge(args) -> int:
    """FIND's description test on saved submissions; the verdict is appended to the session."""
    import asyncio

    from find_lab import judge
    from find_lab.store import StoreError

    store = _store(args)
    docs = store.list()
    if args.all:
        chosen = [d for d in docs if d.get("status") == "submitted" and not d.get("judge")]
    else:
        try:
            chosen = [store.get(session_id) for session_id in args.session_ids]
        except StoreError as exc:
            raise UserError(str(exc)) from None
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
        try:
            asked = judge.questions(suite, doc["function_id"])
        except SuiteError:
            print(f"{doc['id']}  {doc['function_id']} is not in the suite: no questions to ask")
            continue
        try:
            verdict = asyncio.run(judge.judge(submitted["description"], asked, ask, args.judge))
        except Exception as exc:  # the SDK's errors: one line, the rest stay judged
            raise UserError(f"the judge failed on {doc['id']}: {type(exc).__name__}: "
                            f"{str(exc).splitlines()[0] if str(exc) else ''}") from None
        store.append(doc["id"], "judge", score=verdict.score, correct=verdict.correct,
                     total=verdict.total, model=verdict.model)
        print(f"{doc['id']}  {doc['function_id']:14} {verdict.correct}/{verdict.total} "
              f"(score {verdict.score:.2f}; chance 0.33)")
    return 0


def _add_lab_commands(commands, home, claude) -> None:
    watch = commands.add_parser("watch", parents=[home, claude],
                                help="watch an agent interpret a function (TUI)")
    watch.add_argument("function_id", metavar="ID")
    watch.add_argument("--agent", default="scientist", help="scientist, claude, random or interpolate")
    play = commands.add_parser("play", parents=[home], help="interpret a function yourself (TUI)")
    play.add_argument("function_id", metavar="ID")
    for lab in (watch, play):
        lab.add_argument("--seed", type=int, default=0)
        lab.add_argument("--calls", type=int, default=25, help="probe call budget")
        lab.add_argument("--points", type=int, default=400, help="probe point budget")
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


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not getattr(args, "run", None):
        args.home = None
        args.run = cmd_lab
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
