"""Hedges and boosters (Hyland 2005) per outlet, per 1,000 words, with 95% CIs over articles.

Word lists: ``newsprism/data/codebooks/hedging.yml`` (sources and changes documented there). By default
only the writer's own voice is counted: sentences marked ``voice == "quoted"`` in the
sentences table (when that column exists) and text inside quotation marks are skipped, since a
hedge inside a quotation is the speaker's, not the outlet's.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"],
...                      "text": ["It may perhaps matter. It clearly does. Crowds filled May Day Stadium."]})
>>> find_hedges(arts)[["kind", "marker"]].values.tolist()
[['hedge', 'may'], ['hedge', 'perhaps'], ['booster', 'clearly']]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from newsprism.core import paths
from newsprism.core.stats import poisson_rate_ci  # noqa: F401  (imported from here by callers)
from newsprism.core.text import count_words, fold_word, per_1k, sentences_in_articles, words
from newsprism.core.yaml_io import load_yaml_file
from newsprism.viz.figures import interval_errors

HEDGING_CODEBOOK = paths.CODEBOOKS / "hedging.yml"
MARKER_COLUMNS = ["article_id", "outlet", "sentence_id", "kind", "marker", "start", "end",
                  "sentence", "voice", "rule"]
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


@lru_cache(maxsize=4)
def load_hedging_codebook(path: str | None = None) -> dict[str, re.Pattern]:
    """One compiled alternation per kind ("hedge", "booster"), longest phrases first."""
    data = load_yaml_file(path or HEDGING_CODEBOOK)
    patterns = {}
    for kind, key in (("hedge", "hedges"), ("booster", "boosters")):
        words = sorted({w.strip().lower() for w in data[key]}, key=len, reverse=True)
        alternation = "|".join(re.escape(w).replace("'", "['\u2019]").replace(r"\ ", r"\s+")
                               for w in words)
        patterns[kind] = re.compile(rf"(?<![\w'\u2019-])(?:{alternation})(?![\w'\u2019-])",
                                    re.IGNORECASE)
    return patterns


@dataclass(frozen=True)
class HedgeRules:
    """The ``rules`` section of the hedging codebook (documented there)."""

    needs_claim: frozenset = frozenset()
    claim_followers: frozenset = frozenset()
    appear: frozenset = frozenset()
    appear_followers: frozenset = frozenset()
    true: frozenset = frozenset()
    true_preceded_by: frozenset = frozenset()
    would: frozenset = frozenset()
    author_attribution: frozenset = frozenset()
    cue_words: frozenset = frozenset()
    cues: re.Pattern | None = None
    author_subjects: frozenset = frozenset()


def _words(values) -> frozenset:
    return frozenset(str(v).strip().lower() for v in values or ())


@lru_cache(maxsize=4)
def load_hedging_rules(path: str | None = None) -> HedgeRules:
    """The sense and attribution rules of the hedging codebook (empty when it has none)."""
    data = load_yaml_file(Path(path or HEDGING_CODEBOOK)) or {}
    rules = data.get("rules") or {}
    if not rules:
        return HedgeRules()
    cues = sorted(_words(rules.get("reporting_cues")), key=len, reverse=True)
    pattern = (re.compile(r"(?<![\w'\u2019-])(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+")
                                                         for c in cues) + r")(?![\w'\u2019-])",
                          re.IGNORECASE) if cues else None)

    def part(name: str, key: str):
        return _words((rules.get(name) or {}).get(key))

    return HedgeRules(
        needs_claim=part("needs_claim", "markers"),
        claim_followers=part("needs_claim", "followers"),
        appear=part("literal_appear", "markers"), appear_followers=part("literal_appear", "followers"),
        true=part("attributive_true", "markers"),
        true_preceded_by=part("attributive_true", "preceded_by"),
        would=part("indirect_would", "markers"),
        author_attribution=part("author_attribution", "markers"),
        cue_words=frozenset(c for c in cues if " " not in c), cues=pattern,
        author_subjects=_words(rules.get("author_subjects")))


@dataclass(frozen=True)
class _Match:
    body: str
    start: int
    end: int
    marker: str

    @property
    def before(self) -> list[str]:
        return words(self.body[:self.start])

    @property
    def after(self) -> list[str]:
        return words(self.body[self.end:])


# An aside or a new clause ends the stretch a reporting cue introduces: a dash, a semicolon,
# or a comma opening an apposition or a new clause (", a term often used...", ", which ...",
# ", and it's one that...").
_SCOPE_END = re.compile(r"[\u2014\u2013;]|,[\u201d\"\u2019']?\s+(?:a|an|which|who|whom|while|but|"
                        r"although|though|particularly|especially|as|and\s+(?:it|he|she|they|"
                        r"this|we|i)\b)\b", re.IGNORECASE)


def _in_reported(m: _Match, rules: HedgeRules) -> bool:
    """Whether the marker stands in the stretch a third party's reporting cue introduces."""
    if rules.cues is None:
        return False
    for cue in rules.cues.finditer(m.body, 0, m.start):
        if _SCOPE_END.search(m.body, cue.end(), m.start):
            continue
        subject = words(m.body[:cue.start()])[-1:]
        if cue.group(0).lower().startswith("according") or (
                subject and subject[0] not in rules.author_subjects):
            return True
    return False


def _needs_claim(m: _Match, rules: HedgeRules) -> str | None:
    if m.marker in rules.needs_claim and m.after[:1] and m.after[0] not in rules.claim_followers:
        return "excluded: needs_claim"
    return None


def _literal_appear(m: _Match, rules: HedgeRules) -> str | None:
    if m.marker in rules.appear and m.after[:1] and m.after[0] in rules.appear_followers:
        return "excluded: literal_appear"
    return None


def _attributive_true(m: _Match, rules: HedgeRules) -> str | None:
    if m.marker in rules.true and m.before[-1:] and m.before[-1] in rules.true_preceded_by:
        return "excluded: attributive_true"
    return None


def _indirect_would(m: _Match, rules: HedgeRules) -> str | None:
    if m.marker in rules.would and _in_reported(m, rules):
        return "excluded: indirect_would"
    return None


def _author_attribution(m: _Match, rules: HedgeRules) -> str | None:
    return "author" if m.marker in rules.author_attribution else None


def _reporting_verb(m: _Match, rules: HedgeRules) -> str | None:
    subject = m.before[-1:]
    if m.marker in rules.cue_words and subject and subject[0] not in rules.author_subjects:
        return "reported: reporting_verb"
    return None


def _reported_clause(m: _Match, rules: HedgeRules) -> str | None:
    return "reported: reported_clause" if _in_reported(m, rules) else None


# Applied in order; the first rule that returns a verdict decides ("author" otherwise).
RULES = (_needs_claim, _literal_appear, _attributive_true, _indirect_would, _author_attribution,
         _reporting_verb, _reported_clause)


def classify_marker(body: str, start: int, end: int, rules: HedgeRules | None = None
                    ) -> tuple[str, str]:
    """``(voice, rule)`` of a matched marker in a sentence: voice "author", "reported" or
    "excluded" (not an epistemic use), and the rule that decided ("" for the default).

    >>> classify_marker("Kim expressed confidence that ties would grow.", 35, 40)
    ('excluded', 'indirect_would')
    >>> classify_marker("Analysts believe the ties will grow.", 9, 16)
    ('reported', 'reporting_verb')
    >>> classify_marker("Norms established after the war.", 6, 17)
    ('excluded', 'needs_claim')
    >>> classify_marker("The ties may grow.", 9, 12)
    ('author', '')
    """
    rules = rules or load_hedging_rules()
    match = _Match(body, start, end, fold_word(body[start:end]).replace("\n", " "))
    for rule in RULES:
        verdict = rule(match, rules)
        if verdict:
            voice, _, name = verdict.partition(": ")
            return voice, name
    return "author", ""


def _masked(body: str) -> str:
    """The sentence with quoted stretches blanked out (same length, so offsets hold)."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), body)


def find_hedges(articles: pd.DataFrame, sentences: pd.DataFrame | None = None,
                voice: str = "author", codebook: str | Path | None = None) -> pd.DataFrame:
    """Every hedge and booster found, one row each with its sentence, offsets, ``voice``
    ("author", "reported": a third party's saying or thinking, "quoted": inside quotation
    marks or a quoted sentence) and the ``rule`` that decided (see the codebook's rules).

    ``voice="author"`` keeps the writer's own markers; ``voice="all"`` keeps every voice.
    Non-epistemic uses (codebook rules) are never kept. A capitalised match in mid-sentence
    ("May Day") is taken for a proper noun and skipped.

    Columns: ``article_id``, ``outlet``, ``sentence_id``; ``kind`` ("hedge" or "booster");
    ``marker`` (the word list entry, lower case); ``start``, ``end`` (character offsets into
    ``sentence``, the sentence text); ``voice``; ``rule``. English word lists only; a marker
    is counted by its form and the codebook's sense rules, not by reading the claim.

    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"],
    ...                      "text": ["It may matter. Officials said it might rain."]})
    >>> find_hedges(arts, voice="all")[["marker", "voice"]].values.tolist()
    [['may', 'author'], ['might', 'reported']]
    """
    patterns = load_hedging_codebook(str(codebook) if codebook else None)
    rules = load_hedging_rules(str(codebook) if codebook else None)
    rows = []
    for sent, outlet, body in sentences_in_articles(articles, sentences):
        quoted_sentence = getattr(sent, "voice", "author") == "quoted"
        masked = _masked(body)
        first_word = re.search(r"\w", body)
        for kind, pattern in patterns.items():
            for match in pattern.finditer(body):
                s, e = match.span()
                if body[s].isupper() and first_word is not None and s != first_word.start():
                    continue
                if quoted_sentence or masked[s] != body[s]:
                    said_by, rule = "quoted", ""
                else:
                    said_by, rule = classify_marker(body, s, e, rules)
                if said_by == "excluded" or (voice == "author" and said_by != "author"):
                    continue
                rows.append((sent.article_id, outlet, sent.sentence_id, kind,
                             match.group(0).lower(), sent.start + s, sent.start + e, body,
                             said_by, rule))
    table = pd.DataFrame(rows, columns=MARKER_COLUMNS)
    return table.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def voice_word_counts(articles: pd.DataFrame, sentences: pd.DataFrame | None = None,
                      voice: str = "author") -> pd.Series:
    """Words per article in the given voice (the exposure of a per-1,000-words rate).

    ``voice="author"`` counts words outside quoted sentences and outside quotation marks,
    matching what :func:`find_hedges` searches; ``voice="all"`` counts every word.
    Returns a Series indexed by ``article_id`` (words, newsprism's word definition).

    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"],
    ...                      "text": ['He said "we may win" today.']})
    >>> voice_word_counts(arts).tolist(), voice_word_counts(arts, voice="all").tolist()
    ([3], [6])
    """
    if voice != "author":
        return pd.Series({a: count_words(t) for a, t in
                          zip(articles["article_id"], articles["text"], strict=True)})
    counts = dict.fromkeys(articles["article_id"], 0)
    for sent, _, body in sentences_in_articles(articles, sentences):
        if getattr(sent, "voice", "author") != "quoted":
            counts[sent.article_id] += count_words(_masked(body))
    return pd.Series(counts, dtype=int)


def hedging_rates(articles: pd.DataFrame, markers: pd.DataFrame | None = None,
                  sentences: pd.DataFrame | None = None, voice: str = "author") -> pd.DataFrame:
    """Hedges and boosters per 1,000 words per outlet, with 95% CIs that resample the outlet's
    articles (:func:`newsprism.compare.rate_intervals.article_rate_ci`; exact Poisson for a
    single article).

    Rates are pooled over the outlet's words in that voice (so duplicating an outlet's articles leaves them
    unchanged). Columns: ``outlet``, ``kind`` ("hedge" or "booster"), ``count`` (markers
    found), ``n`` (words in that voice: the rate's exposure, not articles), ``n_articles``,
    ``estimate`` (markers per 1,000 words), ``ci_low``, ``ci_high`` (95%), ``p_value``
    (against the other outlets, resampling articles:
    :func:`newsprism.compare.rate_intervals.article_rate_p`; NaN for a one-article outlet),
    ``top_markers`` ("marker (count)" of the four commonest, "; "-separated).

    Caveats: English word lists; with few articles the interval is wide (one article: exact
    Poisson), so compare intervals, not estimates. A rate says how often an outlet hedges,
    not whether its claims are uncertain.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                      "text": ["It may perhaps matter.", "It clearly does matter."]})
    >>> hedging_rates(arts)[["outlet", "kind", "count", "n", "estimate"]].values.tolist()
    [['A', 'hedge', 2, 4, 500.0], ['A', 'booster', 0, 4, 0.0], ['B', 'hedge', 0, 4, 0.0], ['B', 'booster', 1, 4, 250.0]]
    """
    from newsprism.compare.rate_intervals import article_rate_ci, article_rate_p

    if markers is None:
        markers = find_hedges(articles, sentences=sentences, voice=voice)
    per_article = voice_word_counts(articles, sentences=sentences, voice=voice)
    outlet_of = articles.set_index("article_id")["outlet"]
    words = per_article.groupby(outlet_of).sum()
    n_articles = articles.groupby("outlet").size()
    rows = []
    for outlet in n_articles.index:
        exposure = per_article.reindex(outlet_of.index[outlet_of == outlet]).fillna(0)
        for kind in ("hedge", "booster"):
            hits = markers[(markers["outlet"] == outlet) & (markers["kind"] == kind)]
            low, high = article_rate_ci(hits, exposure)
            p_value = article_rate_p(markers[markers["kind"] == kind], per_article.reindex(
                outlet_of.index).fillna(0), outlet_of, outlet)
            rows.append({
                "outlet": outlet, "kind": kind, "count": len(hits), "n": int(words[outlet]),
                "n_articles": int(n_articles[outlet]),
                "estimate": per_1k(len(hits), int(words[outlet])),
                "ci_low": low, "ci_high": high, "p_value": p_value,
                "top_markers": "; ".join(f"{m} ({n})" for m, n in
                                         hits["marker"].value_counts().head(4).items()),
            })
    return pd.DataFrame(rows)


def plot_hedging_rates(rates: pd.DataFrame):
    """Hedges and boosters per 1,000 words per outlet, with 95% CI error bars."""
    import matplotlib.pyplot as plt
    import numpy as np

    from newsprism.viz.display import no_mathtext

    no_mathtext()  # outlet names and terms are drawn as written

    outlets = list(dict.fromkeys(rates["outlet"]))
    fig, ax = plt.subplots(figsize=(7, 0.5 * len(outlets) + 1.5))
    for shift, (kind, color) in zip((-0.15, 0.15), (("hedge", "#4c72b0"), ("booster", "#dd8452")),
                                    strict=True):
        part = rates[rates["kind"] == kind].set_index("outlet").reindex(outlets)
        y = np.arange(len(outlets)) + shift
        ax.errorbar(part["estimate"], y, fmt="o", color=color, label=f"{kind}s",
                    xerr=interval_errors(part["estimate"], part["ci_low"], part["ci_high"]),
                    capsize=3)
    ax.set_yticks(range(len(outlets)), outlets, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("per 1,000 words of the outlet's own voice (95% CI)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig
