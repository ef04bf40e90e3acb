"""`find-lab serve`: which links open what, a process per window and one per participant, an
open study's sign-up, and the command's failures in one line. Windows here run a stand-in app
that speaks textual-serve's protocol (a real participant in a real browser is
tests/tui/test_study_acceptance.py)."""

import asyncio
from contextlib import asynccontextmanager
import json
import shlex
import socket
import stat
import sys
import urllib.error
import urllib.request
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from yarl import URL

from find_lab.tui import serve
from find_lab.cli import main, parser
from find_lab.store import Store
from find_lab.study import plan as study_plan
from find_lab.study.plan import StudyError
from find_lab.suite import Suite
from tests.browser import served

PLAN = '''\
name = "{name}"
seed = 0
agents = ["random"]

[functions]
ids = ["numeric/f0006", "numeric/f0003"]

[participants]
{people}
'''
# a stand-in for the lab: says it is ready, shows its size, echoes keys and resizes, notes when
# it starts and when it is told to quit; "dies" makes it exit at once without saying so
STAND_IN = r'''
import json, os, sys, time
out, keys = sys.stdout.buffer, sys.stdin.buffer
def note(what):
    with open(sys.argv[1], "a") as log:
        log.write(what + "\n")
def packet(kind, data):
    out.write(kind + len(data).to_bytes(4, "big") + data)
    out.flush()
note("start")
out.write(b"__GANGLION__\n")
packet(b"D", ("size %sx%s" % (os.environ["COLUMNS"], os.environ["ROWS"])).encode())
if sys.argv[2:] == ["dies"]:
    sys.exit(3)
report = [b"# a report\n", b""]
if sys.argv[2:] == ["delivers"]:  # as the lab's export does, served: Textual's web protocol
    packet(b"M", json.dumps({"type": "deliver_file_start", "key": "k1", "path": "/x/r p.md",
                             "open_method": "download", "mime_type": "text/markdown",
                             "encoding": "utf-8"}).encode())
while len(head := keys.read(5)) == 5:
    body = keys.read(int.from_bytes(head[1:], "big"))
    if head[:1] == b"M":
        meta = json.loads(body)
        if meta["type"] == "quit":
            time.sleep(0.3)  # as the lab takes a moment to record what was cut short
            break
        if meta["type"] == "resize":
            packet(b"D", b"resize %dx%d" % (meta["width"], meta["height"]))
        if meta["type"] == "deliver_chunk_request":
            from textual_serve._binary_encode import dump
            packed = dump(("deliver_chunk", meta["key"], report.pop(0)))
            out.write(b"P" + len(packed).to_bytes(4, "big") + packed)
            out.flush()
    if head[:1] == b"D":
        packet(b"D", b"keys " + body)
note("quit")
'''


def write_plan(home, name="pilot", people='roster = ["p01", "p02"]'):
    path = study_plan.folder(home, name) / "plan.toml"
    path.parent.mkdir(parents=True)
    path.write_text(PLAN.format(name=name, people=people))
    return study_plan.load(home, name, Suite())


@pytest.fixture
def home(tmp_path):
    return tmp_path / "sessions"


def stand_in(links: serve.Links, tmp_path, *mode: str) -> Path:
    """Every link's process is the stand-in; returns the file it notes starts and quits in."""
    script, notes = tmp_path / "stand_in.py", tmp_path / "notes"
    script.write_text(STAND_IN)
    notes.touch()
    for token, opening in links.openings.items():
        links.openings[token] = serve.Opening(
            opening.title, "exec " + shlex.join([sys.executable, str(script), str(notes), *mode]),
            opening.kind, opening.participant)
    return notes


async def settled(condition, seconds: float = 30) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the server never settled")


def token_of(links: serve.Links, participant: str) -> str:
    return next(t for t, o in links.openings.items() if o.participant == participant)


@asynccontextmanager
async def serving(links: serve.Links, **options):
    """The server on a free port for the block: (a client of it, the server)."""
    server = serve.LabServer(links, **options)
    test_client = TestClient(TestServer(server.application()))
    await test_client.start_server()
    try:
        yield test_client, server
    finally:
        await test_client.close()


def path_of(redirect) -> str:
    """Where a redirect sends the browser, as a path on this server."""
    return URL(redirect.headers["Location"]).path


async def screen(websocket, seconds: float = 30) -> str:
    """The next thing the process drew."""
    while True:
        message = await websocket.receive(timeout=seconds)
        if message.type == aiohttp.WSMsgType.BINARY:
            return message.data.decode()
        if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            return "closed"


# --- links -----------------------------------------------------------------------------------
def test_links_are_stable_across_restarts_and_private_to_each_participant(home):
    plan = write_plan(home)
    first, again = serve.Links(home, None, plan), serve.Links(home, None, plan)
    assert first.openings.keys() == again.openings.keys()
    assert stat.S_IMODE((home / serve.KEY_FILE).stat().st_mode) == 0o600
    tokens = {o.participant: t for t, o in first.openings.items()}
    assert set(tokens) == {"p01", "p02"} and tokens["p01"] != tokens["p02"]
    assert all(len(t) == 32 for t in tokens.values())
    other = home.parent / "elsewhere"  # another home has its own key: other links
    write_plan(other)
    assert not serve.Links(other, None, study_plan.load(other, "pilot", Suite())).openings.keys() \
        & first.openings.keys()
    lab = serve.Links(home, None)
    assert [o.kind for o in lab.openings.values()] == ["lab"]
    assert not lab.openings.keys() & first.openings.keys()


def test_a_participants_link_runs_their_study_and_nothing_else(home):
    links = serve.Links(home, "find", write_plan(home))
    command = shlex.split(links.openings[token_of(links, "p02")].command)
    assert command == ["exec", sys.executable, "-m", "find_lab.cli", "--suite", "find", "study", "run",
                       "pilot", "--participant", "p02", "--home", str(home)]


def test_participants_named_are_the_only_links_and_must_be_on_the_roster(home):
    plan = write_plan(home)
    only = serve.Links(home, None, plan, ["p02"])
    assert [o.participant for o in only.openings.values()] == ["p02"] and only.join is None
    with pytest.raises(StudyError, match="p09"):
        serve.Links(home, None, plan, ["p09"])


async def test_the_labs_link_runs_the_lab_on_the_served_home(home, tmp_path, monkeypatch):
    """The real command, not the stand-in: the lab starts, draws, and keeps its sessions in
    the home served (not the server's own default)."""
    monkeypatch.setenv("FIND_LAB_HOME", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("FIND_LAB_SETTINGS", str(tmp_path / "settings.json"))
    links = serve.Links(home, None)
    async with serving(links) as (test_client, server):
        window = await test_client.ws_connect(f"/ws/{next(iter(links.openings))}")
        drawn = ""
        while "Suite:" not in drawn:
            frame = await screen(window, seconds=60)
            assert frame != "closed", f"the lab closed its window, having drawn {drawn!r}"
            drawn += frame
        await window.close()
        await settled(lambda: not server.running)
    assert (home / "index.json").exists() and not (tmp_path / "elsewhere").exists()


# --- pages and windows -------------------------------------------------------------------------
async def test_a_link_opens_its_page_and_anything_else_is_not_found(home):
    links = serve.Links(home, None, write_plan(home))
    async with serving(links) as (test_client, server):
        found = token_of(links, "p01")
        page = await test_client.get(f"/s/{found}")
        text = await page.text()
        assert page.status == 200 and f"/ws/{found}" in text and "study pilot" in text
        assert "googleapis" not in text  # the page asks nothing of another site
        wrong = found[:-1] + ("1" if found[-1] == "0" else "0")
        for path in ("/", f"/s/{wrong}", "/s/lab", f"/ws/{found[::-1]}",
                     f"/join/{found}", "/download/nope"):
            assert (await test_client.get(path)).status == 404, path
        lab = serve.token(links.secret, "lab")  # the lab's own token opens nothing here
        assert (await test_client.get(f"/s/{lab}")).status == 404
        assert (await test_client.get(f"/ws/{lab}")).status == 404
        assert (await test_client.get("/static/js/textual.js")).status == 200
        assert not server.running


async def test_each_window_runs_a_process_and_a_participant_has_one_at_a_time(home, tmp_path):
    links = serve.Links(home, None, write_plan(home))
    notes = stand_in(links, tmp_path)
    async with serving(links) as (test_client, server):
        first = await test_client.ws_connect(f"/ws/{token_of(links, 'p01')}?width=100&height=30")
        assert await screen(first) == "size 100x30"
        await first.send_str(json.dumps(["stdin", "1, 2"]))
        assert await screen(first) == "keys 1, 2"
        other = await test_client.ws_connect(f"/ws/{token_of(links, 'p02')}")
        assert await screen(other) == "size 80x24" and len(server.running) == 2
        # p01 opens their link again, the older window still open: it is closed first
        again = await test_client.ws_connect(f"/ws/{token_of(links, 'p01')}")
        assert await screen(again) == "size 80x24"
        assert await screen(first) == "closed"
        assert notes.read_text().split() == ["start", "start", "quit", "start"]
        assert len(server.running) == 2
        for bad in ("not json", json.dumps(["resize", {"width": "x"}]),
                    json.dumps(["resize", {"width": 10 ** 9, "height": 10 ** 9}]),
                    json.dumps(["resize", {"width": -5, "height": 20}])):
            await again.send_str(bad)                          # each ignored
        await again.send_str(json.dumps(["resize", {"width": 120, "height": 40}]))
        assert await screen(again) == "resize 120x40"
        await again.close()
        await other.close()
        await settled(lambda: not server.running)
        assert notes.read_text().split().count("quit") == 3


async def test_a_reloaded_page_waits_for_its_older_process_to_quit(home, tmp_path):
    """The older window closes as the newer opens (a reload): never two processes at once."""
    links = serve.Links(home, None, write_plan(home))
    notes = stand_in(links, tmp_path)
    async with serving(links) as (test_client, server):
        first = await test_client.ws_connect(f"/ws/{token_of(links, 'p01')}")
        assert await screen(first) == "size 80x24"
        await first.close()
        again = await test_client.ws_connect(f"/ws/{token_of(links, 'p01')}")
        assert await screen(again) == "size 80x24"
        assert notes.read_text().split() == ["start", "quit", "start"]
        await again.close()
        await settled(lambda: not server.running)


async def test_a_process_that_dies_closes_its_window(home, tmp_path):
    links = serve.Links(home, None, write_plan(home))
    stand_in(links, tmp_path, "dies")
    async with serving(links) as (test_client, server):
        window = await test_client.ws_connect(f"/ws/{token_of(links, 'p01')}")
        assert await screen(window) == "size 80x24"
        assert await screen(window, seconds=10) == "closed"
        await settled(lambda: not server.running)


async def test_a_file_the_lab_sends_on_is_downloaded_once_by_its_key(home, tmp_path):
    links = serve.Links(home, None)
    stand_in(links, tmp_path, "delivers")
    async with serving(links) as (test_client, server):
        window = await test_client.ws_connect(f"/ws/{next(iter(links.openings))}")
        assert await screen(window) == "size 80x24"
        told = await window.receive(timeout=30)               # the page is told the key
        assert json.loads(told.data) == ["deliver_file_start", "k1"]
        assert (await test_client.get("/download/k2")).status == 404
        got = await test_client.get("/download/k1")
        assert got.status == 200 and await got.text() == "# a report\n"
        assert got.headers["Content-Disposition"] == 'attachment; filename="r-p.md"'
        assert got.content_type == "text/markdown" and got.charset == "utf-8"
        assert (await test_client.get("/download/k1")).status == 404   # single use
        await window.close()
        await settled(lambda: not server.running)


async def test_no_more_windows_than_the_server_may_run_even_opened_at_once(home, tmp_path):
    links = serve.Links(home, None, write_plan(home, people='roster = ["a", "b", "c", "d"]'))
    notes = stand_in(links, tmp_path)
    async with serving(links, most=2) as (test_client, server):
        windows = await asyncio.gather(*(test_client.ws_connect(f"/ws/{token_of(links, who)}")
                                         for who in "abcd"))
        drawn = await asyncio.gather(*(screen(window) for window in windows))
        assert sorted(drawn) == ["closed", "closed", "size 80x24", "size 80x24"]
        assert len(server.running) == 2 and notes.read_text().split() == ["start", "start"]
        for window in windows:
            await window.close()
        await settled(lambda: not server.running)


async def test_an_open_study_gives_each_visitor_an_id_and_a_link_that_outlives_the_server(home):
    plan = write_plan(home, people="open = true")
    links = serve.Links(home, None, plan)
    assert not links.openings and links.join
    join = f"/join/{links.join}"
    async with serving(links) as (test_client, _):
        page = await test_client.get(join)                   # a button: opening it signs no one up
        assert page.status == 200 and 'method="post"' in await page.text()
        assert not links.openings
        places = []
        for _ in range(2):                                   # two visitors, each a fresh browser
            test_client.session.cookie_jar.clear()
            answer = await test_client.post(join, allow_redirects=False)
            assert answer.status == 303
            places.append(path_of(answer))
        assert places[0] != places[1] and all("/s/" in place for place in places)
        # the second visitor comes back to the sign-up link: sent to their own link again
        back = await test_client.get(join, allow_redirects=False)
        again = await test_client.post(join, allow_redirects=False)
        assert path_of(back) == path_of(again) == places[1]
        assert (await test_client.get(places[1])).status == 200
        assert (await test_client.post(f"/join/{links.join[::-1]}")).status == 404
    restarted = serve.Links(home, None, plan)
    assert sorted(o.participant for o in restarted.openings.values()) == ["w01", "w02"]
    assert {place.split("/s/")[1] for place in places} == set(restarted.openings)
    third = restarted.sign_up()
    assert restarted.openings[third].participant == "w03"


def test_sign_up_passes_over_ids_the_study_has_seen_in_a_terminal(home):
    plan = write_plan(home, people="open = true")
    meta = {"function_id": plan.functions[0], "domain": "numeric", "actor_kind": "human",
            "actor_name": "w01", "model": None}
    log = Store(home).create(meta)
    log({"seq": 0, "t": 0.0, "actor": "system", "kind": "session_start", "session_id": log.id,
         "budget": {"calls": 25, "points": 400}, **meta,
         "study": plan.tag(participant="w01", position=1)})
    log.close()
    links = serve.Links(home, None, plan)
    assert links.openings[links.sign_up()].participant == "w02"


@pytest.mark.parametrize("key, why", [("", "too short"), ("zz", "cannot read"),
                                      ("00" * 8, "too short")])
def test_a_broken_serving_key_is_refused_in_one_line(home, capsys, key, why):
    home.mkdir(parents=True)
    (home / serve.KEY_FILE).write_text(key)
    assert main(["serve", "--home", str(home)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("find-lab: ") and why in line and serve.KEY_FILE in line


def test_a_sign_up_record_that_is_not_a_list_is_refused(home, capsys):
    write_plan(home, people="open = true")
    (study_plan.folder(home, "pilot") / serve.SIGNUPS_FILE).write_text('{"w01": 1}')
    assert main(["serve", "--home", str(home), "--study", "pilot"]) == 2
    assert "not a list of ids" in capsys.readouterr().err


# --- the command -------------------------------------------------------------------------------
def test_serve_prints_its_links_binds_this_machine_only_and_stops_on_ctrl_c(home):
    assert parser().parse_args(["serve"]).host == "127.0.0.1"
    with served(home) as links:
        (link,) = links.values()
        assert link.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(link, timeout=10) as answer:
            assert answer.status == 200 and "FIND Lab" in answer.read().decode()
        with pytest.raises(urllib.error.HTTPError, match="404"):
            urllib.request.urlopen(link[:-4] + "0000", timeout=10)
        port = int(link.split(":")[2].split("/")[0])
        with pytest.raises(ConnectionRefusedError):  # another address of this machine
            socket.create_connection(("127.0.0.2", port), timeout=10)


def test_serve_says_what_is_wrong_in_one_line(home, capsys):
    write_plan(home)
    assert main(["serve", "--home", str(home), "--participant", "p01"]) == 2
    assert main(["serve", "--home", str(home), "--study", "nosuch"]) == 2
    assert main(["serve", "--home", str(home), "--study", "pilot", "--participant", "p9"]) == 2
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--home", str(home), "--port", str(port)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 4 and all(line.startswith("find-lab: ") for line in lines)
    assert "--study" in lines[0] and "nosuch" in lines[1] and "p9" in lines[2]
    assert f"127.0.0.1:{port}" in lines[3]

