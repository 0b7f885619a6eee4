"""Per-outlet quotation statistics: arithmetic, invariants, cue verbs, escaped highlights."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.quotes.stats import (
    UNATTRIBUTED,
    article_quote_rates,
    cue_class,
    cue_lemma,
    cue_verbs,
    outlet_quote_rates,
    quote_explorer,
    quote_sentence_html,
    scare_quotes,
    share_of_voice,
)


def _toy():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "b1"],
        "outlet": ["A", "A", "B"],
        "text": ["x" * 100, "y" * 200, "z" * 50],
        "n_words": [500, 1000, 250],
    })
    quotes = pd.DataFrame({
        "quote_id": [0, 1, 2, 0, 0, 1],
        "article_id": ["a1", "a1", "a1", "a2", "b1", "b1"],
        "start": [0, 10, 15, 0, 0, 20],
        "end": [20, 30, 18, 50, 10, 25],
        "text": ["q"] * 6,
        "kind": ["speech", "speech", "term", "speech", "term", "speech"],
        "speaker": ["Kim", None, None, "Putin", None, "Kim"],
        "cue": ["said", "claimed", None, "told", None, "says"],
    })
    return quotes, articles


def test_per_article_arithmetic():
    quotes, articles = _toy()
    rates = article_quote_rates(quotes, articles).set_index("article_id")
    assert rates.loc["a1", "n_quotes"] == 2 and rates.loc["a1", "n_terms"] == 1
    assert rates.loc["a1", "quotes_per_1000_words"] == pytest.approx(2 / 500 * 1000)
    assert rates.loc["a1", "terms_per_1000_words"] == pytest.approx(1 / 500 * 1000)
    # Overlapping speech spans [0, 20) and [10, 30) cover 30 characters, not 40; the term
    # quote is not speech.
    assert rates.loc["a1", "quoted_share"] == pytest.approx(30 / 100)
    assert rates.loc["a2", "quoted_share"] == pytest.approx(50 / 200)
    assert rates.loc["b1", "quoted_share"] == pytest.approx(5 / 50)


def test_outlet_rates_mean_pooled_and_ci():
    quotes, articles = _toy()
    table = outlet_quote_rates(quotes, articles, n_boot=200)
    a = table[(table.outlet == "A") & (table.measure == "quotes_per_1000_words")].iloc[0]
    assert a["n"] == 2 and a["total"] == 3
    assert a["estimate"] == pytest.approx((4.0 + 1.0) / 2)
    assert a["pooled"] == pytest.approx(3 / 1500 * 1000)
    assert a["ci_low"] <= a["estimate"] <= a["ci_high"]
    share = table[(table.outlet == "A") & (table.measure == "quoted_share")].iloc[0]
    assert share["pooled"] == pytest.approx((30 + 50) / 300)
    assert set(table["measure"]) == {"quotes", "quotes_per_1000_words", "quoted_share",
                                     "terms_per_1000_words"}


def test_an_outlet_without_quotes_gets_zero_rates():
    quotes, articles = _toy()
    articles = pd.concat([articles, pd.DataFrame({"article_id": ["c1"], "outlet": ["C"],
                                                  "text": ["no quotes here"], "n_words": [3]})])
    table = outlet_quote_rates(quotes, articles, n_boot=50)
    c = table[table.outlet == "C"].set_index("measure")
    assert (c["estimate"] == 0).all() and (c["n"] == 1).all()


def test_duplicating_an_outlets_articles_leaves_its_rates_unchanged():
    quotes, articles = _toy()
    copy_articles = articles[articles.outlet == "A"].assign(
        article_id=lambda d: d["article_id"] + "_copy")
    copy_quotes = quotes[quotes.article_id.isin(["a1", "a2"])].assign(
        article_id=lambda d: d["article_id"] + "_copy")
    doubled = outlet_quote_rates(pd.concat([quotes, copy_quotes]),
                                 pd.concat([articles, copy_articles]), n_boot=100)
    original = outlet_quote_rates(quotes, articles, n_boot=100)
    key = ["outlet", "measure"]
    merged = original.merge(doubled, on=key, suffixes=("", "_2"))
    rates = merged[merged.measure != "quotes"]
    assert rates["estimate"].to_numpy() == pytest.approx(rates["estimate_2"].to_numpy())
    assert rates["pooled"].to_numpy() == pytest.approx(rates["pooled_2"].to_numpy())
    a = merged[(merged.outlet == "A") & (merged.measure == "quotes")].iloc[0]
    assert a["n_2"] == 2 * a["n"] and a["total_2"] == 2 * a["total"]
    assert a["estimate_2"] == pytest.approx(a["estimate"])  # quotes per article


def test_share_of_voice_adds_up_and_counts_unattributed():
    quotes, articles = _toy()
    voice = share_of_voice(quotes, articles)
    assert voice.groupby("outlet")["estimate"].sum().to_numpy() == pytest.approx([1.0, 1.0])
    a = voice[voice.outlet == "A"].set_index("speaker")
    assert a.loc["Kim", "n_quotes"] == 1 and a.loc[UNATTRIBUTED, "n_quotes"] == 1
    assert a.loc["Putin", "estimate"] == pytest.approx(1 / 3) and (a["n"] == 3).all()
    assert (voice["ci_low"] <= voice["estimate"]).all()
    assert (voice["estimate"] <= voice["ci_high"]).all()
    # Term (scare) quotes are not anyone's voice.
    assert voice["n_quotes"].sum() == (quotes.kind == "speech").sum()


def test_scare_quotes_per_outlet():
    quotes, articles = _toy()
    terms = scare_quotes(quotes, articles)
    assert terms.groupby("outlet")["n"].sum().to_dict() == {"A": 1, "B": 1}


@pytest.mark.parametrize("cue, lemma", [
    ("said", "say"), ("says", "say"), ("told", "tell"), ("Claimed", "claim"),
    ("message stated", "state"), ("according to", "according to"), ("described", "describe"),
    ("emphasized", "emphasize"), ("pledged", "pledge"), (":", "(colon)"), (None, "(none)"),
    ("wrote", "write"), ("insists", "insist"), ("replied", "reply"),
    # every verb of the lexicon has its lemma, not its surface form (was "hinted", "slammed")
    ("hinted", "hint"), ("slammed", "slam"), ("quipped", "quip"), ("joked", "joke"),
    ("swore", "swear"), ("testified", "testify"), ("mocking", "mock"),
])
def test_cue_lemma(cue, lemma):
    assert cue_lemma(cue) == lemma


@pytest.mark.parametrize("cue, cue_class_", [
    ("hinted", "doubting"), ("claimed", "doubting"), ("slammed", "emphatic"), ("said", "neutral"),
    ("quipped", "other"),
])
def test_cue_class_of_a_verb(cue, cue_class_):
    assert cue_class(cue_lemma(cue)) == cue_class_


def test_cue_verbs_per_outlet():
    quotes, articles = _toy()
    table = cue_verbs(quotes, articles)
    a = table[table.outlet == "A"].set_index("cue_lemma")
    assert set(a.index) == {"say", "claim", "tell"}
    assert a["estimate"].sum() == pytest.approx(1.0) and (a["n"] == a["n_quotes"].sum()).all()
    assert a.loc["claim", "cue_class"] == "doubting" and cue_class("say") == "neutral"
    b = table[table.outlet == "B"]
    assert b["cue_lemma"].tolist() == ["say"] and b["n_quotes"].tolist() == [1]


def test_highlighted_sentence_escapes_html_and_marks_quote_and_speaker():
    text = 'First sentence. Kim said "<script>alert(1)</script> & more." Last one.'
    start = text.index("<script>")
    end = text.index('."') + 1
    html = quote_sentence_html(text, start, end, text.index("Kim"), text.index("Kim") + 3)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in html
    assert 'class="np-quote"' in html and 'class="np-speaker"' in html
    assert "First sentence" not in html and "Last one" not in html  # only its sentence


def test_highlight_includes_the_introducing_paragraph_of_a_block_quote():
    text = "Kim wrote blunt expressions:\n\u201cThe most genuine alliance.\u201d"
    start = text.index("The most")
    html = quote_sentence_html(text, start, start + len("The most genuine alliance."), 0, 3)
    assert html.startswith('<mark class="np-speaker"') and "<br>" in html


def test_quote_explorer_one_row_per_quote_and_escaped():
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
                             "text": ['He said "<img src=x onerror=alert(1)>". Then "ok".']})
    t = articles["text"][0]
    quotes = pd.DataFrame({
        "quote_id": [0, 1], "article_id": ["a", "a"],
        "start": [t.index("<img"), t.index("ok")],
        "end": [t.index('>"') + 1, t.index("ok") + 2],
        "text": ["<img src=x onerror=alert(1)>", "ok"], "kind": ["speech", "term"],
    })
    table = quote_explorer(quotes, articles)
    assert len(table) == 2 and (table["outlet"] == "X").all()
    assert "<img" not in table["sentence_html"][0] and "&lt;img" in table["sentence_html"][0]
    assert "ok</mark>" in table["sentence_html"][1]


def test_notebook_30_is_thin_parameterised_and_saved_without_outputs():
    import ast
    import json

    from newsprism.core import paths

    source = (paths.NOTEBOOKS / "30_quotes.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    assert not [n for n in ast.walk(tree)
                if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda))]
    assert '# %% tags=["parameters"]' in source
    notebook = json.loads((paths.NOTEBOOKS / "30_quotes.ipynb").read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    parameters = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(parameters) == 1
    assert "corpus: str" in "".join(parameters[0]["source"])
    assert "out_dir: str" in "".join(parameters[0]["source"])
    assert all(not c.get("outputs") for c in code)
    # The paired .ipynb holds the same code as the .py (regenerate with jupytext if not).
    assert "".join(code[-1]["source"]).strip() in source


def test_a_corpus_without_quotations_gives_zero_rates_and_empty_tables():
    _, articles = _toy()
    empty = pd.DataFrame(columns=["quote_id", "article_id", "start", "end", "text", "kind",
                                  "form", "speaker", "speaker_start", "speaker_end", "cue",
                                  "confidence"])
    rates = outlet_quote_rates(empty, articles, n_boot=50)
    assert len(rates) == 4 * articles["outlet"].nunique() and (rates["estimate"] == 0).all()
    assert share_of_voice(empty, articles).empty
    assert cue_verbs(empty, articles).empty
    assert scare_quotes(empty, articles).empty
    assert quote_explorer(empty, articles).empty


@pytest.mark.parametrize(("rows", "expected"), [
    # people only, most quoted first, ties by name; terms and unattributed speech left out
    ([("a", "speech", "Ana Ruiz", "person"), ("b", "speech", "Ana Ruiz", "person"),
      ("a", "speech", "Bo Li", "person"), ("a", "term", "Bo Li", "person"),
      ("a", "speech", "", "unknown"), ("a", "speech", "the ministry", "organisation"),
      ("a", "speech", "a senior official", "anonymous")],
     [["Ana Ruiz", 2, 2], ["Bo Li", 1, 1]]),
    ([], []),
])
def test_most_quoted_speakers_are_named_people(rows, expected):
    from newsprism.quotes.stats import most_quoted_speakers

    quotes = pd.DataFrame(rows, columns=["article_id", "kind", "speaker", "speaker_type"])
    assert most_quoted_speakers(quotes)[["speaker", "n_quotes", "n_articles"]].values.tolist() \
        == expected


def test_most_quoted_speakers_can_count_one_person_named_two_ways_once():
    from newsprism.quotes.stats import most_quoted_speakers

    quotes = pd.DataFrame({"article_id": ["a", "a", "b"], "kind": "speech",
                           "speaker": ["Vladimir Putin", "Vladimir Putin", "Putin"],
                           "speaker_type": "person"})
    merged = most_quoted_speakers(quotes, merge_names=True)
    assert merged.values.tolist() == [["Vladimir Putin", 3, 2, "Vladimir Putin (2); Putin (1)"]]
    assert len(most_quoted_speakers(quotes)) == 2
