"""A pilot study run end to end as a researcher runs one: a plan of six functions and a practice,
participant p01 driven through the lab's pilot, participant p02 in a real browser on the link
`find-lab serve` printed for them, the scientist and both baselines as the agents, and the
report read through `study report --json`.

p02 opens their link again half-way through a function, as after a closed laptop, and carries
on in the new window. The participants are scripted, so what they scored is known by hand (F1..F6, the plan's
functions; ✓ the true code submitted, ✗ a wrong one, - given up):

    function   F1  F2  F3  F4  F5  F6
    p01        ✓   ✓   ✓   ✓   ✗   -
    p02        ✓   ✓   ✗   -   ✓   -
    humans     1   1   .5  .5  .5  0     (per-function means; McNemar's yes: F1, F2 only)

The agents' outcomes are whatever their sessions scored: each comparison is checked against a
paired count and a binomial sum written out here, not against the report's own code."""

import asyncio
import json
import math

import pytest
from playwright.sync_api import sync_playwright

from find_lab.cli import main
from find_lab.store import Store
from find_lab.study import plan as study_plan
from find_lab.study import progress
from find_lab.suite import Suite, render
from find_lab.tui.app import make_study_app
from find_lab.tui.screens.dialogs import ConfirmDialog
from find_lab.tui.screens.study import BreakScreen, DoneScreen
from tests.browser import Window, chromium, served
from tests.tui.pilot import begin, submit, until

F = ["numeric/f0024", "numeric/f0042", "numeric/f0046", "numeric/f0065", "numeric/f0091",
     "numeric/f0095"]
PRACTICE = "numeric/f0013"
WRONG = "return 1000 + 0 * x"
DOES = {"p01": dict(zip(F, "✓✓✓✓✗-")), "p02": dict(zip(F, "✓✓✗-✓-"))}
AGENTS = ("scientist", "random", "interpolate")
REOPENED = 2  # the position at which p02 opens their link again
PLAN = f'''\
name = "acceptance"
seed = 0
instructions = """
Probe each hidden function and explain it.
"""
reveal = "never"
agents = {json.dumps(list(AGENTS))}

[functions]
ids = {json.dumps(F)}
practice = "{PRACTICE}"

[budget]
calls = 25
points = 400
minutes = 10

[participants]
roster = ["p01", "p02"]
order = "counterbalanced"
break_seconds = 0
'''


def truth(function_id: str) -> str:
    """The hidden function's own formula as one line of f's body: what a participant who
    found it exactly would write."""
    line = next(line.strip() for line in render(Suite().get(function_id)).splitlines()
                if line.strip().startswith("y = "))
    return "return " + line.removeprefix("y = ")


async def p01_in_the_lab(home, plan) -> None:
    """p01: the practice given up, then each function probed and answered as DOES says."""
    app = make_study_app(home, None, plan.name, "p01")
    async with app.run_test(size=(120, 40)) as pilot:
        for position in range(len(F) + 1):
            lab = await begin(pilot, app)
            await pilot.press(*"-10:10:5", "enter")
            await until(pilot, lambda: lab.state.probes)
            does = "-" if position == 0 else DOES["p01"][lab.launch.function_id]
            if does == "-":
                await pilot.press("escape")
                await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
                await pilot.press("y")
            else:
                await submit(pilot, app, lab, truth(lab.launch.function_id) if does == "✓"
                             else WRONG)
                await until(pilot, lambda: lab.state.ended)
                await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, (BreakScreen, DoneScreen)))
        assert isinstance(app.screen, DoneScreen)
        await pilot.press("enter")


def p02_in_the_browser(browser, link: str, plan) -> None:
    """p02 as a person at the page: reads each screen, types probes, keys and code; half-way
    through a function they open their link again (a laptop closed and opened, a page
    reloaded), and carry on there."""
    order = plan.order("p02")
    window = Window(browser, link)
    window.shows("enter begins with the practice")
    window.press("Enter")
    for position in range(len(F) + 1):
        where = "the practice" if position == 0 else f"function {position} of {len(F)}"
        window.shows(f"Study {plan.name} · {where}")
        window.type("-10:10:5")
        window.press("Enter")
        window.shows("you probe")
        if position == REOPENED:
            older, window = window, Window(browser, link)
            older.wait(older.closed, "the older window closing")
            window.shows(f"Welcome back: enter resumes at {where}")
            window.press("Enter")
            window.shows(f"Study {plan.name} · {where} · resumed")
        does = "-" if position == 0 else DOES["p02"][order[position - 1]]
        if does == "-":
            window.press("Escape")
            window.shows("It ends now with no answer")
            window.press("y")
        else:
            window.press("Control+s")
            window.shows("Code: define f")
            window.type("a cubic")
            window.press("Enter", "Enter", "F7")          # to the code, all of it selected
            window.type("def f(x):")
            window.press("Enter")                        # the editor indents the body
            window.type(truth(order[position - 1]) if does == "✓" else WRONG)
            window.press("Control+s")
            window.shows("this function has ended (submitted)")
            window.press("Enter")
        if position < len(F):
            window.shows(f"enter starts function {position + 1} of {len(F)}")
            window.press("Enter")
    window.shows("Thank you: the study is complete")
    window.press("Enter")
    window.wait(window.closed, "the page saying the session closed")


def success(store, doc) -> bool:
    """Whether the session's log scored it a success (no score: no)."""
    return any(e["kind"] == "score" and e["success"] for e in store.events(doc["id"]))


def mcnemar_p(b: int, c: int) -> float:
    """Exact two-sided McNemar: twice the smaller binomial tail of b + c fair coins."""
    n = b + c
    return 1.0 if n == 0 else min(1.0, 2 * sum(math.comb(n, k) for k in range(min(b, c) + 1))
                                  / 2 ** n)


def test_a_pilot_study_from_plan_to_report(home, capsys):
    browser_at = chromium()  # before anything runs: its absence fails the test at once
    folder = study_plan.folder(home, "acceptance")
    folder.mkdir(parents=True)
    (folder / "plan.toml").write_text(PLAN)
    plan = study_plan.load(home, "acceptance", Suite())
    assert sorted(plan.order("p01")) == sorted(F) and plan.order("p01") != plan.order("p02")

    asyncio.run(p01_in_the_lab(home, plan))
    with served(home, "--study", "acceptance") as links, sync_playwright() as playwright:
        assert set(links) == {"p01", "p02"} and links["p01"] != links["p02"]
        browser = playwright.chromium.launch(executable_path=browser_at, args=["--no-sandbox"])
        try:
            p02_in_the_browser(browser, links["p02"], plan)
        finally:
            browser.close()
    assert main(["study", "agents", "acceptance", "--home", str(home)]) == 0

    # every session in the store, tagged with study, participant and position
    store = Store(home)
    for participant in ("p01", "p02"):
        tagged = [doc for doc in progress.sessions(store, plan)
                  if doc["study"].get("participant") == participant]
        mine = [doc for doc in tagged if doc["status"] != "interrupted"]
        cut_short = [doc for doc in tagged if doc["status"] == "interrupted"]
        if participant == "p02":  # the window closed half-way, and the next one carried on
            assert [doc["study"]["position"] for doc in cut_short] == [REOPENED]
            assert mine[REOPENED]["resumes"] == cut_short[0]["id"]
        else:
            assert not cut_short
        assert [doc["study"]["position"] for doc in mine] == list(range(len(F) + 1))
        assert [doc["function_id"] for doc in mine] == [PRACTICE, *plan.order(participant)]
        assert all(doc["study"] == plan.tag(participant=participant,
                                            position=doc["study"]["position"],
                                            practice=doc["study"]["position"] == 0)
                   for doc in mine)
        assert all(doc["actor_kind"] == "human" and doc["actor_name"] == participant
                   for doc in mine)
        assert [doc["status"] for doc in mine[1:]] == [
            "abandoned" if DOES[participant][doc["function_id"]] == "-" else "submitted"
            for doc in mine[1:]]
        scored = [success(store, doc) for doc in mine[1:]]
        assert scored == [DOES[participant][doc["function_id"]] == "✓" for doc in mine[1:]]
    agent_success = {(doc["study"]["agent"], doc["function_id"]): success(store, doc)
                     for doc in progress.sessions(store, plan) if "agent" in doc["study"]}
    assert len(agent_success) == len(AGENTS) * len(F)

    capsys.readouterr()
    assert main(["study", "report", "acceptance", "--home", str(home), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    rows = {row["name"]: row for row in report["summaries"]}
    # by hand: p01 4 of 6, p02 3 of 6; the humans' per-function means 1 1 .5 .5 .5 0
    assert rows["p01"]["success_rate"] == pytest.approx(4 / 6)
    assert rows["p02"]["success_rate"] == pytest.approx(3 / 6)
    assert rows["all humans"]["success_rate"] == pytest.approx(3.5 / 6)
    assert (rows["all humans"]["sessions"], rows["all humans"]["functions"]) == (12, 6)
    # apart: the practices, and the session the closed window cut short; its resume is p02's
    # own work, counted in their row, not marked
    assert {n["reason"]: n["sessions"] for n in report["not_counted"]} == \
        {"practice": 2, "unfinished": 1}
    assert rows["p02"]["sessions"] == 6 and not any("(" in name for name in rows)
    humans = {f: (DOES["p01"][f] == "✓") + (DOES["p02"][f] == "✓") for f in F}
    table = {row["function_id"]: row["cells"] for row in report["per_function"]}
    assert {f: (table[f]["all humans"]["successes"], table[f]["all humans"]["sessions"])
            for f in F} == {f: (humans[f], 2) for f in F}
    for agent in AGENTS:
        theirs = [agent_success[agent, f] for f in F]
        assert rows[agent]["success_rate"] == pytest.approx(sum(theirs) / len(F))
        for group, ours in (("p01", [DOES["p01"][f] == "✓" for f in F]),
                            ("p02", [DOES["p02"][f] == "✓" for f in F]),
                            ("all humans", [humans[f] == 2 for f in F])):  # more than half
            found = next(c for c in report["comparisons"]
                         if (c["group"], c["agent"]) == (group, agent))
            rate = rows[group]["success_rate"]
            assert found["difference"] == pytest.approx(rate - sum(theirs) / len(F))
            b = sum(o and not t for o, t in zip(ours, theirs))
            c = sum(t and not o for o, t in zip(ours, theirs))
            assert (found["mcnemar"]["b"], found["mcnemar"]["c"]) == (b, c)
            assert found["mcnemar"]["p"] == pytest.approx(mcnemar_p(b, c))
            low, high = found["ci"]
            assert low <= found["difference"] <= high
