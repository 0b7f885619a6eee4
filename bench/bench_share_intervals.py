"""Coverage of 95% intervals of a speaker's share of an outlet's quotations.

Why shares of quotations per outlet (share of voice, anonymous share, cue verbs in
``newsprism.quotes.stats``) resample articles: quotations cluster in articles (an interview
quotes one person throughout), and a Wilson interval that counts every quotation as
independent covers the outlet's share far less often than 95%. Outlets of ``n`` articles are
drawn from a known population: quotations per article 1 + Poisson(5), the speaker's share in
an article Beta(0.6, 1.4) (mean 0.3; many articles quote the speaker never or throughout),
each quotation the speaker's with that article's share. Coverage is the share of outlets whose
interval holds the population share 0.3, for Wilson's interval on the pooled count and for
the interval the library gives from :data:`newsprism.core.stats.MIN_ARTICLES` articles on
(:func:`newsprism.core.stats.cluster_share_cis`, widened to Wilson's where that is wider).

    .venv/bin/python bench/bench_share_intervals.py --reps 1000

Prints a markdown table; writes nothing.
"""

from __future__ import annotations

import argparse

import numpy as np
from newsprism.core.stats import cluster_share_cis, proportion_ci

SHARE = 0.3


def outlet_draw(n: int, rng: np.random.Generator) -> np.ndarray:
    """Quotations of ``n`` articles: (articles x [the speaker's, the others'])."""
    quotes = 1 + rng.poisson(5.0, n)
    theirs = rng.binomial(quotes, rng.beta(0.6, 1.4, n))
    return np.column_stack([theirs, quotes - theirs])


def coverage(n: int, reps: int, seed: int) -> tuple[float, float]:
    """Coverage of (Wilson, over articles widened to Wilson) over ``reps`` outlets."""
    rng = np.random.default_rng(seed)
    wilson_hits = cluster_hits = 0
    for rep in range(reps):
        counts = outlet_draw(n, rng)
        low, high = proportion_ci(int(counts[:, 0].sum()), int(counts.sum()))
        wilson_hits += bool(low <= SHARE <= high)
        lows, highs = cluster_share_cis(counts, n_boot=1000, seed=rep)
        cluster_hits += bool(min(low, lows[0]) <= SHARE <= max(high, highs[0]))
    return wilson_hits / reps, cluster_hits / reps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=1000)
    parser.add_argument("--sizes", default="2,5,10,20,40")
    args = parser.parse_args(argv)
    print("| articles | Wilson coverage | over articles (widened) coverage |")
    print("|---:|---:|---:|")
    for n in (int(s) for s in args.sizes.split(",")):
        wilson, cluster = coverage(n, args.reps, 3)
        print(f"| {n} | {wilson:.3f} | {cluster:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
