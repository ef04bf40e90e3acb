"""The lab in a web browser, through textual-serve: each browser connection runs the lab (or one
participant's `study run`) in a process of its own, whose screen textual-serve's page draws.

Every page is behind a link with a token, never a listing: the researcher's link opens the whole
lab; a study's links each open one participant's own study run and nothing else. Tokens are an
HMAC of what the link opens under a key kept in the home (`serve.key`, mode 0600), so a link
stays good when the server restarts (a participant whose laptop closed opens it again and
resumes) and cannot be made up from a participant's id. A participant has at most one process:
opening their link again closes the older window's process first, which leaves its function
interrupted, to resume in the new one.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import html
import json
import os
import re
import secrets
import shlex
import sys
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from find_lab.study.plan import SAFE_NAME, Plan, folder

KEY_FILE = "serve.key"
SIGNUPS_FILE = "web-signups.json"
STATIC = Path(__import__("textual_serve").__file__).parent / "static"
ENDED = {"lab": "The lab has closed. Open the link again to start it afresh.",
         "study": "Your session has closed. If the study is not finished, open your link "
                  "again to carry on where you stopped."}


class ServeError(Exception):
    """What stops the server starting, in one line."""


@dataclass(frozen=True)
class Opening:
    """What one link opens: its title, the shell command of its process (textual-serve runs a
    shell; `exec` makes the lab that shell's process, so stopping it stops the lab), and who
    it is for (a participant at most one process at a time; the lab's researcher as often as
    asked)."""
    title: str
    command: str
    kind: str  # "lab" or "study"
    participant: str | None = None


def key(home: Path) -> bytes:
    """The home's serving key, made on first use and readable by its owner only; one too short
    to be a key (a file cut off, or edited) is refused rather than signing links with it."""
    path = Path(home) / KEY_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError as exc:
        raise ServeError(f"cannot make the serving key {path}: {exc.strerror or exc}") from None
    else:
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32) + "\n")
    try:
        found = bytes.fromhex(path.read_text().strip())
    except (OSError, ValueError) as exc:
        raise ServeError(f"cannot read the serving key {path}: {exc}") from None
    if len(found) < 16:
        raise ServeError(f"the serving key {path} is too short to be one: delete it to make "
                         "a new one (every link then changes)")
    return found


def token(secret: bytes, *scope: str) -> str:
    """The link token of a scope: ("lab",), ("join", study) or ("study", study, participant)."""
    return hmac.new(secret, "\0".join(scope).encode(), hashlib.sha256).hexdigest()[:32]


def _python(suite: str | None) -> list[str]:
    return [sys.executable, "-m", "find_lab.cli", *(["--suite", suite] if suite else [])]


class Links:
    """The links a server answers: the lab's, or one study's — each named participant's, else
    each rostered one's, else (an open study) a sign-up link that gives each visitor an id of
    their own, and the ids it gave before."""

    def __init__(self, home: Path, suite: str | None, plan: Plan | None = None,
                 participants: list[str] | None = None):
        self.home, self.suite, self.plan = Path(home), suite, plan
        self.secret = key(self.home)
        self.openings: dict[str, Opening] = {}
        self.signing_up = plan is not None and plan.open and not participants
        if plan is None:
            self.openings[token(self.secret, "lab")] = Opening(
                "FIND Lab", "exec " + shlex.join(["env", f"FIND_LAB_HOME={self.home}",
                                                  *_python(suite)]), "lab")
        else:
            for participant in participants or plan.roster or self.signups():
                self.add(participant)

    def add(self, participant: str) -> str:
        """The participant's token, answered from now on (an open study takes any safe id)."""
        self.plan.participant_index(participant)  # a StudyError for an id it refuses
        command = [*_python(self.suite), "study", "run", self.plan.name, "--participant",
                   participant, "--home", str(self.home)]
        found = token(self.secret, "study", self.plan.name, participant)
        self.openings[found] = Opening(f"FIND Lab · study {self.plan.name}",
                                       "exec " + shlex.join(command), "study", participant)
        return found

    @property
    def join(self) -> str | None:
        """An open study's sign-up token (None for a roster or the lab)."""
        if not self.signing_up:
            return None
        return token(self.secret, "join", self.plan.name)

    def _signups_path(self) -> Path:
        return folder(self.home, self.plan.name) / SIGNUPS_FILE

    def signups(self) -> list[str]:
        """The ids the sign-up link has given out, kept so their links outlive the server."""
        try:
            found = json.loads(self._signups_path().read_text())
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise ServeError(f"cannot read {self._signups_path()}: {exc}") from None
        if not isinstance(found, list):
            raise ServeError(f"{self._signups_path()} is not a list of ids")
        return [name for name in found if isinstance(name, str) and SAFE_NAME.fullmatch(name)]

    def sign_up(self) -> str:
        """A fresh id for a visitor to an open study (w01, w02, ...: none the study has seen,
        here or in a terminal) and its token; the ids given are written before it answers."""
        from find_lab.store import Store
        from find_lab.study import progress

        given = set(self.signups())
        taken = given | {o.participant for o in self.openings.values()} | set(
            progress.participants(Store(self.home), self.plan))
        number = 1
        while f"w{number:02d}" in taken:
            number += 1
        participant = f"w{number:02d}"
        given = sorted(given | {participant})
        path = self._signups_path()
        spare = path.with_suffix(".tmp")
        spare.write_text(json.dumps(given) + "\n")
        spare.replace(path)
        return self.add(participant)

    def lines(self, base: str) -> list[str]:
        """Who each link is for, and the link: what `serve` prints for the researcher."""
        shown = []
        if self.join:
            shown.append(f"sign-up (each visitor gets an id of their own)  {base}/join/{self.join}")
        for found, opening in self.openings.items():
            shown.append(f"{opening.participant or 'lab'}  {base}/s/{found}")
        return shown


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{static}/css/xterm.css">
<script src="{static}/js/textual.js"></script>
<style>
  html, body {{ margin: 0; height: 100%; background: #0c181f; color: #e8eef2;
                font-family: monospace; }}
  #terminal {{ position: absolute; inset: 0; }}
  .notice {{ position: absolute; inset: 0; display: flex; align-items: center;
             justify-content: center; text-align: center; padding: 2em; z-index: 10;
             background: #0c181f; }}
  body.-first-byte #starting {{ display: none; }}
  #ended {{ display: none; }}
  body.-closed #ended {{ display: flex; }}
</style>
</head>
<body>
<div class="notice" id="starting">{title}: starting…</div>
<div class="notice" id="ended"><p>{ended}</p></div>
<div id="terminal" class="textual-terminal" data-session-websocket-url="{socket}"
     data-font-size="{font_size}"></div>
</body>
</html>
"""


JOIN_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title>
<style>
  html, body {{ margin: 0; height: 100%; background: #0c181f; color: #e8eef2;
                font-family: monospace; display: flex; align-items: center;
                justify-content: center; text-align: center; }}
  button {{ font: inherit; padding: 0.8em 2em; margin-top: 1.5em; cursor: pointer; }}
</style></head>
<body><form method="post"><p>{title}</p><p>Signing up gives you an id of your own and a link to
come back to: keep the page's address once it opens.</p><button type="submit">Sign up and
begin</button></form></body>
</html>
"""
NOT_FOUND = "FIND Lab: no such link. Open the link you were given."
HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
STOP_SECONDS = 10  # a process told to quit is killed after this long


def _cells(value, default: int) -> int:
    """A terminal dimension from the browser: a whole number of cells in 1..999, else the
    default (a huge one would have the lab allocate a screen of that size)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if 0 < number < 1000 else default


class LabServer:
    """The aiohttp application: `/s/TOKEN` a page, `/ws/TOKEN` its process, `/join/TOKEN` an
    open study's sign-up; anything else is 404, and a wrong token is 404 too.

    A participant's windows are handled one at a time under their lock, from the start of a
    window's process to its end: a window opened while an older one is still live closes the
    older first, and one opened as the older closes (a page reloaded) waits until its process
    has quit, so a participant never has two."""

    def __init__(self, links: Links, public_url: str | None = None, most: int = 32):
        self.links, self.public_url, self.most = links, public_url, most
        self.live: dict[str, tuple[web.WebSocketResponse, AppService]] = {}
        self.running: set[AppService] = set()
        self.locks: dict[str, asyncio.Lock] = {}
        self.signing_up = asyncio.Lock()
        self.finishing: set[asyncio.Task] = set()
        self.downloads = DownloadManager()  # the files the lab sends on (its exports)

    def application(self) -> web.Application:
        app = web.Application()
        app.add_routes([web.get("/s/{token}", self.page), web.get("/ws/{token}", self.socket),
                        web.get("/join/{token}", self.join_page),
                        web.post("/join/{token}", self.join),
                        web.get("/download/{key}", self.download),
                        web.static("/static", STATIC)])
        app.on_shutdown.append(self.shutdown)
        return app

    def _opening(self, request: web.Request) -> Opening:
        found = self.links.openings.get(request.match_info["token"])
        if found is None:
            raise web.HTTPNotFound(text=NOT_FOUND)
        return found

    def _base(self, request: web.Request) -> str:
        return (self.public_url or f"{request.scheme}://{request.host}").rstrip("/")

    async def page(self, request: web.Request) -> web.Response:
        opening = self._opening(request)
        base = self._base(request)
        socket = "ws" + base[4:] if base.startswith("http") else base
        text = PAGE.format(title=html.escape(opening.title),
                           static=html.escape(f"{base}/static"),
                           ended=html.escape(ENDED[opening.kind]),
                           socket=html.escape(f"{socket}/ws/{request.match_info['token']}"),
                           font_size=min(48, max(6, _cells(request.query.get("fontsize"), 16))))
        return web.Response(text=text, content_type="text/html", headers=HEADERS)

    def _join_token(self, request: web.Request) -> None:
        if self.links.join is None or not hmac.compare_digest(request.match_info["token"],
                                                              self.links.join):
            raise web.HTTPNotFound(text=NOT_FOUND)

    def _returning(self, request: web.Request) -> str | None:
        """The link of a visitor this sign-up gave an id before (its cookie), if still good."""
        found = request.cookies.get(f"find-lab-{self.links.plan.name}", "")
        return found if found in self.links.openings else None

    async def join_page(self, request: web.Request) -> web.Response:
        """A button, not a sign-up: a link preview or a prefetch makes no id; a visitor who
        signed up before goes straight back to their own link."""
        self._join_token(request)
        if found := self._returning(request):
            raise web.HTTPSeeOther(f"{self._base(request)}/s/{found}")
        title = html.escape(f"FIND Lab · study {self.links.plan.name}")
        return web.Response(text=JOIN_PAGE.format(title=title), content_type="text/html",
                            headers=HEADERS)

    async def join(self, request: web.Request) -> web.Response:
        self._join_token(request)
        found = self._returning(request)
        if found is None:
            async with self.signing_up:  # one at a time: two visitors never get one id
                found = await asyncio.to_thread(self.links.sign_up)
        answer = web.HTTPSeeOther(f"{self._base(request)}/s/{found}")
        answer.set_cookie(f"find-lab-{self.links.plan.name}", found, max_age=180 * 86400,
                          httponly=True, samesite="Lax")
        raise answer

    async def socket(self, request: web.Request) -> web.WebSocketResponse:
        opening = self._opening(request)
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        who = opening.participant
        async with self.locks.setdefault(who, asyncio.Lock()) if who else nullcontext():
            if who in self.live:  # an older window still open: it closes first
                older, running = self.live.pop(who)
                await self._stop(running)
                await older.close()
            service = await self._start(websocket, request, opening)
            if service is None:
                return websocket
            if who:
                self.live[who] = (websocket, service)
        try:
            await self._attend(websocket, service)
        finally:
            # once the browser has gone aiohttp cancels this handler: the stopping goes on
            await asyncio.shield(self._keep(self._finish(who, websocket, service)))
        return websocket

    async def _finish(self, who: str | None, websocket, service: AppService) -> None:
        """The window's process stopped; a participant's under their lock, so that the next
        window waits for it to quit."""
        if who is None:
            await self._stop(service)
            return
        async with self.locks[who]:
            if self.live.get(who, (None,))[0] is websocket:
                del self.live[who]
            await self._stop(service)

    def _keep(self, coroutine) -> asyncio.Task:
        """A task held until done (the event loop keeps only weak references to tasks)."""
        task = asyncio.ensure_future(coroutine)
        self.finishing.add(task)
        task.add_done_callback(self.finishing.discard)
        return task

    async def _start(self, websocket, request, opening: Opening) -> AppService | None:
        """The link's process, sized to the browser's window; None (the window closed) when
        the server already runs as many as it may. The slot is taken before the process
        starts, so windows opened at once cannot pass the cap together."""
        if len(self.running) >= self.most:
            print(f"find-lab serve: refused a window: {self.most} sessions are running",
                  file=sys.stderr, flush=True)
            await websocket.close()
            return None
        service = AppService(opening.command, write_bytes=websocket.send_bytes,
                             write_str=websocket.send_str, close=websocket.close,
                             download_manager=self.downloads)
        self.running.add(service)
        try:
            await service.start(_cells(request.query.get("width"), 80),
                                _cells(request.query.get("height"), 24))
        except BaseException:
            self.running.discard(service)
            raise
        return service

    async def _attend(self, websocket, service: AppService) -> None:
        """Relay the window to its process until either ends: a process that dies without
        saying so (a plan edited into one that no longer loads) closes its window, which
        then says the session closed, instead of waiting on a screen that never comes."""
        relay = asyncio.ensure_future(self._relay(websocket, service))
        ended = asyncio.ensure_future(service._process.wait())
        try:
            await asyncio.wait([relay, ended], return_when=asyncio.FIRST_COMPLETED)
            if ended.done():
                await websocket.close()
        finally:
            relay.cancel()
            ended.cancel()

    async def _stop(self, service: AppService) -> None:
        """Ask the process to quit (the lab then records what was cut short as interrupted),
        kill it if it has not gone in STOP_SECONDS, and reap it. (AppService keeps its
        process to itself, as `_process`, and never waits for it.)"""
        process = service._process
        try:
            await asyncio.wait_for(service.stop(), STOP_SECONDS)
        except asyncio.TimeoutError:
            pass
        try:
            if process is not None and process.returncode is None:
                try:
                    await asyncio.wait_for(process.wait(), STOP_SECONDS)
                except asyncio.TimeoutError:
                    process.kill()
                    await asyncio.wait_for(process.wait(), STOP_SECONDS)
        except (asyncio.TimeoutError, ProcessLookupError):
            pass
        finally:
            self.running.discard(service)

    @staticmethod
    async def _relay(websocket: web.WebSocketResponse, service: AppService) -> None:
        """The browser's keys, mouse and size to the process (textual-serve's protocol)."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind, data = envelope[0], (envelope[1:] or [None])[0]
            except (ValueError, IndexError, TypeError, KeyError):
                continue
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width, height = _cells(data.get("width"), 0), _cells(data.get("height"), 0)
                if width and height:
                    await service.set_terminal_size(width, height)
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def download(self, request: web.Request) -> web.StreamResponse:
        """A file a window's lab sent on (an export), by the single-use key the lab gave it,
        which only that window has been told."""
        try:
            meta = await self.downloads.get_download_metadata(request.match_info["key"])
        except KeyError:
            raise web.HTTPNotFound(text="FIND Lab: no such download") from None
        response = web.StreamResponse(headers=HEADERS)
        response.content_type = meta.mime_type
        if meta.encoding:
            response.charset = meta.encoding
        how = "inline" if meta.open_method == "browser" else "attachment"
        response.headers["Content-Disposition"] = \
            f'{how}; filename="{re.sub(r"[^A-Za-z0-9._-]", "-", meta.file_name)}"'
        await response.prepare(request)
        async for chunk in self.downloads.download(request.match_info["key"]):
            await response.write(chunk)
        await response.write_eof()
        return response

    async def shutdown(self, app: web.Application) -> None:
        """Every process told to quit, so each study function is left interrupted, to resume."""
        await asyncio.gather(*(self._stop(service) for service in list(self.running)),
                             *list(self.finishing), return_exceptions=True)

def serve(links: Links, host: str, port: int, public_url: str | None = None,
          most: int = 32) -> None:
    """Serve until SIGINT or SIGTERM, printing each link once the port is bound (port 0: any
    free one); a port that cannot be bound is a ServeError."""
    asyncio.run(_serve(links, host, port, public_url, most))


async def _serve(links: Links, host: str, port: int, public_url: str | None, most: int) -> None:
    import signal

    runner = web.AppRunner(LabServer(links, public_url, most).application(),
                           handle_signals=False, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as exc:
        await runner.cleanup()
        raise ServeError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    bound = runner.addresses[0][1]
    shown = f"[{host}]" if ":" in host else host
    base = (public_url or f"http://{shown}:{bound}").rstrip("/")
    what = f"study {links.plan.name!r}" if links.plan else "the lab"
    print(f"serving {what} on {host}:{bound} (ctrl+c stops; each link is private to whom it "
          "is for):", flush=True)
    for line in links.lines(base):
        print(f"  {line}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
