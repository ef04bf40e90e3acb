"""The confirmation asked before a key that ends work, the code check behind the submission
(run on the person's probes, recorded nowhere) and the editor's indentation."""

from pathlib import Path

import pytest
from textual.app import App

from find_lab.tui.screens.dialogs import (HELP, ConfirmDialog, Trial, compile_fault, examples,
                                          next_indent, try_code)

CSS = str(Path(__file__).resolve().parents[2] / "find_lab" / "tui" / "lab.tcss")


class Harness(App):
    CSS_PATH = CSS

    def __init__(self, dialog):
        super().__init__()
        self.dialog, self.answers = dialog, []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.answers.append)


def confirm() -> ConfirmDialog:
    return ConfirmDialog("Abandon this session? It ends now and is saved as abandoned.", "Abandon")


@pytest.mark.parametrize("key, answer", [("y", True), ("enter", True), ("n", False),
                                         ("escape", False)])
async def test_the_confirmation_answers_by_key(key, answer):
    app = Harness(confirm())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.answers == [answer]
        assert not isinstance(app.screen, ConfirmDialog)


async def test_the_confirmation_answers_by_its_buttons():
    for button, answer in (("#yes", True), ("#no", False)):
        app = Harness(confirm())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.click(button)
            await pilot.pause()
            assert app.answers == [answer]


async def test_enter_on_the_cancel_button_cancels():
    app = Harness(confirm())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "enter")  # the focus moved to Cancel: enter presses it
        await pilot.pause()
        assert app.answers == [False]


def test_confirmation_at_80x24(snap_compare):
    assert snap_compare(Harness(confirm()), terminal_size=(80, 24))


def test_confirmation_at_120x40(snap_compare):
    assert snap_compare(Harness(confirm()), terminal_size=(120, 40))


# --- the code check ---------------------------------------------------------------------------
PROBES = [(-2.0, 4.0), (0.0, 0.0), (3.0, 9.0)]


def test_code_that_does_not_compile_says_the_line_and_the_message():
    result = try_code("import numpy as np\ndef f(x:\n    return x\n", "numeric", PROBES)
    assert result.hopeless and not result.fault.compiles
    assert result.fault.line == 2 and result.fault.text.strip() == "def f(x:"
    assert "'(' was never closed" in result.fault.message
    shown = result.render().plain
    assert "line 2: def f(x:" in shown and "^" in shown and "does not compile" in shown


def test_an_error_raised_in_f_says_its_line():
    code = "import math\n\ndef f(x):\n    y = x + 2\n    return math.log(y)\n"
    result = try_code(code, "numeric", PROBES)
    assert not result.hopeless and (result.probed, result.failed) == (3, 1)
    assert result.first_input == -2.0
    assert result.first.line == 5 and result.first.text.strip() == "return math.log(y)"
    assert result.first.message == "ValueError: math domain error"
    shown = result.render().plain
    assert "NMSE" in shown and "fails on 1 of 3 probes, e.g. f(-2.0)" in shown
    assert "line 5: " in shown


def test_an_error_while_loading_says_its_line():
    result = try_code("import numpy as np\nscale = undefined_name\ndef f(x):\n    return x\n",
                      "numeric", PROBES)
    assert result.hopeless and result.fault.compiles
    assert result.fault.line == 2 and "NameError" in result.fault.message
    assert "while the code was loading" in result.fault.message


def test_code_failing_on_every_probe_is_hopeless_and_code_without_f_cannot_run():
    every = try_code('def f(x: str) -> str:\n    return x + 1\n', "strings",
                     [("abc", "ABC"), ("hi", "HI")])
    assert every.hopeless and every.failed == every.probed == 2
    assert every.first.line == 2 and "TypeError" in every.first.message
    assert "fails on every one of your 2 probes" in every.render().plain
    no_f = try_code("g = 1\n", "strings", [("abc", "ABC")])
    assert no_f.hopeless and "define a function f" in no_f.fault.message


def test_good_code_is_summarised_in_the_domains_terms():
    fine = try_code("def f(x: str) -> str:\n    return x.upper()\n", "strings",
                    [("abc", "ABC"), ("hi", "HI")])
    assert not fine.hopeless and fine.summary == "matches 2 of 2 probed outputs exactly"
    assert try_code("def f(x):\n    return x\n", "numeric", []) == Trial(None, 0, 0)


def test_compiling_runs_nothing():
    assert compile_fault("import os\nos.system('touch /tmp/should-not-exist')\n") is None


@pytest.mark.parametrize("before, indent", [
    ("def f(x):", "    "),
    ("def f(x):  # the hidden function", "    "),
    ("    if x > 0:", "        "),
    ("    y = x * 2", "    "),
    ("        return -x", "    "),
    ("    pass", ""),
    ('    s = "#:"', "    "),
    ("", ""),
])
def test_a_new_line_is_indented_as_python_wants(before, indent):
    assert next_indent(before) == indent


def test_each_domain_has_its_own_examples():
    numeric, strings, neurons = (examples(d)[0] for d in ("numeric", "strings", "neurons"))
    assert "parabola" in numeric and "parabola" not in strings + neurons
    assert examples("a-domain-of-ones-own") == examples("another")  # the generic wording


def test_the_help_names_the_launchers_keys_and_the_submissions():
    for key in ("`f2` watch", "`f3` play", "`f4` resumes", "`ctrl+b` scoreboard",
                "`ctrl+r` tests", "`ctrl+o` records", "asks first"):
        assert key in HELP
