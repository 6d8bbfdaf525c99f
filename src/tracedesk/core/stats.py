"""The statistics insights need, in plain Python: Wilson score intervals for a rate, and
whether two rates differ (a two-proportion z-test, or Fisher's exact test when the counts
are too small for the normal approximation)."""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054  # the two-sided 95% quantile of the standard normal
SMALL_EXPECTED = 5  # below this expected count in a cell, the exact test is used


def wilson(count: int, total: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of ``count`` successes in ``total`` trials (None for no trials)."""
    if total <= 0:
        return None
    p = count / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def z_test(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float]:
    """The pooled two-proportion z-test of k1/n1 against k2/n2: (z, two-sided p-value)."""
    if n1 <= 0 or n2 <= 0:
        return 0.0, 1.0
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return 0.0, 1.0
    z = (k2 / n2 - k1 / n1) / se
    return z, math.erfc(abs(z) / math.sqrt(2))


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact(k1: int, n1: int, k2: int, n2: int) -> float:
    """The two-sided p-value of Fisher's exact test on the 2x2 table [[k1, n1 - k1], [k2, n2 - k2]]:
    the probability, with the margins fixed, of every table no more likely than this one."""
    if n1 <= 0 or n2 <= 0:
        return 1.0
    successes, total = k1 + k2, n1 + n2
    low, high = max(0, successes - n2), min(successes, n1)
    base = _log_choose(total, successes)

    def log_p(a: int) -> float:  # a successes in the first group
        return _log_choose(n1, a) + _log_choose(n2, successes - a) - base

    observed = log_p(k1)
    # Tables as likely as the observed one, up to rounding, count as "no more likely".
    threshold = observed + math.log1p(1e-7)
    p = math.fsum(math.exp(lp) for lp in (log_p(a) for a in range(low, high + 1)) if lp <= threshold)
    return min(1.0, p)


@dataclass(frozen=True)
class Difference:
    """Whether two rates differ: the test used ("z" or "fisher") and its two-sided p-value."""

    test: str
    p_value: float
    z: float | None = None


def compare_rates(k1: int, n1: int, k2: int, n2: int) -> Difference:
    """Test k1/n1 against k2/n2: Fisher's exact test when a cell of the 2x2 table expects
    fewer than 5 counts, the two-proportion z-test otherwise."""
    if n1 <= 0 or n2 <= 0:
        return Difference("none", 1.0)
    successes, failures, total = k1 + k2, n1 + n2 - k1 - k2, n1 + n2
    expected = min(n * m / total for n in (n1, n2) for m in (successes, failures))
    if expected < SMALL_EXPECTED:
        return Difference("fisher", fisher_exact(k1, n1, k2, n2))
    z, p = z_test(k1, n1, k2, n2)
    return Difference("z", p, z)
