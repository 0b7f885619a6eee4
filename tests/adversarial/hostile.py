"""Small hostile corpora, built on demand into a folder (nothing binary is committed).

Each builder takes an empty folder and returns ``(path to load, expectations)``; the tests in
this folder load each one. To look at them by hand::

    python tests/adversarial/hostile.py /tmp/hostile      # one sub-folder per case

``SECRET`` stands for a private file outside the corpus: it must never reach an article.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

GOOD = ("Kim Jong Un sent a New Year message to Vladimir Putin on Dec. 27, praising what he "
        "called an alliance forged in blood. The Kremlin answered with a letter of its own.")
GOOD2 = ("Analysts in Seoul said the exchange of letters showed how close the two governments "
         "have become since the troops were sent to the Kursk region last year.")
SECRET = "root:x:0:0:SECRET-OUTSIDE-MARKER:/root:/bin/bash"
SECRET_TEXT = (GOOD2 + "\n\n" + SECRET + "\n\n") * 2
OUTSIDE = "outside the corpus folder; not read"


def write_manifest(folder: Path, rows: list[tuple[str, str]]) -> None:
    """manifest.csv with (article_id, file) rows, one outlet per article."""
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "file", "outlet"])
        for article_id, file in rows:
            writer.writerow([article_id, file, f"Outlet {article_id}"])


def secret_file(root: Path) -> Path:
    """A private text file next to (not inside) the corpus folder."""
    outside = root / "private"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text(SECRET_TEXT, encoding="utf-8")
    return outside / "secret.txt"


def _corpus_folder(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "articles" / "good.txt").write_text(GOOD, encoding="utf-8")
    return corpus


# ---------------------------------------------------------------- routes out of the folder


def manifest_dotdot(root: Path) -> Path:
    secret_file(root)
    corpus = _corpus_folder(root)
    write_manifest(corpus, [("good", "articles/good.txt"), ("leak", "../private/secret.txt")])
    return corpus


def manifest_deep_dotdot(root: Path) -> Path:
    corpus = _corpus_folder(root)
    depth = len(corpus.resolve().parts)
    write_manifest(corpus, [("good", "articles/good.txt"),
                            ("leak", "../" * depth + "etc/passwd")])
    return corpus


def manifest_absolute(root: Path) -> Path:
    secret = secret_file(root)
    corpus = _corpus_folder(root)
    write_manifest(corpus, [("good", "articles/good.txt"), ("leak", str(secret.resolve()))])
    return corpus


def manifest_symlinked_file(root: Path) -> Path:
    secret = secret_file(root)
    corpus = _corpus_folder(root)
    os.symlink(secret, corpus / "articles" / "leak.txt")
    write_manifest(corpus, [("good", "articles/good.txt"), ("leak", "articles/leak.txt")])
    return corpus


def manifest_symlinked_folder(root: Path) -> Path:
    secret = secret_file(root)
    corpus = _corpus_folder(root)
    os.symlink(secret.parent, corpus / "articles" / "more", target_is_directory=True)
    write_manifest(corpus, [("good", "articles/good.txt"), ("leak", "articles/more/secret.txt")])
    return corpus


def manifest_symlinked_manifest(root: Path) -> Path:
    """manifest.csv itself a link to a manifest outside, which names an outside file."""
    secret = secret_file(root)
    write_manifest(secret.parent, [("leak", "secret.txt")])
    corpus = _corpus_folder(root)
    os.symlink(secret.parent / "manifest.csv", corpus / "manifest.csv")
    return corpus


def folder_symlinked_file(root: Path) -> Path:
    secret = secret_file(root)
    corpus = _corpus_folder(root)
    os.symlink(secret, corpus / "articles" / "leak.txt")
    return corpus


def folder_symlinked_folder(root: Path) -> Path:
    """No manifest; ``articles`` is a link to a folder outside."""
    secret = secret_file(root)
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(secret.parent, corpus / "articles", target_is_directory=True)
    return corpus


ROUTES = {name: builder for name, builder in globals().items()
          if name.startswith(("manifest_", "folder_")) and callable(builder)}


# ---------------------------------------------------------------- hostile records


def _jsonl(path: Path, lines: list[str | bytes]) -> Path:
    path.write_bytes(b"".join((x if isinstance(x, bytes) else x.encode()) + b"\n"
                              for x in lines))
    return path


def _good_json(article_id: str, text: str = GOOD, **fields) -> str:
    return json.dumps({"id": article_id, "outlet": "Outlet A", "text": text, **fields})


def _csv(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _row(*fields: str) -> bytes:
    """A CSV row; fields holding a comma are quoted (hostile quoting is written by hand)."""
    return ",".join(f'"{f}"' if "," in f and not f.startswith('"') else f
                    for f in fields).encode()


HEADER = b"id,outlet,text"
G1, G2, G3 = _row("g1", "A", GOOD), _row("g2", "B", GOOD2), _row("g3", "C", f'"{GOOD}"')

# name -> (builder(root) -> path, kept ids, [(line or None, reason fragment), ...])
RECORDS = {
    "jsonl_surrogate_text": (lambda r: _jsonl(r / "c.jsonl", [
        _good_json("g1"), '{"id": "s1", "outlet": "O", "text": "' + GOOD + ' \\ud800"}']),
        {"g1", "s1"}, [(2, "lone surrogate")]),
    "jsonl_surrogate_outlet": (lambda r: _jsonl(r / "c.jsonl", [
        _good_json("g1"), '{"id": "s1", "outlet": "\\ud800", "text": "' + GOOD2 + '"}']),
        {"g1", "s1"}, [(2, "lone surrogate")]),
    "jsonl_surrogate_key": (lambda r: _jsonl(r / "c.jsonl", [
        _good_json("g1"), '{"id": "s1", "\\udfff": "x", "text": "' + GOOD2 + '"}']),
        {"g1", "s1"}, [(2, "lone surrogate")]),
    "jsonl_deep_nesting": (lambda r: _jsonl(r / "c.jsonl", [
        _good_json("g1"), '{"id": "d", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        _good_json("g2", GOOD2)]),
        {"g1", "g2"}, [(2, "limits")]),
    "jsonl_5000_digit_id": (lambda r: _jsonl(r / "c.jsonl", [
        _good_json("g1"), '{"id": ' + "7" * 5000 + ', "text": "' + GOOD2 + '"}']),
        {"g1"}, [(2, "limits")]),
    "csv_5000_digit_id": (lambda r: _csv(r / "c.csv", [HEADER, G1, _row("9" * 5000, "B", GOOD2)]),
                          {"g1"}, [(3, "characters long")]),
    "csv_non_utf8_id": (lambda r: _csv(r / "c.csv", [HEADER, G1, b"id\xff," + _row("B", GOOD2)]),
                        {"g1", "id\u00ff"}, [(3, "not valid UTF-8")]),
    "csv_non_utf8_header": (lambda r: _csv(r / "c.csv", [b"id,outlet,text,x\xf9", G1 + b",1"]),
                            {"g1"}, [(1, "not valid UTF-8")]),
    "csv_nul_row": (lambda r: _csv(r / "c.csv", [HEADER, G1, _row("n", "B", "bad\x00row"), G3]),
                    {"g1", "g3"}, [(3, "NUL byte")]),
    "csv_unterminated_quote": (lambda r: _csv(r / "c.csv", [
        HEADER, G1, _row("bad", "B", '"' + GOOD2), G2]),
        {"g1", "g2"}, [(3, "unterminated quoted field"), (4, "inside the unterminated")]),
    "csv_unterminated_quote_closed_later": (lambda r: _csv(r / "c.csv", [
        HEADER, G1, _row("bad", "B", '"' + GOOD2), G2, G3]),
        {"g1", "g2", "g3"},
        [(3, "unterminated quoted field"), (4, "inside the unterminated"),
         (5, "inside the unterminated")]),
    "jsonl_empty": (lambda r: _jsonl(r / "c.jsonl", []), set(), [(None, "empty file")]),
    "csv_header_only": (lambda r: _csv(r / "c.csv", [HEADER]), set(), [(1, "no rows")]),
}


def _manifest_nul_row(root: Path) -> Path:
    corpus = _corpus_folder(root)
    (corpus / "articles" / "g2.txt").write_text(GOOD2, encoding="utf-8")
    _csv(corpus / "manifest.csv", [b"article_id,file,outlet", _row("good", "articles/good.txt", "A"),
                                   _row("nul", "articles/x\x00.txt", "B"),
                                   _row("g2", "articles/g2.txt", "C")])
    return corpus


def _manifest_header_only(root: Path) -> Path:
    corpus = _corpus_folder(root)
    write_manifest(corpus, [])
    return corpus


def _html_navigation_only(root: Path) -> Path:
    corpus = _corpus_folder(root)
    (corpus / "articles" / "nav.html").write_text(
        "<html><head><script>var a = 1; track();</script></head><body><nav><a href='/'>Home"
        "</a> <a href='/news'>News</a></nav><script>document.write('x')</script></body></html>",
        encoding="utf-8")
    write_manifest(corpus, [("good", "articles/good.txt"), ("nav", "articles/nav.html")])
    return corpus


RECORDS.update({
    "manifest_nul_row": (_manifest_nul_row, {"good", "g2"}, [(3, "NUL byte")]),
    "manifest_header_only": (_manifest_header_only, set(), [(1, "lists no articles")]),
    "html_navigation_only": (_html_navigation_only, {"good"}, [(None, "no article text")]),
})


def build_all(out: Path) -> None:
    for name, builder in ROUTES.items():
        (out / name).mkdir(parents=True)
        builder(out / name)
    for name, (builder, _, _) in RECORDS.items():
        (out / name).mkdir(parents=True)
        builder(out / name)


if __name__ == "__main__":
    build_all(Path(sys.argv[1]))
    print(f"built {len(ROUTES) + len(RECORDS)} hostile corpora in {sys.argv[1]}")
