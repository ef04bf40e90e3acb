"""The hidden function pane: source and description shown, masked until revealed, scrollable."""

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Static

from find_lab.tui.components.hidden import PLACEHOLDER, HiddenFunctionPane

SOURCE = "def f(x):\n    return 2.0 * x ** 2 + 3.0 * x - 1.5\n"
DESCRIPTION = "A quadratic with its minimum near x = -0.75."


class HiddenApp(App):
    def compose(self) -> ComposeResult:
        yield HiddenFunctionPane()


def shown(pane: HiddenFunctionPane) -> str:
    """Every line the pane's content draws, including lines scrolled out of view."""
    return "\n".join(strip.text for body in pane.query(Static) if body.display
                     for strip in body.render_lines(Region(0, 0, *body.size)))


async def test_shows_id_description_and_source():
    app = HiddenApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(HiddenFunctionPane)
        assert "no function yet" in shown(pane)
        pane.show_function("numeric/f0007", SOURCE, DESCRIPTION)
        await pilot.pause()
        text = shown(pane)
        assert "numeric/f0007" in text and DESCRIPTION in text
        assert "return 2.0 * x ** 2 + 3.0 * x - 1.5" in text
        assert PLACEHOLDER not in text


async def test_masked_hides_source_and_description_until_toggled():
    app = HiddenApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(HiddenFunctionPane)
        pane.show_function("numeric/f0007", SOURCE, DESCRIPTION)
        pane.masked = True
        await pilot.pause()
        text = shown(pane)
        assert PLACEHOLDER in text
        assert "return" not in text and DESCRIPTION not in text and "f0007" not in text

        pane.toggle_mask()
        await pilot.pause()
        assert not pane.masked
        assert "return 2.0" in shown(pane) and PLACEHOLDER not in shown(pane)


async def test_masked_before_the_function_arrives_stays_masked():
    app = HiddenApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(HiddenFunctionPane)
        pane.masked = True
        pane.show_function("numeric/f0007", SOURCE, DESCRIPTION)
        await pilot.pause()
        assert PLACEHOLDER in shown(pane) and "return" not in shown(pane)


async def test_a_long_source_scrolls():
    app = HiddenApp()
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.query_one(HiddenFunctionPane)
        source = "".join(f"a{i} = {i}\n" for i in range(80))
        pane.show_function("numeric/f0001", source, DESCRIPTION)
        await pilot.pause()
        assert pane.max_scroll_y > 0
        pane.scroll_end(animate=False)
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y and "a79 = 79" in shown(pane)


async def test_source_lines_are_never_broken_but_scroll_sideways():
    app = HiddenApp()
    async with app.run_test(size=(40, 20)) as pilot:
        pane = app.query_one(HiddenFunctionPane)
        long_line = "    return np.where(x > -48.992347, 7.6986418, -7.4216369)"
        pane.show_function("numeric/f0028", f"def f(x):\n{long_line}\n", DESCRIPTION)
        await pilot.pause()
        assert long_line.strip() in shown(pane)                 # whole, on one line
        assert pane.max_scroll_x > 0
        assert DESCRIPTION.split()[0] in shown(pane).splitlines()[1]  # the description wraps
