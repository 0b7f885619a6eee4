"""Mojibake repair at load: broken text repaired and audited, clean text never touched."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.core import paths
from newsprism.corpus import encoding
from newsprism.corpus.encoding import REPAIR_RULE, plausible, repair_article, repair_text
from newsprism.corpus.readers import iter_raw_batches, load_corpus

# (mojibake as found in exports, the text it stands for, the codec that broke it; None: by
# hand, a mix of codecs or a byte lost on the way)
MOJIBAKE = [
    ("Judge Marc TrÃ©vidic said", "Judge Marc Trévidic said", "latin-1"),
    ("We donâ€™t know yet", "We don’t know yet", "cp1252"),
    ("â€œIt is over,â€\x9d he said", "“It is over,” he said", "cp1252"),
    ("â€˜noâ€™ â€” and then â€¦", "‘no’ — and then …", "cp1252"),
    ("Die Gespräche in MÃ¼nchen, sagt GrÃ¶ÃŸe", "Die Gespräche in München, sagt Größe",
     None),
    ("Ein GruÃŸ aus KÃ¶ln und ZÃ¼rich", "Ein Gruß aus Köln und Zürich", "cp1252"),
    ("Ã‰lÃ¨ve franÃ§ais Ã\xa0 l'Ã©cole oÃ¹ il Ã©tait", "Élève français à l'école où il était",
     "cp1252"),
    # the no-break space of "Ã\xa0" (à) often ends up a plain space on the way
    ("Il est Ã  Paris", "Il est à Paris", None),
    # cp1252 bytes read as Latin-1: C1 controls where the German quotes and dash were
    ("Das Album \x84Brave New Woman\x93 \x96 neu", "Das Album „Brave New Woman“ – neu", None),
    ("El niÃ±o estÃ¡ aquÃ\xad, seÃ±or", "El niño está aquí, señor", "latin-1"),
    ("Â¿QuÃ© pasÃ³ en EspaÃ±a?", "¿Qué pasó en España?", "latin-1"),
]


@pytest.mark.parametrize(("broken", "fixed", "codec"), MOJIBAKE)
def test_mojibake_is_repaired(broken, fixed, codec):
    if codec:  # the table holds what that codec really makes of the UTF-8 bytes
        assert fixed.encode("utf-8").decode(codec, errors="ignore") in (broken,
                                                                        broken.replace("\x9d", ""))
    assert repair_text(broken) == (fixed, [1])


def test_a_closing_quote_that_lost_its_last_byte_is_restored():
    # "”" is E2 80 9D; cp1252 has no 0x9D, so exports drop it: ftfy alone reads "â€ " as "†"
    fixed, lines = repair_text("its â€œgreat heyday,â€ would â€œlastâ€\nHe said â€ and left")
    assert fixed == "its “great heyday,” would “last”\nHe said ” and left"
    assert lines == [1, 2]


def test_only_the_broken_lines_change_and_line_breaks_stay():
    text = "Clean “quoted” line — fine\r\nMÃ¼nchen\n\nAnother clean line\n"
    fixed, lines = repair_text(text)
    assert lines == [2]
    assert fixed == "Clean “quoted” line — fine\r\nMünchen\n\nAnother clean line\n"


# Already-correct text: real words of several scripts, typographic quotes and dashes.
WORDS = ["Trévidic", "München", "straße", "Größe", "élève", "à", "où", "garçon", "niño",
         "está", "año", "Ελλάδα", "Привет", "мир", "Ёлка", "日本語の", "中文", "한국어", "said",
         "don’t", "it's", "Zürich", "Øresund", "Łódź", "İstanbul", "și", "café", "naïve",
         "1,5 %", "€20", "£5", "©", "°C", "×", "½", "ﬁnal", "ＡＢＣ"]
WRAPS = ["{}", "“{}”", "‘{}’", "«{}»", "„{}“", "({})", "{}…", "{},", "{}.", "{}:"]
TOKEN = st.builds(str.format, st.sampled_from(WRAPS), st.sampled_from(WORDS))
SEPARATOR = st.sampled_from([" ", " — ", " – ", "\n", "\n\n", "\r\n", "\u00a0"])
CLEAN_TEXT = st.lists(st.tuples(TOKEN, SEPARATOR), max_size=40).map(
    lambda pairs: "".join(token + sep for token, sep in pairs))
# Any mix of ASCII, typographic punctuation, Cyrillic, Greek and CJK characters.
CLEAN_CHARS = st.text(st.sampled_from(list("abcXYZ09 .,;“”‘’„«»—–…\n") + list("ПриветЁё")
                                      + list("ελλάδα日本語中文한국어")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(st.one_of(CLEAN_TEXT, CLEAN_CHARS))
def test_clean_text_passes_unchanged(text):
    assert repair_text(text) == (text, [])
    record = {"title": text, "article_id": "a"}
    assert repair_article(record, text, "a") == (record, text, [])


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("„×“", "„ד", False),            # a lone Hebrew letter: a multiplication sign in quotes
    ("”à", "ӈ", False),              # a lone Cyrillic letter: a quote glued to a letter
    ("»äc", "Ȋc", False),            # a rare Latin letter
    ("ÐœÐ¸Ñ€", "Мир", True),          # a whole Cyrillic word
    ("È™i", "și", True),             # Romanian
    ("TrÃ©vidic", "Trévidic", True),
])
def test_plausible_rejects_lone_letters_of_another_script(before, after, expected):
    assert plausible(before, after) is expected


def test_repair_article_audits_each_field():
    record = {"article_id": "a1", "title": "MÃ¼nchen talks"}
    new, text, rows = repair_article(record, "ok\nTrÃ©vidic said\nMÃ¼nchen\n", "a1")
    assert record["title"] == "MÃ¼nchen talks"  # the caller's record is not changed
    assert new["title"] == "München talks" and text == "ok\nTrévidic said\nMünchen\n"
    assert [(r["line"], r["rule"]) for r in rows] == [(None, REPAIR_RULE), (2, REPAIR_RULE)]
    assert rows[1]["removed_text"].startswith("text, 2 lines: ")
    assert "TrÃ©vidic" in rows[1]["removed_text"] and "Trévidic" in rows[1]["removed_text"]


@pytest.mark.parametrize("field", ["title", "author", "outlet"])
def test_repair_article_repairs_metadata_fields(field):
    # A mojibake outlet name would split one outlet in two; an author would read as garbage.
    record = {"article_id": "a1", field: "SÃ¼ddeutsche Zeitung"}
    new, _, rows = repair_article(record, "clean text\n", "a1")
    assert new[field] == "Süddeutsche Zeitung" and record[field] == "SÃ¼ddeutsche Zeitung"
    assert [(r["line"], r["removed_text"].split(",")[0]) for r in rows] == [(None, field)]


def snapshot(root: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_bundled_corpus_is_unchanged_by_the_repair(monkeypatch):
    before = snapshot(paths.BUNDLED_CORPUS)
    corpus = load_corpus()
    assert not (corpus.cleaning_audit["rule"] == REPAIR_RULE).any()
    monkeypatch.setattr("newsprism.corpus.builder.repair_article",
                        lambda record, text, article_id: (record, text, []))
    unrepaired = load_corpus()
    assert corpus.articles.to_json() == unrepaired.articles.to_json()  # byte-identical
    assert snapshot(paths.BUNDLED_CORPUS) == before


BODY = ("Kim Jong Un sent a New Year message to Vladimir Putin, praising what he called an "
        "alliance forged in blood; the Kremlin answered with a letter of its own.")


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("\n".join(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)
                              for row in rows) + "\n", encoding="utf-8")
    return path


def mixed_corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "c.jsonl", [
        {"article_id": "m", "outlet": "A", "title": "MÃ¼nchen talks",
         "text": "Judge Marc TrÃ©vidic said: â€œWe donâ€™t know.â€\x9d " + BODY},
        '{"article_id": "broken", "outlet": "A", "text": ',
        {"article_id": "c", "outlet": "B", "title": "Clean “title”", "text": "“Yes” — " + BODY},
    ])


@pytest.mark.filterwarnings("ignore")
def test_load_repairs_and_audits_and_keeps_malformed_articles_apart(tmp_path):
    path = mixed_corpus(tmp_path)
    before = path.read_bytes()
    corpus = load_corpus(path)
    articles = corpus.articles.set_index("article_id")
    assert list(articles.index) == ["m", "c"]
    assert articles.loc["m", "title"] == "München talks"
    assert articles.loc["m", "text"].startswith("Judge Marc Trévidic said: “We don’t know.” ")
    assert articles.loc["c", "text"] == "“Yes” — " + BODY
    repairs = corpus.cleaning_audit[corpus.cleaning_audit["rule"] == REPAIR_RULE]
    assert repairs["article_id"].tolist() == ["m", "m"]
    assert repairs["line"].isna().tolist() == [True, False]  # title, then text line 1
    assert corpus.problems[["source_file", "line"]].values.tolist() == [["c.jsonl", 2]]
    assert "JSON" in corpus.problems["reason"].iloc[0]
    assert "lines of page furniture removed" in repr(corpus) and " 0 lines" in repr(corpus)
    assert path.read_bytes() == before


@pytest.mark.filterwarnings("ignore")
def test_one_outlet_spelt_with_and_without_mojibake_is_one_outlet(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"article_id": "a", "outlet": "SÃ¼ddeutsche", "author": "JÃ¶rg Meyer", "text": BODY},
        {"article_id": "b", "outlet": "Süddeutsche", "text": BODY.replace("Kim", "Kim Jong")},
    ])
    articles = load_corpus(path).articles.set_index("article_id")
    assert articles["outlet"].tolist() == ["Süddeutsche", "Süddeutsche"]
    assert articles.loc["a", "author"] == "Jörg Meyer"


@pytest.mark.filterwarnings("ignore")
def test_cleaning_off_leaves_mojibake_and_batches_repair_like_load(tmp_path):
    path = mixed_corpus(tmp_path)
    off = load_corpus(path, cleaning="off")
    assert off.articles.set_index("article_id").loc["m", "title"] == "MÃ¼nchen talks"
    assert off.cleaning_audit.empty
    whole = load_corpus(path)
    batches = [batch.clean() for batch in iter_raw_batches(path, batch_size=1)]
    assert [t for b in batches for t in b.articles["title"]] == whole.articles["title"].tolist()
    assert sum(len(b.cleaning_audit) for b in batches) == len(whole.cleaning_audit)


@pytest.mark.filterwarnings("ignore")
def test_an_article_whose_repair_fails_is_skipped_and_reported(tmp_path, monkeypatch):
    path = mixed_corpus(tmp_path)
    real = encoding.repair_text

    def fails_on_munich(text):
        if "MÃ¼nchen" in text:
            raise ValueError("boom")
        return real(text)

    monkeypatch.setattr(encoding, "repair_text", fails_on_munich)
    corpus = load_corpus(path)
    assert corpus.articles["article_id"].tolist() == ["c"]
    problem = corpus.problems.set_index("article_id").loc["m"]
    assert problem["source_file"] == "c.jsonl" and int(problem["line"]) == 1
    assert "while repairing its encoding: boom; skipped" in problem["reason"]
