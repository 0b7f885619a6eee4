"""Issue 18, speakers: an out-of-fold estimate of how far PolNeAR speaker accuracy can be
reached, on train only (dev is never read here).

    python bench/speaker_transfer.py [--cache /tmp/speaker_transfer.pkl] [--seed 16]

1. The rules' accuracy per fold (PolNeAR train articles split into 5 folds by a fixed seed, no
   article in two folds) and a census of the wrong or missing speakers: gold source type (name,
   pronoun, description or group, relaying outlet) x whether a right candidate is present.
2. A candidate chooser: candidates are the rules' speaker and every name, pronoun and
   group noun phrase in the quotation's sentence, the two sentences before and the one after;
   cheap features (side, distance in tokens and sentences, subject or object of a cue verb,
   mention type, gender agreement, previous quotation's speaker, mentions in the article, the
   rule that fired, the rules abstained); logistic regression, 5-fold CV grouped by article.
   Out-of-fold accuracy against the rules on the same folds, the share of changes that are
   right, the chooser on everything and on the rules' abstentions only.
3. Learning curve: the chooser trained on 25/50/75/100% of each fold's training articles (3
   random subsets each), a log-linear fit and its extrapolation.
4. Upper bound: the oracle (a right candidate whenever one exists) by gold source type, and 20
   seeded errors without a right candidate to read by hand.

A candidate is right by the validation's lenient check (``speaker_accuracy``, issue 18's floor):
its span overlaps a gold Source, or the gold Source names its last word.
"""

from __future__ import annotations

import argparse
import bisect
import math
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from newsprism.core.text import split_sentences
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.given_names import given_name_gender
from newsprism.quotes.names import CUE_RE, NAME_RE
from newsprism.quotes.np_sources import NP_HEADS

# the validation's own lenient check, so a candidate is right exactly when the floor says so
from newsprism.quotes.validation import _speaker_ok, compare_article, load_polnear

N_FOLDS = 5
SEED = 16
FRACTIONS = (0.25, 0.5, 0.75, 1.0)
# subject pronouns, and the possessives PolNeAR also marks as Sources ('his "Low energy"')
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|I|[Ww]e|[Hh]is|[Hh]er|[Tt]heir)\b")
_GROUP_RE = re.compile(
    r"(?<![\w\u2019'])(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[Ss]ome|[Mm]any|"
    r"[Ss]everal|[Tt]wo|[Tt]hree|\d+)\s+)?(?:(?-i:[a-z][\w\-]*)\s+){0,2}"
    rf"(?i:{NP_HEADS})\b")
_PRONOUN_WORDS = frozenset("he she they it i we him her them his its their".split())
# outlets and reports that relay words (PolNeAR credits them): a rough list for the census
_RELAY_RE = re.compile(
    r"\b(?:CNN|Fox|MSNBC|NBC|ABC|CBS|NPR|PBS|BBC|AP|Associated Press|Reuters|Bloomberg|"
    r"Politico|Times|Post|Journal|Tribune|Herald|Globe|Examiner|Guardian|Telegraph|News|"
    r"Daily|Magazine|BuzzFeed|Breitbart|Hill|Axios|HuffPost|Huffington|Vox|Slate|Atlantic|"
    r"New Yorker|Mediaite|Watch|Caller|Beacon|Salon|Intercept|Gazette|Radio|TV|report|"
    r"poll|survey|statement|newspaper|magazine|network|interview|video|tweet|post)\b")
MENTION_TYPES = ("name", "pronoun", "group")


@dataclass
class Candidate:
    start: int
    end: int
    speaker: str
    mtype: str  # name | pronoun | group | rule


@dataclass
class _Pred:  # what the validation's check reads of a prediction
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None


def assign_folds(names: list[str], n_folds: int = N_FOLDS, seed: int = SEED) -> dict[str, int]:
    """Each article name to one fold in ``range(n_folds)``: names sorted, shuffled by ``seed``,
    dealt round-robin, so fold sizes differ by at most one and no article is in two folds.

    >>> folds = assign_folds(["a", "b", "c", "d", "e", "f"], n_folds=3, seed=0)
    >>> sorted(folds) == ["a", "b", "c", "d", "e", "f"], sorted(set(folds.values()))
    (True, [0, 1, 2])
    """
    unique = sorted(set(names))
    order = np.random.default_rng(seed).permutation(len(unique))
    return {unique[j]: i % n_folds for i, j in enumerate(order)}


def source_type(text: str) -> str:
    """The census type of a gold Source: pronoun, relay (an outlet or report), name, group."""
    words = re.findall(r"[\w'\u2019.-]+", text)
    if words and all(w.lower() in _PRONOUN_WORDS for w in words):
        return "pronoun"
    if _RELAY_RE.search(text):
        return "relay"
    if words and words[0][0].isupper() and words[0].lower() not in ("the", "a", "an"):
        return "name"
    return "group"


def _strip_possessive(s: str) -> str:
    return re.sub(r"[\u2019']s?$", "", s.strip())


def window_mentions(text: str, sents: list[tuple[int, int]], q_start: int, q_end: int
                    ) -> list[Candidate]:
    """Names, pronouns and group noun phrases in the quotation's sentence, the two before and
    the one after (not inside the quotation)."""
    starts = [s for s, _ in sents]
    first = max(0, bisect.bisect_right(starts, q_start) - 1 - 2)
    last = min(len(sents) - 1, bisect.bisect_right(starts, max(q_start, q_end - 1)) - 1 + 1)
    lo, hi = sents[first][0], sents[last][1]
    out = []
    for mtype, regex in (("name", NAME_RE), ("pronoun", _PRONOUN_RE), ("group", _GROUP_RE)):
        for m in regex.finditer(text, lo, hi):
            if m.end() > q_start and m.start() < q_end:
                continue
            out.append(Candidate(m.start(), m.end(), _strip_possessive(m.group()), mtype))
    return out


def _right(cand: Candidate, gold) -> bool:
    return bool(cand.speaker) and _speaker_ok(_Pred(cand.speaker, cand.start, cand.end), gold)


def _last(s: str | None) -> str:
    words = (s or "").split()
    return words[-1].lower().strip(".,\u2019'") if words else ""


def candidates(text, sents, quote) -> list[Candidate]:
    """The rules' speaker (when any) first, then the window's mentions it does not overlap."""
    out = []
    if quote.speaker and quote.speaker_start is not None:
        out.append(Candidate(quote.speaker_start, quote.speaker_end, quote.speaker, "rule"))
    for c in window_mentions(text, sents, quote.start, quote.end):
        if out and out[0].mtype == "rule" and c.start < out[0].end and out[0].start < c.end:
            continue
        out.append(c)
    return out


def _cue_features(text: str, c: Candidate) -> dict[str, float]:
    after = text[c.end:c.end + 40]
    before = text[max(0, c.start - 25):c.start]
    m = CUE_RE.match(after, re.match(r"\s*(?:(?:also|then|later|has|had|have|was|is)\s+)?",
                                       after).end())
    return {"cue_after": float(bool(m)),
            "cue_near_after": float(bool(CUE_RE.search(after[:25]))),
            "cue_before": float(bool(re.search(r"\b(?:" + CUE_RE.pattern + r")\s*,?\s*$",
                                               before))),
            "according_to": float(bool(re.search(r"according to\s*$", before))),
            "sentence_initial": float(c.start == 0 or bool(re.search(r"(?:^|[.!?\n]\W*)\s*$",
                                                                     text[max(0, c.start - 4):
                                                                          c.start])))}


def _position_features(text, sents, quote, c: Candidate) -> dict[str, float]:
    starts = [s for s, _ in sents]
    qs = bisect.bisect_right(starts, quote.start) - 1
    cs = bisect.bisect_right(starts, c.start) - 1
    before = c.end <= quote.start
    gap = text[c.end:quote.start] if before else text[quote.end:c.start]
    tokens = len(gap.split())
    para = "\n" not in gap
    return {"before": float(before), "after": float(not before),
            "sent_same": float(cs == qs), "sent_prev1": float(cs == qs - 1),
            "sent_prev2": float(cs <= qs - 2), "sent_next": float(cs > qs),
            "log_tokens": math.log1p(tokens), "same_paragraph": float(para),
            "adjacent": float(tokens <= 2)}


def candidate_features(text, sents, quote, c: Candidate, context: dict) -> dict[str, float]:
    """Cheap features of one candidate of one quotation; ``context`` holds the article's
    word counts, the previous quotation's speaker, the rule and the pronoun near the quote."""
    f = {f"type_{t}": float(c.mtype == t) for t in (*MENTION_TYPES, "rule")}
    low = c.speaker.lower()
    for p in ("he", "she", "they", "it", "i", "we", "his", "her", "their"):
        f[f"pron_{p}"] = float(c.mtype == "pronoun" and low == p)
    f.update(_position_features(text, sents, quote, c))
    f.update(_cue_features(text, c))
    last = _last(c.speaker)
    f["log_count"] = math.log1p(context["counts"].get(last, 0))
    f["prev_speaker"] = float(bool(last) and last == context["prev"])
    f["same_as_rule"] = float(c.mtype != "rule" and bool(last) and last == context["rule_last"])
    # the rules abstained: no rules' candidate, so only these interactions can matter
    for key in ("type_name", "type_pronoun", "type_group", "before", "cue_after", "sent_same"):
        f[f"abs_{key}"] = f.get(key, 0.0) * float(context["abstained"])
    gender = given_name_gender(c.speaker) if c.mtype in ("name", "rule") else None
    near = context["near_pronoun"]
    f["gender_agrees"] = float(gender is not None and near is not None and gender == near)
    f["gender_clash"] = float(gender is not None and near is not None and gender != near)
    f["n_words"] = min(len(c.speaker.split()), 6)
    f["rule_name"] = (context["rule"] or "(none)") if c.mtype == "rule" else ""
    return f


def _near_pronoun(text: str, quote) -> str | None:
    around = text[max(0, quote.start - 60):quote.start] + " " + text[quote.end:quote.end + 40]
    m = re.search(r"\b([Hh]e|[Ss]he)\b", around)
    return None if m is None else ("m" if m.group(1).lower() == "he" else "f")


def article_rows(article) -> list[dict]:
    """One row per candidate of every matched speech quotation with a gold Source, with its
    quotation id, article, the rules' rightness, the gold source type, the candidate's
    rightness and its features."""
    text = article.text
    preds = extract_quotes(text)
    frame = compare_article(article, extract=lambda _t: preds)
    if not len(frame):
        return []
    sents = split_sentences(text) or [(0, len(text))]
    by_span = {(q.start, q.end): q for q in preds}
    golds = {(g.start, g.end): g for g in article.quotes}
    counts: dict[str, int] = {}
    for w in re.findall(r"[\w\u2019'.-]+", text):
        key = w.lower().strip(".,\u2019'")
        counts[key] = counts.get(key, 0) + 1
    speech = [q for q in preds if q.kind == "speech"]
    prev_of = {id(q): _last(next((p.speaker for p in reversed(speech[:i]) if p.speaker), None))
               for i, q in enumerate(speech)}
    rows = []
    keep = frame[(frame["kind"] == "speech") & frame["matched"] & frame["has_gold_source"]]
    for rec in keep.to_dict("records"):
        quote = by_span[(int(rec["pred_start"]), int(rec["pred_end"]))]
        gold = golds[(int(rec["gold_start"]), int(rec["gold_end"]))]
        qid = f"{article.name}:{quote.start}"
        context = {"counts": counts, "prev": prev_of.get(id(quote), ""), "rule": quote.rule,
                   "rule_last": _last(quote.speaker), "abstained": not quote.speaker,
                   "near_pronoun": _near_pronoun(text, quote)}
        base = {"qid": qid, "article": article.name, "rules_ok": bool(rec["speaker_ok"]),
                "abstained": not quote.speaker, "source_type": source_type(gold.source_texts[0]),
                "rule": quote.rule or "(none)", "gold_source": rec["gold_source"],
                "quote": text[quote.start:quote.end][:80]}
        cands = candidates(text, sents, quote)
        if not cands:
            rows.append({**base, "cand": "", "mtype": "", "right": False, "empty": True})
        for c in cands:
            rows.append({**base, "cand": c.speaker, "mtype": c.mtype, "right": _right(c, gold),
                         "empty": False, **candidate_features(text, sents, quote, c, context)})
    return rows


def build_table(cache: Path | None = None) -> pd.DataFrame:
    """The candidate table of PolNeAR train (:func:`article_rows`), cached to ``cache``."""
    if cache is not None and cache.exists():
        return pd.read_pickle(cache)
    rows = [r for article in load_polnear("train") for r in article_rows(article)]
    table = pd.DataFrame(rows)
    if cache is not None:
        table.to_pickle(cache)
    return table


_META = ("qid", "article", "rules_ok", "abstained", "source_type", "rule", "gold_source", "quote",
         "cand", "mtype", "right", "empty", "rule_name", "fold")


def design(table: pd.DataFrame, rules: list[str]) -> np.ndarray:
    """The feature matrix: numeric features and the rule that fired (one column per rule in
    ``rules``, on the rules' candidate only)."""
    numeric = table[[c for c in table.columns if c not in _META]].fillna(0.0).to_numpy(float)
    onehot = np.column_stack([(table["rule_name"] == r).to_numpy(float) for r in rules])
    return np.hstack([numeric, onehot])


def fit_chooser(table: pd.DataFrame, rules: list[str]):
    """Logistic regression over candidates (right or not), features standardised."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    rows = table[~table["empty"]]
    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    model.fit(design(rows, rules), rows["right"].to_numpy())
    return model


def choose(model, table: pd.DataFrame, rules: list[str]) -> pd.DataFrame:
    """One row per quotation: the rules' rightness, the chooser's pick's rightness (``chosen_ok``,
    False without candidates), whether the pick differs from the rules' speaker (``changed``)
    and whether the rules abstained."""
    rows = table[~table["empty"]].assign(p=model.predict_proba(design(table[~table["empty"]],
                                                                       rules))[:, 1])
    best = rows.loc[rows.groupby("qid")["p"].idxmax()].set_index("qid")
    per_q = table.groupby("qid").agg(rules_ok=("rules_ok", "first"),
                                     abstained=("abstained", "first"),
                                     source_type=("source_type", "first"))
    per_q["chosen_ok"] = best["right"].reindex(per_q.index).fillna(False).astype(bool)
    per_q["changed"] = (best["mtype"].reindex(per_q.index).fillna("rule") != "rule")
    return per_q


def out_of_fold(table: pd.DataFrame, rules: list[str], fraction: float = 1.0, repeat: int = 0,
                seed: int = SEED) -> pd.DataFrame:
    """:func:`choose` on every fold by a chooser fitted on the other folds' articles (a random
    ``fraction`` of them, subset ``repeat``); the quotation's ``fold`` column added."""
    out = []
    for fold in range(N_FOLDS):
        train = table[table["fold"] != fold]
        if fraction < 1.0:
            arts = sorted(train["article"].unique())
            rng = np.random.default_rng([seed, fold, repeat, int(fraction * 100)])
            keep = set(rng.choice(arts, size=max(1, round(fraction * len(arts))), replace=False))
            train = train[train["article"].isin(keep)]
        model = fit_chooser(train, rules)
        out.append(choose(model, table[table["fold"] == fold], rules).assign(fold=fold))
    return pd.concat(out)


def summarise(per_q: pd.DataFrame) -> dict[str, float]:
    """Rules vs chooser accuracy, changes and right changes, on everything and when the chooser
    only overrides the rules' abstentions."""
    n = len(per_q)
    changed = per_q[per_q["changed"]]
    abstain = per_q["abstained"]
    only_abs = np.where(abstain, per_q["chosen_ok"], per_q["rules_ok"])
    abs_changed = per_q[abstain]
    return {
        "n": n, "rules": per_q["rules_ok"].mean(), "chooser_all": per_q["chosen_ok"].mean(),
        "changes_all": len(changed), "right_changes_all": int(changed["chosen_ok"].sum()),
        "wrong_to_right": int((changed["chosen_ok"] & ~changed["rules_ok"]).sum()),
        "right_to_wrong": int((~changed["chosen_ok"] & changed["rules_ok"]).sum()),
        "chooser_abstentions_only": float(only_abs.mean()), "changes_abs": len(abs_changed),
        "right_changes_abs": int(abs_changed["chosen_ok"].sum()),
    }


def abstention_threshold(table: pd.DataFrame, rules: list[str], min_right: float = 0.75
                         ) -> pd.DataFrame:
    """The chooser on the rules' abstentions only, with a probability threshold chosen inside
    each outer fold (on the other folds' own out-of-fold picks: the highest count of right
    changes with at least ``min_right`` of them right); one row per quotation as
    :func:`choose`, ``chosen_ok`` the rules' own where no change is made."""
    out = []
    for fold in range(N_FOLDS):
        inner = table[table["fold"] != fold].copy()
        inner_folds = sorted(inner["fold"].unique())
        picks = []
        for held in inner_folds:
            model = fit_chooser(inner[inner["fold"] != held], rules)
            picks.append(_abstention_picks(model, inner[inner["fold"] == held], rules))
        picks = pd.concat(picks)
        threshold = _best_threshold(picks, min_right)
        model = fit_chooser(inner, rules)
        test = _abstention_picks(model, table[table["fold"] == fold], rules)
        out.append(test.assign(fold=fold, threshold=threshold,
                               changed=test["abstained"] & (test["p"] >= threshold)))
    per_q = pd.concat(out)
    per_q["chosen_ok"] = np.where(per_q["changed"], per_q["pick_ok"], per_q["rules_ok"])
    return per_q


def _abstention_picks(model, table: pd.DataFrame, rules: list[str]) -> pd.DataFrame:
    rows = table[~table["empty"]]
    rows = rows.assign(p=model.predict_proba(design(rows, rules))[:, 1])
    best = rows.loc[rows.groupby("qid")["p"].idxmax()].set_index("qid")
    per_q = table.groupby("qid").agg(rules_ok=("rules_ok", "first"),
                                     abstained=("abstained", "first"))
    per_q["p"] = best["p"].reindex(per_q.index).fillna(0.0)
    per_q["pick_ok"] = best["right"].reindex(per_q.index).fillna(False).astype(bool)
    return per_q


def _best_threshold(picks: pd.DataFrame, min_right: float) -> float:
    abst = picks[picks["abstained"]].sort_values("p", ascending=False)
    best, best_gain = 1.01, 0
    right = np.cumsum(abst["pick_ok"].to_numpy())
    for i, p in enumerate(abst["p"].to_numpy()):
        n = i + 1
        if right[i] / n >= min_right and right[i] > best_gain:
            best, best_gain = p, right[i]
    return float(best)


def learning_curve(table: pd.DataFrame, rules: list[str], repeats: int = 3) -> pd.DataFrame:
    """Out-of-fold chooser accuracy (on everything and on abstentions only) by the share of each
    fold's training articles used: columns ``fraction``, ``repeat``, ``n_articles`` (training
    articles per fold, mean), ``chooser_all`` and ``chooser_abstentions_only``."""
    n_art = table["article"].nunique() * (N_FOLDS - 1) / N_FOLDS
    out = []
    for fraction in FRACTIONS:
        for repeat in range(1 if fraction == 1.0 else repeats):
            s = summarise(out_of_fold(table, rules, fraction, repeat))
            out.append({"fraction": fraction, "repeat": repeat, "n_articles": fraction * n_art,
                        "chooser_all": s["chooser_all"],
                        "chooser_abstentions_only": s["chooser_abstentions_only"]})
    return pd.DataFrame(out)


def log_fit(curve: pd.DataFrame, column: str) -> tuple[float, float]:
    """Least-squares ``a + b * ln(n_articles)`` through the curve's points: ``(a, b)``."""
    b, a = np.polyfit(np.log(curve["n_articles"]), curve[column], 1)
    return float(a), float(b)


def census(table: pd.DataFrame) -> pd.DataFrame:
    """Wrong or missing rules' speakers by gold source type x state (wrong / missing) x whether
    some candidate is right (``candidate``: present / absent)."""
    q = table.groupby("qid").agg(rules_ok=("rules_ok", "first"), abstained=("abstained", "first"),
                                 source_type=("source_type", "first"), any_right=("right", "any"))
    bad = q[~q["rules_ok"]].assign(
        state=lambda d: np.where(d["abstained"], "missing", "wrong"),
        candidate=lambda d: np.where(d["any_right"], "present", "absent"))
    return pd.crosstab([bad["source_type"], bad["state"]], bad["candidate"], margins=True)


def oracle(table: pd.DataFrame) -> pd.DataFrame:
    """By gold source type: quotations ``n``, rules' accuracy and the oracle's (the rules'
    speaker when right, else any right candidate)."""
    q = table.groupby("qid").agg(rules_ok=("rules_ok", "first"), source_type=("source_type",
                                                                              "first"),
                                 any_right=("right", "any"))
    q["oracle"] = q["rules_ok"] | q["any_right"]
    by = q.groupby("source_type").agg(n=("rules_ok", "size"), rules=("rules_ok", "mean"),
                                      oracle=("oracle", "mean"))
    by.loc["all"] = [len(q), q["rules_ok"].mean(), q["oracle"].mean()]
    return by


def _report_folds(table: pd.DataFrame) -> None:
    q = table.groupby("qid").agg(rules_ok=("rules_ok", "first"), fold=("fold", "first"),
                                 article=("article", "first"))
    per = q.groupby("fold").agg(articles=("article", "nunique"), n=("rules_ok", "size"),
                                rules=("rules_ok", "mean"))
    print("rules per fold (in-sample: the rules were written reading train)")
    print(per.round(4).to_string())
    print(f"  spread {per['rules'].min():.4f}-{per['rules'].max():.4f}, sd "
          f"{per['rules'].std():.4f}, all {q['rules_ok'].mean():.4f} (n={len(q)})")


def article_bootstrap(table: pd.DataFrame, n_quotes: int, draws: int = 2000,
                      seed: int = SEED) -> np.ndarray:
    """The rules' accuracy over ``draws`` resamples of whole train articles, each drawn until
    it holds ``n_quotes`` quotations: how far a sample of that size moves by chance alone."""
    per_a = table.groupby("qid").agg(article=("article", "first"), ok=("rules_ok", "first"))
    per_a = per_a.groupby("article")["ok"].agg(["sum", "size"])
    right, size = per_a["sum"].to_numpy(), per_a["size"].to_numpy()
    rng = np.random.default_rng(seed)
    out = np.empty(draws)
    for i in range(draws):
        idx = rng.integers(0, len(size), size=4 * n_quotes // int(size.mean()) + 10)
        k = int(np.searchsorted(np.cumsum(size[idx]), n_quotes)) + 1
        out[i] = right[idx[:k]].sum() / size[idx[:k]].sum()
    return out


def _report_bootstrap(table: pd.DataFrame, n_quotes: int = 887, dev: float = 0.8906) -> None:
    acc = article_bootstrap(table, n_quotes)
    lo, hi = np.percentile(acc, [2.5, 97.5])
    print(f"rules on resampled train articles of {n_quotes} quotations: 95% {lo:.4f}-{hi:.4f}; "
          f"share at or below {dev} (the documented dev figure): {(acc <= dev).mean():.4f}")


def _report_chooser(table: pd.DataFrame, rules: list[str]) -> None:
    s = summarise(out_of_fold(table, rules))
    print("chooser out of fold:", {k: round(float(v), 4) for k, v in s.items()})
    th = abstention_threshold(table, rules)
    changed = th[th["changed"]]
    print(f"abstentions only, threshold chosen in-fold for >= 75% right: accuracy "
          f"{th['chosen_ok'].mean():.4f} vs rules {th['rules_ok'].mean():.4f}; changes "
          f"{len(changed)}, right {int(changed['pick_ok'].sum())}; thresholds "
          f"{sorted(th.groupby('fold')['threshold'].first().round(3))}")


def _report_curve(table: pd.DataFrame, rules: list[str]) -> None:
    curve = learning_curve(table, rules)
    print(curve.round(4).to_string(index=False))
    n100 = curve["n_articles"].max()
    for column in ("chooser_all", "chooser_abstentions_only"):
        a, b = log_fit(curve, column)
        at100 = a + b * math.log(n100)
        need = n100 * math.exp(0.04 / b) if b > 0 else float("inf")
        print(f"{column}: {a:.4f} + {b:.4f} ln(n); fit at {n100:.0f} articles {at100:.4f}; "
              f"+0.04 needs {need:,.0f} labelled articles ({need / n100:,.0f}x the "
              f"{n100:.0f} fitted on; measured range {curve['n_articles'].min():.0f}-{n100:.0f})")


def _report_no_candidate(table: pd.DataFrame, n: int = 20, seed: int = SEED) -> None:
    q = table.groupby("qid").agg(rules_ok=("rules_ok", "first"), any_right=("right", "any"),
                                 gold_source=("gold_source", "first"), rule=("rule", "first"),
                                 source_type=("source_type", "first"), quote=("quote", "first"))
    none = q[~q["rules_ok"] & ~q["any_right"]]
    print(f"{len(none)} wrong or missing with no right candidate; {n} seeded examples:")
    for qid, rec in none.sample(n=min(n, len(none)), random_state=seed).iterrows():
        print(f"  [{rec['source_type']}] src={rec['gold_source']!r} rule={rec['rule']} "
              f"quote={rec['quote'][:50]!r} ({qid[:40]})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", default="/tmp/speaker_transfer.pkl")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    t0 = time.process_time()
    table = build_table(Path(args.cache) if args.cache else None)
    print(f"candidate table: {len(table)} rows, {table['qid'].nunique()} quotations, "
          f"{table['article'].nunique()} articles [{time.process_time() - t0:.0f} s CPU]")
    table["fold"] = table["article"].map(assign_folds(list(table["article"]), seed=args.seed))
    rules = sorted(r for r in table["rule_name"].dropna().unique() if r)
    _report_folds(table)
    _report_bootstrap(table)
    print(census(table).to_string())
    print(oracle(table).round(4).to_string())
    _report_chooser(table, rules)
    _report_curve(table, rules)
    _report_no_candidate(table)
    print(f"[{time.process_time() - t0:.0f} s CPU in all]")


if __name__ == "__main__":
    main()
