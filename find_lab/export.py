"""A session as a document to read or share: Markdown, a self-contained HTML page, or CSV.

Everything comes from the session's events alone (a saved log, a bundle's line, or the events
of a session still on screen), folded by `LabState`:

    text = export.render(events, "md")     # or "html", "csv"

Markdown and HTML hold the same content: a header (function, actors, status, score, who did
what: takeovers, reveals, steering, a fork's origin), the transcript, the probes with what the
last hypothesis predicted, every hypothesis, the final description and code, and the score.
CSV is the probe table (`probe_rows`), one row per probe point, with every hypothesis's
prediction. What an agent, a person or a function wrote is untrusted: control characters are
shown as escapes, Markdown's markup characters are escaped outside code, and HTML is escaped
everywhere, so a message holding `<script>` is text, never markup.
"""

from __future__ import annotations

import html
import math
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from find_lab import probe_rows
from find_lab.english import count
from find_lab.labstate import LabState, origin, points_spent
from find_lab.printable import printable

FORMATS = ("md", "html", "csv")
NAMES = {"md": "Markdown", "html": "HTML", "csv": "CSV"}
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".csv": "csv"}
# C0 and C1 controls but tab and newline, and bidi overrides: shown as escapes
MARKUP = re.compile(r"([\\`*_\[\]<>|#~&])")            # escaped in Markdown text
# what would start a list, or underline a heading, at the start of a line
LINE_START = re.compile(r"^([ \t]*)([-+]|\d{1,9}[.)])(?=[ \t]|$)|^([ \t]*)(?=[=-]+[ \t]*$)",
                        re.MULTILINE)


def render(events: list[dict], fmt: str) -> str:
    """The session these events make, as `fmt` (one of FORMATS)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "csv":
        return to_csv(events)
    blocks = document(events)
    return markdown(blocks) if fmt == "md" else to_html(blocks, _title(LabState.from_events(events)))


def to_csv(events: list[dict]) -> str:
    """One row per probe point, with each hypothesis's prediction there (`probe_rows`)."""
    state = LabState.from_events(events)
    return probe_rows.to_csv(probe_rows.table(state, probe_rows.hypotheses(events)))


def write(path: Path, text: str) -> None:
    """Write `text` to `path` whole or not at all (a temporary file, then renamed), readable
    as any new file of the user's is."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.fchmod(handle, 0o666 & ~mask)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- the document: blocks both Markdown and HTML render --------------------------------------
@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Fields:
    rows: list  # (label, value)


@dataclass(frozen=True)
class Table:
    header: list
    rows: list


@dataclass(frozen=True)
class Items:
    items: list


@dataclass(frozen=True)
class Entry:
    meta: str   # when, who, what
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Code:
    text: str


def document(events: list[dict]) -> list:
    """The blocks of a session's document, in order."""
    state = LabState.from_events(events)
    blocks: list = [Heading(1, _title(state)), Fields(_header(state))]
    blocks += [Heading(2, "Who did what"), Items(_who(state, events))]
    blocks += [Heading(2, "Transcript")]
    blocks += [Entry(f"{_time(e)} · {e.get('actor', '?')} · {e['kind'].replace('_', ' ')}", text)
               for e in events if (text := _said(e, state)) is not None]
    blocks += _probes(state)
    blocks += _hypotheses(events)
    blocks += _answer(state)
    blocks += _score(state)
    return blocks


def _title(state: LabState) -> str:
    return f"Session {state.session_id or '(unsaved)'}: {state.function_id or 'no function'}"


def _header(state: LabState) -> list:
    actor = f"{state.actor_name or state.actor_kind} ({state.actor_kind}" + \
        (f", {state.model})" if state.model else ")")
    others = sorted(a for a in state.probers if a != state.role)
    rows = [("Function", f"{state.function_id} ({state.domain})"),
            ("Actor", actor + (f"; also probing: {', '.join(others)}" if others else "")),
            ("Status", state.status + (f": {state.reason}" if state.reason else "")),
            ("Score", _verdict(state.score)),
            ("Who did what", _provenance(state)),
            ("Budget used", f"{state.calls_used} of {count(state.budget_calls, 'call')}, "
                            f"{state.points_used} of {count(state.budget_points, 'point')}"),
            ("Duration", f"{state.t:.1f} s of session time")]
    if state.judge:
        rows.append(("Description judged", _judged(state.judge)))
    if state.source:
        source = state.source
        rows.append(("Suite", f"{source.get('name')}, checksum {str(source.get('checksum'))[:16]}, "
                              f"function spec {source.get('spec_hash')}"))
    if state.isolation:
        rows.append(("Agents' code ran in", state.isolation))
    if state.usage:
        rows.append(("Usage", ", ".join(f"{key.replace('_', ' ')} {_number(value)}"
                                        for key, value in sorted(state.usage.items()))))
    return rows


def _provenance(state: LabState) -> str:
    provenance = state.provenance()
    return ("pure: " if provenance["pure"] else "mixed: ") + provenance["label"]


def _who(state: LabState, events: list[dict]) -> list[str]:
    """Who probed, who steered, took over, saw the answer, submitted; where a fork began."""
    items = []
    if state.forked_from:
        carried = sum(1 for e in events if e["kind"] == "probe" and e.get("carried"))
        items.append(f"{origin(state.forked_from).capitalize()}, carrying "
                     f"{count(carried, 'probe call')} made there.")
    calls = state.probers  # probe calls made here, by actor (a fork's carried ones are not)
    points = {actor: 0 for actor in calls}
    for e in events:
        if e["kind"] == "probe" and not e.get("carried") and e["actor"] in points:
            points[e["actor"]] += points_spent(e)
    for actor in sorted(calls):
        items.append(f"{_who_is(actor, state)} probed: {count(calls[actor], 'call')}, "
                     f"{count(points[actor], 'point')}.")
    if not calls:
        items.append("Nobody probed.")
    submitted = None
    for e in events:
        kind, when = e["kind"], _time(e)
        if kind == "takeover":
            items.append(f"{when}: a person took over from the agent.")
        elif kind == "handback":
            items.append(f"{when}: the person handed back after "
                         f"{count(e.get('probes', 0), 'probe')}.")
        elif kind == "steer":
            items.append(f"{when}: a person steered the agent.")
        elif kind == "reveal":
            after = " (after the submission)" if submitted else " (before any submission)"
            items.append(f"{when}: a person saw {e.get('what') or 'the hidden function'}{after}.")
        elif kind == "submit":
            submitted = e
            items.append(f"{when}: {_who_is(e.get('actor', '?'), state, lower=True)} "
                         "submitted the answer.")
    if not submitted:
        items.append("Nothing was submitted.")
    return items


def _who_is(actor: str, state: LabState, lower: bool = False) -> str:
    if actor == "agent":
        who = f"The agent ({state.actor_name or state.actor_kind})" \
            if state.role == "agent" else "The agent"
    elif actor == "human":
        who = f"The person playing ({state.actor_name})" \
            if state.role == "human" and state.actor_name else "A person"
    else:
        who = actor.capitalize()
    return who[0].lower() + who[1:] if lower else who


def _said(event: dict, state: LabState) -> str | None:
    """What the transcript shows for an event; None for one it leaves out."""
    kind = event["kind"]
    if kind == "session_start":
        budget = event.get("budget") or {}
        fork = event.get("forked_from")
        return (f"{event.get('actor_name') or event.get('actor_kind')} on {event.get('function_id')}; "
                f"budget {count(budget.get('calls', 0), 'call')}, "
                f"{count(budget.get('points', 0), 'point')}"
                + (f"; {origin(fork)}" if fork else ""))
    if kind in ("message", "steer"):
        return event.get("text", "")
    if kind == "probe":
        pairs = [f"{_short(x)} → {_short(y) if error is None else error}"
                 for x, y, error in zip(event["inputs"], event["outputs"], event["errors"])]
        shown = "; ".join(pairs[:6]) + (f"; … (all {len(pairs)} in the probe table)"
                                        if len(pairs) > 6 else "")
        return (f"{count(len(pairs), 'input')}" + (" carried from the parent session" if
                                                    event.get("carried") else "") + f": {shown}")
    if kind == "hypothesis":
        return f"testing code (event {event['seq']} below): {event.get('note') or 'no note'}"
    if kind == "takeover":
        return "a person took over"
    if kind == "handback":
        told = event.get("text")
        return f"handed back after {count(event.get('probes', 0), 'probe')}" + \
            (f"; the agent is told: {told}" if told else "")
    if kind == "reveal":
        return f"a person saw {event.get('what') or 'the hidden function'}"
    if kind in ("pause", "resume"):
        return "paused" if kind == "pause" else "resumed"
    if kind == "submit":
        return f"submitted: {event.get('description', '')} (the code is below)"
    if kind == "score":
        return _verdict(event)
    if kind == "usage":
        return ", ".join(f"{key.replace('_', ' ')} {_number(value)}" for key, value in event.items()
                         if key not in ("seq", "t", "actor", "kind"))
    if kind == "error":
        return event.get("message", "") + (" (retrying)" if event.get("retrying") else "")
    if kind == "judge":
        return _judged(event)
    if kind == "session_end":
        return event.get("status", "") + (f": {event['reason']}" if event.get("reason") else "")
    return kind


def _probes(state: LabState) -> list:
    table = probe_rows.table(state)  # with the current hypothesis's predictions
    if not table.rows:
        return [Heading(2, "Probes"), Paragraph("No probes.")]
    header = ["#", "event", "actor", "input", "output", "error"]
    hypothesis = table.hypotheses[0] if table.hypotheses else None
    if hypothesis:
        header += [f"predicted (hypothesis at event {hypothesis.seq})", "matches"]
    rows = []
    for row in table.rows:
        line = [str(row.number), str(row.seq), row.actor + (" (carried)" if row.carried else ""),
                _short(row.input, 0), "" if row.error is not None else _short(row.output, 0),
                row.error or ""]
        if hypothesis:
            match = row.matches[0]
            line += [_short(row.predictions[0], 0) if row.predictions[0] is not None else "",
                     {True: "yes", False: "no", None: ""}[match]]
        rows.append(line)
    answered = sum(row.error is None for row in table.rows)
    summary = (f"{count(len(table.rows), 'point')} in {count(state.calls_used, 'call')}; "
               f"{answered:,} answered.")
    return [Heading(2, "Probes"), Paragraph(summary), Table(header, rows)]


def _hypotheses(events: list[dict]) -> list:
    tested = probe_rows.hypotheses(events)
    blocks: list = [Heading(2, "Hypotheses")]
    if not tested:
        return blocks + [Paragraph("No hypothesis was tested.")]
    for event in tested:
        note = (event.get("note") or "").strip()
        blocks.append(Heading(3, f"Event {event['seq']}, {_time(event)}, {event.get('actor', '?')}"
                                 + (f": {note}" if note else "")))
        blocks.append(Code(event.get("code") or ""))
    return blocks


def _answer(state: LabState) -> list:
    blocks: list = [Heading(2, "Final description and code")]
    submission = state.submission
    if not submission:
        return blocks + [Paragraph("Nothing was submitted.")]
    blocks.append(Paragraph(submission.get("description") or "(no description)"))
    if submission.get("domain"):
        blocks.append(Paragraph(f"Where it behaves differently: {submission['domain']}"))
    return blocks + [Code(submission.get("code") or "")]


def _score(state: LabState) -> list:
    blocks: list = [Heading(2, "Score")]
    score = state.score
    if not score:
        return blocks + [Paragraph("Not scored.")]
    rows = [("Result", _verdict(score))]
    details = score.get("details") if isinstance(score.get("details"), dict) else {}
    names = {"heldout_nmse": "Held-out NMSE", "local_nmse": "Local detail (NMSE)",
             "local_region": "Local detail judged on", "matched": "Inputs matched",
             "total": "Inputs tested", "words": "Words tested", "mode": "Code ran as"}
    rows += [(names.get(key, key.replace("_", " ").capitalize()), _number(value))
             for key, value in details.items() if not isinstance(value, (dict, list)) or
             key == "local_region"]
    size = score.get("code_size")
    if isinstance(size, dict):
        rows.append(("Code size", _size(size)))
    for key, label in (("reason", "Reason"), ("seconds", "Scoring took (s)"),
                       ("isolation", "Scored in")):
        if score.get(key) is not None:
            rows.append((label, _number(score[key])))
    if state.judge:
        rows.append(("Description judged", _judged(state.judge)))
    return blocks + [Fields(rows)]


def _size(size: dict) -> str:
    parts = [count(size[key], noun) for key, noun in
             (("ast_nodes", "syntax node"), ("numeric_literals", "numeric literal"),
              ("string_literals", "string literal")) if isinstance(size.get(key), int)]
    if "table_like" in size:
        parts.append("table-like" if size["table_like"] else "not table-like")
    return ", ".join(parts)


def _verdict(score: dict | None) -> str:
    if not score:
        return "not scored"
    verdict = "success" if score.get("success") else "fail"
    text = f"{score.get('metric')} {_number(score.get('value'))} ({verdict})"
    details = score.get("details") if isinstance(score.get("details"), dict) else {}
    if isinstance(details.get("local_nmse"), (int, float)):
        text += f"; local detail {_number(details['local_nmse'])}"
    return text + (f"; {score['reason']}" if score.get("reason") else "")


def _judged(judge: dict) -> str:
    return (f"{judge.get('correct')}/{judge.get('total')} multiple-choice questions right "
            f"({judge.get('model')}; chance is 1/3)")


def _time(event: dict) -> str:
    t = event.get("t", 0.0)
    return f"{t:.1f} s" if isinstance(t, (int, float)) else "?"


def _short(value, limit: int = 40) -> str:
    """A probe value as a person reads it: numbers to 6 significant figures, text quoted."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, str):
        text = repr(value)
        return text if not limit or len(text) <= limit else text[:limit - 4] + "...'"
    return repr(value)


def _number(value) -> str:
    if isinstance(value, float):
        return f"{value:.4g}" if math.isfinite(value) else str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(_number, value)) + "]"
    return str(value)


def clean(text: str) -> str:
    """`text` with control characters (but tab and newline) shown as their escapes."""
    return printable(text, tabs=True)


# --- Markdown ---------------------------------------------------------------------------------
def markdown(blocks: list) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * block.level} {_md_line(block.text)}")
        elif isinstance(block, Fields):
            parts.append(_md_table(["", ""], [[f"**{label}**", _md_cell(value)]
                                              for label, value in block.rows], escaped=True))
        elif isinstance(block, Table):
            parts.append(_md_table(block.header, block.rows))
        elif isinstance(block, Items):
            parts.append("\n".join(f"- {_md_line(item)}" for item in block.items))
        elif isinstance(block, Entry):
            quoted = "\n".join(f"> {line}" if line else ">"
                               for line in _md_text(block.text).splitlines() or [""])
            parts.append(f"**{_md_line(block.meta)}**\n\n{quoted}")
        elif isinstance(block, Paragraph):
            parts.append(_md_text(block.text))
        elif isinstance(block, Code):
            text = clean(block.text).rstrip("\n")
            longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
            fence = "`" * max(3, longest + 1)
            parts.append(f"{fence}python\n{text}\n{fence}")
    return "\n\n".join(parts) + "\n"


def _md_text(text: str) -> str:
    """Untrusted text as Markdown that shows it literally: markup characters escaped, and
    whatever would start a list or heading at the start of a line."""
    escaped = MARKUP.sub(r"\\\1", clean(text))
    return LINE_START.sub(_escape_start, escaped)


def _escape_start(match: re.Match) -> str:
    if match.group(2) is None:                 # a line of = or -: escape its first character
        return match.group(3) + "\\"
    indent, marker = match.group(1), match.group(2)
    return indent + marker[:-1] + "\\" + marker[-1]


def _md_line(text: str) -> str:
    return _md_text(" ".join(str(text).split()))


def _md_cell(text: str) -> str:
    return _md_text(" ".join(str(text).split())) or " "


def _md_table(header: list, rows: list, escaped: bool = False) -> str:
    head = [_md_cell(cell) if cell else " " for cell in header]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for row in rows:
        cells = row if escaped else [_md_cell(cell) for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


# --- HTML -------------------------------------------------------------------------------------
STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d1d1f; }
h1 { font-size: 1.5rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f6; }
.fields th { background: none; font-weight: 600; }
.entry { margin: 0.6rem 0; } .meta { color: #666; font-size: 0.85rem; }
.text { white-space: pre-wrap; border-left: 3px solid #ccd; padding-left: 0.6rem; }
pre { background: #f6f6f8; padding: 0.6rem; overflow-x: auto; }
"""


def to_html(blocks: list, title: str) -> str:
    """A self-contained page: inline style, no script, nothing fetched."""
    body = []
    for block in blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{_h(block.text)}</h{block.level}>")
        elif isinstance(block, Fields):
            rows = "".join(f"<tr><th>{_h(label)}</th><td>{_h(value)}</td></tr>"
                           for label, value in block.rows)
            body.append(f'<table class="fields">{rows}</table>')
        elif isinstance(block, Table):
            head = "".join(f"<th>{_h(cell)}</th>" for cell in block.header)
            rows = "".join("<tr>" + "".join(f"<td>{_h(cell)}</td>" for cell in row) + "</tr>"
                           for row in block.rows)
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif isinstance(block, Items):
            body.append("<ul>" + "".join(f"<li>{_h(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Entry):
            body.append(f'<div class="entry"><div class="meta">{_h(block.meta)}</div>'
                        f'<div class="text">{_h(block.text)}</div></div>')
        elif isinstance(block, Paragraph):
            body.append(f"<p>{_h(block.text)}</p>")
        elif isinstance(block, Code):
            body.append(f"<pre><code>{_h(block.text.rstrip())}</code></pre>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{_h(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _h(text) -> str:
    return html.escape(clean(text), quote=True)
