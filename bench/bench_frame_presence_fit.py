"""Frame-presence validation speed: the nested cross-validation `make validate` runs on NFC.

Times the three parts of ``newsprism.framing.fit.evaluation``: the cue features of the 260
coded articles (computed once and reused by every fold), the inner choice of one frame
(:func:`newsprism.framing.fit.choose`), and the whole nested CV; and counts the logistic fits
of one inner choice (the question stage is fitted once per question set, ``C_question``,
split and fold, then reused for every ``C_frame``; the pooled model once per ``C_frame``,
split and fold). Needs the NFC gold data.

    python bench/bench_frame_presence_fit.py [--frame morality]
"""

from __future__ import annotations

import argparse
import time

from newsprism.framing import fit as framing_fit
from newsprism.framing.codebook import load_codebook
from newsprism.framing.presence import DEFAULT_CODEBOOK, feature_names, presence_features


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frame", default="morality")
    args = parser.parse_args()
    gold = framing_fit.load_nfc()
    book = load_codebook(DEFAULT_CODEBOOK)
    start = time.perf_counter()
    features = presence_features(list(gold["text"]), book)
    print(f"features of {len(gold)} articles: {time.perf_counter() - start:.1f} s")
    inputs = framing_fit.nfc_inputs(gold, features)
    targets, aggregated = inputs[2], inputs[3]
    x = features[feature_names(book, args.frame)].to_numpy(dtype=float)
    y = gold[args.frame].to_numpy(dtype=bool)
    answers = framing_fit.question_targets(
        targets, framing_fit.question_sets(targets, aggregated, y, args.frame))
    start = time.perf_counter()
    framing_fit.choose(x, y, answers, framing_fit.SEED)
    stage_keys = {c[:2] for c in framing_fit.CANDIDATES}
    per_split = framing_fit.N_FOLDS * (
        sum(answers[k[0]].shape[1] for k in stage_keys) + len(framing_fit.CANDIDATES)
        + len(framing_fit.C_GRID))
    print(f"one inner choice ({args.frame}): {time.perf_counter() - start:.1f} s, "
          f"{framing_fit.INNER_REPEATS * per_split} logistic fits "
          f"({framing_fit.INNER_REPEATS} splits x {per_split})")
    start, cpu = time.perf_counter(), time.process_time()
    framing_fit.nested_cv(features, gold, targets, aggregated)
    print(f"nested CV, 5 frames x {framing_fit.N_FOLDS} outer folds: "
          f"{time.perf_counter() - start:.1f} s ({time.process_time() - cpu:.1f} s CPU)")
    start, cpu = time.perf_counter(), time.process_time()
    framing_fit.validate_frame_presence()
    print(f"validate_frame_presence (features, nested CV at {len(framing_fit.VALIDATION_SEEDS)} "
          f"outer seeds): {time.perf_counter() - start:.1f} s "
          f"({time.process_time() - cpu:.1f} s CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
