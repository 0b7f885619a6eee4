"""Distinctive terms: significance holds up against the whole vocabulary, not term by term."""

from __future__ import annotations

import itertools
import random

import pandas as pd
import pytest
from newsprism.compare import keyness
from newsprism.report.compare_sections import terms_reading


def _noise_corpus(planted: bool) -> pd.DataFrame:
    """12 outlets whose articles resample one shared pool of sentences (no real difference
    between outlets; words come in sentences, as in bench/synth.py), optionally one outlet that
    keeps repeating a term nobody else uses."""
    rng = random.Random(3)
    vocabulary = [f"word{i}" for i in range(20000)]
    weights = list(itertools.accumulate(1 / (i + 1) for i in range(20000)))  # Zipf, as news
    pool = [" ".join(rng.choices(vocabulary, cum_weights=weights, k=12)) for _ in range(5000)]
    rows = []
    for k in range(12):
        for a in range(6):
            text = " ".join(rng.choice(pool) for _ in range(15))
            if planted and k == 0:
                text += " annexation" * 40
            rows.append({"article_id": f"{k}-{a}", "outlet": f"O{k}", "text": text})
    return pd.DataFrame(rows)


def test_chance_differences_in_a_large_vocabulary_are_not_called_distinctive():
    # Synthetic 300-article run: 40's key findings named "distinctive vocabulary" at z = 2.0
    # and 2.2, picked from thousands of terms per outlet with no correction.
    terms = keyness.distinctive_terms(_noise_corpus(planted=False), top=10)
    assert (terms["z"] > 1.96).sum() > 0          # what the old rule called distinctive
    assert not terms["significant"].any()
    assert terms["q_value"].between(0, 1).all()
    assert "0 of 120 listed terms are distinctive" in terms_reading(terms)
    assert "|z| > 1.96 alone" in terms_reading(terms)


def test_a_planted_term_stays_distinctive():
    terms = keyness.distinctive_terms(_noise_corpus(planted=True), top=10)
    top = terms[terms["group"] == "O0"].iloc[0]
    assert top["term"] == "annexation" and top["significant"] and top["q_value"] < 0.05


POSSESSIVE_CASES = [
    # (outlet A's text, outlet B's text, term, A's count)
    ("Pyongyang's letter. Pyongyang replied.", "Seoul waited. Seoul's envoy.", "pyongyang", 2),
    ("Putin’s note and Putin's aide met Putin.", "Seoul waited twice, Seoul.", "putin", 3),
    ("Kim's troops. Kim's letter.", "Kim wrote.", "kim", 2),
]


@pytest.mark.parametrize(("a", "b", "word", "count"), POSSESSIVE_CASES)
def test_a_possessive_counts_as_its_word(a, b, word, count):
    # 40's summary listed "pyongyang's" (z = 2.0) beside "pyongyang" as two terms
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "text": [a, b]})
    counts = keyness.term_counts(arts, min_count=1)
    assert not any(t.endswith("'s") for t in counts.index)
    assert counts.loc[word, "A"] == count


def test_possessive_normalisation_keeps_the_word_count():
    from newsprism.core.text import count_words

    sentence = "Pyongyang's and Putin’s letters reached Kim's desk."
    assert len(keyness.tokenize(sentence)) == count_words(sentence) == 7
    snippets = keyness.kwic(pd.DataFrame({"article_id": ["a"], "outlet": ["A"],
                                          "text": [sentence]}), "putin")
    assert snippets["match"].tolist() == ["Putin"]


FRAGMENT_CASES = [
    # (outlet A's text, terms never counted) - PolNeAR train's top terms included "m" (I'm as
    # "I m"), "p" (p.m.), "s" and the honorifics mr/mrs/ms
    ("I m sure, said Mr. Smith at 5 p. m. today", {"m", "p", "mr"}),
    ("Mrs Smith and Ms Jones met Mr Brown", {"mrs", "ms", "mr"}),
    ("Trump s letter, x and y", {"s", "x", "y"}),
]


@pytest.mark.parametrize(("text", "dropped"), FRAGMENT_CASES)
def test_one_letter_fragments_and_honorifics_are_not_terms(text, dropped):
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "text": [text, text]})
    counts = keyness.term_counts(arts, min_count=1)
    assert not dropped & set(counts.index)
    assert {"smith", "jones", "trump", "sure"} & set(counts.index)  # names kept


def test_the_term_stop_list_is_an_editable_codebook(tmp_path):
    path = tmp_path / "stop.yml"
    path.write_text("terms:\n  - smith\n", encoding="utf-8")
    arts = pd.DataFrame({"article_id": ["a"], "outlet": ["A"], "text": ["Mr Smith spoke"]})
    counts = keyness.term_counts(arts, min_count=1, stop_list=path)
    assert set(counts.index) == {"mr", "spoke"}
    assert "mr" in keyness.load_term_stop_list()


@pytest.mark.parametrize("texts", [
    ["Mr. Kim wrote.", "Mr. Putin replied."],  # only an honorific shared
    ["I'm at 5 p.m. here", "I'm leaving by 6 p.m. there"],  # only one-letter fragments shared
])
def test_tfidf_vectors_share_the_keyness_term_definition(texts):
    from newsprism.compare.similarity import similarity_matrix

    vocab = set(keyness.term_counts(pd.DataFrame({"outlet": ["A", "B"], "text": texts}),
                                    min_count=1).index)
    assert vocab == set(keyness.content_terms(texts[0])) | set(keyness.content_terms(texts[1]))
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "text": texts})
    # nothing but a dropped term is shared, so the articles do not look alike
    assert float(similarity_matrix(arts).loc["a", "b"]) == 0.0


NAME_CASES = [
    # (outlet names, text of each outlet, name words never listed) - on PolNeAR train
    # "huffpost", "politico" and "usa" (USA Today) ranked among their outlets' top terms
    (["HuffPost", "Politico"], ["HuffPost asked HuffPost readers about tariffs tariffs",
                                "Politico reported Politico polls on ethanol ethanol"],
     {"huffpost", "politico"}),
    (["USA Today", "Breitbart"], ["USA Today found USA voters rallied rallied",
                                  "Breitbart News said Breitbart sources quoted quoted"],
     {"usa", "today", "breitbart"}),
]


@pytest.mark.parametrize(("outlets", "texts", "names"), NAME_CASES)
def test_outlet_names_are_not_distinctive_terms(outlets, texts, names):
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": outlets, "text": texts})
    assert names <= set(keyness.term_counts(arts, min_count=1).index)  # counted words
    terms = keyness.distinctive_terms(arts, top=10, min_count=1)
    assert not names & set(terms["term"]) and len(terms)
    assert names <= set(keyness.distinctive_terms(arts, top=10, min_count=1,
                                                  exclude_names=False)["term"])
    assert keyness.name_terms(outlets) == names


def test_bundled_corpus_terms_stay_content_words():
    from newsprism.corpus.readers import load_corpus

    articles = load_corpus().articles
    kept = keyness.distinctive_terms(articles, top=5)
    every = keyness.distinctive_terms(articles, top=5, exclude_names=False)
    names = keyness.name_terms(articles["outlet"])
    assert {"news", "site", "swamp", "translation"} <= names  # the bundled outlet labels
    # none of its top terms was an outlet-name word, so they are the same content words
    assert not names & set(every["term"])
    assert kept[["group", "term"]].equals(every[["group", "term"]])
    assert {"war", "ukraine", "message"} <= set(kept["term"])
