"""Furniture phrases in several languages (data/clean/furniture_phrases.yml)."""

import pytest
from newsprism.corpus import clean_phrases
from newsprism.corpus.clean import clean_text


@pytest.mark.parametrize(("line", "rule"), [
    ("Teilen", "share_phrase"),
    ("» Mit Freunden teilen", "share_phrase"),
    ("Kommentare (12)", "comments_phrase"),
    ("COMENTARIOS:", "comments_phrase"),
    ("Impressum", "site_phrase"),
    ("Política de privacidad", "site_phrase"),
    ("Newsletter abonnieren", "subscribe_phrase"),
    ("Lea también: Impiden ingreso a Nicaragua a reportero", "related_phrase"),
    ("Das könnte Sie auch interessieren", "related_phrase"),
    ("Mehr zum Thema: Wie die Bahn ihre Fahrpläne plant", "related_phrase"),
    ("À lire aussi – La réforme des retraites", "related_phrase"),
    # body text that contains or starts with a phrase word stays
    ("Teilen Sie uns Ihre Meinung mit, sagte der Minister.", None),
    ("Kontakt zu den Entführern gab es nach Angaben der Polizei nicht.", None),
    ("Share prices fell by 3% on Monday.", None),
    ("Lea también el informe completo, que la fiscalía publicó el lunes en su sitio y que "
     "describe con detalle cómo se organizó la red de contrabando durante más de diez años en "
     "la frontera.", None),
    # section headings that newsletters use inside the body are not in the lists
    ("TOP STORIES.", None),
    ("Latest news", None),
])
def test_phrase_rule(line, rule):
    assert clean_phrases.phrase_rule(line) == rule


def test_every_kind_has_phrases_and_names_a_rule():
    exact, lead_in, max_words, first_words = clean_phrases.load_phrases()
    assert set(exact.values()) == {"related_phrase", "share_phrase", "comments_phrase",
                                   "subscribe_phrase", "site_phrase"}
    assert lead_in is not None and max_words > 0 and "lea" in first_words
    assert all(key == key.casefold().strip() for key in exact)


def test_phrase_rules_are_audited_and_can_be_switched_off():
    text = "Kim writes to Putin\n\nThe letter was long and warm.\n\nTeilen\n\nImpressum"
    result = clean_text(text, article_id="a1")
    assert result.text == "Kim writes to Putin\n\nThe letter was long and warm."
    assert [(r["line"], r["rule"]) for r in result.audit] == [(5, "share_phrase"),
                                                              (7, "site_phrase")]
    kept = clean_text(text, disabled_rules={"share_phrase"})
    assert "Teilen" in kept.text and "Impressum" not in kept.text


@pytest.mark.parametrize("separator", [":", "|", "»", "›", ">", "–", "—", "-", "...", "…"])
def test_every_lead_in_separator_is_seen_by_the_pre_check(separator):
    """Lines without a separator skip the lead-in test: each separator must still count."""
    assert clean_phrases.phrase_rule(f"Read also {separator} Kim meets Putin in Moscow") == "related_phrase"
