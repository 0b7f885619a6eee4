"""Benchmark: tone toward 10,000 targets with the default model engine, on one core.

Target (issue 16): 10,000 targets in under 10 s on one core. Targets are the NewsMTSC dev
targets (785) repeated with shifted copies of each sentence so no result can come from a cache,
or, without the shared data, synthetic sentences with a name at varying positions. The figure
divides by this process's CPU time (``time.process_time``), so other jobs on a shared machine do
not distort it; wall-clock time is printed too.

    .venv/bin/python bench/bench_tone.py
"""

from __future__ import annotations

import argparse
import time

from newsprism.sentiment import scoring as sentiment
from newsprism.sentiment import tone_fit, tone_model

TARGET_SECONDS = 10.0


def targets(n: int) -> tuple[list[str], list[tuple[int, int]]]:
    """``n`` (text, span) pairs, each text distinct."""
    try:
        base = [tone_fit.load_split(s) for s in tone_fit.DEV_SPLITS]
        pairs = [(t, sp) for b in base for t, sp in zip(b["text"], b["span"], strict=True)]
    except FileNotFoundError:
        pairs = [("Critics slammed Smith's plan on Tuesday, officials said.", (16, 21)),
                 ("Officials from the United States met in Geneva.", (19, 32))]
    texts, spans = [], []
    for i in range(n):
        text, (start, end) = pairs[i % len(pairs)]
        prefix = f"({i}) "
        texts.append(prefix + text)
        spans.append((start + len(prefix), end + len(prefix)))
    return texts, spans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args(argv)
    texts, spans = targets(args.n)
    tone_model.load()  # load the weights outside the timed region
    sentiment.tone_toward(texts[:10], spans[:10])
    wall, cpu = time.perf_counter(), time.process_time()
    table = sentiment.tone_toward(texts, spans)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert len(table) == args.n
    print(f"tone_toward(engine='model'): {args.n} targets in {cpu:.2f} s CPU "
          f"({args.n / cpu:,.0f} targets/s/core; wall {wall:.2f} s); target < {TARGET_SECONDS} s "
          f"-> {'met' if cpu < TARGET_SECONDS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
