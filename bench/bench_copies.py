"""CPU seconds of 00's table of similar and copied pairs (``overview.near_duplicates``) on a
synthetic corpus, with every 20th article a reprint of the one before inside text of its own.

Synthetic articles resample real sentences (``bench/synth.py``), so sentences recur across
articles: a hard case for copy detection (most pairs share a run of words by chance).

Usage: ``python bench/bench_copies.py [ARTICLES ...]`` (default 1000 and 5000). CPU time
(``time.process_time``), not wall time. Prints its figures; writes nothing.
"""

from __future__ import annotations

import sys
import time

import pandas as pd
from newsprism.compare import overview

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from synth import sentence_pool, synth_articles  # noqa: E402


def corpus(n: int) -> pd.DataFrame:
    """``n`` synthetic articles; article 20k+1 reprints article 20k between paragraphs of its own."""
    articles = pd.DataFrame(list(synth_articles(n, sentence_pool(), seed=0)))
    texts = articles["text"].tolist()
    for i in range(1, n, 20):
        texts[i] = texts[i] + "\n\n" + texts[i - 1]
    return articles.assign(text=texts)


def main(sizes: list[int]) -> int:
    for n in sizes:
        articles = corpus(n)
        start = time.process_time()
        pairs = overview.near_duplicates(articles)
        seconds = time.process_time() - start
        planted = {(f"syn{i - 1:07d}", f"syn{i:07d}") for i in range(1, n, 20)}
        flag = "is_copy" if "is_copy" in pairs else "is_near_duplicate"
        flagged = set(zip(pairs.loc[pairs[flag].astype(bool), "article_a"],
                          pairs.loc[pairs[flag].astype(bool), "article_b"], strict=True))
        print(f"near_duplicates: {n} articles, {seconds:.1f} CPU s, attrs {pairs.attrs}, "
              f"planted reprints flagged {len(planted & flagged)} of {len(planted)} "
              f"(among the {len(pairs)} rows returned)")
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [1000, 5000]))
