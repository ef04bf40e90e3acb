"""Steering the offline scientist: the small language it announces, read tolerantly, followed
before its next step, and what it cannot follow said plainly."""

import asyncio
import math

import pytest

from find_lab import targets
from find_lab.agents.scientist import Scientist
from find_lab.agents.scientist.numeric import FAMILY_WORDS
from find_lab.agents.scientist.steering import parse
from find_lab.experiment import HANDBACK, Door, Experiment


@pytest.mark.parametrize("text, kind, fields", [
    ("look at -10..10", "interval", {"low": -10, "high": 10}),
    ("interval -10 10", "interval", {"low": -10, "high": 10}),
    ("Look at [-10, 10] please", "interval", {"low": -10, "high": 10}),
    ("between 30 and 5", "interval", {"low": 5, "high": 30}),
    ("zoom into 20 to 30", "interval", {"low": 20, "high": 30}),
    ("-5 < x < 5", "interval", {"low": -5, "high": 5}),
    ("probe near 42", "near", {"x": 42}),
    ("Look closely around x = -50: is there a jump?", "near", {"x": -50}),
    ("look at 7.5", "near", {"x": 7.5}),
    ("try sine", "family", {"family": "sine"}),
    ("fit a square wave", "family", {"family": "square wave"}),
    ("is it a square root?", "family", {"family": "square root"}),
    ("check noise", "noise", {}),
    ("is it noisy?", "noise", {}),
    ("submit", "submit", {}),
    ("Submit now!", "submit", {}),
    ('try "Zebra 99"', "quoted", {"quoted": ("Zebra 99",)}),
    ("be creative", "unknown", {}),
    ("try a hyperbolic paraboloid", "unknown", {"family": "hyperbolic paraboloid"}),
    (HANDBACK + "f(1.0) = 2.0.", "handback", {}),
])
def test_steering_is_read_tolerantly(text, kind, fields):
    first = parse(text, FAMILY_WORDS)[0]
    assert first.kind == kind
    for name, value in fields.items():
        assert getattr(first, name) == value


def test_a_message_may_hold_several_instructions_in_order():
    kinds = [i.kind for i in parse("look at 0..10, then try a step and submit", FAMILY_WORDS)]
    assert kinds == ["interval", "family", "submit"]
    assert [i.kind for i in parse("try sine")] == ["unknown"]  # without families it knows none


def line(x):
    return 2.0 * x + 1.0


async def numeric(steers=(), at=None, function=line):
    """A numeric session with `steers` queued before it starts, or sent when a message
    containing `at` is recorded."""
    target = targets.from_callable(function, "numeric", "test:line", reference=function)
    experiment = Experiment(target, actor_kind="scientist")
    if at:
        loop = asyncio.get_running_loop()

        def listen(event):
            if event["kind"] == "message" and at in event["text"] and not experiment.state.steers:
                for text in steers:
                    loop.call_soon(experiment.steer, text)

        experiment.listeners.append(listen)
    experiment.start()
    if not at:
        for text in steers:
            experiment.steer(text)
    await Scientist(0).run(Door(experiment))
    return experiment


def after(experiment, text):
    """The agent's events after its acknowledgement of `text`."""
    events = experiment.events
    i = next(i for i, e in enumerate(events) if e["kind"] == "message" and e["actor"] == "agent"
             and f'"{text}"' in e["text"])
    return events[i], events[i + 1:]


def next_probe(events):
    return next(e for e in events if e["kind"] == "probe")


async def test_it_announces_what_it_follows():
    experiment = await numeric()
    first = next(e["text"] for e in experiment.events if e["kind"] == "message")
    for part in ("look at A..B", "probe near X", "try FAMILY", "check noise", "submit now"):
        assert part in first


async def test_an_interval_is_probed_before_anything_else():
    ack, rest = after(await numeric(["look at -10..10"]), "look at -10..10")
    assert "-10" in ack["text"] and "10" in ack["text"]
    probe = next_probe(rest)
    assert len(probe["inputs"]) >= 10 and all(-10 <= x <= 10 for x in probe["inputs"])


async def test_probe_near_densifies_there_mid_session():
    experiment = await numeric(["probe near 40"], at="Leading hypothesis")
    _, rest = after(experiment, "probe near 40")
    probe = next_probe(rest)
    assert all(abs(x - 40) <= 2.5 for x in probe["inputs"]) and len(probe["inputs"]) >= 10
    assert experiment.score.success


async def test_submit_now_ends_with_a_submission_soon_after():
    experiment = await numeric(["submit now"], at="I start with a sweep")
    ack, rest = after(experiment, "submit now")
    kinds = [e["kind"] for e in rest]
    assert "submit" in kinds and "probe" not in kinds[:kinds.index("submit")]
    assert len(kinds[:kinds.index("submit")]) <= 12
    assert experiment.score.success  # the sweep was in: its best fit is the line


async def test_submit_now_before_any_answer_asks_a_coarse_sweep_first():
    experiment = await numeric(["submit now"])
    _, rest = after(experiment, "submit now")
    probes = [e for e in rest if e["kind"] == "probe"]
    assert len(probes) == 1 and len(probes[0]["inputs"]) <= 32
    assert experiment.status == "submitted" and experiment.score.success


async def test_what_it_cannot_follow_is_said_plainly_before_its_next_probe():
    experiment = await numeric(["be creative"])
    ack, rest = after(experiment, "be creative")
    assert "can't follow" in ack["text"] and "look at A..B" in ack["text"]
    first_probe = next(e["seq"] for e in experiment.events if e["kind"] == "probe")
    assert ack["seq"] < first_probe


async def test_an_unknown_family_is_named():
    ack, _ = after(await numeric(["try a hyperbolic paraboloid"]), "try a hyperbolic paraboloid")
    assert "can't follow" in ack["text"] and "hyperbolic paraboloid" in ack["text"]


async def test_a_family_asked_for_is_fitted_and_shown_first():
    experiment = await numeric(["try sine"], at="Leading hypothesis")
    ack, rest = after(experiment, "try sine")
    assert "sine" in ack["text"]
    assert rest[0]["kind"] == "hypothesis" and rest[0]["note"].startswith("asked for")
    assert "The best sine" in rest[1]["text"] and "stays" in rest[1]["text"]
    assert experiment.score.success  # a sine does not beat the line it is


async def test_check_noise_runs_a_repeat_test():
    def noisy_line(x, rng=__import__("numpy").random.default_rng(0)):
        return 2.0 * x + 1.0 + rng.normal()

    experiment = await numeric(["check noise"], at="Leading hypothesis", function=noisy_line)
    ack, rest = after(experiment, "check noise")
    probe = next_probe(rest)
    answered_before = {x for e in experiment.events[:ack["seq"]] if e["kind"] == "probe"
                       for x in e["inputs"]}
    assert len(probe["inputs"]) >= 16 and set(probe["inputs"]) <= answered_before
    assert any("additive noise" in e.get("text", "") for e in rest)


async def test_steering_strings_and_neurons():
    def upper(text):
        return text.upper()

    target = targets.from_callable(upper, "strings", "test:upper", reference=upper)
    experiment = Experiment(target, actor_kind="scientist")
    experiment.start()
    experiment.steer("look at 1..5")
    experiment.steer("submit now")
    await Scientist(0).run(Door(experiment))
    cannot, _ = after(experiment, "look at 1..5")
    assert "can't follow" in cannot["text"] and "quoted" in cannot["text"]
    _, rest = after(experiment, "submit now")
    kinds = [e["kind"] for e in rest]
    assert kinds.count("probe") == 1 and "submit" in kinds[:8]  # its opening, then the answer
    assert cannot["seq"] < next(e["seq"] for e in experiment.events if e["kind"] == "probe")
    assert experiment.score.success

    experiment = Experiment(target, actor_kind="scientist")
    experiment.start()
    experiment.steer('probe "Zebra 99" and submit now')
    await Scientist(0).run(Door(experiment))
    _, rest = after(experiment, 'probe "Zebra 99" and submit now')
    probed = [x for e in rest if e["kind"] == "probe" for x in e["inputs"]]
    assert "Zebra 99" in probed                        # asked for, then the answer
    assert experiment.status == "submitted" and experiment.score.success

    def neuron(word):
        return 0.9 * str(word).startswith("b")

    target = targets.from_callable(neuron, "neurons", "test:neuron", reference=neuron)
    experiment = Experiment(target, actor_kind="scientist")
    experiment.start()
    experiment.steer('what about "zebra"?')
    await Scientist(0).run(Door(experiment))
    _, rest = after(experiment, 'what about "zebra"?')
    assert next_probe(rest)["inputs"] == ["zebra"]
    assert experiment.status == "submitted" and math.isfinite(experiment.score.value)
