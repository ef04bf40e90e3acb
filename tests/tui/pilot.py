"""What every pilot test waits with (agents, scoring and searches run in workers), and a study
participant's moves as the pilot makes them."""

from textual.widgets import TextArea

from find_lab.tui.screens.dialogs import SubmitDialog
from find_lab.tui.screens.study import BreakScreen, InstructionsScreen, StudyLabScreen


async def until(pilot, condition, seconds: float = 60.0) -> None:
    """Let the app run until `condition()` holds; fail after `seconds`."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the lab never reached the expected state")


async def begin(pilot, app) -> StudyLabScreen:
    """From the instructions or a break, into the next function once it runs."""
    await until(pilot, lambda: isinstance(app.screen, (InstructionsScreen, BreakScreen)))
    if isinstance(app.screen, BreakScreen):
        await until(pilot, lambda: app.screen.left == 0)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, StudyLabScreen)
                and app.screen.experiment is not None)
    return app.screen


async def submit(pilot, app, lab, code: str) -> None:
    """A description typed, then `code` (one line) as f's body, submitted; until it is scored."""
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(app.screen, SubmitDialog))
    await pilot.press(*"a falling line", "enter", "enter")
    app.screen.query_one(TextArea).text = f"def f(x):\n    {code}\n"
    await pilot.press("ctrl+s")
    await until(pilot, lambda: lab.state.score is not None)
