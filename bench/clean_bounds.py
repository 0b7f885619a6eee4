"""Issue 20 experiment (clean8, not shipped): a boundary model for the body's first and last line.

Usage: ``.venv/bin/python bench/clean_bounds.py [--lam 0.01] [--target both] [--check]``. Tuning part of
pagetext only, site folds only (the held-back part is never read).

Of the furniture the cleaner misses, most lies before the first or after the last gold body
line, so this scores every line of a page as the *last body line* from the line and the
window after it (and, on the page read backwards, as the *first body line* from the window
before it): furniture score, length, sentence end, rules already matched (any; templates;
time stamps / URLs / handles; furniture words), windows of 3 / 5 / 10 / 20 lines after it
(mean score, short lines, body-like lines, log-odds) and of 3 / 10 lines (rule kinds), the
next and previous line, the share of the page's prose mass after and before it, the prose in
the next 10 lines, position, the longest prose line, body-like lines after and before, the
distance to the next body-like line. A linear score per line, normalised over the page
(softmax), is fitted by maximum likelihood (L-BFGS, L2 ``--lam``, zero start: no seed needed)
on 4 of 5 site folds; every page is scored by the model of the fold that never saw its site.
Line scores and rules come from the shipped cleaner, the line scores out of fold
(``clean_fit.out_of_fold_scores`` and ``out_of_fold_context_scores``).

Two targets: ``point`` (the first / last line holding a gold keep string) and ``set`` (the
last body line is any line from the last gold keep line up to the line before the next gold
furniture line, likelihood summed over the set; the first mirrored), since keep strings are a
sample of the body and its true last line is often after the last keep string.

A line is then removed, on top of the shipped cleaner (rules, line model, ``outside_body``),
when P(last body line at or after it) or P(first body line at or before it) is below ``tau``;
at ``default`` lines with a body sign (``clean_signs``) stay. Printed: boundary accuracy
(exact line, within 2 lines; for ``set``, inside the set), furniture removed and body kept per
``tau`` and level next to the shipped cleaner on the same site folds, the best ``tau`` whose
body kept is not lower than the shipped cleaner's, and the bar (+5 points at ``default``).
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
from newsprism.corpus import clean_fit, clean_validation
from newsprism.corpus.clean import clean_text, model_removals, region_removals
from newsprism.corpus.clean_lines import effective_lengths, load_model
from newsprism.corpus.clean_rules import CORPUS_KEY, ends_sentence, recurring_lines
from newsprism.corpus.clean_signs import LineSigns

KINDS = {
    "template": {"corpus_template", "outlet_template"},
    "stamp": {"timestamp_line", "handle_line", "url_line"},
    "phrase": {"site_phrase", "comment_prompt", "nav_link", "social_footer", "related_phrase",
               "byline", "tag_list", "related_link", "comments_phrase", "subscribe_phrase",
               "share_phrase", "tag_line", "copyright"},
}
SHORT_CHARS, BODY_CHARS, MASS_CAP, LOGIT_CAP = 40, 80, 300, 8.0
TAUS = (0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1)
BAR = 0.05  # furniture points at "default", body kept not lower than the shipped cleaner
N_FOLDS = 5
MIN_LINES = 10  # as the cleaner's line model: shorter texts are left alone


def window_after(values: np.ndarray, width: int) -> np.ndarray:
    """Mean of the ``width`` values after each one (fewer near the end; 0 after the last)."""
    n = len(values)
    total = np.concatenate([[0.0], np.cumsum(values, dtype=float)])
    index = np.arange(n)
    high = np.minimum(index + 1 + width, n)
    count = high - index - 1
    return np.where(count > 0, (total[high] - total[index + 1]) / np.maximum(count, 1), 0.0)


def marks_of(rules: list[str | None]) -> dict[str, np.ndarray]:
    """Per line: a rule removed it (any, and per kind of ``KINDS``)."""
    marks = {"rule": np.array([rule is not None for rule in rules], dtype=float)}
    for kind, names in KINDS.items():
        marks[kind] = np.array([rule in names for rule in rules], dtype=float)
    return marks


def _page_columns(lengths, scores, marks, body) -> list[np.ndarray]:
    """Prose mass, position and body-like lines around each line."""
    n = len(scores)
    index = np.arange(n, dtype=float)
    mass = np.minimum(lengths, MASS_CAP) * (1.0 - scores) * (1.0 - marks["rule"])
    total = mass.sum() + 1e-9
    before = np.cumsum(mass)
    after = total - before
    local = window_after(mass, 10) * 10
    longest = int(np.argmax(mass))
    body_at = np.nonzero(body)[0]
    body_after = len(body_at) - np.searchsorted(body_at, index, side="right")
    nearest = np.searchsorted(body_at, index, side="right")
    gap = np.append(body_at, n)[nearest] - index
    return [after / total, before / total, np.log1p(after), local / (after + 1e-9),
            np.log1p(local), index / max(n - 1, 1), np.log1p(n - 1 - index), np.log1p(index),
            (index >= longest).astype(float), np.log1p(np.abs(index - longest)),
            np.log1p(body_after), np.log1p(np.cumsum(body) - body),
            (body_after == 0) & (body > 0), np.log1p(gap), np.full(n, np.log1p(n))]


def end_features(lengths, scores, marks, sentence) -> np.ndarray:
    """One row per line as a candidate *last* body line (the arrays reversed: *first*)."""
    logit = np.clip(np.log1p(1e-9 - scores) - np.log(scores + 1e-9), -LOGIT_CAP, LOGIT_CAP)
    short = (lengths < SHORT_CHARS).astype(float)
    body = ((lengths >= BODY_CHARS) & (sentence > 0) & (scores < 0.5)).astype(float)
    columns = [logit, np.log1p(lengths), sentence, body, *marks.values()]
    for width in (3, 5, 10, 20):
        columns += [window_after(v, width) for v in (scores, short, body, logit)]
    for width in (3, 10):
        columns += [window_after(v, width) for v in marks.values()]
    columns += [np.append(logit[1:], 0.0), np.append(np.log1p(lengths[1:]), 0.0),
                np.insert(logit[:-1], 0, 0.0), np.insert(body[:-1], 0, 0.0)]
    columns += _page_columns(lengths, scores, marks, body)
    return np.column_stack(columns).astype(float)


def rule_names(pages: list[dict]) -> list[list[str | None]]:
    """Per page, per non-blank line: the rule of the shipped cleaner's rules pass (line model
    and ``outside_body`` off), recurring lines counted over the pages, as validation does."""
    recurring = recurring_lines([p["text"] for p in pages], [p["site"] for p in pages])
    found = []
    for page in pages:
        raw = page["text"].split("\n")
        index = {i: k for k, i in enumerate(i for i, line in enumerate(raw) if line.strip())}
        result = clean_text(page["text"], page["page_id"], cleaning="default",
                            disabled_rules={"line_model", "outside_body"},
                            recurring=recurring.get(page["site"], frozenset()),
                            corpus_recurring=recurring.get(CORPUS_KEY, frozenset()))
        rules: list[str | None] = [None] * len(index)
        for row in result.audit:
            rules[index[row["line"] - 1]] = row["rule"]
        found.append(rules)
    return found


def _targets(labels: list, keep_lines: list[int], n: int) -> dict:
    """Gold first / last body line, and the sets of lines either could be (reversed index
    for the first line, as its features are)."""
    if not keep_lines:
        return {"first": None, "last": None, "end_set": [], "start_set": []}
    first, last = min(keep_lines), max(keep_lines)
    after = next((k for k in range(last + 1, n) if labels[k] == 1), n)
    before = next((k for k in range(first - 1, -1, -1) if labels[k] == 1), -1)
    return {"first": first, "last": last, "end_set": list(range(last, after)),
            "start_set": [n - 1 - k for k in range(before + 1, first + 1)]}


def prepare(pages: list[dict]) -> list[dict]:
    """Per page: lines, labels, out-of-fold line scores, rules, features, gold boundaries."""
    rows = clean_fit.page_rows(pages)
    scores = clean_fit.out_of_fold_context_scores(rows, clean_fit.out_of_fold_scores(rows))
    rules = rule_names([row["page"] for row in rows])
    data = []
    for row, score, page_rules in zip(rows, scores, rules, strict=True):
        lines, labels, groups = clean_validation.label_lines(row["page"])
        lengths = effective_lengths(lines).astype(float)
        marks = marks_of(page_rules)
        sentence = np.array([ends_sentence(line) for line in lines], dtype=float)
        reverse = {kind: values[::-1] for kind, values in marks.items()}
        data.append({"page": row["page"], "lines": lines, "labels": labels, "scores": score,
                     "rules": page_rules, "n": len(lines),
                     "x_end": end_features(lengths, score, marks, sentence),
                     "x_start": end_features(lengths[::-1], score[::-1], reverse,
                                             sentence[::-1]),
                     **_targets(labels, [k for g in groups for k in g], len(lines))})
    return data


def fit_softmax(xs: list[np.ndarray], sets: list[list[int]], lam: float) -> dict:
    """Per-page softmax over lines, likelihood of the gold set of each page, L2 ``lam``."""
    from scipy.optimize import minimize

    stacked = np.vstack(xs)
    mean, scale = stacked.mean(0), stacked.std(0) + 1e-9
    big = (stacked - mean) / scale
    sizes = [len(x) for x in xs]
    starts = np.cumsum([0, *sizes])[:-1]
    page = np.repeat(np.arange(len(xs)), sizes)
    gold = np.concatenate([np.isin(np.arange(len(x)), s) for x, s in zip(xs, sets, strict=True)])

    def loss(w):
        z = big @ w
        top = np.maximum.reduceat(z, starts)
        e = np.exp(z - top[page])
        e_gold = e * gold
        all_sum, gold_sum = np.add.reduceat(e, starts), np.add.reduceat(e_gold, starts)
        value = (np.log(all_sum).sum() - np.log(gold_sum).sum()) / len(xs) + lam / 2 * w @ w
        grad = ((e / all_sum[page]) @ big - (e_gold / gold_sum[page]) @ big) / len(xs) + lam * w
        return value, grad

    w = minimize(loss, np.zeros(big.shape[1]), jac=True, method="L-BFGS-B",
                 options={"maxiter": 3000}).x
    return {"mean": mean, "scale": scale, "coef": w}


def softmax(x: np.ndarray, model: dict) -> np.ndarray:
    z = ((x - model["mean"]) / model["scale"]) @ model["coef"]
    z = np.exp(z - z.max())
    return z / z.sum()


def out_of_fold(data: list[dict], side: str, target: str, lam: float) -> list[np.ndarray]:
    """Boundary probabilities per page (``side`` "end" or "start") by site folds."""
    from sklearn.model_selection import GroupKFold

    key = f"x_{side}"
    found: list[np.ndarray] = [np.zeros(0)] * len(data)
    folds = GroupKFold(N_FOLDS).split(data, groups=[d["page"]["site"] for d in data])
    for train, test in folds:
        train = [i for i in train if data[i]["last"] is not None]
        sets = [_gold_set(data[i], side, target) for i in train]
        model = fit_softmax([data[i][key] for i in train], sets, lam)
        for i in test:
            found[i] = softmax(data[i][key], model)
    return found


def _gold_set(page: dict, side: str, target: str) -> list[int]:
    if target == "set":
        return page[f"{side}_set"]
    return [page["last"]] if side == "end" else [page["n"] - 1 - page["first"]]


def accuracy(data: list[dict], probs: list[np.ndarray], side: str, target: str) -> str:
    """Share of pages whose most likely boundary is the gold one (or in the gold set), and
    within 2 lines of it."""
    exact = near = n = 0
    for page, p in zip(data, probs, strict=True):
        if page["last"] is None:
            continue
        gold, best = _gold_set(page, side, target), int(np.argmax(p))
        n += 1
        exact += best in gold
        near += min(abs(best - k) for k in gold) <= 2
    return f"{exact / n:.1%} exact, {near / n:.1%} within 2 lines (n = {n} pages)"


def shipped(page: dict, level: str, model: dict) -> tuple[set[int], LineSigns | None]:
    """Lines the shipped cleaner removes (rules, line model, ``outside_body``) with
    out-of-fold line scores, and the page's body signs."""
    removed = {k for k, rule in enumerate(page["rules"]) if rule is not None}
    if page["n"] < MIN_LINES:
        return removed, None
    lines, scores = page["lines"], page["scores"]
    signs = LineSigns(lines, scores, model["threshold"])
    removed.update(model_removals(lines, scores, model, level, signs)[0])
    removed.update(region_removals(lines, scores, model, level, removed, signs)[0])
    return removed, signs


def with_bounds(page, base, signs, end, start, tau: float, level: str) -> set[int]:
    """``base`` plus the lines outside the predicted span (inside probability below ``tau``);
    at "default" a line with a body sign stays."""
    removed = set(base)
    if page["n"] < MIN_LINES:
        return removed
    inside_end, inside_start = np.cumsum(end[::-1])[::-1], np.cumsum(start[::-1])
    outside = (np.minimum(inside_end, inside_start) < tau).nonzero()[0]
    removed.update(k for k in outside.tolist() if k not in removed
                   and (level != "default" or signs.why(k) is None))
    return removed


def with_gold_span(page, base, signs, level: str) -> set[int]:
    """``base`` plus every line outside the gold span (the upper bound), same protections."""
    if page["last"] is None or page["n"] < MIN_LINES:
        return set(base)
    outside = [k for k in range(page["n"]) if k < page["first"] or k > page["last"]]
    return set(base) | {k for k in outside if level != "default" or signs.why(k) is None}


def rates(data: list[dict], removed: list[set[int]]) -> tuple[float, float, int, int]:
    """(furniture removed, body kept, n furniture strings, n body strings), pooled."""
    totals = clean_validation.pooled_counts(data, removed)
    return (totals["removed"] / totals["n_remove"], totals["kept"] / totals["n_keep"],
            totals["n_remove"], totals["n_keep"])


def _line(label: str, result: tuple) -> str:
    return (f"  {label:34s} furniture removed {result[0]:.2%}  body kept {result[1]:.2%}  "
            f"(n = {result[2]} / {result[3]})")


def report(data: list[dict], probs: dict, target: str) -> None:
    """Removal and keep rates per level and ``tau``, next to the shipped cleaner."""
    model = load_model()
    for level in ("default", "strict"):
        bases = [shipped(page, level, model) for page in data]
        base = rates(data, [b for b, _ in bases])
        print(_line(f"{level}: shipped cleaner", base))
        best = None
        for tau in TAUS:
            result = rates(data, [with_bounds(page, b, s, probs["end"][i], probs["start"][i],
                                              tau, level)
                                  for i, (page, (b, s)) in enumerate(zip(data, bases, strict=True))])
            print(_line(f"{level}: + bounds ({target}), tau {tau}", result))
            if result[1] >= base[1] and (best is None or result[0] > best[1][0]):
                best = (tau, result)
        gold = rates(data, [with_gold_span(page, b, s, level) for page, (b, s)
                            in zip(data, bases, strict=True)])
        print(_line(f"{level}: + exact gold span (bound)", gold))
        if best is not None:
            gain = best[1][0] - base[0]
            verdict = "met" if level != "default" or gain >= BAR else "NOT met"
            print(f"  {level}: best tau with body kept >= shipped: {best[0]}, "
                  f"{gain:+.2%} furniture" + (f" (bar +{BAR:.0%}: {verdict})"
                                               if level == "default" else ""))


def check_harness(data: list[dict]) -> None:
    """The harness with the shipped model's own (in-sample) scores, next to the cleaner's
    validation on the same pages: the two must agree."""
    from newsprism.corpus.clean_lines import furniture_scores

    model = load_model()
    pages = [page["page"] for page in data]
    for level in ("default", "strict"):
        in_sample = [{**page, "scores": furniture_scores(page["lines"])} for page in data]
        harness = rates(in_sample, [shipped(page, level, model)[0] for page in in_sample])
        real = clean_validation.score_pages(pages, clean_validation.clean_with(
            f"newsprism {level}"))
        print(_line(f"check {level}: harness in-sample", harness))
        print(f"  check {level}: clean_validation        furniture removed "
              f"{real['furniture_removed']:.2%}  body kept {real['body_kept']:.2%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lam", type=float, default=0.01, help="L2 strength of the softmax")
    parser.add_argument("--target", choices=("point", "set", "both"), default="both")
    parser.add_argument("--quick", action="store_true", help="every second page")
    parser.add_argument("--check", action="store_true",
                        help="first check the harness against clean_validation (in-sample)")
    args = parser.parse_args(argv)
    pages = clean_validation.load_pagetext("tuning")
    if not pages:
        print(f"pagetext not found under {clean_validation.PAGETEXT}", file=sys.stderr)
        return 1
    started = time.process_time()
    data = prepare(pages[::2] if args.quick else pages)
    print(f"pagetext tuning part, {len(data)} pages, site folds ({N_FOLDS}); "
          f"prepared in {time.process_time() - started:.0f} CPU s")
    if args.check:
        check_harness(data)
    for target in ("point", "set") if args.target == "both" else (args.target,):
        probs = {side: out_of_fold(data, side, target, args.lam) for side in ("end", "start")}
        print(f"\ntarget {target}, lam {args.lam}")
        for side in ("start", "end"):
            print(f"  {side} line: {accuracy(data, probs[side], side, target)}")
        report(data, probs, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
