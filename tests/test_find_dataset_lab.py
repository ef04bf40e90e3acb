"""The lab on an imported FIND suite: watching the scientist on one of FIND's string functions,
whose code runs in its worker, to a scored submission."""

from __future__ import annotations

from pathlib import Path

from find_lab.find_dataset.importer import import_dataset
from find_lab.tui.app import make_app
from find_lab.tui.screens.lab import Launch
from tests.tui.pilot import until

FIXTURES = Path(__file__).parent / "fixtures"


async def test_watching_a_string_function_of_fnds_dataset(tmp_path, monkeypatch):
    monkeypatch.setenv("FIND_LAB_SUITES", str(tmp_path / "suites"))
    import_dataset(FIXTURES, "find")
    app = make_app(Launch("watch", "strings/f00001", "scientist"), home=tmp_path / "sessions",
                   suite_root="find", pace=0.0)
    async with app.run_test(size=(120, 40)) as pilot:
        lab = app.screen
        await until(pilot, lambda: lab.state.ended, seconds=90)
        assert lab.state.status == "submitted"
        start = lab.events[0]
        assert start["suite"]["name"] == "find" and start["function_id"] == "strings/f00001"
        score = next(e for e in lab.events if e["kind"] == "score")
        assert "find_unit_tests" in score["details"]
