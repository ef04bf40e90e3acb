"""The actors the lab can run, registered once: the CLI, the launcher, the fork dialog and
bench's baseline rows all read this registry, so a new actor is one `register` call.

A factory takes `(seed, claude_options)`: the seed for anything random, and the Claude
agent's options (model, api_key, base_url, max_rounds, on_text), which other actors ignore.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from find_lab.agents import Actor

Factory = Callable[[int, dict], Actor]


@dataclass(frozen=True)
class ActorInfo:
    name: str
    description: str   # one line, shown where the actor is chosen
    factory: Factory
    needs_key: bool = False   # an Anthropic API key (claude)
    baseline: bool = False    # a reference that understands nothing: bench runs it beside any agent
    headless: bool = True     # False: a person drives it through the lab (human)


class UnknownActor(ValueError):
    """A name no actor is registered under, or one that cannot run where it was asked for."""


REGISTRY: dict[str, ActorInfo] = {}


def register(name: str, description: str, factory: Factory, *, needs_key: bool = False,
             baseline: bool = False, headless: bool = True) -> ActorInfo:
    if name in REGISTRY:
        raise ValueError(f"an actor named {name!r} is already registered")
    REGISTRY[name] = info = ActorInfo(name, description, factory, needs_key, baseline, headless)
    return info


def unregister(name: str) -> None:
    REGISTRY.pop(name, None)


def names(*, headless: bool | None = None, baseline: bool | None = None) -> list[str]:
    """Registered names in registration order, filtered by what each can do."""
    return [info.name for info in REGISTRY.values()
            if headless in (None, info.headless) and baseline in (None, info.baseline)]


def get(name: str, *, headless: bool | None = None) -> ActorInfo:
    """The actor registered as `name`; with headless=True, one that runs without a person."""
    choices = names(headless=headless)
    if name not in choices:
        what = f"agent {name!r} needs a person at the lab" if name in REGISTRY else \
            f"unknown agent {name!r}"
        raise UnknownActor(f"{what} (choose from {', '.join(choices)})")
    return REGISTRY[name]


def make_actor(name: str, seed: int = 0, *, claude: dict | None = None) -> Actor:
    """An actor by name. Claude without a key raises ClaudeUnavailable, a ValueError saying
    how to set one."""
    return get(name).factory(seed, dict(claude or {}))


# --- the built-in actors (imported when made: claude's SDK is slow to load) --------------------

def _scientist(seed: int, options: dict) -> Actor:
    from find_lab.agents.scientist import Scientist

    return Scientist(seed)


def _claude(seed: int, options: dict) -> Actor:
    from find_lab.agents.claude import ClaudeAgent

    return ClaudeAgent(**{key: value for key, value in options.items() if value is not None})


def _random(seed: int, options: dict) -> Actor:
    from find_lab.agents.baselines import RandomBaseline

    return RandomBaseline(seed)


def _interpolate(seed: int, options: dict) -> Actor:
    from find_lab.agents.baselines import InterpolateBaseline

    return InterpolateBaseline(seed)


def _human(seed: int, options: dict) -> Actor:
    """The person at the lab, under the name kept in their settings."""
    from find_lab import settings
    from find_lab.agents.human import Human

    return Human(settings.load().get("name", ""))


register("scientist", "fits formulas to its probes, offline and deterministic", _scientist)
register("claude", "Claude through the Anthropic API, with tools", _claude, needs_key=True)
register("random", "random probes and a nearest-neighbour answer, the floor", _random,
         baseline=True)
register("interpolate", "an even grid of probes interpolated, a lookup table", _interpolate,
         baseline=True)
register("human", "you, probing and submitting in the lab", _human, headless=False)
