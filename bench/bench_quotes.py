"""Speed of quote extraction: MB of article text per second on one core (target >= 1 MB/s).

Uses the PolNeAR texts when present (realistic news at scale), else the bundled corpus repeated.
Also prints the cost of the annotation step ``article_quotes`` (extraction with the actor
registry plus the per-article table) in CPU microseconds per sentence, on the synthetic corpus
``outputs/bench/synth_1000.jsonl`` when present (``bench/synth.py`` makes it) plus the bundled
corpus. Run: ``.venv/bin/python bench/bench_quotes.py``.
"""

from __future__ import annotations

import itertools
import json
import time

from newsprism.core import paths
from newsprism.core.text import split_sentences
from newsprism.corpus.readers import load_corpus
from newsprism.pipeline.annotate import AnnotateOptions, ArticleInput
from newsprism.quotes.extract import article_quotes, extract_quotes

TARGET_MB_PER_S = 1.0


def _texts() -> tuple[list[str], str]:
    root = paths.POLNEAR
    files = sorted(f for split in ("train", "dev")  # never a test split
                   for f in (root / split / "text").glob("*.txt"))
    if files:
        return [f.read_text(encoding="utf-8") for f in files], f"PolNeAR ({len(files)} articles)"
    texts = list(load_corpus().articles["text"])
    return texts * 200, f"bundled corpus x200 ({len(texts) * 200} articles)"


def main() -> None:
    texts, label = _texts()
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    extract_quotes(texts[0])  # warm up regex caches
    best = float("inf")
    n_quotes = 0
    for _ in range(3):
        started = time.process_time()
        n_quotes = sum(len(extract_quotes(t)) for t in texts)
        best = min(best, time.process_time() - started)
    mb_per_s = n_bytes / 1e6 / best
    status = "OK" if mb_per_s >= TARGET_MB_PER_S else "BELOW TARGET"
    print(f"extract_quotes on {label}: {n_bytes / 1e6:.2f} MB, {n_quotes} quotes, "
          f"{best:.2f} s CPU (best of 3)")
    print(f"throughput: {mb_per_s:.2f} MB/s per core (target >= {TARGET_MB_PER_S}) {status}")
    step_cost()


def step_cost(n_articles: int = 1000) -> None:
    """CPU microseconds per sentence of the ``article_quotes`` annotation step."""
    synth = paths.OUTPUTS / "bench" / "synth_1000.jsonl"
    articles = []
    if synth.exists():
        with synth.open(encoding="utf-8") as handle:
            articles = [json.loads(line) for line in itertools.islice(handle, n_articles)]
    articles += load_corpus().articles.to_dict("records")
    inputs = [ArticleInput(a["article_id"], a["text"], a.get("language") or "en",
                           a.get("outlet") or "") for a in articles]
    n_sentences = sum(len(split_sentences(a.text)) for a in inputs)
    options = AnnotateOptions()
    article_quotes(inputs[0], {}, options)  # load the actor registry once
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for article in inputs:
            article_quotes(article, {}, options)
        best = min(best, time.process_time() - started)
    label = f"{len(inputs)} articles" + (" (synthetic + bundled)" if synth.exists() else "")
    print(f"article_quotes step on {label}: {n_sentences} sentences, {best:.2f} s CPU "
          f"(best of 3), {best / n_sentences * 1e6:.0f} us per sentence")


if __name__ == "__main__":
    main()
