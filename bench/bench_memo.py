"""How much of the annotation throughput comes from the cross-article memos.

The sentiment scores and the claims of a sentence are memoised by its text (a wire sentence
reprinted by many articles is scored once). The synthetic corpora of ``bench_scale.py``
resample real sentences, so each sentence recurs many times there and the memos serve most
of them: a flattering case. This script annotates the same corpus in-process, jobs=1, once
with the memos as shipped and once with them switched off, and prints sentences per
CPU-second for both (the off figure is the one to expect from a corpus without repeats).

    .venv/bin/python bench/bench_memo.py [--size 10000]
    .venv/bin/python bench/bench_memo.py --corpus PATH --memos off   # one run: "N CPU-seconds"
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from bench_scale import synth_corpus  # noqa: E402  (bench/ is not a package)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(corpus: str, memos: bool) -> tuple[int, float]:
    """(sentences, CPU seconds) of one uncached in-process annotation."""
    from newsprism.compare import claims
    from newsprism.pipeline.annotate import annotate
    from newsprism.sentiment import engines

    if not memos:
        engines._SCORE_MEMO_MAX = 0  # emptied at every call: no text scored from memory
        claims._sentence_claims = claims._sentence_claims.__wrapped__
    annotate(None, jobs=1, cache=False, out=tempfile.mkdtemp(), progress=False)  # imports
    started = _cpu()
    ann = annotate(corpus, jobs=1, cache=False, out=tempfile.mkdtemp(), progress=False)
    return len(ann.tables["sentences"]), _cpu() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--corpus", help="annotate this corpus (default: the synthetic one of "
                                         "--size that bench_scale.py uses)")
    parser.add_argument("--memos", choices=["on", "off"],
                        help="one measurement in this process; prints sentences and CPU s")
    args = parser.parse_args()
    corpus = args.corpus or synth_corpus(args.size, "jsonl")
    if args.memos:  # child: one measurement in a fresh process (memos patched only here)
        n, cpu = measure(corpus, args.memos == "on")
        print(f"{n} {cpu}")
        return
    import subprocess

    for memos in ("on", "off"):
        out = subprocess.run([sys.executable, __file__, "--corpus", corpus, "--memos", memos],
                             capture_output=True, text=True, check=True).stdout
        n, cpu = out.split()[-2:]
        print(f"annotate {Path(corpus).name}, jobs=1, memos {memos}: {int(n):,} sentences in "
              f"{float(cpu):.1f} CPU s = {int(n) / float(cpu):,.0f} sentences per CPU-second "
              f"(floor 3,000)", flush=True)


if __name__ == "__main__":
    main()
