"""Coverage of the article-resampled 95% interval at few articles per outlet.

Why :data:`newsprism.core.stats.MIN_ARTICLES` is what it is. An outlet's articles are drawn
from a known population and :func:`newsprism.core.stats.cluster_ratio_ci` (the one
cluster bootstrap behind every interval over articles) is computed on them; coverage is the
share of draws whose interval holds the population value. Two measures:

- a rate per 1,000 words: article lengths lognormal (median 700 words), events Poisson with
  an article-level gamma multiplier (shape 1: quotations cluster in articles);
- a tone: article mean tone normal(0.05, 0.25) with 20-60 sentences of normal(mean, 0.6).

    .venv/bin/python bench/bench_min_articles.py --reps 1000

Prints a markdown table (n articles, coverage of each measure, distinct resamples of n
articles); writes nothing.
"""

from __future__ import annotations

import argparse
from math import comb

import numpy as np
from newsprism.core.stats import cluster_ratio_ci


def rate_draw(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, float]:
    """Events and words of ``n`` articles, and the population's pooled rate per 1,000."""
    words = np.round(np.exp(rng.normal(np.log(700), 0.5, n)))
    events = rng.poisson(words / 1000 * 5.0 * rng.gamma(1.0, 1.0, n))
    # E[events] / E[words] x 1,000: the multiplier has mean 1 and is independent of length.
    return events.astype(float), words, 5.0


def tone_draw(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, float]:
    """Sentence tone sums and sentence counts of ``n`` articles, and the population mean
    (sentence-weighted, lengths independent of tone: the article mean's expectation)."""
    sizes = rng.integers(20, 61, n).astype(float)
    means = rng.normal(0.05, 0.25, n)
    sums = np.array([rng.normal(m, 0.6, int(k)).sum() for m, k in zip(means, sizes,
                                                                     strict=True)])
    return sums, sizes, 0.05


def coverage(draw, n: int, reps: int, seed: int, scale: float) -> float:
    """Share of ``reps`` outlets of ``n`` articles whose 95% interval holds the truth."""
    rng = np.random.default_rng(seed)
    hits = 0
    for rep in range(reps):
        top, bottom, truth = draw(n, rng)
        low, high = cluster_ratio_ci(top, bottom, np.arange(n), scale=scale, n_boot=1000,
                                     seed=rep)
        hits += bool(low <= truth <= high)
    return hits / reps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=1000)
    parser.add_argument("--sizes", default="2,3,4,5,6,8,10,20")
    args = parser.parse_args(argv)
    print("| articles | distinct resamples | rate coverage | tone coverage |")
    print("|---:|---:|---:|---:|")
    for n in (int(s) for s in args.sizes.split(",")):
        rate = coverage(rate_draw, n, args.reps, 1, 1000.0)
        tone = coverage(tone_draw, n, args.reps, 2, 1.0)
        print(f"| {n} | {comb(2 * n - 1, n)} | {rate:.3f} | {tone:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
