"""Census of the speakers the quotes table gives (issue 18: "never a guess that a reader would
catch"): every distinct canonical speaker of speech quotations, with its count, type and rule,
classified by shape, on four corpora that are not gold dev:

- ``polnear``: PolNeAR TRAIN texts (dev is never read here);
- ``pagetext``: the pagetext TUNING pages only (``pagetext_split.json``; never the held-back
  part), loaded and cleaned as a corpus, English pages only (quotes are English-only);
- ``bundled``: the bundled corpus;
- ``synth``: a ``bench/synth.py --no-polnear`` corpus (sentences of the bundled corpus).

    python bench/speaker_sanity.py [--out speakers.csv] [--synth-articles 300]

Shapes (words, not a model; ``shape``): ``name`` (a capitalised name: person or organisation),
``description`` ('a senior official', 'Richmond police', 'critics'), ``pronoun`` (a pronoun
left unresolved), ``document`` (speaker_type document), and ``nonsense:<kind>``: a fault of
the last check (``newsprism.quotes.plausible``: determiner, adverbial, question, headline,
compound-adjective, clause) or ``generic`` ('the author', 'the writer': not always the
person quoted). The census of issue 18 read the lists by hand besides: a capitalised common
word ('Virus', 'Foreign') reads as a name here. Prints the counts per corpus and shape and
writes one row per corpus and distinct speaker to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from newsprism.corpus import load_corpus
from newsprism.corpus.clean_validation import load_pagetext
from newsprism.corpus.language import is_english
from newsprism.quotes.actors import load_actors
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.plausible import implausible
from newsprism.quotes.validation import load_polnear

_PRONOUN = re.compile(r"(?i)(?:he|she|they|it|we|i|you|him|her|them|his|its|their|who|which)$")
_NAME_PARTICLES = frozenset("of de del der di da du la le van von bin al and".split())
_GENERIC = re.compile(r"(?i)(?:the |this |your )?(?:author|writer|reporter|narrator|"
                      r"undersigned|user|poster|commenter|editor)s?$")


def speaker_shape(speaker: str, speaker_type: str) -> str:
    """The shape of one canonical speaker (module docstring): ``name``, ``description``,
    ``pronoun``, ``document`` or ``nonsense:<kind>`` (a fault of ``quotes.plausible``, or
    ``generic``)."""
    if _PRONOUN.fullmatch(speaker.strip()):
        return "pronoun"
    if _GENERIC.fullmatch(speaker.strip()):
        return "nonsense:generic"
    fault = implausible(speaker)
    if fault:
        return f"nonsense:{fault}"
    if speaker_type == "document":
        return "document"
    if speaker[:1].isupper() and not re.match(r"(?:The|A|An|Some|Many|One|Two|Three)\b",
                                              speaker) and all(
            w[:1].isupper() or w in _NAME_PARTICLES for w in speaker.split()):
        return "name"
    return "description"  # descriptions keep their written case ('Richmond police')


def _texts_polnear() -> list[str]:
    return [a.text for a in load_polnear("train")]


def _corpus_texts(corpus) -> list[str]:
    arts = corpus.articles
    return [t for t, lang in zip(arts["text"], arts["language"], strict=True) if is_english(lang)]


def _texts_pagetext() -> list[str]:
    pages = load_pagetext("tuning")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pt.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for page in pages:
                fh.write(json.dumps({"article_id": page["page_id"], "outlet": page["site"],
                                     "text": page["text"]}) + "\n")
        return _corpus_texts(load_corpus(path))


def _texts_bundled() -> list[str]:
    return _corpus_texts(load_corpus())


def _texts_synth(n: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synth.jsonl"
        subprocess.run([sys.executable, str(Path(__file__).with_name("synth.py")), "--articles",
                        str(n), "--out", str(path), "--no-polnear"], check=True,
                       capture_output=True)
        return _corpus_texts(load_corpus(path))


def speakers(texts: list[str], registry) -> pd.DataFrame:
    """One row per distinct speech speaker of ``texts``: speaker, speaker_type, rule (the most
    frequent), n (speech quotations), shape."""
    rows = [(q.speaker, q.speaker_type, q.rule) for text in texts
            for q in extract_quotes(text, registry) if q.kind == "speech" and q.speaker]
    if not rows:
        return pd.DataFrame(columns=["speaker", "speaker_type", "rule", "n", "shape"])
    frame = pd.DataFrame(rows, columns=["speaker", "speaker_type", "rule"])
    out = frame.groupby("speaker").agg(
        speaker_type=("speaker_type", lambda s: s.mode().iloc[0]),
        rule=("rule", lambda s: s.mode().iloc[0]), n=("rule", "size")).reset_index()
    out["shape"] = [speaker_shape(s, t) for s, t in zip(out["speaker"], out["speaker_type"],
                                                        strict=True)]
    return out.sort_values("n", ascending=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out")
    parser.add_argument("--synth-articles", type=int, default=300)
    args = parser.parse_args()
    registry = load_actors()
    sources = {"polnear": _texts_polnear, "pagetext": _texts_pagetext,
               "bundled": _texts_bundled,
               "synth": lambda: _texts_synth(args.synth_articles)}
    tables = []
    for name, texts_of in sources.items():
        t0 = time.perf_counter()
        table = speakers(texts_of(), registry).assign(corpus=name)
        tables.append(table)
        kind = table["shape"].str.split(":").str[0]
        print(f"{name}: {len(table)} distinct speakers, {int(table['n'].sum())} quotations "
              f"({time.perf_counter() - t0:.0f} s)")
        print("  distinct by shape:", table.groupby("shape").size().to_dict())
        print("  quotations by shape:", table.groupby(kind)["n"].sum().to_dict())
        for rec in table[kind == "nonsense"].head(30).to_dict("records"):
            print(f"    {rec['n']:4d} {rec['shape']:20s} {rec['rule']:24s} {rec['speaker']!r}")
    if args.out:
        pd.concat(tables, ignore_index=True).to_csv(args.out, index=False)


if __name__ == "__main__":
    main()
