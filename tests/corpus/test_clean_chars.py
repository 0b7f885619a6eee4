"""Page-wide character lookups give what the per-line regular expressions give."""

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.corpus import clean, clean_lines
from newsprism.corpus.clean_chars import Page, in_class
from newsprism.corpus.clean_rules import ends_sentence

# Letters, capitals, digits, white space of several kinds, URL parts, CJK, an astral letter.
_ALPHABET = list("aZ É1_ .,:@#w/ht\u00a0\u2003\t\x0b\x1cé中") + ["www.", ".com", "http", "𝐀",
                                                                  ".de", "\ud7ff"]
_LINES = st.lists(st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=12).map(
    lambda parts: "".join(parts).strip() or "x"), min_size=1, max_size=8)


@pytest.mark.parametrize("pattern", [r"[^\W\d_a-zà-ÿ]", r"\s", r"\d"])
def test_in_class_agrees_with_re_on_every_code_point(pattern):
    codes = np.arange(0x110000, dtype=np.uint32)[::97]  # every 97th, astral and surrogates too
    compiled = re.compile(pattern)
    expected = [compiled.fullmatch(chr(c)) is not None for c in codes.tolist()]
    assert in_class(codes, pattern).tolist() == expected


@settings(max_examples=200, deadline=None)
@given(_LINES)
def test_capitals_and_urls_match_the_per_line_patterns(lines):
    features = clean_lines.line_features(lines)
    words = np.maximum([line.count(" ") + 1 for line in lines], 1)
    capitals = [len(re.findall(r"(?<![^\s])[^\W\d_a-zà-ÿ]", line)) for line in lines]
    url = [re.search(r"https?://|www\.|\.(?:com|org|net|de|html?|php)\b|[@#]\w", line)
           is not None for line in lines]
    column = clean_lines.FEATURES.index
    assert features[:, column("capital_share")].tolist() == (np.asarray(capitals) / words).tolist()
    assert features[:, column("url_like")].tolist() == [float(u) for u in url]


def test_page_counts_per_line():
    page = Page(["Kim Jong Un", "wrote", "to Putin 𝐀"])
    assert page.count_per_line(page.word_starts(r"[A-Z]")).tolist() == [3, 0, 1]
    assert page.lines_with(page.one_of("𝐀")).tolist() == [False, False, True]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("a .!?。！？…\"'”’»)\n"), max_size=8))
def test_ends_sentence_is_the_anchored_pattern(text):
    assert ends_sentence(text) == (re.search(r"[.!?。！？][\"'”’»)]*$", text) is not None)
    assert ends_sentence(text, ".!?。！？…") == (
        re.search(r"[.!?。！？…][\"'”’»)]*$", text) is not None)


_RULE_WORDS = ["Photo", "by", "AP", "logo", "The", "Swamp", "All", "rights", "reserved", ".",
               "©", "2026", "Read", "more", ":", "Leave", "a", "reply", "By", "Jane", "Doe",
               "Credit", "(", ")", "|", "Published", "ago", "Tags", "x", "ſ"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_RULE_WORDS), min_size=1, max_size=9))
def test_line_rule_is_the_first_whole_line_rule(words):
    """The pre-checks that skip costly rules never change which rule matches first."""
    line = " ".join(words)
    expected = None
    for name, pattern in clean.LINE_RULES:
        if re.fullmatch(pattern, line):
            expected = name
            break
    assert clean.line_rule(line) == expected


# Pieces of furniture and body lines in several scripts, for the batch-versus-line checks.
_PIECES = ["Teilen", "Share", "this", "Impressum", "Kommentare", "(12)", ":", "|", " ", "  ",
           "\t", "\u00a0", "Lea también", "Mehr zum Thema", "-", "…", "...", "www.x.com",
           "@kcna", "#Korea", "2026-01-02", "10:15", "(END)", "a", "Body", "text.", ",",
           "ΟΔΟΣ", "İstanbul", "中文", "ß", "𝐀", "1.", "politics", "Σ", "é", "Getty", "Images", " via ",
           "Reuters", "/", "Scott Olson", "end", "friend", "ends", "<tweet", "END", "www.",
           "<div", ">", "</div>", "<", "{", "}", "=", ";", '="x"', "<!--", "-->", "<![endif]",
           "function(", "window.", "=>", "var x", "()", "<3", "[if IE 9]>"]
_PIECE_LINES = st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map(
    lambda parts: "".join(parts).strip() or "x"), min_size=1, max_size=10)


@settings(max_examples=300, deadline=None)
@given(_PIECE_LINES)
def test_batch_rules_give_the_per_line_rules(lines):
    """The rules run over a page's lines at once say what they say line by line."""
    from newsprism.corpus.clean_phrases import phrase_rule, phrase_rules
    from newsprism.corpus.clean_rules import shape_rule, shape_rules

    assert shape_rules(lines) == [shape_rule(line) for line in lines]
    assert phrase_rules(lines) == [phrase_rule(line) for line in lines]
    assert clean._line_rules(lines) == [clean.line_rule(line) for line in lines]


@settings(max_examples=300, deadline=None)
@given(_PIECE_LINES)
def test_page_lengths_and_word_scores_give_the_per_line_values(lines):
    page = Page(lines)
    assert page.lengths.tolist() == [len(line) for line in lines]
    assert clean_lines.effective_lengths(lines).tolist() == [
        clean_lines.effective_length(line) for line in lines]
    weights = {"teilen": 1.5, "share": 2.0, "this": -0.5, "body": -1.0, "σ": 0.25,
               "οδοσ": 3.0, "i̇stanbul": 0.75, "中文": 0.5, "ß": 0.125}
    expected = [sum(weights.get(word, 0.0) for word in clean_lines.line_words(line))
                for line in lines]
    assert clean_lines.word_scores(lines, weights).tolist() == pytest.approx(expected)


# Whole lines that line rules, shape rules and phrases remove, body lines, and blank lines.
_RULED_LINES = ["The Swamp logo", "By Jane Doe", "By Kim Jong", "By", "Share this", "Teilen",
                "Kommentare (12)", "2026-01-02", "@kcna", "Body text here.", "politics", "",
                "Read more: Kim writes", "Privacy Policy", "Photo by KCNA/EPA", "Mehr zum Thema",
                "A sentence, with a comma.", "www.x.com", "Impressum", "(END)", "Site logo",
                "Published 2 days ago", "5 min read", "</div>", "window.x = 1;"]
_RULED_PAGES = st.lists(st.sampled_from(_RULED_LINES), min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(_RULED_PAGES, st.sets(st.sampled_from(["share_phrase", "imprint_phrase", "url_line",
                                                "code_line"])))
def test_page_wide_rule_paths_give_the_line_by_line_walk(stripped, disabled):
    """A page without block headers and without recurring lines takes the page-wide paths
    (``map`` over the lines); they leave the rules, logos and author the walk leaves."""
    distinct = list(set(stripped))
    header = {line: clean._BLOCK_HEADER.fullmatch(line) for line in distinct}
    rule_of = dict(zip([s for s in distinct if s], clean._line_rules([s for s in distinct if s]),
                       strict=True))
    walked, fast = [None] * len(stripped), [None] * len(stripped)
    assert clean._rules_without_blocks(stripped, fast, rule_of) \
        == clean._walk_blocks(stripped, walked, header, rule_of)
    assert fast == walked
    todo = list({s for s, rule in zip(stripped, walked, strict=True) if s and rule is None})
    shapes = dict(zip(todo, clean.shape_rules(todo, disabled), strict=True))
    rest = [s for s in todo if shapes[s] is None]
    phrases = dict(zip(rest, clean.phrase_rules(rest), strict=True))
    fast_shapes, walked_shapes = list(walked), list(walked)
    clean._shape_and_phrase_rules(stripped, fast_shapes, shapes, phrases, disabled)
    clean._walk_recurring(stripped, walked_shapes, shapes, phrases, frozenset(), frozenset(),
                          disabled)
    assert fast_shapes == walked_shapes


def _headline_copies_line_by_line(stripped, rules):
    """Copies of the headline anywhere, of the lead before any other paragraph: each kept
    line's key compared in turn (what ``_repeated_headline_and_lead`` finds)."""
    kept = [i for i, s in enumerate(stripped) if s and rules[i] is None]
    first_key, lead_key, other_came = None, None, False
    for i in kept:
        key = " ".join(stripped[i].split()).casefold()
        if first_key is None:
            first_key = key
        elif key == first_key:
            rules[i] = "repeated_headline"
        elif lead_key is None:
            lead_key = key
        elif key == lead_key and not other_came:
            rules[i] = "repeated_lead"
        else:
            other_came = True


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Kim writes", "kim  WRITES", "The lead.", "the lead.", "Body.",
                                 "", "ßig", "SSig", "Other"]), min_size=1, max_size=14),
       st.lists(st.booleans(), min_size=14, max_size=14))
def test_repeated_headline_and_lead_give_the_line_by_line_copies(stripped, ruled):
    rules = ["x" if flag else None for flag in ruled[:len(stripped)]]
    expected = list(rules)
    _headline_copies_line_by_line(stripped, expected)
    clean._repeated_headline_and_lead(stripped, rules)
    assert rules == expected


_NEAR_HALVES = st.integers(0, 10**4).map(lambda k: (k + 0.5) / 1e4).flatmap(
    lambda x: st.sampled_from([x, np.nextafter(x, 0.0), np.nextafter(x, 1.0)]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(0, 1) | _NEAR_HALVES | st.floats(allow_nan=False), min_size=1,
                max_size=30))
def test_rounded_gives_round_to_four_places(values):
    """Scores rounded for the audit all at once are the floats ``round`` gives one by one."""
    assert clean.rounded(np.array(values)) == [round(float(v), 4) for v in values]


@pytest.mark.parametrize("line", [
    "www.example.com/a-very-long-path/to/the/article/page.", "See www.example.com/page, it says.",
    "A sentence of more than forty characters, with a comma.", "2026-01-02 10:15.",
    "#Korea #Russia and more tags in a long line of text.", "(END) of a long dispatch, it says.",
    "End of the story, with more than forty characters.", '"Quoted sentence, 42 words long."',
    "— Kim Jong Un (@kimjongun) January 2, 2026.", "@kcna_watch posted this, with 2 photos.",
    '<tweet id="1" author="x">Kim wrote to Putin, and more.</tweet>.',
    '<div class="x"></div>', "window.x = 1;", "a < b, it says.", "The <div> element, 2 words.",
    "(function(w,d){w.x=1;})(window);" * 12,
])
@pytest.mark.parametrize("disabled", [set(), {"url_line"}, {"handle_line", "end_mark"},
                                      {"code_line"}, {"code_line", "tweet_markup"}])
def test_shape_rules_of_hinted_sentences_give_shape_rule(line, disabled):
    from newsprism.corpus.clean_rules import shape_rule, shape_rules

    assert shape_rules([line], disabled) == [shape_rule(line, disabled)]
