"""Corpus loading: every input format, every kind of bad input, input files never modified.

Malformed inputs are generated in ``tmp_path`` so nothing binary is committed.
"""

from __future__ import annotations

import csv
import hashlib
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from newsprism.core import paths
from newsprism.core.text import count_words
from newsprism.corpus.readers import (
    ARTICLE_COLUMNS,
    PROBLEM_COLUMNS,
    Corpus,
    iter_corpus_batches,
    iter_raw_batches,
    load_corpus,
)

BODY = ("Kim Jong Un sent a New Year message to Vladimir Putin on Dec. 27, praising what he "
        "called an alliance forged in blood. The Kremlin answered with a letter of its own.")
BODY2 = ("Analysts in Seoul said the exchange of letters showed how close the two governments "
         "have become since the troops were sent to the Kursk region last year.")
FRENCH = ("Kim Jong Un a envoyé un message de Nouvel An à Vladimir Poutine, saluant une alliance "
          "forgée dans le sang. Le Kremlin a répondu par une lettre chaleureuse.")


def snapshot(root: Path) -> dict[str, tuple[int, str]]:
    """mtime and SHA-256 of every file under ``root``."""
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in files}


def load_quietly(path, **kwargs) -> Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path, **kwargs)


def problems_for(corpus: Corpus, needle: str) -> pd.DataFrame:
    return corpus.problems[corpus.problems["reason"].str.contains(needle, regex=False)]


def write_manifest(folder: Path, rows: list[dict]) -> None:
    columns = ["article_id", "file", "outlet", "outlet_type", "genre", "author", "published",
               "url", "language", "title", "notes"]
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


# ---------------------------------------------------------------- the bundled corpus


def test_bundled_corpus_loads_clean_and_leaves_files_untouched():
    before = snapshot(paths.BUNDLED_CORPUS)
    corpus = load_corpus()
    assert snapshot(paths.BUNDLED_CORPUS) == before
    articles = corpus.articles
    assert list(articles.columns[: len(ARTICLE_COLUMNS)]) == ARTICLE_COLUMNS
    assert len(articles) == 5 and articles["article_id"].is_unique
    assert corpus.problems.empty and list(corpus.problems.columns) == PROBLEM_COLUMNS
    assert set(articles["language"]) == {"en"}
    assert articles["n_words"].tolist() == [count_words(t) for t in articles["text"]]
    joined = "\n".join(articles["text"])
    for furniture in ("Leave A Reply", "The Swamp logo", "Creatd, Inc.", "Also Read:",
                      "You might also like", "Photo by KNCA/EPA", "Sign in to comment"):
        assert furniture not in joined
    assert {"outlet_type", "notes"} <= set(articles.columns)
    assert (articles["source_file"].str.startswith("articles/")).all()


def test_bundled_corpus_repr_and_batches_agree():
    corpus = load_corpus("")
    assert "5 articles" in repr(corpus)
    batches = list(iter_corpus_batches(None, batch_size=2))
    assert [len(b.articles) for b in batches] == [2, 2, 1]
    streamed = pd.concat([b.articles for b in batches], ignore_index=True)
    pd.testing.assert_frame_equal(streamed, corpus.articles)
    assert sum(len(b.cleaning_audit) for b in batches) == len(corpus.cleaning_audit)


def test_missing_corpus_path_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="corpus not found"):
        load_corpus(tmp_path / "nope")
    (tmp_path / "corpus.xlsx").write_bytes(b"PK")
    with pytest.raises(ValueError, match="unsupported corpus file type"):
        load_corpus(tmp_path / "corpus.xlsx")


# ---------------------------------------------------------------- manifest folder


@pytest.fixture
def messy_folder(tmp_path) -> Path:
    folder = tmp_path / "messy"
    (folder / "articles").mkdir(parents=True)
    art = folder / "articles"
    (art / "good.txt").write_text(f"Headline here\n\n{BODY}\n\n{BODY2}\n\nLeave A Reply\n",
                                  encoding="utf-8")
    (art / "page.html").write_text(
        "<html><head><title>Letters to Moscow</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Letters to Moscow</h1><p>{BODY}</p><p>{BODY2}</p>"
        "<p>Officials in Tokyo said they were watching the relationship closely and would "
        "consult their allies about the next steps.</p></article>"
        "<footer>© 2026 Example Media. All rights reserved.</footer></body></html>",
        encoding="utf-8")
    (art / "latin1.txt").write_bytes(f"{BODY} The caf\xe9 in Pyongyang was full.".encode("latin-1"))
    (art / "binary.txt").write_bytes(b"GIF89a\x00\x01\x02\x03 not text at all")
    (art / "empty.txt").write_text("  \n\n ", encoding="utf-8")
    (art / "furniture.txt").write_text("Leave A Reply\n\nYour email address will not be "
                                       "published.\n\nSign in to comment\n", encoding="utf-8")
    (art / "dup.txt").write_text(BODY2, encoding="utf-8")
    (art / "french.txt").write_text(FRENCH, encoding="utf-8")
    (art / "mislabelled.txt").write_text(FRENCH, encoding="utf-8")
    (art / "unlisted.txt").write_text(BODY, encoding="utf-8")
    write_manifest(folder, [
        {"article_id": "good", "file": "articles/good.txt", "outlet": "A", "language": "en"},
        {"article_id": "html", "file": "articles/page.html", "outlet": "B"},
        {"article_id": "latin", "file": "articles/latin1.txt", "outlet": "C"},
        {"article_id": "bin", "file": "articles/binary.txt", "outlet": "D"},
        {"article_id": "empty", "file": "articles/empty.txt", "outlet": "E"},
        {"article_id": "missing", "file": "articles/missing.txt", "outlet": "F"},
        {"article_id": "good", "file": "articles/dup.txt", "outlet": "G"},
        {"article_id": "furn", "file": "articles/furniture.txt", "outlet": "H"},
        {"article_id": "fr", "file": "articles/french.txt", "outlet": "I"},
        {"article_id": "mis", "file": "articles/mislabelled.txt", "outlet": "J",
         "language": "en"},
    ])
    return folder


def test_manifest_folder_reports_each_bad_article_and_keeps_the_rest(messy_folder):
    before = snapshot(messy_folder)
    with pytest.warns(UserWarning, match="skipped"):
        corpus = load_corpus(messy_folder)
    assert snapshot(messy_folder) == before
    kept = set(corpus.articles["article_id"])
    assert kept == {"good", "html", "latin", "fr", "mis"}
    problems = corpus.problems
    # Every skipped article is named with its file, line where meaningful, and reason.
    missing = problems_for(corpus, "file not found")
    assert missing[["source_file", "line", "article_id"]].values.tolist() == [
        ["manifest.csv", 7, "missing"]]
    dup = problems_for(corpus, "duplicate article_id")
    assert dup[["source_file", "line", "article_id"]].values.tolist() == [
        ["manifest.csv", 8, "good"]]
    assert "first at manifest.csv:2" in dup["reason"].iloc[0]
    binary = problems_for(corpus, "not a text file")
    assert binary["source_file"].tolist() == ["articles/binary.txt"]
    assert binary["severity"].tolist() == ["error"]
    assert problems_for(corpus, "empty text")["article_id"].tolist() == ["empty"]
    assert problems_for(corpus, "empty after cleaning")["article_id"].tolist() == ["furn"]
    unlisted = problems_for(corpus, "not listed in manifest")
    assert unlisted["source_file"].tolist() == ["articles/unlisted.txt"]
    assert set(problems["severity"]) == {"error", "warning"}
    # Nothing silently dropped: every manifest row is either kept or has an error.
    errored = set(problems.loc[problems["severity"] == "error", "article_id"])
    assert kept | errored == {"good", "html", "latin", "bin", "empty", "missing", "furn",
                              "fr", "mis"}


def test_latin1_bytes_are_decoded_with_a_warning_or_skipped(messy_folder):
    corpus = load_quietly(messy_folder)
    text = corpus.articles.set_index("article_id").loc["latin", "text"]
    assert "café" in text
    warning = problems_for(corpus, "not valid UTF-8")
    assert warning[["source_file", "line", "severity"]].values.tolist() == [
        ["articles/latin1.txt", 1, "warning"]]
    assert "0xe9" in warning["reason"].iloc[0] and "cp1252" in warning["reason"].iloc[0]
    strict = load_quietly(messy_folder, encoding_fallback=None)
    assert "latin" not in set(strict.articles["article_id"])
    assert problems_for(strict, "not valid UTF-8")["severity"].tolist() == ["error"]


def test_html_article_goes_through_the_extractor(messy_folder):
    corpus = load_quietly(messy_folder)
    row = corpus.articles.set_index("article_id").loc["html"]
    assert "alliance forged in blood" in row["text"]
    assert "<p>" not in row["text"] and "All rights reserved" not in row["text"]
    assert "Home" not in row["text"].split()
    assert row["title"] == "Letters to Moscow"  # from the page when the manifest has none


def test_language_is_detected_flagged_and_kept(messy_folder):
    corpus = load_quietly(messy_folder)
    languages = corpus.articles.set_index("article_id")["language"]
    assert languages["fr"] == "fr"          # detected, not dropped
    assert languages["good"] == "en"
    assert languages["mis"] == "en"         # the manifest wins ...
    clash = problems_for(corpus, "detected as 'fr'")  # ... but the clash is reported
    assert clash["article_id"].tolist() == ["mis"]
    assert clash["severity"].tolist() == ["warning"]


def test_cleaning_audit_points_at_raw_lines(messy_folder):
    corpus = load_quietly(messy_folder)
    audit = corpus.cleaning_audit
    good = audit[audit["article_id"] == "good"]
    assert good[["line", "removed_text", "rule"]].values.tolist() == [
        [7, "Leave A Reply", "comment_prompt"]]
    raw = (messy_folder / "articles" / "good.txt").read_text().split("\n")
    assert raw[7 - 1] == "Leave A Reply"


def test_manifest_without_file_column_is_reported(tmp_path):
    (tmp_path / "manifest.csv").write_text("article_id,outlet\na,X\n", encoding="utf-8")
    corpus = load_quietly(tmp_path)
    assert corpus.articles.empty
    assert problems_for(corpus, "missing column 'file'")["line"].tolist() == [1]


# ---------------------------------------------------------------- folder without manifest


def test_plain_folder_uses_file_stems_as_outlets_with_a_warning(tmp_path):
    (tmp_path / "reuters.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "tass.txt").write_text(BODY2, encoding="utf-8")
    with pytest.warns(UserWarning, match="no manifest.csv"):
        corpus = load_corpus(tmp_path)
    assert sorted(corpus.articles["outlet"]) == ["reuters", "tass"]
    assert corpus.problems["severity"].tolist() == ["warning"]
    assert "no manifest.csv" in corpus.problems["reason"].iloc[0]


# ---------------------------------------------------------------- CSV


MEDIA_CLOUD_HEADER = ["id", "indexed_date", "language", "media_name", "media_url",
                      "publish_date", "title", "url", "text"]


def write_csv_bytes(path: Path, header: list[str], rows: list[list[str]],
                    encoding: str = "utf-8") -> None:
    buffer = []
    for row in [header, *rows]:
        buffer.append(",".join('"' + v.replace('"', '""') + '"' for v in row))
    path.write_bytes(("\r\n".join(buffer) + "\r\n").encode(encoding, errors="strict"))


def test_media_cloud_csv_maps_columns(tmp_path):
    path = tmp_path / "mc.csv"
    write_csv_bytes(path, MEDIA_CLOUD_HEADER, [
        ["101", "2026-01-02", "en", "nknews.org", "https://nknews.org", "2026-01-01 10:00:00",
         "Kim writes", "https://nknews.org/a", BODY + "\n\nRead more: Another story"],
        ["102", "2026-01-02", "en", "tass.com", "https://tass.com", "2026-01-02", "Reply",
         "https://tass.com/b", f'He said: "Yes."\n{BODY2}'],
    ])
    before = snapshot(path)
    corpus = load_corpus(path)
    assert snapshot(path) == before
    articles = corpus.articles.set_index("article_id")
    assert list(articles.index) == ["101", "102"]
    assert articles.loc["101", "outlet"] == "nknews.org"
    assert articles.loc["101", "published"] == "2026-01-01 10:00:00"
    assert articles.loc["102", "url"] == "https://tass.com/b"
    assert "Read more" not in articles.loc["101", "text"]
    assert {"indexed_date", "media_url"} <= set(corpus.articles.columns)
    assert corpus.problems.empty  # Media Cloud's extra columns are known, not "unknown"
    assert corpus.cleaning_audit["article_id"].tolist() == ["101"]
    assert (corpus.articles["source_file"] == "mc.csv").all()


def test_csv_bad_rows_are_reported_by_line(tmp_path):
    path = tmp_path / "bad.csv"
    header = ["id", "media_name", "title", "text", "mood"]
    good = ["1", "A", "t", BODY, "x"]
    multiline = ["2", "B", "t", f"{BODY2}\n\n{BODY}", "x"]  # spans 3 physical lines
    duplicate = ["1", "C", "t", BODY2, "x"]
    empty = ["4", "D", "t", "   ", "x"]
    latin = ["5", "E", "t", BODY + " Caf\xe9.", "x"]
    short = ["6", "F", BODY]
    write_csv_bytes(path, header, [good, multiline, duplicate, empty, latin, short],
                    encoding="latin-1")
    corpus = load_quietly(path)
    assert corpus.articles["article_id"].tolist() == ["1", "2", "5"]
    assert "Café" in corpus.articles["text"].iloc[2]
    lines = {reason.split(" ")[0]: line for reason, line in
             zip(corpus.problems["reason"], corpus.problems["line"], strict=True)}
    # header on line 1, rows on 2, 3-5 (multi-line text), 6, 7, 8 and 9
    assert lines["duplicate"] == 6
    assert lines["empty"] == 7
    assert lines["not"] == 8           # "not valid UTF-8 ..." warning, row kept
    assert lines["row"] == 9           # wrong number of fields
    assert lines["unknown"] == 1       # the extra column "mood" is reported once
    assert "mood" in corpus.articles.columns


def test_csv_without_text_column_reports_and_loads_nothing(tmp_path):
    path = tmp_path / "notext.csv"
    write_csv_bytes(path, ["id", "media_name", "title"], [["1", "A", "t"]])
    corpus = load_quietly(path)
    assert corpus.articles.empty and list(corpus.articles.columns)[:11] == ARTICLE_COLUMNS
    problem = corpus.problems.iloc[0]
    assert problem["line"] == 1 and "missing column 'text'" in problem["reason"]
    assert problem["source_file"] == "notext.csv"


def test_binary_csv_is_reported_not_parsed(tmp_path):
    path = tmp_path / "utf16.csv"
    path.write_bytes("id,text\n1,hello world\n".encode("utf-16"))
    corpus = load_quietly(path)
    assert corpus.articles.empty
    assert "UTF-16" in corpus.problems["reason"].iloc[0]


def test_csv_with_bom_and_aliases(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffstory_id,source,date,headline,body\n7,AP,2026-01-03,H,\"".encode()
                     + BODY.encode() + b'"\n')
    corpus = load_corpus(path)
    row = corpus.articles.iloc[0]
    assert (row["article_id"], row["outlet"], row["published"], row["title"]) == \
        ("7", "AP", "2026-01-03", "H")


# ---------------------------------------------------------------- JSONL


def test_jsonl_bad_lines_are_reported_and_the_rest_loads(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": "a", "media_name": "X", "text": BODY}),
        '{"id": "b", "text": "unterminated',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c", "media_name": "Y"}),
        json.dumps({"id": "d", "media_name": "Y", "text": 42}),
        json.dumps({"id": "a", "media_name": "Z", "text": BODY2}),
        json.dumps({"id": "e", "outlet": "Z", "text": FRENCH, "section": "world"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(path)
    corpus = load_quietly(path)
    assert snapshot(path) == before
    assert corpus.articles["article_id"].tolist() == ["a", "e"]
    assert corpus.articles["language"].tolist() == ["en", "fr"]
    by_line = dict(zip(corpus.problems["line"], corpus.problems["reason"], strict=True))
    assert by_line[2].startswith("invalid JSON")
    assert by_line[4].startswith("expected a JSON object")
    assert by_line[5] == "missing field 'text'; skipped"
    assert "not a string" in by_line[6]
    assert by_line[7].startswith("duplicate article_id 'a'")
    assert "'section'" in by_line[8]  # unknown field, kept as a column
    assert corpus.articles.set_index("article_id").loc["e", "section"] == "world"


def test_jsonl_binary_and_latin1_lines(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "media_name": "X", "text": BODY}).encode()
    latin = ('{"id": "lat", "media_name": "X", "text": "' + BODY + ' Caf\xe9."}').encode("latin-1")
    path.write_bytes(good + b"\n" + latin + b"\n" + b'{"id": "nul\x00"}\n')
    corpus = load_quietly(path)
    assert corpus.articles["article_id"].tolist() == ["ok", "lat"]
    assert problems_for(corpus, "not a text file")["line"].tolist() == [3]
    assert problems_for(corpus, "not valid UTF-8")["line"].tolist() == [2]


def test_outlet_falls_back_to_url_host_with_a_warning(tmp_path):
    path = tmp_path / "no_outlet.jsonl"
    path.write_text(json.dumps({"id": "1", "url": "https://www.example.org/x", "text": BODY}),
                    encoding="utf-8")
    corpus = load_quietly(path)
    assert corpus.articles["outlet"].tolist() == ["example.org"]
    assert problems_for(corpus, "no outlet given")["severity"].tolist() == ["warning"]


def test_byline_author_fills_missing_metadata(tmp_path):
    path = tmp_path / "byline.jsonl"
    text = f"By Jane Doe Published 2 days ago 3 min read\n\n{BODY}"
    path.write_text(json.dumps({"id": "1", "outlet": "X", "text": text}), encoding="utf-8")
    corpus = load_corpus(path)
    assert corpus.articles["author"].tolist() == ["Jane Doe"]
    assert corpus.cleaning_audit["rule"].tolist() == ["byline"]


def test_an_unexpected_error_skips_one_article_only(tmp_path, monkeypatch):
    import newsprism.corpus.builder as corpus_module  # where articles are cleaned

    real = corpus_module.clean_text

    def flaky(text, article_id="", author="", **options):
        if article_id == "bad":
            raise RuntimeError("boom")
        return real(text, article_id, author, **options)

    real_batch = corpus_module.clean_texts

    def flaky_batch(texts, article_ids, *args, **options):
        if "bad" in article_ids:  # the batch fails: each article is cleaned on its own
            raise RuntimeError("boom")
        return real_batch(texts, article_ids, *args, **options)

    monkeypatch.setattr(corpus_module, "clean_text", flaky)
    monkeypatch.setattr(corpus_module, "clean_texts", flaky_batch)
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "outlet": "X", "text": BODY})
                              for i in ("ok", "bad")), encoding="utf-8")
    corpus = load_quietly(path)
    assert corpus.articles["article_id"].tolist() == ["ok"]
    assert problems_for(corpus, "unexpected RuntimeError")["line"].tolist() == [2]


def test_manifest_path_stands_for_its_folder():
    corpus = load_corpus(paths.BUNDLED_CORPUS / "manifest.csv")
    assert len(corpus.articles) == 5


def _footer_jsonl(tmp_path) -> Path:
    # Outlet X ends every article with the same footer (a recurring line); Y has one article.
    path = tmp_path / "footer.jsonl"
    footer = "Follow our channel on Telegram for the latest updates."
    rows = [{"id": f"x{i}", "outlet": "X", "text": f"{body} Report {i}.\n\n{footer}"}
            for i, body in enumerate([BODY, BODY2, BODY, BODY2])]
    rows.append({"id": "y0", "outlet": "Y", "text": f"{BODY}\n\n{footer}"})
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("batch_size", [1, 2, 3, 100])
def test_streamed_batches_remove_the_recurring_lines_load_corpus_removes(tmp_path, batch_size):
    # A footer recurring across an outlet's articles is counted over the whole corpus, not
    # over each batch: streaming in small batches must not leave it in the text.
    path = _footer_jsonl(tmp_path)
    whole = load_corpus(path)
    assert (whole.cleaning_audit["rule"] == "outlet_template").sum() == 4  # X's footers
    batches = list(iter_corpus_batches(path, batch_size=batch_size))
    assert all(len(b.articles) <= batch_size for b in batches)
    for table in ("articles", "cleaning_audit"):
        streamed = pd.concat([getattr(b, table) for b in batches if len(getattr(b, table))],
                             ignore_index=True)
        pd.testing.assert_frame_equal(streamed, getattr(whole, table))


def test_duplicate_ids_across_stream_batches(tmp_path):
    path = tmp_path / "dups.jsonl"
    rows = [{"id": str(i % 3), "outlet": "X", "text": f"{BODY} Number {i}."} for i in range(6)]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        batches = list(iter_corpus_batches(path, batch_size=2))
    ids = [i for b in batches for i in b.articles["article_id"]]
    assert ids == ["0", "1", "2"]
    assert sum(len(problems_for(b, "duplicate")) for b in batches) == 3


def _bad_jsonl(tmp_path) -> Path:
    path = tmp_path / "bad.jsonl"
    lines = [json.dumps({"id": "a", "media_name": "X", "text": BODY}), '{"id": "b", "text": "x',
             json.dumps({"id": "c", "media_name": "Y"}),
             json.dumps({"id": "f", "outlet": "Z", "text": "Leave A Reply\n\nSign in to comment"}),
             json.dumps({"id": "a", "media_name": "Z", "text": BODY2}),
             json.dumps({"id": "e", "outlet": "Z", "text": FRENCH, "section": "world"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("batch_size", [1, 2, 3, 100])
@pytest.mark.parametrize("which", ["messy_folder", "bad_jsonl"])
def test_raw_batches_clean_to_the_same_tables_as_load_corpus(which, batch_size, request,
                                                              tmp_path):
    # Parallel annotation cleans in its workers (RawBatch.clean); nothing may change by it.
    path = request.getfixturevalue("messy_folder") if which == "messy_folder" \
        else _bad_jsonl(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        eager = [load_corpus(path)]
        raw = [batch.clean() for batch in iter_raw_batches(path, batch_size=batch_size)]
    for table in ("articles", "problems", "cleaning_audit"):
        # (a raw batch may clean down to no articles: an empty frame has no dtypes to compare)
        ours = pd.concat([getattr(b, table) for b in raw if len(getattr(b, table))],
                         ignore_index=True)
        theirs = pd.concat([getattr(b, table) for b in eager if len(getattr(b, table))],
                           ignore_index=True)
        pd.testing.assert_frame_equal(ours, theirs)
    assert len(pd.concat([b.problems for b in raw])) >= 3  # the bad input was seen
    assert all(len(b.articles) <= batch_size for b in raw)


def test_language_detection_matches_py3langid_with_its_own_table():
    # newsprism.corpus.language keeps py3langid's feature table as float32 (speed); the answers
    # and confidences must be exactly those of the stock float16 identifier.
    from newsprism.corpus.language import _identifier
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    texts = ["The two letters exchanged between Kim Jong Un and Vladimir Putin.",
             "Ceci est un article sur la lettre de Kim à Poutine et la guerre.",
             "Das ist ein Artikel über die Briefe von Kim und Putin.",
             "Это статья о письме Ким Чен Ына Путину.", "x"]
    assert [_identifier().classify(t) for t in texts] == [stock.classify(t) for t in texts]
