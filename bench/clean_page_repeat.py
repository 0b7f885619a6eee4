"""Issue 20 experiment (clean9, not shipped): short lines repeated within one page as furniture.

Usage: ``.venv/bin/python bench/clean_page_repeat.py``. Tuning part of pagetext only, in-sample
(a hand rule; the held-back part is never read).

The rule tried, ``page_repeat``: a short line (at most ``W`` words, no sentence end) that occurs
at least ``K`` times among the non-blank lines of one page is furniture, every copy ("URL zum
Kopieren" x33, "ReplyDelete", "Antworten", "Reply", per-teaser widgets). Options, each a guard
against a kind of body text measured on the tuning gold keep strings:

- ``gate``: only when the line model scores every copy at least this (0.5): "Vollständig
  durchgerechnete Lösung" after each worked exercise, result tables ("LG Staufen"), recipe
  lines printed twice, code lines repeated in a tutorial all score low somewhere.
- ``exact``: copies must match with case ("CPU Gameplay Customisation" in the menu is not the
  "CPU GAMEPLAY CUSTOMISATION" table heading); otherwise white space collapsed and case folded.
- ``heading``: no copy is followed by a prose line (at least 8 words ending a sentence): a
  subhead that is also a menu item ("Anreise"), a label before an answer.
- ``refrain``: no two copies within 3 lines of each other ("Repeat Chorus" between verses).
- ``headline``: the cleaner's headline (first line kept by the rules) is left to the
  ``repeated_headline`` rule, which keeps its first copy (issue 20: "keep the first copy").

The removals are added to the shipped cleaner's output at each level (the rule would run
before the line model, which scores every line whatever the rules removed, so the other
removals are unchanged). Printed per setting: furniture strings removed and body strings kept
at ``default`` and ``strict`` and body strings lost against the shipped cleaner; then the bar
set in advance (+2 points at ``default``, no body string lost).
"""

from __future__ import annotations

from collections import Counter

from newsprism.corpus.clean import clean_texts
from newsprism.corpus.clean_lines import scores_and_regions
from newsprism.corpus.clean_rules import CORPUS_KEY, ends_sentence, line_key, recurring_lines
from newsprism.corpus.clean_validation import load_pagetext, score_page

LEVELS = ("default", "strict")
PROSE_WORDS = 8
REFRAIN_GAP = 3
BAR_POINTS = 2.0


def shipped(pages: list[dict]) -> dict:
    """Per page: cleaned text at each level, non-blank lines, line scores, headline."""
    recurring = recurring_lines([p["text"] for p in pages], [p["site"] for p in pages])
    kwargs = {"recurring": [recurring.get(p["site"], frozenset()) for p in pages],
              "corpus_recurring": recurring.get(CORPUS_KEY, frozenset())}
    texts = [p["text"] for p in pages]
    found = {level: [r.text for r in clean_texts(texts, cleaning=level, **kwargs)]
             for level in LEVELS}
    rules_only = clean_texts(texts, disabled_rules={"line_model", "outside_body"}, **kwargs)
    found["headline"] = [" ".join(r.text.split("\n\n")[0].split()) for r in rules_only]
    found["lines"] = [[s for s in map(str.strip, p["text"].split("\n")) if s] for p in pages]
    found["scores"] = [scores[0].tolist() for scores in scores_and_regions(found["lines"])]
    return found


def _prose(line: str) -> bool:
    return len(line.split()) >= PROSE_WORDS and ends_sentence(line)


def repeated_keys(lines: list[str], scores: list[float], headline: str, k: int, words: int,
                  gate: float | None = None, exact: bool = False, heading: bool = False,
                  refrain: bool = False, keep_headline: bool = False) -> set[str]:
    """The keys of the lines ``page_repeat`` removes on one page (every copy)."""
    keys = [" ".join(line.split()) if exact else line_key(line) for line in lines]
    counts = Counter(keys)
    guarded, lowest, last = set(), {}, {}
    for i, key in enumerate(keys):
        if counts[key] < k:
            continue
        line = lines[i]
        lowest[key] = min(lowest.get(key, 1.0), scores[i])
        if len(line.split()) > words or ends_sentence(line) \
                or heading and i + 1 < len(lines) and _prose(lines[i + 1]) \
                or refrain and key in last and i - last[key] <= REFRAIN_GAP:
            guarded.add(key)
        last[key] = i
    if keep_headline and headline:
        guarded.add(headline if exact else headline.casefold())
    return {key for key, n in counts.items() if n >= k and key not in guarded
            and (gate is None or lowest[key] >= gate)}


def evaluate(pages: list[dict], found: dict, **setting) -> dict[str, tuple[float, float, int]]:
    """(furniture removed, body kept, body strings kept) per level with the rule added."""
    result = {}
    for level in LEVELS:
        totals = Counter()
        for n, page in enumerate(pages):
            keys = repeated_keys(found["lines"][n], found["scores"][n], found["headline"][n],
                                 **setting) if setting else set()
            key_of = (lambda s: " ".join(s.split())) if setting.get("exact") else line_key
            kept = [s for s in found[level][n].split("\n\n") if key_of(s) not in keys]
            totals.update(score_page(page["text"], "\n\n".join(kept), page["keep"],
                                     page["remove"]))
        result[level] = (totals["removed"] / totals["n_remove"], totals["kept"] / totals["n_keep"],
                         totals["kept"])
    return result


SETTINGS = [
    *({"k": k, "words": w} for k in (2, 3, 5) for w in (2, 4, 8)),
    *({"k": k, "words": w, "gate": 0.5} for k in (2, 3) for w in (4, 8, 12)),
    {"k": 2, "words": 12, "gate": 0.5, "exact": True},
    {"k": 2, "words": 12, "gate": 0.5, "exact": True, "heading": True},
    {"k": 2, "words": 12, "gate": 0.5, "exact": True, "heading": True, "refrain": True},
    {"k": 2, "words": 12, "gate": 0.4, "exact": True, "heading": True, "refrain": True},
    {"k": 2, "words": 12, "gate": 0.5, "exact": True, "heading": True, "refrain": True,
     "keep_headline": True},
]


def main() -> None:
    pages = load_pagetext("tuning")
    found = shipped(pages)
    base = evaluate(pages, found)
    print(f"tuning part, in-sample: {len(pages)} pages")
    print("setting | default removed / kept (lost) | strict removed / kept (lost)")
    for setting in [{}, *SETTINGS]:
        got = evaluate(pages, found, **setting) if setting else base
        cells = [f"{100 * got[lv][0]:.2f}% / {100 * got[lv][1]:.2f}% "
                 f"({base[lv][2] - got[lv][2]})" for lv in LEVELS]
        name = ", ".join(f"{key}={value}" for key, value in setting.items()) or "shipped"
        points = 100 * (got["default"][0] - base["default"][0])
        met = points >= BAR_POINTS and got["default"][2] >= base["default"][2]
        print(f"{name} | {cells[0]} | {cells[1]} | +{points:.2f} points, bar "
              f"{'met' if met else 'not met'}")


if __name__ == "__main__":
    main()
