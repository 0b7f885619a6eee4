"""HTML entities decoded at load: prose lines decoded, markup lines and bare "&" left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.corpus.encoding import REPAIR_RULE, repair_article
from newsprism.corpus.entities import ENTITY_RULE, decode_entities, decode_line
from newsprism.corpus.readers import iter_raw_batches, load_corpus
from newsprism.quotes import extract_quotes

# (name, line as found, line decoded, references decoded)
CASES = [
    ("named amp", "AT&amp;T and Verizon", "AT&T and Verizon", 1),
    ("named quot", "He said &quot;we will win&quot; twice", 'He said "we will win" twice', 2),
    ("named accent", "Caf&eacute; in M&uuml;nchen", "Café in München", 2),
    ("named nbsp", "07.05&nbsp;15:12 Uhr", "07.05\u00a015:12 Uhr", 1),
    ("named upper case", "A &AMP; B", "A & B", 1),
    ("decimal", "l&#8217;Union europ&#233;enne", "l’Union européenne", 2),
    ("decimal cp1252 range", "2010&#150;2012", "2010–2012", 1),
    ("hex", "don&#x2019;t &#X27;x&#x27;", "don’t 'x'", 3),
    ("astral", "&#x1F600; and &#128512;", "\U0001F600 and \U0001F600", 2),
    ("double escaped", "R&amp;amp;D", "R&D", 1),
    ("double escaped number", "it&amp;#8217;s", "it’s", 1),
    ("escaped markup is shown text", "use &lt;b&gt; for bold", "use <b> for bold", 2),
    ("literal ampersand", "AT&T, Q&A, R & D", "AT&T, Q&A, R & D", 0),
    ("no semicolon", "?a=1&copy=2&amp", "?a=1&copy=2&amp", 0),
    ("unknown name", "&bogus; &notanentity;", "&bogus; &notanentity;", 0),
    ("line break kept", "one&#10;two&#13;&NewLine;", "one&#10;two&#13;&NewLine;", 0),
    ("null and invalid kept", "&#0; &#xD800; &#1114112; &#x110000;",
     "&#0; &#xD800; &#1114112; &#x110000;", 0),
    ("tab decoded", "a&Tab;b", "a\tb", 1),
    ("raw tag: markup left alone", '<span class="d">07.05&nbsp;15:12</span>',
     '<span class="d">07.05&nbsp;15:12</span>', 0),
    ("namespaced tag", '<m:brkBinSub m:val="&#45;-"/>', '<m:brkBinSub m:val="&#45;-"/>', 0),
    ("comparison is not a tag", "x &lt; 3 and y > 2 &amp; z < 4", "x < 3 and y > 2 & z < 4", 2),
]


@pytest.mark.parametrize(("line", "decoded", "count"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_decode_line(line, decoded, count):
    assert decode_line(line) == (decoded, count)
    assert decode_entities(line) == (decoded, count)


def test_only_markup_free_lines_are_decoded_and_line_breaks_stay():
    text = "A &amp; B\r\n<p>C &amp; D</p>\n\nE&#10;F &quot;G&quot;\r"
    assert decode_entities(text) == ("A & B\r\n<p>C &amp; D</p>\n\nE&#10;F \"G\"\r", 3)


REFERENCES = ["&amp;", "&amp;amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&eacute;", "&#8217;",
              "&#x2019;", "&#150;", "&#10;", "&#0;", "&bogus;", "&copy", "&", ";", "#", "<p>",
              "</span>", "<", ">", "&#", "&#x", "&AMP;", "&NotNestedGreaterGreater;",
              "&amp;#8217;", "&amp;lt;b&amp;gt;"]
PIECES = st.one_of(st.sampled_from(REFERENCES),
                   st.text(st.sampled_from(list("abAT &#;x0123<>/\n\r\u00a0é’")), max_size=6))
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=60)))
def test_decoding_never_lengthens_is_idempotent_and_keeps_the_lines(text):
    decoded, count = decode_entities(text)
    assert len(decoded) <= len(text)
    assert decode_entities(decoded)[0] == decoded
    assert (count == 0) == (decoded == text)
    assert decoded.count("\n") == text.count("\n") and decoded.count("\r") == text.count("\r")


def test_repair_article_audits_entities_before_the_mojibake_repair():
    record = {"article_id": "a1", "title": "Caf&eacute; &amp; bar", "outlet": "Tom &amp; Co"}
    # "&#195;&#169;" is the mojibake "Ã©" written as references: decoded, then repaired
    text = "clean line\nTr&#195;&#169;vidic said &quot;no&quot;\nAT&T\n"
    new, fixed, rows = repair_article(record, text, "a1")
    assert record["title"] == "Caf&eacute; &amp; bar"  # the caller's record is not changed
    assert (new["title"], new["outlet"]) == ("Café & bar", "Tom & Co")
    assert fixed == "clean line\nTrévidic said \"no\"\nAT&T\n"
    assert [(r["rule"], r["line"], r["removed_text"].split(":")[0]) for r in rows] == [
        (ENTITY_RULE, None, "title, 2 entities"), (ENTITY_RULE, None, "outlet, 1 entity"),
        (ENTITY_RULE, 2, "text, 4 entities"), (REPAIR_RULE, 2, "text, 1 line")]
    assert "&quot;" in rows[2]["removed_text"] and '"no"' in rows[2]["removed_text"]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n",
                    encoding="utf-8")
    return path


BODY = ("The ministry of M&amp;A said on Monday that the merger of the two groups would go "
        "ahead. Its spokesman said &quot;the talks are over and the deal is done&quot; "
        "before he left the building.")


@pytest.mark.filterwarnings("ignore")
def test_load_decodes_entities_audits_them_and_leaves_the_file_alone(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"article_id": "e", "outlet": "Smith &amp; Sons", "title": "M&amp;A &#8217;deal&#8217;",
         "text": BODY},
        {"article_id": "plain", "outlet": "Smith & Sons", "text": BODY.replace("&amp;", "&")
         .replace("&quot;", "“", 1).replace("&quot;", "”")}])
    before = path.read_bytes()
    corpus = load_corpus(path)
    articles = corpus.articles.set_index("article_id")
    assert articles["outlet"].tolist() == ["Smith & Sons"] * 2  # one outlet, not two
    assert articles.loc["e", "title"] == "M&A ’deal’"
    assert "&" not in articles.loc["e", "text"].replace("M&A", "")
    quotes = [q.text for q in extract_quotes(articles.loc["e", "text"])]
    assert quotes == ["the talks are over and the deal is done"]  # found once decoded
    audit = corpus.cleaning_audit
    rows = audit[audit["rule"] == ENTITY_RULE]
    assert rows["article_id"].tolist() == ["e", "e", "e"]
    assert [text.split(":")[0] for text in rows["removed_text"]] == [
        "title, 3 entities", "outlet, 1 entity", "text, 3 entities"]
    assert path.read_bytes() == before
    off = load_corpus(path, cleaning="off").articles.set_index("article_id")
    assert off.loc["e", "title"] == "M&amp;A &#8217;deal&#8217;"  # "off" leaves text as read
    batches = [batch.clean() for batch in iter_raw_batches(path, batch_size=1)]
    assert [t for b in batches for t in b.articles["text"]] == corpus.articles["text"].tolist()
