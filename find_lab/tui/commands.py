"""The command palette finds the lab's own work: watch or play any function, replay any saved
session, and on a lab screen fork or export what it shows."""

from __future__ import annotations

from functools import partial
from typing import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from find_lab.export import FORMATS, NAMES


class LabCommands(Provider):
    """Every function (watch, play) and every saved session (replay), found by fuzzy search."""

    async def startup(self) -> None:
        app = self.app
        functions = app.suite.ids()
        self.commands: list[tuple[str, str, Callable]] = []
        for fid in functions:
            self.commands.append((f"watch {fid}", "the scientist interprets it, live",
                                  partial(app.open_lab, "watch", fid)))
            self.commands.append((f"play {fid}", "interpret it yourself",
                                  partial(app.open_lab, "play", fid)))
        for doc in app.recent_sessions(500):
            sid = doc["id"]
            about = f"{doc.get('actor_name') or doc.get('actor_kind', '')} on {doc.get('function_id', '')}"
            self.commands.append((f"replay {sid}", f"{about} · {doc.get('status', '')}",
                                  partial(app.open_replay, sid)))

    def _screen_commands(self) -> list[tuple[str, str, Callable]]:
        from find_lab.tui.screens.lab import LabScreen

        screen = self.screen
        if not isinstance(screen, LabScreen):
            return []
        found = [(f"export this session as {NAMES[fmt]}", f"write it into {screen.exports_folder()}",
                  partial(screen.export, fmt)) for fmt in FORMATS]
        if screen.check_action("fork", ()):
            found.append(("fork here", "a new live session from this event, carrying its probes",
                          screen.action_fork))
        return found

    async def discover(self) -> Hits:
        for name, help, callback in self._screen_commands():
            yield DiscoveryHit(name, callback, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help, callback in self._screen_commands() + self.commands:
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help)
