"""Page-furniture removal: each rule on the real seed lines, and the article sentences survive."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.core import paths
from newsprism.core.text import split_paragraphs
from newsprism.corpus.clean import (
    AUDIT_COLUMNS,
    clean_articles,
    clean_text,
    clean_texts,
    line_rule,
)
from newsprism.corpus.clean_rules import code_line, recurring_lines, shape_rule, shape_rules

ARTICLES = paths.BUNDLED_CORPUS / "articles"
OPED = "000_1e36fff39f093f80"
NEWS = "001_28d5480e4d79882a"
SWAMP = "002_ed22635418791490"
SEO = "003_99cff697640c6999"
KREMLIN = "004_49d964ef2e7ccfdb"


def raw(article_id: str) -> str:
    return (ARTICLES / f"{article_id}.txt").read_text(encoding="utf-8")


def cleaned(article_id: str, author: str = ""):
    return clean_text(raw(article_id), article_id, author)


def removed(article_id: str) -> dict[int, str]:
    """raw line number -> rule, for one seed article."""
    return {row["line"]: row["rule"] for row in cleaned(article_id).audit}


# (article, raw line number, rule, an article sentence next to it that must survive)
SEED_CASES = [
    (OPED, 3, "repeated_headline", "A new world order drawn by Kim Jong Un, Putin and Xi Jinping"),
    (OPED, 5, "repeated_headline", "The two letters exchanged between Kim Jong Un and Vladimir "
                                   "Putin at the start of 2026 are not New Year’s greetings."),
    (OPED, 7, "photo_caption", "They are not diplomatic pleasantries."),
    (OPED, 9, "editor_note", "The two letters exchanged between Kim Jong Un"),
    (OPED, 143, "author_bio", "And a warning."),
    (OPED, 145, "source_label", "A signal."),
    (OPED, 147, "comment_prompt", "It is a declaration."),
    (OPED, 149, "comment_prompt", "This is not merely communication."),
    (NEWS, 17, "related_link", "The growing military cooperation between the two authoritarian "
                               "regimes has drawn condemnation from Washington, Seoul, and Tokyo"),
    (NEWS, 17, "related_link", "As the conflict in Ukraine drags on and geopolitical tensions "
                               "escalate, the Kim-Putin alliance is likely to deepen further."),
    (SWAMP, 1, "site_logo", "N Korea, Russia Bound in ‘Blood’ of War: Kim Tells Putin in New "
                            "Year Note"),
    (SWAMP, 7, "byline", "Kim Jong Un Highlights ‘Blood Bond’ with Putin, Signaling Deepening "
                         "North Korea-Russia Ties"),
    (SWAMP, 19, "tag_line", "how other global powers respond to this unmistakable show of unity"),
    (SWAMP, 21, "about_author", "In summary, Kim Jong Un’s New Year message"),
    (SWAMP, 23, "about_author", "North Korea and Russia have strengthened their wartime"),
    (SWAMP, 25, "about_author", "By publicly associating with Russia during the Ukraine conflict"),
    (SWAMP, 27, "reader_insights", "The international response to Kim’s message"),
    (SWAMP, 29, "comment_prompt", "Furthermore, analysts are examining the timing"),
    (SWAMP, 31, "reader_insights", "For Russia, Kim’s message serves multiple purposes."),
    (SWAMP, 33, "comment_prompt", "Observers note that Kim’s statement"),
    (SWAMP, 35, "comment_prompt", "The historical context of the relationship"),
    (SWAMP, 37, "comment_prompt", "The rhetoric used by Kim in his message is significant"),
    (SWAMP, 39, "comment_prompt", "Kim Jong Un, in his message, praised Russia’s resilience"),
    (SWAMP, 41, "comment_prompt", "In summary"),
    (SWAMP, 43, "social_footer", "In summary"),
    (SWAMP, 45, "social_footer", "In summary"),
    (SWAMP, 47, "nav_link", "In summary"),
    (SWAMP, 49, "nav_link", "In summary"),
    (SWAMP, 51, "nav_link", "In summary"),
    (SWAMP, 53, "copyright", "In summary"),
    (SEO, 3, "related_link", "They are talking about \"blood.\""),
    (SEO, 3, "related_link", "The \"Same Trench\" Narrative"),
    (SEO, 18, "related_link", "He doesn't need to negotiate for sanctions relief"),
    (SEO, 18, "related_link", "The Human Cost"),
]


@pytest.mark.parametrize(("article_id", "line", "rule", "survivor"), SEED_CASES)
def test_seed_furniture_is_removed_and_neighbours_survive(article_id, line, rule, survivor):
    result = cleaned(article_id)
    raw_line = raw(article_id).split("\n")[line - 1].strip()
    rows = [{k: v for k, v in r.items() if k != "score"} for r in result.audit
            if r["line"] == line]
    assert rows == [{"article_id": article_id, "line": line, "removed_text": raw_line,
                     "rule": rule}]
    assert survivor in result.text
    copies = result.text.split("\n\n").count(raw_line)
    assert copies == (1 if rule == "repeated_headline" else 0)


def test_headline_is_kept_once_and_subheads_survive():
    text = cleaned(OPED).text
    assert text.count("A new world order drawn by Kim Jong Un, Putin and Xi Jinping") == 1
    assert text.startswith("A new world order drawn by")
    paragraphs = [text[s:e] for s, e in split_paragraphs(text)]
    for subhead in ("North Korea-Russia relations have entered a wartime phase",
                    "The era of “war versus peace” is over", "Putin’s reply is even more explicit."):
        assert subhead in paragraphs
    news = [cleaned(NEWS).text[s:e] for s, e in split_paragraphs(cleaned(NEWS).text)]
    for subhead in ("Growing Military Cooperation", "Continued Diplomatic Exchange",
                    "Symbolism and Global Implications"):
        assert subhead in news
    seo = cleaned(SEO).text
    assert "What Most People Get Wrong" in seo.split("\n")  # a listicle subhead, not a link


def test_seed_articles_lose_only_audited_lines():
    """Every non-blank raw line is either in the cleaned text or in the audit: no silent loss."""
    for article_id in (OPED, NEWS, SWAMP, SEO, KREMLIN):
        result = cleaned(article_id)
        kept = result.text.split("\n\n")
        audited = {r["line"] for r in result.audit}
        for number, line in enumerate(raw(article_id).split("\n"), start=1):
            if line.strip():
                assert (line.strip() in kept) or (number in audited), (article_id, number)
        for row in result.audit:
            if row["rule"] != "repeated_headline":
                assert row["removed_text"] not in kept


def test_seed_removal_counts():
    assert {a: len(cleaned(a).audit) for a in (OPED, NEWS, SWAMP, SEO, KREMLIN)} == {
        OPED: 8, NEWS: 1, SWAMP: 22, SEO: 2, KREMLIN: 0}


def test_byline_author_is_extracted():
    assert cleaned(SWAMP).author == "Fiaz Ahmed Brohi"
    assert clean_text("By Jane Doe\n\nBody text.").author == "Jane Doe"
    assert clean_text("By Jane Doe, Reuters\n\nBody text.").author == "Jane Doe"


def test_bio_found_through_the_known_author_too():
    text = "The letters matter.\n\nJane Doe writes about Korea for several newspapers."
    assert [r["rule"] for r in clean_text(text, author="Jane Doe").audit] == ["author_bio"]
    assert clean_text(text).audit == []  # no bio vocabulary, no known author: kept


@pytest.mark.parametrize(("line", "rule"), [
    ("Related: Seoul reacts to the letters", "related_link"),
    ("READ MORE: Kim's birthday letter", "related_link"),
    ("Also read | Putin thanks Pyongyang", "related_link"),
    ("Recommended for you: The week in Asia", "related_link"),
    ("Follow us on Twitter and Facebook", "social_footer"),
    ("Share this article", "social_footer"),
    ("Sign up for our daily newsletter", "social_footer"),
    ("Copyright 2025 The Associated Press. All rights reserved.", "copyright"),
    ("(c) 2024 Example Media Ltd", "copyright"),
    ("Editor's note: This story has been corrected.", "editor_note"),
    ("This article was originally published on The Conversation.", "editor_note"),
    ("Kim at the parade. (Photo: Reuters)", "photo_caption"),
    ("AP Photo/Lee Jin-man", "photo_caption"),
    ("Getty.", "photo_caption"),
    ("Scott Olson via Getty Images.", "photo_caption"),
    ("MICHAEL B. THOMAS via Getty Images.", "photo_caption"),
    ("John Moore/Getty Images.", "photo_caption"),
    ("Jim Urquhart / Reuters.", "photo_caption"),
    ("Image: Getty Images", "photo_caption"),
    ("Published 3 hours ago", "byline"),
    ("Updated: Jan. 3, 2026, 10:15 a.m. ET", "byline"),
    ("5 min read", "byline"),
    ("Be the first to comment", "comment_prompt"),
    ("Tags: North Korea, Russia", "tag_line"),
    ("- Privacy Policy", "nav_link"),
])
def test_general_rules_on_other_sites_furniture(line, rule):
    assert line_rule(line) == rule


@pytest.mark.parametrize("sentence", [
    "Putin’s reply is even more explicit.",
    "By publicly associating with Russia during the Ukraine conflict, North Korea signals that "
    "it will resist.",
    "By December, the troops had reached the Kursk region.",
    "Sources close to the Russian military have hinted at the deployment of engineers.",
    "Source: the KCNA statement quoted by Reuters on Friday said the letter was warm.",
    "Read more carefully, the letter is a declaration of alliance.",
    "Comments by the foreign minister were cautious.",
    "The photo by the river showed Kim smiling.",
    "Copyright law in North Korea is rarely enforced.",
    "Growing Military Cooperation",
    "What Most People Get Wrong",
    "The author of the letter is Kim himself.",
    "Related reports suggest troops were sent in October.",
    "Explore the timeline below.",
    "The data came via AP",
    "He works for AP.",
    "- Watch the 9th Party Congress: Likely happening in February 2026, this event will codify "
    "these \"new\" defense policies.",
])
def test_article_sentences_are_not_furniture(sentence):
    assert line_rule(sentence) is None
    body = f"Kim wrote to Putin.\n\n{sentence}\n\nThe letter was published by KCNA."
    assert sentence in clean_text(body).text


def test_tail_rules_only_apply_after_the_body():
    # A lone lower-case word or a bio-like sentence in the middle of the body stays.
    body = ("Kim wrote to Putin.\n\npolitics\n\nJohn Smith, a veteran diplomat, is a critic of "
            "the deal and a former ambassador.\n\nThe letter was published by KCNA.")
    assert clean_text(body).audit == []
    # A "How does it work?" subhead in the body is not a comment prompt.
    explainer = "The system is new.\n\nHow does it work?\n\nIt uses satellites."
    assert clean_text(explainer).text == explainer


def test_logo_alt_text_only_at_the_top():
    assert [r["rule"] for r in clean_text("Daily Planet logo\n\nKim wrote.").audit] == ["site_logo"]
    body = "Kim wrote.\n\nPutin replied.\n\nAnalysts reacted.\n\nThe new party logo\n\nIt is red."
    assert clean_text(body).text == body


def test_repeated_body_paragraphs_are_kept():
    # Live blogs repeat real sentences; only copies of the headline are furniture.
    text = ("Live: Super Tuesday\n\nIt takes 1,237 delegates to win the nomination.\n\n"
            "Trump won Texas.\n\nIt takes 1,237 delegates to win the nomination.")
    assert clean_text(text).text == text


def test_cleaned_text_has_one_paragraph_per_kept_line_and_windows_newlines():
    result = clean_text("Title\r\n\r\n  First para.  \r\nSecond para.\r\nLeave a comment\r\n")
    assert result.text == "Title\n\nFirst para.\n\nSecond para."
    assert [r["line"] for r in result.audit] == [5]


def test_clean_articles_table_helper():
    articles = pd.DataFrame({"article_id": [OPED, KREMLIN], "text": [raw(OPED), raw(KREMLIN)],
                             "author": ["Jihyun Park", None]})
    table, audit = clean_articles(articles)
    assert list(audit.columns) == AUDIT_COLUMNS
    assert audit["article_id"].unique().tolist() == [OPED]
    assert table.loc[1, "text"].startswith("Putin’s New Year Message")
    assert articles.loc[0, "text"] == raw(OPED)  # the input table is not modified


def test_clean_text_is_linear_on_long_input():
    # A pathological line (no furniture, very long) must not blow up the regexes.
    long_line = "word " * 50_000
    result = clean_text(long_line + "\n\nLeave A Reply")
    assert result.text == long_line.strip() and len(result.audit) == 1


# Body lines of PolNeAR articles (a ranked list at the end, paragraphs broken across lines)
# that the line model scores as furniture and the default level must keep.
POLNEAR_BODY_AT_THE_END = ["1 Donald Trump.", "2 Ted Cruz.", "7 John Kasich.", "Huckabee.",
                           "Santorum.", "incites", "entering the U.S.", "of."]


@pytest.mark.slow
def test_real_news_text_loses_only_furniture():
    """On 924 real articles (PolNeAR train+dev) only furniture goes: editor's notes, bios,
    link labels, handles, web addresses and embedded tweets' markup on their own line, and what
    the line model removes after the body (follow-us lines, style sheets, embedded posts,
    credits)."""
    texts = sorted(f for split in ("train", "dev")  # never a test split
                   for f in (paths.POLNEAR / split / "text").glob("*.txt"))
    if not texts:
        pytest.skip("PolNeAR not available next to the repository")
    rules: dict[str, int] = {}
    removed_by_model = []
    for file in texts:
        result = clean_text(file.read_text(encoding="utf-8"), file.stem)
        for row in result.audit:
            rules[row["rule"]] = rules.get(row["rule"], 0) + 1
            if row["rule"] == "related_link":
                assert row["removed_text"].strip('"') == "Related:"
            elif row["rule"] == "editor_note":
                assert row["removed_text"].startswith(("Editor", "This "))
            elif row["rule"] == "handle_line":
                assert row["removed_text"].startswith("@")
            elif row["rule"] == "url_line":
                assert "http" in row["removed_text"]
            elif row["rule"] == "tweet_markup":
                assert row["removed_text"].startswith(("<tweet", '">'))
            elif row["rule"] == "code_line":  # a style sheet's closing braces
                assert row["removed_text"] == "}"
            elif row["rule"] == "photo_caption":  # credit lines: "Getty.", "X via Getty Images."
                assert ("Getty" in row["removed_text"] or "Reuters" in row["removed_text"]) \
                    and len(row["removed_text"].split()) <= 6
            elif row["rule"] == "line_model":
                removed_by_model.append(row["removed_text"])
    assert set(rules) <= {"editor_note", "author_bio", "related_link", "handle_line",
                          "url_line", "end_mark", "line_model", "tweet_markup", "photo_caption",
                          "code_line"}
    assert rules["photo_caption"] >= 40  # 23 "Getty." lines and 24 credits "Name via/ Agency."
    assert not set(POLNEAR_BODY_AT_THE_END) & set(removed_by_model)
    # embedded tweets' markup lines and credit lines, each checked above, come many to an
    # article that has them
    assert sum(rules.values()) - rules.get("tweet_markup", 0) - rules["photo_caption"] \
        < 0.2 * len(texts)


def test_caption_rules_are_skipped_only_where_they_cannot_match():
    """Lines without a caption word use the line rules without the two costly caption rules:
    the same rule (and byline groups) must win as with all rules."""
    import random

    from newsprism.corpus.clean import _COMBINED, _fullmatch_rules

    def key(m):
        return (m.lastgroup, m.span(), {k: v for k, v in m.groupdict().items() if v}) \
            if m else None

    furniture = ["Photo by KNCA/EPA", "Image: Getty", "(Picture: AP)", "Credit: Reuters",
                 "By Jane Doe | Reuters", "By Jane Doe", "© 2024 All rights reserved.",
                 "Leave a reply", "Read more: Kim's letter", "The Swamp logo", "Tags: Kim",
                 "Video: the summit", "Illustration by Ann Lee", "File photo: Kim in 2019",
                 "Scott Olson via Getty Images.", "John Moore/Getty Images.", "Getty.",
                 "AP Photo/Lee Jin-man"]
    body = [p for t in load_corpus_texts() for p in t.split("\n") if p.strip()]
    rng = random.Random(0)
    lines = furniture + body
    for _ in range(2000):
        a, b = rng.choice(body), rng.choice(furniture)
        lines += [f"{a} {b}", f"{b} {a[:60]}", f"{a[:rng.randrange(1, 120)]}. {b}"]
    matched = 0
    for line in lines:
        expected = _COMBINED.fullmatch(line)
        matched += expected is not None
        assert key(_fullmatch_rules(line)) == key(expected), line
    assert matched > 100


def load_corpus_texts() -> list[str]:
    from newsprism.corpus.readers import load_corpus

    return list(load_corpus().articles["text"])


# Lines kept before issue 20 that later cleaning removes as furniture: (article, text, why).
# Every entry was read by hand; a body line never belongs here.
NEWLY_REMOVED_FURNITURE: list[tuple[str, str, str]] = []


def test_bundled_corpus_keeps_every_removal_and_every_body_line_of_before():
    """Pinned before issue 20 (tests/fixtures/clean/bundled_before_issue20.json, written by
    ``clean_text`` on main): every removal is still made, every kept line is still kept unless
    it is listed, with its reason, in NEWLY_REMOVED_FURNITURE."""
    import json

    from newsprism.corpus.readers import load_corpus

    pinned = json.loads((Path(__file__).parents[1] / "fixtures" / "clean" / "bundled_before_issue20.json")
                        .read_text(encoding="utf-8"))
    corpus = load_corpus()
    allowed = {(a, text) for a, text, _ in NEWLY_REMOVED_FURNITURE}
    for article_id, before in pinned.items():
        audit = corpus.cleaning_audit[corpus.cleaning_audit["article_id"] == article_id]
        now_removed = set(zip(audit["line"], audit["removed_text"], strict=True))
        assert {(line, text) for line, text in before["removed"]} <= now_removed, article_id
        text = corpus.articles.set_index("article_id").loc[article_id, "text"]
        kept_now = text.split("\n\n")
        lost = [line for line in before["kept"]
                if line not in kept_now and (article_id, line) not in allowed]
        assert lost == [], (article_id, lost)


# ---------------------------------------------------------------- issue 20: any-language cleaning

@pytest.mark.parametrize(("line", "rule"), [
    ("https://www.kcna.kp/en/article/q/2026-01-02.kcmsd", "url_line"),
    ("www.yonhapnews.co.kr 2026/01/02 10:15 KST", "url_line"),
    ("pic.twitter.com/AbC123xyz", "url_line"),
    ("— Kim Example (@kimexample) January 2, 2026", "handle_line"),
    ("@kcna_watch #NorthKorea", "handle_line"),
    ("2026-01-02T10:15:00+09:00", "timestamp_line"),
    ("02.01.2026 10:15", "timestamp_line"),
    ("Seoul 02/01/2026", "timestamp_line"),
    ("10:15", "timestamp_line"),
    ("http://localhost/x", "url_line"),
    ("(END)", "end_mark"),
    ("-30-", "end_mark"),
    ("politics, kim jong un, putin, russia, north korea", "tag_list"),
    ("Welt | Politik | Asien | Russland", "tag_list"),
    # an embedded tweet's markup as PolNeAR keeps it (its attribute names ranked among an
    # outlet's distinctive terms): whole, empty, a tag cut at the line end, the cut tag's rest
    ('<tweet id="672138489358585856" author="@th3j35t3r" datetime="2015-12-02">#UPDATE '
     'FAROOK</tweet>.', "tweet_markup"),
    ('<tweet tweet-id="661196115484643328"><tweet/>.', "tweet_markup"),
    ('<tweet tweet-author="@tedcruz" tweet-date="January 19, 2016', "tweet_markup"),
    ('<tweet tweet-author="just look at Western Europe" tweet-date="', "tweet_markup"),
    ('">Rubio stadium event in Hialeah. Stands empty. pic.twitter.com/9zj0xslwSA<tweet/>.',
     "tweet_markup"),
    ('<tweet id="1" author="@a" datetime="2016-06-29">' + "Long post text. " * 20
     + "— A (@a) June 29, 2016</tweet>.", "tweet_markup"),  # beyond SHAPE_MAX_CHARS
])
def test_shape_rules_on_furniture_in_any_language(line, rule):
    assert shape_rule(line) == rule
    assert clean_text(f"Kim wrote to Putin on Friday.\n\n{line}").audit[0]["rule"] == rule


@pytest.mark.parametrize("line", [
    "Kim wrote to Putin on 2 January 2026.",
    "Termin: 29.02.2020, 19 Uhr",
    "Handgepflückt, gewaschen, sonnengetrocknet",
    "Die Agentur KCNA (www.kcna.kp) veröffentlichte den Brief am Freitag in voller Länge.",
    "El 2 de enero, a las 10:15, la agencia publicó la carta de Kim a Putin.",
    "金正恩在新年贺信中感谢普京。",
    "Russia, China, Iran and North Korea signed the statement.",
    # a sentence about a tweet, or body text the archive ran into a cut tag, stays
    "Trump sent a tweet on 2 June: <tweet> was all the page kept.",
    '"I will tweet about it tomorrow," he said on 2 June.',
    '<b>Update, 2 June:</b> the tweet was deleted.',
    '— Continue fracking, which the left opposes.">Here, then, are nine reasons:<tweet/>.',
])
def test_shape_rules_keep_sentences(line):
    assert shape_rule(line) is None


# Page code a select-all copy keeps (pagetext): markup and script at any length.
_GTM = ("(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
        "event:'gtm.js'});var f=d.getElementsByTagName(s)[0];})(window,document,'script');")


@pytest.mark.parametrize("line", [
    "<![endif]",
    '[if IE 9]><video style="display: none;"><![endif]',
    "<!--[if lt IE 9]>",
    "<!-- Google Tag Manager -->",
    "-->",
    '<div class="clear"></div>',
    "</div>",
    "<li >",
    '<td width="21"><img',
    'button type="button" class="btn" data-dismiss="modal">Schließen</button',
    '<span class="sr-only">68% Complete</span>',
    "<?xml version='1.0' encoding='utf-8'?>",
    '<script src="/js/ima3.js"></script>',
    'window.application_id = "ambitocom";',
    "gtag('js', new Date());",
    "var googletag = googletag || {};",
    "document.addEventListener('load', () => { init(); });",
    "function gtag(){dataLayer.push(arguments);}",
    ".foo { color: red; margin: 0; }",
    "});",
    _GTM,
    _GTM * 5,  # beyond SHAPE_MAX_CHARS
    '<link rel="stylesheet" href="https://x.com/a.css?ver=5.1.1" type="text/css" />' * 5,
])
def test_code_line_removes_page_code(line):
    assert shape_rule(line) == "code_line"
    assert shape_rules([line]) == ["code_line"]
    assert clean_text(f"Kim wrote to Putin on Friday.\n\n{line}").audit[0]["rule"] == "code_line"


@pytest.mark.parametrize("line", [
    "The vote was close: a < b and c > d, the paper said.",
    "I <3 this city, she wrote.",
    "<3",
    "Use the <div> element to group content.",
    "|-- <config files>",
    "He looked out of the window.",
    "The window. It was open.",
    "The function (as he called it) was window dressing; nothing more.",
    "The function of the state is {defence; order}.",
    "The function of the party = the function of the state",
    "Prices rose 5% (in euro terms); exports fell.",
    "The window.open call was blocked by the browser, he said.",
    'She said: "Let x = 3"',
    "2 > 1 and 1 < 2 in every language",
    "Kim => Putin",
    "The => operator defines a function in JavaScript.",
    "Growth <5% {estimate}",
    "Er schrieb: <<Wir danken Ihnen>> und unterschrieb.",
    "x <y and more words here",
    '<b>Update, 2 June:</b> the tweet was deleted.',
    "Das Fenster (window) blieb offen; niemand sah hinaus.",
])
def test_code_line_keeps_prose_that_mentions_code(line):
    assert not code_line(line)
    assert shape_rule(line) != "code_line"


def test_code_line_can_be_switched_off():
    assert shape_rule("</div>", disabled={"code_line"}) is None
    assert shape_rule(_GTM * 5, disabled={"code_line"}) is None


def test_tweet_markup_can_be_switched_off():
    line = '<tweet tweet-id="661196115484643328"><tweet/>.'
    assert shape_rule(line, disabled={"tweet_markup"}) is None
    long_line = '<tweet id="1">' + "Long post text. " * 20 + "</tweet>."
    assert shape_rule(long_line, disabled={"tweet_markup"}) is None


def test_repeated_headline_and_lead_keep_the_first_copy():
    wire = ("Kim thanks Putin\n\nKim thanks Putin\n\nKim sent a letter to Putin on Friday.\n\n"
            "Kim thanks Putin\n\nKim sent a letter to Putin on Friday.\n\n"
            "The letter praised the alliance.\n\nKim sent a letter to Putin on Friday.")
    result = clean_text(wire)
    assert [r["rule"] for r in result.audit] == ["repeated_headline", "repeated_headline",
                                                 "repeated_lead"]
    # the copy after another paragraph is body text (live blogs repeat real sentences)
    assert result.text.split("\n\n") == ["Kim thanks Putin", "Kim sent a letter to Putin on "
                                         "Friday.", "The letter praised the alliance.",
                                         "Kim sent a letter to Putin on Friday."]


def test_lines_recurring_across_an_outlets_articles_are_removed():
    footer = "Subscribe to the e-paper for 9.99 a month"
    articles = pd.DataFrame({
        "article_id": ["a", "b", "c", "d"], "outlet": ["X", "X", "X", "Y"],
        "text": [f"Kim wrote to Putin.\n{footer}", f"Putin replied warmly.\n{footer}",
                 f"Seoul reacted.\n{footer}", f"Tokyo reacted.\n{footer}"]})
    cleaned_table, audit = clean_articles(articles)
    assert audit[["article_id", "rule"]].values.tolist() == [
        ["a", "outlet_template"], ["b", "outlet_template"], ["c", "outlet_template"]]
    assert cleaned_table["text"].tolist()[3].endswith(footer)  # outlet Y has it once only
    assert recurring_lines(articles["text"], articles["outlet"]) == {"X": {footer.casefold()}}



@pytest.mark.parametrize("texts", [
    ["A.\nFooter line", "B.\nFooter line", "C.\nfooter   LINE", "D.\nOther"],
    ["Home\nOne.", "Home\nTwo.", "Home\nThree.", "Home\nFour.", "Home\nFive.\nA b c d e f"],
    ["Short.\n" + "x" * 301, "Short.\n" + "x" * 301, "Short.\n" + "x" * 301],
])
def test_hashed_recurring_lines_match_the_lines(texts):
    # the streamed count of an annotation (hashes) and load_corpus' (lines): one definition
    from newsprism.corpus.clean_rules import CORPUS_KEY, RecurringCounter, line_key

    outlets = ["X", "X", "X", "Y", "Z", "Z"][:len(texts)]
    lines = recurring_lines(texts, outlets)
    counter = RecurringCounter(hashed=True)
    for text, outlet in zip(texts, outlets, strict=True):
        counter.add(text, outlet)
    hashed = counter.found()
    assert set(hashed) == set(lines)
    keys = {line_key(line) for text in texts for line in text.splitlines()} | {"a b c d e f"}
    for outlet in {*outlets, CORPUS_KEY}:
        assert {k for k in keys if k in hashed.get(outlet, set())} \
            == {k for k in keys if k in lines.get(outlet, set())}


def test_cleaning_levels():
    page = "\n".join(["Home", "News", "Sport", "Weather", "Login"] +
                     ["The minister said on Monday that the budget would pass after a long "
                      "debate in parliament, and the opposition disagreed.",
                      "It was the third attempt this year; the vote is expected next week "
                      "after the committee has met again in the capital."] +
                     ["Imprint", "Privacy", "Contact", "Jobs", "Newsletter"])
    off = clean_text(page, cleaning="off")
    assert off.audit == [] and off.text.split("\n\n") == page.split("\n")
    default = clean_text(page)
    strict = clean_text(page, cleaning="strict")
    assert {r["line"] for r in default.audit} <= {r["line"] for r in strict.audit}
    for result in (default, strict):
        assert "The minister said on Monday" in result.text
        assert "It was the third attempt" in result.text
        model_rows = [r for r in result.audit if r["rule"] == "line_model"]
        assert all(0 <= r["score"] <= 1 for r in model_rows)
    assert len(strict.audit) >= 6  # navigation and footer around the body
    with pytest.raises(ValueError, match="cleaning must be one of"):
        clean_text(page, cleaning="aggressive")


def test_rules_can_be_switched_off():
    text = "Kim wrote to Putin on Friday.\n\n(END)\n\nLeave a reply"
    assert [r["rule"] for r in clean_text(text).audit] == ["end_mark", "comment_prompt"]
    result = clean_text(text, disabled_rules={"end_mark", "line_model"})
    assert [r["rule"] for r in result.audit] == ["comment_prompt"]
    assert "(END)" in result.text


def test_model_leaves_body_signs_in_doubt_not_removed():
    ranked = "\n".join(["The poll asked 1,000 voters whom they preferred, and the answers "
                        "surprised the campaigns once again this week."] +
                       [f"{n} Candidate Name{n}." for n in range(1, 8)])
    result = clean_text(ranked)
    assert all(f"{n} Candidate Name{n}." in result.text for n in range(1, 8))
    assert all(r["rule"].startswith("kept_in_doubt: ") for r in result.doubts)


def test_load_corpus_cleaning_option_and_outlet_templates(tmp_path):
    from newsprism.corpus.readers import iter_raw_batches, load_corpus

    folder = tmp_path / "c"
    (folder / "articles").mkdir(parents=True)
    rows = ["article_id,outlet,file"]
    for i in range(4):
        body = f"Article {i} says Kim wrote to Putin about topic {i} in detail."
        (folder / "articles" / f"{i}.txt").write_text(
            f"{body}\n\nRead the e-paper: all editions online\n", encoding="utf-8")
        rows.append(f"{i},Daily,articles/{i}.txt")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    corpus = load_corpus(folder)
    assert corpus.cleaning_audit["rule"].tolist() == ["outlet_template"] * 4
    assert load_corpus(folder, cleaning="off").cleaning_audit.empty
    # raw batches (an annotation's partitions) get the lines recurring in the whole corpus
    batches = [b.clean() for b in iter_raw_batches(folder, batch_size=2)]
    assert [rule for b in batches for rule in b.cleaning_audit["rule"]] == ["outlet_template"] * 4
    with pytest.raises(ValueError):
        load_corpus(folder, cleaning="maybe")


def test_short_lines_recurring_across_the_corpus_are_removed_but_not_headlines():
    texts = [f"Kim thanks Putin\nStory {i}: Kim wrote to Putin about topic {i}.\nMore "
             "Stories\nThe agency repeated the full letter, KCNA said." for i in range(5)]
    articles = pd.DataFrame({"article_id": list("abcde"), "outlet": list("vwxyz"),
                             "text": texts})
    _, audit = clean_articles(articles)
    assert audit["rule"].tolist() == ["corpus_template"] * 5
    assert set(audit["removed_text"]) == {"More Stories"}  # not the shared headline,
    # not the shared sentence (syndicated copy)


NAV = ["Home", "News", "Sport", "Weather", "Login", "Search"]
FOOTER = ["Imprint", "Privacy", "Contact", "Jobs", "Newsletter", "Share"]
BODY = ["The minister said on Monday that the budget would pass after a long debate in "
        "parliament, and the opposition disagreed.",
        "It was the third attempt this year; the vote is expected next week after the "
        "committee has met again in the capital."]


@pytest.mark.parametrize(("lines", "k", "why"), [
    (["Minister wins vote", *BODY, *FOOTER, "Cookies"], 0, "first line (headline)"),
    ([*NAV, *BODY, "It is over.", *FOOTER], len(NAV) + 2, "a sentence after a sentence"),
    ([*NAV, BODY[0], "What comes next", BODY[1], *FOOTER], len(NAV) + 1,
     "between two sentences (a subhead)"),
])
def test_model_removals_keep_body_signs_in_doubt(lines, k, why):
    from newsprism.corpus.clean import model_removals

    sure = np.full(len(lines), 0.99)  # every line scored as furniture
    removed, doubts = model_removals(lines, sure, {"threshold": 0.9,
                                                   "strict_threshold": 0.8}, "default")
    assert k not in removed and doubts[k] == (0.99, why)
    assert set(range(1, len(NAV))) <= set(removed) or k == 0
    strict, _ = model_removals(lines, sure, {"threshold": 0.9, "strict_threshold": 0.8},
                               "strict")
    assert k in strict  # "strict" trusts the model


TEASER = "Ten things the minister did not say in his long speech on Monday"


@pytest.mark.parametrize(("before_score", "kept"), [(0.5, True), (0.99, False)])
def test_a_line_continues_a_long_unpunctuated_line_only_when_that_line_stays(before_score,
                                                                             kept):
    """A paragraph broken across lines goes on from a kept line; after a teaser headline the
    model removes, the next short line is furniture too."""
    from newsprism.corpus.clean import model_removals

    lines = [*NAV, *BODY, TEASER, "Read the story", *FOOTER]
    k = len(NAV) + len(BODY) + 1
    scores = np.full(len(lines), 0.99)
    scores[k - 1] = before_score
    removed, doubts = model_removals(lines, scores, {"threshold": 0.9,
                                                     "strict_threshold": 0.8}, "default")
    assert (k not in removed) is kept
    if kept:
        assert doubts[k] == (0.99, "continues the line before")
    # a line in lower case continues the line before whatever that line's score
    lines[k] = "read the story"
    assert k not in model_removals(lines, scores, {"threshold": 0.9, "strict_threshold": 0.8},
                                   "default")[0]


def test_model_leaves_short_texts_alone():
    from newsprism.corpus.clean import MODEL_MIN_LINES, model_removals

    lines = ["Home", "Menu", *BODY, "Imprint"]
    assert len(lines) < MODEL_MIN_LINES
    assert model_removals(lines, np.full(len(lines), 0.99),
                          {"threshold": 0.5, "strict_threshold": 0.5}, "strict") == ([], {})


def test_navigation_and_footer_of_a_page_go_and_its_body_stays():
    page = "\n".join([*NAV, *BODY, *FOOTER])
    result = clean_text(page)
    assert result.text.split("\n\n") == BODY
    # "Home" and "Search" are furniture phrases wherever they stand; the line model takes the
    # rest of the menu and the footer
    assert {r["removed_text"]: r["rule"] for r in result.audit}["Home"] == "site_phrase"
    assert "line_model" in {r["rule"] for r in result.audit}
    assert len(result.audit) == len(NAV) + len(FOOTER)
    # without the phrases, the first line may be the headline: kept, and the audit says so
    phrases = {"site_phrase", "subscribe_phrase", "share_phrase"}
    result = clean_text(page, disabled_rules=phrases)
    assert result.text.split("\n\n") == ["Home", *BODY]
    assert result.doubts[0]["line"] == 1
    assert result.doubts[0]["rule"] == "kept_in_doubt: first line (headline)"
    assert {r["rule"] for r in result.audit} == {"line_model"}
    assert len(result.audit) == len(NAV) - 1 + len(FOOTER)


_TEXT_PIECES = ["Kim wrote to Putin on Monday.", "Leave A Reply", "By Jane Doe", "politics",
                "Share this article", "The letter was long, and the reply came a week later.",
                "www.kcna.kp 2026-01-02", "Home", "", "  ", "Read more: Putin answers",
                "Subscribe to the e-paper", "It was the third attempt this year, and the "
                "opposition called the whole procedure a farce once again.", "© 2026 KCNA"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_TEXT_PIECES), max_size=40).map("\n".join),
                min_size=1, max_size=6),
       st.sampled_from(["default", "strict", "off"]))
def test_clean_texts_equals_clean_text_on_each(texts, cleaning):
    recurring = [frozenset({"subscribe to the e-paper"}) if k % 2 else frozenset()
                 for k in range(len(texts))]
    ids = [f"a{k}" for k in range(len(texts))]
    batch = clean_texts(texts, ids, cleaning=cleaning, recurring=recurring,
                        corpus_recurring=frozenset({"home"}))
    alone = [clean_text(text, i, cleaning=cleaning, recurring=r,
                        corpus_recurring=frozenset({"home"}))
             for text, i, r in zip(texts, ids, recurring, strict=True)]
    assert [repr(r) for r in batch] == [repr(r) for r in alone]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Body text here.", "Leave A Reply", "", " ", "politics"]),
                max_size=12),
       st.lists(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]), min_size=11, max_size=11))
def test_line_numbers_count_every_kind_of_line_break(lines, breaks):
    """Audit lines are lines of the raw text whether they end in "\\n", "\\r\\n" or "\\r"."""
    text = "".join(line + end for line, end in zip(lines, breaks, strict=False))
    expected = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    result = clean_text(text)
    assert all(expected[row["line"] - 1].strip() == row["removed_text"] for row in result.audit)
    assert result.text == "\n\n".join(
        line.strip() for i, line in enumerate(expected, 1) if line.strip()
        and i not in {row["line"] for row in result.audit})
