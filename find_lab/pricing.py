"""What a Claude API call costs, in one place: the list prices per model and `cost(model, usage)`.

USD per million tokens from Anthropic's published price list (checked November 2026).
Cache writes are priced at the 5-minute rate, the one `cache_control: {"type": "ephemeral"}`
buys. A model missing from the table has no known price: its cost is None, and its tokens
are still counted wherever usage is summed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

DEFAULT_MODEL = "claude-sonnet-5-5"  # the current Sonnet: the speed/intelligence/price balance
TOKEN_FIELDS = ("input_tokens", "output_tokens", "cache_creation_input_tokens",
                "cache_read_input_tokens")
DATED = re.compile(r"-\d{8}$")  # "claude-sonnet-4-5-20250929" is priced as "claude-sonnet-4-5"


@dataclass(frozen=True)
class Price:
    """USD per million tokens."""

    input: float
    output: float
    cache_write: float
    cache_read: float


PRICES: dict[str, Price] = {
    "claude-fable-5-2": Price(8.00, 40.00, 10.00, 0.20),
    "claude-mythos-5-2": Price(8.00, 40.00, 10.00, 0.20),  # Mythos is priced as its Fable
    "claude-fable-5-1": Price(10.00, 50.00, 12.50, 0.25),
    "claude-mythos-5-1": Price(10.00, 50.00, 12.50, 0.25),
    "claude-fable-5": Price(10.00, 50.00, 12.50, 1.00),
    "claude-mythos-5": Price(10.00, 50.00, 12.50, 1.00),
    "claude-opus-5-5": Price(4.00, 20.00, 5.00, 0.20),
    "claude-opus-5": Price(5.00, 25.00, 6.25, 0.50),
    "claude-opus-4-8": Price(5.00, 25.00, 6.25, 0.50),
    "claude-opus-4-7": Price(5.00, 25.00, 6.25, 0.50),
    "claude-opus-4-6": Price(5.00, 25.00, 6.25, 0.50),
    "claude-opus-4-5": Price(5.00, 25.00, 6.25, 0.50),
    "claude-sonnet-5-5": Price(2.00, 10.00, 2.50, 0.10),
    "claude-sonnet-5": Price(2.00, 10.00, 2.50, 0.20),
    "claude-sonnet-4-6": Price(3.00, 15.00, 3.75, 0.30),
    "claude-sonnet-4-5": Price(3.00, 15.00, 3.75, 0.30),
    "claude-haiku-5-5": Price(0.10, 0.50, 0.125, 0.01),
    "claude-haiku-4-5": Price(1.00, 5.00, 1.25, 0.10),
}
# Priced models the current SDK no longer lists: kept so that old sessions still show a cost.
RETIRED = frozenset({"claude-sonnet-4-5"})
# Models billed at higher rates, on every token of a request, once its prompt (input plus
# cache reads and writes) is longer than a threshold.
LONG_PROMPT: dict[str, tuple[int, Price]] = {
    "claude-haiku-5-5": (100_000, Price(0.50, 2.50, 0.625, 0.05)),
}


def price(model: str, prompt_tokens: int = 0) -> Price | None:
    """The rates one request of `prompt_tokens` pays on `model`; None when unknown."""
    model = DATED.sub("", model)
    threshold, long_price = LONG_PROMPT.get(model, (None, None))
    if threshold is not None and prompt_tokens > threshold:
        return long_price
    return PRICES.get(model)


def cost(model: str, usage: Mapping[str, int | None]) -> float | None:
    """USD for one response's `usage` (the API's token counts; absent or None count as 0)."""
    tokens = {field: usage.get(field) or 0 for field in TOKEN_FIELDS}
    prompt = (tokens["input_tokens"] + tokens["cache_creation_input_tokens"]
              + tokens["cache_read_input_tokens"])
    rates = price(model, prompt)
    if rates is None:
        return None
    return (tokens["input_tokens"] * rates.input + tokens["output_tokens"] * rates.output
            + tokens["cache_creation_input_tokens"] * rates.cache_write
            + tokens["cache_read_input_tokens"] * rates.cache_read) / 1_000_000
