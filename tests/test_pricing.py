"""The price table: known models cost what the list says, unknown ones cost None."""

import typing

import pytest

from find_lab import pricing


def sdk_model_ids() -> set[str]:
    from anthropic.types.model_param import ModelParam

    literal = typing.get_args(ModelParam)[0]
    return set(typing.get_args(literal))


def test_the_default_model_and_every_priced_model_are_ids_the_sdk_knows():
    known = sdk_model_ids()
    assert pricing.DEFAULT_MODEL in known
    assert set(pricing.PRICES) - pricing.RETIRED <= known  # a typo in an id fails here


def test_cost_adds_each_kind_of_token_at_its_rate():
    usage = {"input_tokens": 1_000_000, "output_tokens": 100_000,
             "cache_creation_input_tokens": 200_000, "cache_read_input_tokens": 2_000_000}
    assert pricing.cost("claude-sonnet-5-5", usage) == pytest.approx(2.0 + 1.0 + 0.5 + 0.2)


def test_dated_ids_are_priced_as_their_model_and_missing_counts_are_zero():
    assert pricing.cost("claude-sonnet-4-5-20250929", {"output_tokens": 1_000_000,
                                                       "cache_read_input_tokens": None}) == 15.0


def test_a_long_prompt_moves_haiku_5_5_to_its_higher_rates_on_every_token():
    short = {"input_tokens": 100_000, "output_tokens": 1_000_000}
    long = {"input_tokens": 60_000, "cache_read_input_tokens": 60_000,
            "output_tokens": 1_000_000}
    assert pricing.cost("claude-haiku-5-5", short) == pytest.approx(0.01 + 0.5)
    assert pricing.cost("claude-haiku-5-5", long) == pytest.approx(0.03 + 0.003 + 2.5)


def test_an_unknown_model_has_no_cost():
    assert pricing.price("claude-from-the-future") is None
    assert pricing.cost("claude-from-the-future", {"input_tokens": 5}) is None
