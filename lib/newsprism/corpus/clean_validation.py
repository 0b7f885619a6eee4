"""Validate page-furniture cleaning on whole-page text (the ``pagetext`` development set).

Gold: ``$NEWSPRISM_SHARED/datasets/pagetext`` (853 web pages as browser plain text, with
hand-written ``keep`` strings of body text and ``remove`` strings of furniture; read in place,
never copied). Pages are split once by site into a *tuning* part and a *held-back* part
(:func:`pagetext_split`, ids in ``data/clean/pagetext_split.json``); rules and the fitted
model were tuned on the tuning part only, so the held-back figures are the honest ones.

A ``remove`` string counts as removed when its text (white space collapsed) is no longer in
the cleaned text; a ``keep`` string counts as kept when it still is. Cleaned lines are joined
by one space for this test, so strings that span several lines are found too.

Baselines: no cleaning at all (0% removed, 100% kept) and the cleaner as it was before
issue 20 (4.9% removed, 100% kept on all 853 pages, from the dataset's README).

>>> rates = score_page("A b c.\\nMenu", "A b c.", keep=["A b c."], remove=["Menu"])
>>> rates["removed"], rates["kept"]
(1, 1)
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from newsprism.core import paths

PAGETEXT = paths.SHARED / "datasets" / "pagetext"
SPLIT_FILE = paths.PACKAGE_DATA / "clean" / "pagetext_split.json"
SPLIT_SEED = "newsprism-issue20"
HELD_BACK_SHARE = 0.3  # of sites, by a hash of the seed and the site name
COLUMNS = ["measure", "dataset", "split", "engine", "metric", "value", "n", "reference",
           "status"]
FLOORS = {"furniture_removed": 0.80, "body_kept": 0.99}


def site_of(url: str, source_file: str) -> str:
    """The site a page comes from (host without "www.", archived pages by their own host).

    >>> site_of("https://web.archive.org/web/2019/https://www.taz.de/x", "")
    'taz.de'
    >>> site_of("hard::dw.com.colonial.html", "dw.com.colonial.html")
    'dw.com'
    """
    if url.startswith("http"):
        parsed = urlparse(url)
        if parsed.netloc == "web.archive.org":
            inner = re.search(r"https?://([^/]+)", parsed.path)
            host = inner.group(1) if inner else parsed.netloc
        else:
            host = parsed.netloc
    else:
        host = re.split(r"[-_/]", source_file or url.split("::")[-1])[0]
    host = host.lower().split(":")[0].removeprefix("www.")
    return ".".join(host.split(".")[:2]) if not url.startswith("http") else host


def make_split(gold: dict) -> dict[str, list[str]]:
    """Page ids per part: a site is held back when sha256(seed + site) falls in the share."""
    parts: dict[str, list[str]] = {"tuning": [], "held_back": []}
    for page_id, record in sorted(gold.items()):
        site = site_of(record.get("url", ""), record.get("source_file", ""))
        digest = int(hashlib.sha256(f"{SPLIT_SEED}:{site}".encode()).hexdigest()[:8], 16)
        part = "held_back" if digest / 0xFFFFFFFF < HELD_BACK_SHARE else "tuning"
        parts[part].append(page_id)
    return parts


def pagetext_split() -> dict[str, list[str]]:
    """The recorded split (``tuning`` and ``held_back`` page ids, e.g. "2c1f41b0c9f4.txt")."""
    return json.loads(SPLIT_FILE.read_text(encoding="utf-8"))["parts"]


def load_pagetext(part: str | None = None, root: Path = PAGETEXT) -> list[dict]:
    """Pages of one part ("tuning", "held_back" or None for all): dicts with ``page_id``,
    ``site``, ``text``, ``keep``, ``remove``. Empty list when the dataset is absent."""
    gold_file = root / "gold.json"
    if not gold_file.is_file():
        return []
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    ids = sorted(gold) if part is None else pagetext_split()[part]
    return [{"page_id": page_id, "site": site_of(gold[page_id]["url"],
                                                 gold[page_id]["source_file"]),
             "text": (root / "text" / page_id).read_text(encoding="utf-8"),
             "keep": gold[page_id]["keep"], "remove": gold[page_id]["remove"]}
            for page_id in ids]


def _norm(text: str) -> str:
    return " ".join(text.split())


def score_page(raw: str, cleaned: str, keep: list[str], remove: list[str]) -> dict[str, int]:
    """Counts for one page: ``kept`` of ``n_keep`` body strings, ``removed`` of ``n_remove``
    furniture strings (strings absent from the raw text are not counted)."""
    raw_n, cleaned_n = _norm(raw), _norm(cleaned)
    keep_n = [k for k in map(_norm, keep) if k and k in raw_n]
    remove_n = [r for r in map(_norm, remove) if r and r in raw_n]
    return {"n_keep": len(keep_n), "kept": sum(k in cleaned_n for k in keep_n),
            "n_remove": len(remove_n), "removed": sum(r not in cleaned_n for r in remove_n)}


def pooled_counts(rows: list[dict], removed: list[set[int]]) -> dict[str, int]:
    """:func:`score_page` counts pooled over ``rows`` (each with its ``lines`` and its gold
    ``page``: ``text``, ``keep``, ``remove``) when the line indexes in ``removed`` are cut.

    >>> page = {"text": "Menu\\nBody text here.", "keep": ["Body text"], "remove": ["Menu"]}
    >>> pooled_counts([{"lines": ["Menu", "Body text here."], "page": page}], [{0}])
    {'n_keep': 1, 'kept': 1, 'n_remove': 1, 'removed': 1}
    """
    totals = {"n_keep": 0, "kept": 0, "n_remove": 0, "removed": 0}
    for row, cut in zip(rows, removed, strict=True):
        kept = "\n".join(line for k, line in enumerate(row["lines"]) if k not in cut)
        page = row["page"]
        for key, value in score_page(page["text"], kept, page["keep"], page["remove"]).items():
            totals[key] += value
    return totals


def score_pages(pages: list[dict], clean_pages) -> dict[str, float]:
    """Pooled rates over pages; ``clean_pages(pages) -> list of cleaned texts``."""
    totals = {"n_keep": 0, "kept": 0, "n_remove": 0, "removed": 0}
    for page, cleaned in zip(pages, clean_pages(pages), strict=True):
        for key, value in score_page(page["text"], cleaned, page["keep"],
                                     page["remove"]).items():
            totals[key] += value
    return {**totals, "body_kept": totals["kept"] / max(totals["n_keep"], 1),
            "furniture_removed": totals["removed"] / max(totals["n_remove"], 1)}


def label_lines(page: dict) -> tuple[list[str], list[int | None], list[list[int]]]:
    """Stripped non-blank lines of a page, a label per line (1 furniture: inside a remove
    string and no keep string; 0 body: inside a keep string; None: unknown) and, per keep
    string found, the indices of its lines."""
    lines = [line.strip() for line in page["text"].split("\n") if line.strip()]
    spans, pos = [], 0
    for line in lines:
        normalised = _norm(line)
        spans.append((pos, pos + len(normalised)))
        pos += len(normalised) + 1
    joined = " ".join(_norm(line) for line in lines)

    def lines_of(string: str) -> list[list[int]]:
        found, start = [], joined.find(string)
        while start >= 0:
            end = start + len(string)
            found.append([j for j, (a, b) in enumerate(spans) if a < end and b > start])
            start = joined.find(string, start + 1)
        return found

    labels: list[int | None] = [None] * len(lines)
    for string in filter(None, map(_norm, page["remove"])):
        for group in lines_of(string):
            for j in group:
                labels[j] = 1
    keep_groups = []
    for string in filter(None, map(_norm, page["keep"])):
        groups = lines_of(string)
        if groups:
            keep_groups.append(sorted({j for group in groups for j in group}))
        for group in groups:
            for j in group:
                labels[j] = 0
    return lines, labels, keep_groups


# Rules added by issue 20: switched off, the cleaner is the one before it (the baseline).
NEW_RULES = frozenset({"url_line", "handle_line", "timestamp_line", "end_mark", "tag_list",
                       "outlet_template", "corpus_template", "repeated_lead", "line_model",
                       "related_phrase", "share_phrase", "comments_phrase", "subscribe_phrase",
                       "site_phrase", "outside_body", "tweet_markup", "code_line"})
ENGINES = {
    "no cleaning": {"cleaning": "off"},
    "rules before issue 20": {"cleaning": "default", "disabled_rules": NEW_RULES},
    "newsprism default": {"cleaning": "default"},
    "newsprism strict": {"cleaning": "strict"},
}


def clean_with(engine: str):
    """``clean_pages`` function for :func:`score_pages` for one of ``ENGINES``: the pages of
    one part are cleaned as one corpus (each site an outlet), so lines recurring across them
    are counted within that part only."""
    from newsprism.corpus.clean import clean_text
    from newsprism.corpus.clean_rules import CORPUS_KEY, recurring_lines

    settings = ENGINES[engine]

    def clean_pages(pages: list[dict]) -> list[str]:
        recurring = recurring_lines([p["text"] for p in pages], [p["site"] for p in pages])
        if settings["cleaning"] == "off":
            recurring = {}
        return [clean_text(page["text"], page["page_id"], **settings,
                           recurring=recurring.get(page["site"], frozenset()),
                           corpus_recurring=recurring.get(CORPUS_KEY, frozenset())).text
                for page in pages]
    return clean_pages


def validate_cleaning(quick: bool = False, parts: tuple[str, ...] = ("tuning", "held_back")
                      ) -> pd.DataFrame:
    """Share of furniture strings removed and of body strings kept, per part and engine.

    Columns: ``VALIDATION_COLUMNS`` of :mod:`newsprism.core.validate`; ``split`` is "tuning"
    (in-sample: the rules and the model were tuned on it) or "held_back" (sites never tuned
    on). ``quick`` scores every fourth page.
    """
    rows = []
    for part in parts:
        pages = load_pagetext(part)
        if not pages:
            return pd.DataFrame([{"measure": "cleaning", "dataset": "pagetext", "split": part,
                                  "status": f"gold data not available ({PAGETEXT})"}],
                                columns=COLUMNS)
        pages = pages[::4] if quick else pages
        for engine in ENGINES:
            result = score_pages(pages, clean_with(engine))
            for metric, n in (("furniture_removed", "n_remove"), ("body_kept", "n_keep")):
                floor = FLOORS[metric]
                value = result[metric]
                status = ("ok" if value >= floor else "below floor") \
                    if engine.startswith("newsprism") else "baseline"
                rows.append({"measure": "cleaning", "dataset": f"pagetext ({len(pages)} pages)",
                             "split": part, "engine": engine, "metric": metric,
                             "value": round(value, 4), "n": result[n],
                             "reference": f"floor {floor:.2f} (issue 20)", "status": status})
    return pd.DataFrame(rows, columns=COLUMNS)
