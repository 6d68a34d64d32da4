"""The bench says the budget per record is met only when every round is within it."""

from bench.run import budget_verdict
from bench.stages import BUDGET_MS_PER_RECORD


def test_every_round_within_the_budget_is_said_so():
    assert budget_verdict([BUDGET_MS_PER_RECORD - 1.5, BUDGET_MS_PER_RECORD]) == (
        f"within the budget of {BUDGET_MS_PER_RECORD:.0f} ms in every round"
    )


def test_one_round_over_is_named_even_when_the_median_is_within():
    verdict = budget_verdict([BUDGET_MS_PER_RECORD - 1, BUDGET_MS_PER_RECORD + 0.1, BUDGET_MS_PER_RECORD - 0.9])
    assert verdict == f"over the budget of {BUDGET_MS_PER_RECORD:.0f} ms in 1 of 3 rounds"
