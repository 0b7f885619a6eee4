"""One table-driven case per attribution rule: the rule named in ``rule`` fires on the text and
gives that speaker and cue (newsprism.quotes.attribution.RULES and the per-cue steps)."""

import pytest
from newsprism.quotes import attribution as qa
from newsprism.quotes import extract as quotes
from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.marks import pair_marks

# rule, text, which quotation (0-based), speaker, cue
CASES = [
    ("cue-after", "“We will win,” the general declared.", 0, "the general", "declared"),
    ("cue-after-inverted", "“We will win,” said Kim Jong Un.", 0, "Kim Jong Un", "said"),
    ("cue-after-gap-inverted", "“The deal is unlikely” to pass this year, said Steve Elmendorf.",
     0, "Steve Elmendorf", "said"),
    ("cue-after-appositive", "“We will win,” Cecelia Purner, 67, a retiree in Allentown, Pa., "
     "said.", 0, "Cecelia Purner", "said"),
    ("according-after", "“We will win,” according to Kim Jong Un.", 0, "Kim Jong Un",
     "according to"),
    ("cue-after-generic", "“We will win,” roared Smith.", 0, "Smith", "roared"),
    ("cue-final", "Michelle Tanzer runs the firm. She blamed their focus on “the business of "
     "selling houses.” But she operates on a different principle, she said.", 0,
     "Michelle Tanzer", "said"),
    ("according-before", "The plan, according to Trump, is “a disaster.”", 0, "Trump",
     "according to"),
    ("cue-gerund", "Netanyahu rallied supporters by warning that “the left will win.”", 0,
     "Netanyahu", "warning"),
    ("cue-participle", "Trump said he would win, adding, “We will win big.”", 0, "Trump",
     "adding"),
    ("cue-before-and", "Harry Reid met voters in Nevada. Reid caucused there on Saturday and "
     "says he voted “uncommitted.”", 0, "Harry Reid", "says"),
    ("cue-before-infinitive", "Mr. Trump was prompted to say, “We will win big.”", 0, "Trump",
     "say"),
    ("cue-before-owner", "Trump released a statement saying “We will win big.”", 0, "Trump",
     "saying"),
    ("naming-subject", "Ben Carson spoke. Later on Sunday, Carson shared a syllabus for a class "
     "called “Perception” on his page.", 0, "Ben Carson", "called"),
    ("cue-before-passive", "Sanders was asked by host Bill Maher, a supporter, “Are you tired "
     "of the emails?”", 0, "Bill Maher", "asked"),
    ("cue-before-reported", "Rep. Steve Israel said Clinton called on members to be "
     "“closely coordinated.”", 0, "Steve Israel", "said"),
    ("cue-before-appositive", "In July, Sammy Aaron, vice chairman of G-III, told Forbes that "
     "Trump is “very involved on a weekly basis.”", 0, "Sammy Aaron", "told"),
    ("cue-before", "Kim Jong Un said: “We will win big.”", 0, "Kim Jong Un", "said"),
    ("cue-before-inverted", "Stated Kim Jong Un: “We will win big.”", 0, "Kim Jong Un", "Stated"),
    ("colon-name", "Pew Research: “Most voters are undecided.”", 0, "Pew Research", ":"),
    ("colon-here", "Here’s Bill Clinton in December 1992: “Our new direction must rest on "
     "skills.”", 0, "Bill Clinton", ":"),
    ("colon-sentence", "Kim Jong Un then addressed the crowd again: “Here is what I regret.”", 0,
     "Kim Jong Un", ":"),
    ("colon-name-end", "The surge doesn’t surprise Republican pollster Daron Shaw: “Lesser-known "
     "candidates see the biggest boost.”", 0, "Daron Shaw", ":"),
    ("colon-clause", "A footnote in the report makes that clear: “The tests were late.”", 0,
     "a footnote in the report", ":"),
    ("according", "According to Kim Jong Un, “the alliance is eternal.”", 0, "Kim Jong Un",
     "according to"),
    ("nominal-cue", "Then, in his letter, Kim Jong Un “hailed” the army.", 0, "Kim Jong Un",
     "in his letter"),
    ("previous-sentence", "Perez says the party is ready. “We will win this fight.”", 0, "Perez",
     "says"),
    ("sentence-subject", "Sant Chatwal pleaded guilty. In fact, Chatwal was the founder of "
     "“Indian Americans for Hillary 2008.”", 0, "Sant Chatwal", None),
    ("continuation", "“We will win,” Kim said. “The enemy will lose.”", 1, "Kim", "said"),
    ("dash-signature", "“We will win this war soon.”\n\n- Sanders.", 0, "Sanders", None),
    ("continuation-paragraph", "“We will win,” Kim said.\n\n“The enemy will lose.”", 1, "Kim",
     "said"),
    ("named-reply", "Putin’s reply is even more explicit.\n\n“I will respect your choice.”", 0,
     "Putin", "Putin’s reply"),
    ("document-intro", "Kasich spoke in Berea.\n\nTranscript as follows:\n\n“Tonight we "
     "arrived in Cleveland.”", 0, "transcript", ":"),
    ("colon-intro", "Kim Jong Un sent a message with these expressions:\n\n“The most genuine "
     "alliance.”", 0, "Kim Jong Un", ":"),
    ("intro-paragraph", "Ash argued in his email that the deal was wrong.\n\n“The incident was "
     "not ours.”", 0, "Ash", "argued"),
    ("continuation-paragraph-last", "Kim said “we will win” at the rally in the capital where "
     "thousands cheered.\n\n“The enemy will lose.”", 1, "Kim", "said"),
    ("sentence-cue", "Smith got up and told the crowd, “We will win big.”", 0, "Smith", "told"),
    ("continuation-sentence", "“It is an enormous moment,” said Steve Schmidt, a strategist. "
     "Unless rivals quit, “it is very difficult to win.”", 1, "Steve Schmidt", "said"),
]


@pytest.mark.parametrize(("rule", "text", "index", "speaker", "cue"), CASES,
                         ids=[c[0] for c in CASES])
def test_rule_gives_speaker_and_cue(rule, text, index, speaker, cue):
    attribution = qa.attribute(text, pair_marks(text))[index]
    assert (attribution.how, attribution.speaker, attribution.cue) == (rule, speaker, cue)


def _rule_functions():
    steps = [*qa.RULES, *qa.AFTER_CUE_STEPS, *qa.BEFORE_CUE_STEPS]
    drivers = {qa.cue_after_rules, qa.cue_before_rules}
    return {f.__name__.replace("_", "-") for f in steps
            if f not in drivers and not f.__name__.startswith("_")}


def test_every_rule_function_is_named_after_a_tested_rule_value():
    assert _rule_functions() == {c[0] for c in CASES}
    # after classification (newsprism.quotes.extract.same_words), tested with SHAPES below
    assert quotes.same_words.__name__.replace("_", "-") in {s[-1] for s in SHAPES}


@pytest.mark.parametrize(("rule", "text", "index", "speaker", "cue"),
                         [c for c in CASES if c[0].replace("-", "_") in
                          {f.__name__ for f in qa.RULES}], ids=lambda v: str(v)[:20])
def test_a_rule_of_the_list_fires_on_its_own_case(rule, text, index, speaker, cue):
    # called alone on the quotation's site, the rule gives the same attribution
    attributor = qa.Attributor(text, pair_marks(text))
    prev = qa.attribute(text, pair_marks(text))[:index]
    found = getattr(qa, rule.replace("-", "_"))(qa.quote_site(attributor, index, prev))
    assert (found.how, found.speaker, found.cue) == (rule, speaker, cue)


def test_no_rule_fires_and_the_speaker_stays_unknown():
    text = "Critics call it a “crown jewel” of the deal."
    attribution = qa.attribute(text, pair_marks(text))[0]
    assert (attribution.speaker, attribution.how) == (None, "")


def test_headline_colon_names_the_headline_speaker():
    text = "Trump: Cruz Has ‘To Come a Long Way’ On Ethanol\n\nThe story."
    quote = extract_quotes(text)[0]
    assert (quote.rule, quote.speaker, quote.cue, quote.kind) == (
        "headline-colon", "Trump", ":", "speech")


# shapes of the bundled corpus's last four speaker errors (issue 18): each failed before
# (a term, no speaker, or the writer's phrase credited to the sentence's subject)
SHAPES = [
    ("participle cue 'emphasizing'", "North Korea and Russia have strengthened their "
     "camaraderie as Pyongyang’s leader Kim Jong Un extended a New Year message to Russian "
     "President Vladimir Putin, emphasizing the “blood bond” forged through conflict.",
     "blood bond", "speech", "Kim Jong Un", "cue-participle"),
    ("infinitive after a speech noun", "Kim Jong Un spoke at length.\n\n- January 1, 2026: Kim "
     "uses his New Year's address to hail the “heroic” defense of Russia.", "heroic", "speech",
     "Kim Jong Un", "cue-before-infinitive"),
    ("the same words attributed later", "Two captured soldiers said they want to defect. "
     "When Kim Jong Un congratulates Putin, he isn't mentioning the "
     "\"kill-yourself\" orders or the grim conditions his men face in \"alien "
     "lands.\" He is focused on victory.\n\nIf Kim continues to refer to his troops in \"alien "
     "lands\" with \"heroic\" terminology, expect more deployments.", "alien lands.", "speech",
     "Kim Jong Un", "same-words"),
    ("a concept named by the writer", "Kim Jong Un needs friends. Honestly, Kim is playing a "
     "very smart game of “strategic autonomy.”", "strategic autonomy.", "term", None,
     "sentence-subject"),
]


@pytest.mark.parametrize(("shape", "text", "quote", "kind", "speaker", "rule"), SHAPES,
                         ids=[s[0] for s in SHAPES])
def test_bundled_corpus_error_shapes(shape, text, quote, kind, speaker, rule):
    q = next(q for q in extract_quotes(text) if q.text == quote)
    assert (q.kind, q.speaker, q.rule) == (kind, speaker, rule)


def test_same_words_named_in_the_sentence_before():
    """Bundled article 002's third “blood bond” (speech without a speaker before)."""
    text = ("Pyongyang’s leader Kim Jong Un extended a New Year message to Russian President "
            "Vladimir Putin, emphasizing the “blood bond” forged through conflict.\n\nIn "
            "summary, Kim Jong Un’s New Year message to Vladimir Putin represents more than a "
            "mere diplomatic greeting; it is a strategic declaration of solidarity. By "
            "emphasizing the “blood bond” formed through conflict, North Korea positions itself "
            "as a committed ally of Russia.")
    last = [q for q in extract_quotes(text) if q.text == "blood bond"][-1]
    assert (last.kind, last.speaker, last.rule) == ("speech", "Kim Jong Un", "same-words")


def test_same_words_abstains_when_the_words_have_two_speakers():
    text = ("“Great victory,” Kim said. “Great victory,” Putin said.\n\nCritics doubt the "
            "“great victory” of either side, it seems.")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes][:2] == ["Kim", "Putin"]
    assert quotes[2].rule != "same-words" and quotes[2].speaker is None


# fallbacks (issue 18): speech that no rule attributes, a speaker named further away
FALLBACKS = [
    ("a cue later in the sentence", "Fundraising was “stagnant for about a month” as donors "
     "waited to see how a “turbulent election cycle” played out, Gilbert said.",
     "stagnant for about a month", "Gilbert"),
    ("a cue in the sentence before", "Cable news is gone, Mason said. Good information can "
     "still drive out bad, but usually only when “the truth is sexier than the lie.”",
     "the truth is sexier than the lie.", "Mason"),
    ("a name opening the sentence", "In a statement released Thursday, Rep. Hakeem Jeffries "
     "(D-N.Y.) reacted to the news with the words “The killer should be in prison.”",
     "The killer should be in prison.", "Rep. Hakeem Jeffries"),
    ("a text or an institution opening the sentence", "The ad targets a “corrupt political "
     "system that keeps in place a rigged economy.”",
     "corrupt political system that keeps in place a rigged economy.", "The ad"),
    ("an institution after an opening clause", "In late June, the American Bar Association "
     "completed its review of Garland's record and deemed him “well qualified” again.",
     "well qualified", "the American Bar Association"),
    ("an opening 'As X had written' clause", "As the Hollywood columnist Louella Parsons had "
     "written a few years earlier, “We just couldn't have a motion picture industry without "
     "him.”", "We just couldn't have a motion picture industry without him.", "Louella Parsons"),
]


@pytest.mark.parametrize("text", [
    "PHILADELPHIA — The party issued an apology for the “deep and sincere” hurt.",  # dateline
    "Boos rang out as the crowd chanted “lock her up” again.",  # a capitalised common noun
])
def test_sentence_opening_name_needs_a_name(text):
    attribution = qa.attribute(text, pair_marks(text))[0]
    assert attribution.fallback is None or attribution.fallback.how != "sentence-opening-name"


@pytest.mark.parametrize(("shape", "text", "quote", "surface"), FALLBACKS,
                         ids=[s[0] for s in FALLBACKS])
def test_fallback_rules_name_the_speaker(shape, text, quote, surface):
    attribution = qa.attribute(text, pair_marks(text))[0]
    assert (attribution.speaker, attribution.how) == (None, "")  # no rule fires ...
    assert attribution.fallback.speaker_surface == surface  # ... the fallback names him
    q = next(q for q in extract_quotes(text) if q.text == quote)
    assert q.speaker_surface == surface and q.rule == attribution.fallback.how


def test_fallbacks_never_change_what_is_speech():
    text = "Critics call it a “crown jewel” of the deal, Smith said on Monday in the capital."
    attribution = qa.attribute(text, pair_marks(text))[0]
    q = extract_quotes(text)[0]
    if q.kind == "term":
        assert q.speaker is None and q.rule == attribution.how
    else:
        assert q.speaker == attribution.speaker or q.rule == attribution.fallback.how


@pytest.mark.parametrize("text", [
    # half right on PolNeAR train for any noun phrase ('The council voted ...' right, 'the' or
    # 'clinton's attacks were' wrong): only a text or an institution is tried (institution-
    # subject), and not when a person is named before the quotation
    "The crowd cheered for the candidate who said the city “condemns anti-Muslim speech.”",
    "The email appears to contradict comments from Leon Panetta that “time, distance and the "
    "lack of warning prevented a response.”",
])
def test_an_opening_common_noun_phrase_is_no_speaker(text):
    attribution = qa.attribute(text, pair_marks(text))[0]
    assert attribution.speaker is None and attribution.fallback is None


# pronouns agree in gender with what the article says of the person (issue 18)
GENDER = [
    ("'she' passes over the nearer man", "Hillary Clinton spoke first in Ohio. Mrs. Clinton "
     "smiled. Donald Trump walked in later. Mr. Trump waved.\n\n“We will win,” she said.",
     "Hillary Clinton"),
    ("'he' passes over the nearer woman", "Donald Trump spoke first. Mr. Trump waved. Hillary "
     "Clinton walked in later. Mrs. Clinton smiled.\n\n“Never,” he said.", "Donald Trump"),
    ("a spokeswoman is no 'he'", "Donald Trump attacked China on Monday.\n\nForeign ministry "
     "spokeswoman Hua Chunying answered at length.\n\n“They steal our jobs,” he said.",
     "Donald Trump"),
]


@pytest.mark.parametrize(("shape", "text", "speaker"), GENDER, ids=[g[0] for g in GENDER])
def test_pronouns_agree_in_gender(shape, text, speaker):
    assert extract_quotes(text)[-1].speaker == speaker


def test_gender_unknown_when_two_people_share_a_surname():
    text = ("Bill Clinton spoke. Hillary Clinton spoke. Mr. Clinton left. Mrs. Clinton stayed."
            "\n\nMr. Trump spoke. Then Donald Trump left.")
    article = qa.attributor_article(text)
    # the shared surname's 'Mr.'/'Mrs.' tell nothing; the given name still does (given_names.yml)
    assert (article.gender("Clinton"), article.gender("Donald Trump")) == (None, "m")
    assert (article.gender("Hillary Clinton"), article.gender("Bill Clinton")) == ("f", "m")


# a surname resolves to the person's name in the article, never to an organisation it opens or
# a one-off capitalised run it ends (issue 18: titles and organisations swallow the person)
CANONICAL = [
    ("an organisation named after the person", "Donald Trump spoke. Donald Trump waved. Trump "
     "University closed.\n\n“We will win,” Trump said.", "Donald Trump"),
    ("a one-off run ending in the surname", "Bernie Sanders spoke. Bernie Sanders waved. Young "
     "New Hampshire Sanders fans cheered.\n\n“We will win,” Sanders said.", "Bernie Sanders"),
]


@pytest.mark.parametrize(("shape", "text", "speaker"), CANONICAL, ids=[c[0] for c in CANONICAL])
def test_surname_resolves_to_the_person(shape, text, speaker):
    assert extract_quotes(text)[-1].speaker == speaker
