"""TextBlob's pattern scorer for one line of plain text, same numbers, ~2.5x faster (used by
``newsprism.sentiment.engines._fast_pattern``, which documents why the shortcut is exact).

:func:`build_scorer` returns ``score(text) -> (polarity, subjectivity)``, or ``None`` for a text
that must go through TextBlob itself.
"""

from __future__ import annotations

from collections.abc import Callable


def build_scorer(pattern, loaded, memo_max: int) -> Callable[[str], tuple | None] | None:
    """The fast scorer over ``loaded`` (a loaded ``textblob.en.sentiment``) and ``pattern``
    (``textblob._text``); None if TextBlob is not the expected version."""
    tokenizer = getattr(loaded.tokenizer, "__func__", loaded.tokenizer)
    if tokenizer not in (pattern.find_tokens, pattern.Parser.find_tokens) \
            or None in loaded.modifiers:
        return None
    token_memo: dict[str, tuple[str, tuple, bool]] = {}
    token_entry = _token_entries(pattern, loaded, token_memo, memo_max)
    eos, sarcasm, emoticons = pattern.EOS, pattern.RE_SARCASM, pattern.RE_EMOTICONS
    is_modifier = loaded.modifier

    def score(text: str) -> tuple[float, float] | None:
        if "\n" in text or eos in text:
            return None
        get = token_memo.get
        entries = [get(t) or token_entry(t) for t in text.split()]
        joined = " ".join([e[0] for e in entries if e[0]])
        if sarcasm.search(joined) or emoticons.search(joined):
            return None  # rewrites that depend on TextBlob's sentence split
        if not any([e[2] for e in entries]):
            return (0.0, 0.0)  # nothing assessed: TextBlob's score of an empty assessment
        return _average(_assessments(entries, is_modifier))

    return score


def _token_entries(pattern, loaded, token_memo: dict, memo_max: int):
    """``token_entry(raw)``: a whitespace token's (tokens joined by spaces, word infos, scores
    anything?), memoised in ``token_memo``."""
    replacements = dict(pattern.replacements)
    replace_items = [*replacements.items(), ("“", " “ "), ("”", " ” "), ("‘", " ‘ "),
                     ("’", " ’ "), ("'", " ' "), ('"', ' " ')]
    split_token = _token_splitter(pattern, replacements)
    word_info = _word_informant(pattern, loaded)

    def token_entry(raw: str) -> tuple[str, tuple, bool]:
        string = raw
        for a, b in replace_items:  # re.sub of a literal pattern = str.replace
            string = string.replace(a, b)
        tokens = [piece for t in string.split() for piece in split_token(t)]
        infos = tuple(word_info(t.lower()) for t in tokens)
        scores = any(i[1] is not None or i[0] == "(!)" or i[5] is not None for i in infos)
        if len(token_memo) > memo_max:
            token_memo.clear()
        entry = token_memo[raw] = (" ".join(tokens), infos, scores)
        return entry

    return token_entry


def _token_splitter(pattern, replacements: dict):
    """``find_tokens``' per-token punctuation loop, verbatim."""
    punctuation = tuple(pattern.PUNCTUATION.replace(".", ""))
    trailing = punctuation + (".",)
    abbreviations = pattern.ABBREVIATIONS
    abbr1, abbr2, abbr3 = pattern.RE_ABBR1, pattern.RE_ABBR2, pattern.RE_ABBR3

    def split_token(t: str) -> list[str]:
        tokens, tail = [], []
        while t.startswith(punctuation) and t not in replacements:
            if t.startswith(punctuation):
                tokens.append(t[0])
                t = t[1:]
        while t.endswith(trailing) and t not in replacements:
            if t.endswith(punctuation):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if (t in abbreviations or abbr1.match(t) is not None
                        or abbr2.match(t) is not None or abbr3.match(t) is not None):
                    break
                tail.append(t[-1])
                t = t[:-1]
        if t != "":
            tokens.append(t)
        tokens.extend(reversed(tail))
        return tokens

    return split_token


def _word_informant(pattern, loaded):
    """``word_info(w)``: what ``assessments`` asks of the lower-cased word ``w``: (w, lexicon
    entry, is a negation, ``len(w.strip("'")) > 1``, ``len(w) > 2``, emoticon polarity or None)."""
    modifiers, negations = loaded.modifiers, loaded.negations
    all_punctuation = pattern.PUNCTUATION
    emoticon_sets = [(p, {e.lower() for e in e_set})
                     for (_type, p), e_set in pattern.EMOTICONS.items()]
    # word -> (p, s, i, modifies-next) for entries with an untagged reading (all of them).
    lexicon = {}
    for word, entry in dict.items(loaded):
        if None in entry:
            p, s, i = entry[None]
            lexicon[word] = (p, s, i, any(map(entry.__contains__, modifiers)))

    def word_info(w: str) -> tuple:
        emoticon = None
        if w.isalpha() is False and len(w) <= 5 and w not in all_punctuation:
            emoticon = next((p for p, e_set in emoticon_sets if w in e_set), None)
        return (w, lexicon.get(w), w in negations, len(w.strip("'")) > 1, len(w) > 2, emoticon)

    return word_info


def _assessments(entries: list, is_modifier) -> list[list]:
    """``Sentiment.assessments(words, negation=True)`` with pos None: the same loop, keeping
    only [p, s, i, n] of each assessment (the words and labels do not enter the score)."""
    a: list[list] = []
    m = n = None
    for e in entries:
        for w, entry, negation, long_stripped, long, emoticon in e[1]:
            if entry is not None:
                p, s, i, modifies = entry
                if m is None:
                    a.append([p, s, i, 1])
                if m is not None:
                    last = a[-1]
                    last[0] = max(-1.0, min(p * last[2], +1.0))
                    last[1] = max(-1.0, min(s * last[2], +1.0))
                    last[2] = i
                if n is not None:
                    last = a[-1]
                    last[2] = 1.0 / last[2]
                    last[3] = -1
                m = None
                n = None
                if modifies:
                    m = w
                if negation:
                    n = w
            else:
                if negation:
                    n = w
                elif n and long_stripped:
                    n = None
                if n is not None and m is not None and is_modifier(m):
                    a[-1][3] = -1
                    n = None
                elif m and long:
                    m = None
                if w == "!" and len(a) > 0:
                    a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
                if w == "(!)":
                    a.append([0.0, 1.0, 1.0, 1])
                if emoticon is not None:
                    a.append([emoticon, 1.0, 1.0, 1])
    return a


def _average(a: list[list]) -> tuple[float, float]:
    """The score: plain averages of the (negation-adjusted) polarity and the subjectivity."""
    polarity = subjectivity = 0
    for p, s, _i, n_ in a:
        polarity += 1 * (p * -0.5 if n_ < 0 else p)
        subjectivity += 1 * s
    count = float(len(a) or 1)
    return (polarity / count, subjectivity / count)
