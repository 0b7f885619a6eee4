"""Frame detection speed: MB of text per second on one core (target: >= 1 MB/s).

Detection = ``newsprism.framing.detect_frames`` with the story codebook (every cue, wildcards,
exclusions and the negation check) over the bundled corpus repeated to ``--mb`` megabytes,
split into article-sized texts. Also times the generic codebook, word choice and article-level
frame presence (question codebook + fitted model, which also splits sentences).

    python bench/bench_framing.py [--mb 4]
"""

from __future__ import annotations

import argparse
import time

from newsprism.corpus.readers import load_corpus
from newsprism.framing.detect import detect_frames, detect_naming, frame_presence, load_codebook

TARGET_MB_PER_S = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="megabytes of text to scan")
    args = parser.parse_args()
    articles = list(load_corpus().articles["text"])
    corpus_bytes = sum(len(t.encode("utf-8")) for t in articles)
    repeats = max(1, int(args.mb * 1e6 / corpus_bytes) + 1)
    texts = articles * repeats
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    ok = True
    for label, run in (
        ("story codebook", lambda: detect_frames(texts, load_codebook("story"))),
        ("generic codebook", lambda: detect_frames(texts, load_codebook("generic"))),
        ("word choice (naming pairs)", lambda: detect_naming(texts, load_codebook("story"))),
        ("frame presence (article level)", lambda: frame_presence(texts)),
    ):
        run_small = texts[:5]  # warm the compile cache so the figure is the scan alone
        detect_frames(run_small, "story")
        started, cpu_started = time.perf_counter(), time.process_time()
        hits = run()
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        # Per core = per CPU-second of this (single-threaded) process; wall time is shown too
        # because a busy machine stretches it.
        rate = size_mb / cpu
        print(f"{label:28s} {size_mb:6.2f} MB: {cpu:6.2f} CPU s = {rate:5.2f} MB/s per core "
              f"(wall {seconds:.2f} s = {size_mb / seconds:.2f} MB/s; {len(hits):,} hits, "
              f"{len(texts):,} texts)")
        if label == "story codebook":
            ok = rate >= TARGET_MB_PER_S
    print(f"target >= {TARGET_MB_PER_S:.1f} MB/s per core for detection: "
          f"{'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
