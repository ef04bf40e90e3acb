"""A session exported as Markdown, HTML or CSV, from its events alone, and by `find-lab sessions
export`: who did what, the transcript, the probes, the hypotheses, the answer and its score,
with what agents wrote shown as text, never as markup."""

import asyncio
import csv
import io
import json
import re

import pytest

from helpers import run
from find_lab import export, targets
from find_lab.session import run_session
from find_lab.store import Store

FUNCTION = "numeric/f0001"
SCRIPT = "<script>alert('owned')</script> I start | with *three* probes"
CODE = "def f(x):\n    return 2 * x\n"


class Mixer:
    """An agent whose session holds one of everything: a message with markup in it, a steer,
    a takeover with a person's probes, a reveal, a hypothesis and an answer."""

    kind, name = "scientist", "mixer"
    experiment = None

    async def run(self, door) -> None:
        await door.say(SCRIPT)
        await door.probe([1.0, 2.0, 3.0])
        self.experiment.steer("look at the negatives")
        self.experiment.take_over()
        await self.experiment.probe([-1.0, -2.0], actor="human")
        self.experiment.reveal()
        self.experiment.hand_back()
        await door.checkpoint()
        await door.hypothesis(CODE, note="doubles <b>x</b>")
        await door.submit("Doubles x. </td><script>bad()</script>", CODE)


class Follower:
    kind, name = "scientist", "follower"

    async def run(self, door) -> None:
        await door.probe([4.0])
        await door.submit("a line", CODE)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory, suite):
    """A store with the mixed session and a fork of it made after its first probe."""
    home = tmp_path_factory.mktemp("sessions")
    store = Store(home)
    spec = suite.get(FUNCTION)
    mixer = Mixer()

    def target():
        return targets.from_spec(spec, 0, suite.source(FUNCTION))

    def ready(experiment):
        mixer.experiment = experiment

    parent = asyncio.run(run_session(target(), mixer, store=store, ready=ready))
    first = next(e for e in parent.events if e["kind"] == "probe")
    fork = asyncio.run(run_session(target(), Follower(), store=store, carried=[first],
                                   forked_from={"session_id": parent.session_id,
                                                "seq": first["seq"]}))
    return home, store.events(parent.session_id), store.events(fork.session_id)


def test_markdown_says_who_did_what_and_holds_every_part(recorded):
    _, events, _ = recorded
    md = export.render(events, "md")
    header = md.split("## Who did what")[0]
    assert f"{FUNCTION} (numeric)" in header and "mixer (scientist)" in header
    assert "| **Status** | submitted |" in header and "nmse" in header
    assert "mixed: mixer, human takeover, steered by a human, answer revealed" in header
    who = md.split("## Who did what")[1].split("## Transcript")[0]
    assert "The agent (mixer) probed: 1 call, 3 points." in who
    assert "A person probed: 1 call, 2 points." in who
    for said in ("a person steered the agent", "a person took over from the agent",
                 "the person handed back after 2 probes",
                 "a person saw the hidden function (before any submission)",
                 "the agent (mixer) submitted the answer"):
        assert said in who
    transcript = md.split("## Transcript")[1].split("## Probes")[0]
    assert "> look at the negatives" in transcript and "3 inputs: 1 → " in transcript
    probes = md.split("## Probes")[1].split("## Hypotheses")[0]
    rows = [line for line in probes.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == 5 and "5 points in 2 calls" in probes
    assert [row.split(" | ")[2] for row in rows] == ["agent"] * 3 + ["human"] * 2
    assert f"```python\n{CODE}```" in md.split("## Hypotheses")[1]
    answer = md.split("## Final description and code")[1].split("## Score")[0]
    assert "Doubles x." in answer and CODE in answer
    assert "| **Result** | nmse " in md.split("## Score")[1]


def test_agent_text_is_never_markup(recorded):
    _, events, _ = recorded
    md, page = export.render(events, "md"), export.render(events, "html")
    assert not re.search(r"(?<!\\)<", md.split("```")[0])  # every < before the code escaped
    assert "\\<script\\>alert" in md and "\\*three\\*" in md and "\\| with" in md
    assert "<script" not in page.lower() and "<b>" not in page
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;" in page
    assert "Doubles x. &lt;/td&gt;&lt;script&gt;bad()&lt;/script&gt;" in page
    assert "doubles &lt;b&gt;x&lt;/b&gt;" in page


def test_html_is_one_self_contained_page_with_the_same_content(recorded):
    _, events, _ = recorded
    page = export.render(events, "html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<style>" in page and not any(tag in page for tag in ("src=", "href=", "<link", "<img"))
    for heading in ("Who did what", "Transcript", "Probes", "Hypotheses",
                    "Final description and code", "Score"):
        assert f"<h2>{heading}</h2>" in page
    assert page.count("<tr><td>") == 5  # one probe point a row
    assert "a person took over from the agent" in page and "return 2 * x" in page


def test_csv_has_one_row_per_probe_point(recorded):
    _, events, fork = recorded
    rows = list(csv.DictReader(io.StringIO(export.render(events, "csv"))))
    assert [float(row["input"]) for row in rows] == [1.0, 2.0, 3.0, -1.0, -2.0]
    assert [row["actor"] for row in rows] == ["agent"] * 3 + ["human"] * 2
    hypothesis = next(e for e in events if e["kind"] == "hypothesis")
    predicted = next(key for key in rows[0] if key.startswith(f"hypothesis {hypothesis['seq']}:"))
    assert [float(row[predicted]) for row in rows] == [2.0, 4.0, 6.0, -2.0, -4.0]
    carried = list(csv.DictReader(io.StringIO(export.render(fork, "csv"))))
    assert [(row["input"], row["carried"]) for row in carried] == [
        ("1.0", "true"), ("2.0", "true"), ("3.0", "true"), ("4.0", "false")]


def test_a_fork_names_where_it_began(recorded):
    _, events, fork = recorded
    md = export.render(fork, "md")
    assert f"Fork of {events[0]['session_id']} at event " in md
    assert "carrying 1 probe call made there" in md and "mixed: follower, fork of" in md
    assert "3 inputs carried from the parent session" in md


def test_a_session_still_running_exports_what_it_has(recorded):
    _, events, _ = recorded
    live = [e for e in events if e["kind"] not in ("submit", "score", "session_end")]
    md = export.render(live, "md")
    assert "| **Status** | running |" in md and "Nothing was submitted." in md
    assert "Not scored." in md
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export.render(events, "pdf")


# --- find-lab sessions export ---------------------------------------------------------------
def test_export_writes_a_document_or_prints_it(capsys, recorded, tmp_path):
    home, events, _ = recorded
    session = events[0]["session_id"]
    target = tmp_path / "session.md"
    status, out, err = run(capsys, "sessions", "export", session, "--format", "md",
                           "-o", str(target), "--home", str(home))
    assert (status, err) == (0, "")
    assert out == f"exported session {session} to {target} (Markdown)\n"
    assert target.read_text() == export.render(events, "md")
    status, out, _ = run(capsys, "sessions", "export", session, "-o", str(tmp_path / "s.html"),
                         "--home", str(home))  # the suffix says which format
    assert status == 0 and out.endswith("(HTML)\n")
    assert (tmp_path / "s.html").read_text().startswith("<!DOCTYPE html>")
    status, out, _ = run(capsys, "sessions", "export", session, "--format", "csv", "--home",
                         str(home))
    assert status == 0 and out == export.render(events, "csv")


def test_export_still_writes_bundles(capsys, recorded, tmp_path):
    home, events, _ = recorded
    status, out, _ = run(capsys, "sessions", "export", str(tmp_path / "all.jsonl"), "--home",
                         str(home))
    assert status == 0 and out == f"exported 2 sessions to {tmp_path / 'all.jsonl'}\n"
    assert len((tmp_path / "all.jsonl").read_text().splitlines()) == 2
    status, out, _ = run(capsys, "sessions", "export", str(tmp_path / "one.jsonl"),
                         events[0]["session_id"], "--home", str(home))
    assert status == 0 and out.startswith("exported 1 session to ")
    [line] = (tmp_path / "one.jsonl").read_text().splitlines()
    assert json.loads(line)["events"] == events


@pytest.mark.parametrize("argv, message", [
    (["ID", "OTHER", "--format", "md"], "--format md exports one session: give one ID"),
    (["all.jsonl", "-o", "out.jsonl"], "a bundle is written to OUT.jsonl, the first argument"),
    (["nope", "--format", "html"], "no saved session 'nope'"),
    (["report.md"], "report.md names a Markdown file, not a bundle"),
])
def test_export_mistakes_are_one_line(capsys, recorded, argv, message):
    home, _, _ = recorded
    status, out, err = run(capsys, "sessions", "export", *argv, "--home", str(home))
    assert status == 2 and out == "" and err.count("\n") == 1 and message in err


def test_an_unwritable_document_is_one_line(capsys, recorded, tmp_path):
    home, events, _ = recorded
    status, _, err = run(capsys, "sessions", "export", events[0]["session_id"], "-o",
                         str(tmp_path / "missing" / "x.md"), "--home", str(home))
    assert status == 2 and err.startswith("find-lab: cannot write ") and err.count("\n") == 1
