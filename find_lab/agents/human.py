"""A person at the keyboard. The TUI probes and submits on their behalf; the actor only keeps
the session open until they submit or abandon it."""

from __future__ import annotations

from find_lab.experiment import Door


class Human:
    kind = "human"

    def __init__(self, name: str = ""):
        self.name = name or "human"

    async def run(self, door: Door) -> None:
        await door.finished()
