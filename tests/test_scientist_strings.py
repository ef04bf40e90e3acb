"""The strings scientist interprets string functions through the Experiment alone."""

import pytest
from helpers import sample_ids

from find_lab import targets
from find_lab.agents.scientist import Scientist
from find_lab.agents.scientist.strings.search import synthesise
from find_lab.experiment import Budget, Door, Experiment


async def interpret(target, seed=0, budget=Budget(), steer=()) -> Experiment:
    experiment = Experiment(target, actor_kind="scientist", budget=budget)
    experiment.start()
    for text in steer:
        experiment.steer(text)
    await Scientist(seed).run(Door(experiment))
    return experiment


def submitted(experiment: Experiment) -> dict:
    return next(e for e in experiment.events if e["kind"] == "submit")


async def test_succeeds_on_atomic_and_composed_functions(suite):
    failures = []
    for complexity in ("atomic", "composed"):
        for fid in sample_ids(suite, "strings", complexity, 5):
            experiment = await interpret(targets.from_spec(suite.get(fid)))
            if not experiment.score.success:
                failures.append((fid, experiment.score.summary()))
            assert experiment.calls_used <= 25 and experiment.points_used <= 400
    assert len(failures) <= 1, failures


async def test_interprets_a_black_box_defined_here_not_in_the_suite():
    def mystery(text):
        return text.upper()[::-1]

    target = targets.from_callable(mystery, "strings", "test:mystery", reference=mystery)
    experiment = await interpret(target)
    assert experiment.score.success and experiment.score.value == 1.0
    answer = submitted(experiment)
    assert "upper" in answer["description"].lower() and "revers" in answer["description"].lower()
    assert "def f(" in answer["code"]


def _in_words(n):
    small = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
             "fourteen fifteen sixteen seventeen eighteen nineteen").split()
    tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()
    return small[n] if n < 20 else tens[n // 10 - 2] + ("-" + small[n % 10] if n % 10 else "")


# Everyday functions no suite draws, in the shapes people write them: each must be found
# exactly, from the answers alone.
EVERYDAY = {
    "drop_two": lambda s: s[:-2],
    "brackets": lambda s: "[" + s + "]",
    "stars": lambda s: s.rjust(10, "*"),
    "consonants_and_length": lambda s: (lambda t: t + str(len(t)))(
        "".join(c for c in s if c.lower() not in "aeiou")),
    "vowels_in_words": lambda s: _in_words(sum(c in "aeiouAEIOU" for c in s)),
    "palindrome": lambda s: "yes" if s == s[::-1] else "no",
    "has_digit": lambda s: str(any(c.isdigit() for c in s)),
    "a_to_b": lambda s: s.replace("a", "b"),
    "loud_then_quiet": lambda s: s.upper() + s.lower(),
    "caesar_by_length": lambda s: "".join(
        chr((ord(c) - 97 + len(s)) % 26 + 97) if "a" <= c <= "z" else c for c in s),
}


@pytest.mark.parametrize("name", sorted(EVERYDAY))
async def test_finds_everyday_functions_it_was_never_shown(name):
    function = EVERYDAY[name]
    target = targets.from_callable(function, "strings", f"test:{name}", reference=function)
    experiment = await interpret(target)
    assert experiment.score.value == 1.0, (name, submitted(experiment)["description"])
    answer = submitted(experiment)
    assert not answer["description"].startswith("Approximately")


async def test_when_nothing_fits_it_says_what_holds_and_marks_the_answer_approximate():
    def mystery(text):  # a number no primitive counts, written in words
        words = "zero one two three four five six seven eight nine".split()
        return " ".join(words[int(d)] for d in str(len(text) ** 2 + 7))

    target = targets.from_callable(mystery, "strings", "test:square", reference=mystery)
    experiment = await interpret(target)
    answer = submitted(experiment)["description"]
    assert answer.startswith("Approximately")
    assert "What holds on every answer seen" in answer and "fails, for example, on f(" in answer
    assert experiment.status == "submitted"


def test_the_submitted_code_is_the_program_that_was_tested():
    pairs = [(x, x.upper()[::-1] + "!") for x in ("abc", "Hello World", "", "x y 1", "Mixed Up")]
    programs = synthesise(pairs)
    assert programs
    for program in programs[:5]:
        namespace = {}
        exec(program.code(), namespace)
        for x in ("fresh text 42", "", "ZZ top"):
            assert namespace["f"](x) == program.run(x)


async def test_is_deterministic_narrates_and_proposes_hypotheses(suite):
    spec = suite.get(sample_ids(suite, "strings", "composed", 3)[2])
    first = await interpret(targets.from_spec(spec))
    second = await interpret(targets.from_spec(spec))
    texts = [e["text"] for e in first.events if e["kind"] == "message"]
    assert texts == [e["text"] for e in second.events if e["kind"] == "message"]
    assert len(texts) >= 4
    assert any(e["kind"] == "hypothesis" for e in first.events)


async def test_a_tight_budget_still_ends_in_a_submission(suite):
    spec = suite.get(sample_ids(suite, "strings", "composed", 5)[4])
    experiment = await interpret(targets.from_spec(spec), budget=Budget(calls=1, points=6))
    assert experiment.calls_used == 1 and experiment.points_used <= 6
    assert experiment.status == "submitted" and submitted(experiment)["code"]


async def test_steering_with_a_quoted_string_probes_it(suite):
    spec = suite.get(sample_ids(suite, "strings", "atomic", 2)[1])
    experiment = await interpret(targets.from_spec(spec), steer=['try "Zebra 99 crossing"'])
    assert any("Zebra 99 crossing" in e["text"] for e in experiment.events if e["kind"] == "message")
    probed = [x for e in experiment.events if e["kind"] == "probe" for x in e["inputs"]]
    assert "Zebra 99 crossing" in probed
