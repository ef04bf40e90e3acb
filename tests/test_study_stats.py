"""The study statistics against values worked out by hand."""

import itertools
import math

import pytest

from find_lab.study import stats


# --- McNemar's exact test -------------------------------------------------------------------
def test_mcnemar_one_against_six():
    # b = 1, c = 6: n = 7, p = 2 * (C(7,0) + C(7,1)) / 2^7 = 2 * 8 / 128 = 0.125
    first = [True] * 3 + [True] + [False] * 6 + [False] * 2
    second = [True] * 3 + [False] + [True] * 6 + [False] * 2
    result = stats.mcnemar(first, second)
    assert (result.b, result.c) == (1, 6)
    assert result.p == pytest.approx(0.125)


def test_mcnemar_is_symmetric_and_ignores_concordant_pairs():
    # b = 0, c = 5: p = 2 * 1 / 32 = 0.0625, whichever side is first
    first, second = [False] * 5 + [True, False], [True] * 5 + [True, False]
    assert stats.mcnemar(first, second).p == pytest.approx(0.0625)
    assert stats.mcnemar(second, first).p == pytest.approx(0.0625)
    assert (stats.mcnemar(second, first).b, stats.mcnemar(second, first).c) == (5, 0)


def test_mcnemar_without_discordant_pairs_or_with_balanced_ones_is_one():
    assert stats.mcnemar([True, False], [True, False]).p == 1.0
    # b = c = 3: 2 * P[X <= 3] = 2 * 42/64 > 1, capped at 1
    assert stats.mcnemar([True] * 3 + [False] * 3, [False] * 3 + [True] * 3).p == 1.0
    assert stats.mcnemar([], []).p == 1.0


def test_binomial_tail_agrees_with_counting_every_outcome():
    """Against brute force: of the 2^n equally likely outcomes of n discordant pairs, the
    share at least as far from n/2 as the one seen, counted one by one (the exact two-sided
    test for p = 1/2, whose two tails are equal)."""
    for b, c in [(1, 6), (0, 1), (2, 9), (7, 7), (10, 3), (0, 12), (5, 8)]:
        n, low = b + c, min(b, c)
        extreme = sum(1 for outcome in itertools.product((0, 1), repeat=n)
                      if min(sum(outcome), n - sum(outcome)) <= low)
        assert stats.binomial_two_sided(b, c) == pytest.approx(min(1.0, extreme / 2 ** n))


def test_paired_lists_of_different_lengths_are_refused():
    for test in (stats.mcnemar, stats.sign_test, stats.paired_difference_ci):
        with pytest.raises(ValueError, match="differ in length"):
            test([1, 0], [1])


# --- sign test ------------------------------------------------------------------------------
def test_sign_test_drops_ties():
    # diffs 4, 5, 6, 7, 8 above and one tie: n = 5, p = 2 * 1/32 = 0.0625
    result = stats.sign_test([5, 6, 7, 8, 9, 3], [1, 1, 1, 1, 1, 3])
    assert (result.above, result.below, result.ties) == (5, 0, 1)
    assert result.p == pytest.approx(0.0625)


def test_sign_test_two_above_one_below():
    # n = 3, min = 1: p = 2 * (1 + 3) / 8 = 1, capped
    result = stats.sign_test([2.0, 3.0, 1.0], [1.0, 1.0, 5.0])
    assert (result.above, result.below) == (2, 1)
    assert result.p == 1.0


def test_sign_test_of_only_ties_is_one():
    assert stats.sign_test([1, 2], [1, 2]) == stats.SignTest(0, 0, 2, 1.0)


# --- bootstrap intervals --------------------------------------------------------------------
def test_bootstrap_interval_lies_around_the_rate():
    # 70 of 100: the normal approximation gives 0.7 +- 1.96 * sqrt(0.21 / 100) = [0.610, 0.790]
    successes = [True] * 70 + [False] * 30
    low, high = stats.success_ci(successes)
    half = 1.96 * math.sqrt(0.7 * 0.3 / 100)
    assert 0 <= low < 0.7 < high <= 1
    assert low == pytest.approx(0.7 - half, abs=0.02)
    assert high == pytest.approx(0.7 + half, abs=0.02)


def test_bootstrap_is_seeded():
    successes = [True, False, True, True, False, False, True] * 5
    assert stats.success_ci(successes) == stats.success_ci(successes)
    # few resamples, so that two seeds' percentiles fall between different resampled means
    one, two = (stats.success_ci(successes, seed=seed, resamples=99) for seed in (1, 2))
    assert one == stats.success_ci(successes, seed=1, resamples=99)
    assert one != two


def test_bootstrap_collapses_when_every_outcome_is_the_same():
    assert stats.success_ci([True] * 8) == (1.0, 1.0)
    assert stats.success_ci([False] * 8) == (0.0, 0.0)
    assert stats.success_ci([]) is None


def test_bootstrap_of_three_functions_spans_everything():
    # two of three: a resample is all failures with probability (1/3)^3 = 1/27 = 3.7% and all
    # successes with (2/3)^3 = 8/27, both above 2.5%: the interval is [0, 1]
    assert stats.success_ci([True, True, False]) == (0.0, 1.0)


def test_bootstrap_of_group_fractions():
    # a group's per-function success may be a fraction; the interval stays within its range
    low, high = stats.success_ci([0.5, 0.5, 0.5, 1.0] * 10)
    assert 0.5 <= low < 0.625 < high <= 1.0


def test_paired_difference_interval():
    assert stats.paired_difference_ci([1] * 6, [0] * 6) == (1.0, 1.0)
    assert stats.paired_difference_ci([1, 0, 1], [1, 0, 1]) == (0.0, 0.0)
    # differences 0, 0, -1: all -1 with probability 1/27, all 0 with 8/27: [-1, 0]
    assert stats.paired_difference_ci([1, 1, 0], [1, 1, 1]) == (-1.0, 0.0)
    assert stats.paired_difference_ci([], []) is None
    # 30 of 40 against 10 of 40, pairs independent: near 0.5, inside [-1, 1]
    first = [True, True, True, False] * 10
    second = [False, True, False, False] * 10
    low, high = stats.paired_difference_ci(first, second)
    assert -1 <= low < 0.5 < high <= 1


# --- medians --------------------------------------------------------------------------------
def test_median():
    assert stats.median([3, 1, 2]) == 2
    assert stats.median([4, 1, 2, 3]) == 2.5
    assert stats.median([]) is None
