"""FIND's description test: can a reader who sees only the description pick the function's
true input -> output pair out of three?

For each function the suite yields ten questions, deterministically: one input, its true
output, and the outputs two other functions of the same domain give on that same input
(chosen to differ visibly from the truth). A judge model reads the description alone and
picks A, B or C. The score is the fraction picked right; chance is 1/3. Humans' and agents'
descriptions are judged alike.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from typing import Awaitable, Callable

from find_lab import domains
from find_lab.suite import Suite

QUESTIONS = 10
CHOICES = "ABC"
JUDGE_MODEL = "claude-haiku-5-5"
ANSWER = re.compile(r"\b([ABC])\b")
SYSTEM = ("You judge descriptions of hidden functions. You are given a description and three "
          "candidate input -> output pairs with the same input; exactly one comes from the "
          "described function. Reply with the letter of that pair only: A, B or C.")


@dataclass(frozen=True)
class Question:
    function_id: str
    input: object
    outputs: tuple          # three candidate outputs, in the order shown
    answer: int             # index of the true one

    def prompt(self, description: str) -> str:
        lines = [f"Description: {description.strip()}", "", "Which pair comes from this function?"]
        for letter, output in zip(CHOICES, self.outputs):
            lines.append(f"{letter}. f({_shown(self.input)}) = {_shown(output)}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Verdict:
    correct: int
    total: int
    model: str

    @property
    def score(self) -> float:
        return self.correct / self.total if self.total else 0.0


def questions(suite: Suite, function_id: str, count: int = QUESTIONS) -> list[Question]:
    """The function's questions: the same on every machine, for every describer."""
    spec = suite.get(function_id)
    rng = random.Random(hashlib.sha256(f"find-lab judge {function_id}".encode()).digest())
    others = [fid for fid in suite.ids(spec["domain"]) if fid != function_id]
    truth = _truth(spec)
    found: list[Question] = []
    for x in domains.get(spec["domain"]).question_inputs(spec, rng):
        right = truth(x)
        if right is None:
            continue
        wrong = _distractors(suite, others, x, right, rng)
        if len(wrong) < 2:
            continue
        outputs = [right, *wrong]
        rng.shuffle(outputs)
        found.append(Question(function_id, x, tuple(outputs), outputs.index(right)))
        if len(found) == count:
            break
    return found


def _truth(spec: dict) -> Callable[[object], object]:
    """The noise-free function as the questions show it, None where undefined."""
    return domains.get(spec["domain"]).shown_truth(spec)


def _distractors(suite: Suite, others: list[str], x, right, rng: random.Random) -> list:
    """Outputs of two other functions on the same input, each visibly unlike the truth."""
    picked: list = []
    for function_id in rng.sample(others, len(others)):
        y = _truth(suite.get(function_id))(x)
        if y is not None and _distinct(y, right) and y not in picked:
            picked.append(y)
            if len(picked) == 2:
                break
    return picked


def _distinct(a, b) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a != b
    return abs(a - b) > max(0.25, 0.2 * max(abs(a), abs(b)))


def _shown(value) -> str:
    return repr(value) if isinstance(value, str) else f"{value:g}"


def parse_choice(reply: str) -> int | None:
    match = ANSWER.search(reply.strip().upper()[:20])
    return CHOICES.index(match[1]) if match else None


async def judge(description: str, asked: list[Question],
                ask: Callable[[str], Awaitable[str]], model: str) -> Verdict:
    """Ask each question through `ask` (prompt -> reply text); an unreadable reply is wrong."""
    correct = 0
    for question in asked:
        reply = await ask(question.prompt(description))
        correct += parse_choice(reply) == question.answer
    return Verdict(correct, len(asked), model)


def claude_asker(model: str = JUDGE_MODEL, api_key: str | None = None,
                 base_url: str | None = None) -> Callable[[str], Awaitable[str]]:
    """`ask` through the Anthropic Messages API (imported only when a judge is asked for)."""
    import anthropic

    client = anthropic.AsyncAnthropic(api_key=api_key, base_url=base_url)

    async def ask(prompt: str) -> str:
        reply = await client.messages.create(
            model=model, max_tokens=5, system=SYSTEM,
            messages=[{"role": "user", "content": prompt}])
        return "".join(block.text for block in reply.content if block.type == "text")

    return ask
