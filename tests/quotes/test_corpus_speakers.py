"""One speaker across the corpus: merges only where two names cannot be two people."""

from __future__ import annotations

import pandas as pd
import pytest
from newsprism.quotes import stats as quote_stats
from newsprism.quotes.corpus_speakers import corpus_speaker_map, merge_speakers

CASES = [
    # (speakers of the corpus, expected merges {name: corpus speaker})
    (["Donald Trump", "Trump", "Trump"], {"Trump": "Donald Trump"}),
    # two full names carry the surname: keep all three apart
    (["Bill Clinton", "Hillary Clinton", "Clinton"], {}),
    (["Kim Jong-un", "Kim Jong Un", "Kim Jong Un"], {"Kim Jong-un": "Kim Jong Un"}),
    # a spelling variant of the surname first becomes the surname, then joins the full name
    (["Vladimir Putin", "Putin", "PUTIN"], {"Putin": "Vladimir Putin",
                                            "PUTIN": "Vladimir Putin"}),
    # a role description is not a name: "Leader" does not join it, nor it "Leader"
    (["the russian leader", "Leader"], {}),
    # a surname with no full name in the corpus stays as it is
    (["Putin", "Lavrov"], {}),
    # family name first: not a surname by rule 2 (documented caveat)
    (["Kim Jong Un", "Kim"], {}),
    # a middle initial is a spelling variant
    (["Donald J. Trump", "Donald Trump", "Donald Trump"], {"Donald J. Trump": "Donald Trump"}),
    (["Donald J. Trump", "Donald J. Trump", "Donald J Trump", "Donald Trump", "Trump"],
     {"Donald J Trump": "Donald J. Trump", "Donald Trump": "Donald J. Trump",
      "Trump": "Donald J. Trump"}),
    # two different middle initials can be two people: nothing merged across them
    (["George W. Bush", "George H. W. Bush", "George Bush"], {}),
    # a one-letter first or last word is not a middle initial
    (["J. Smith", "John Smith"], {}),
    # a word before a full name that is no given name: the same full name, so the surname
    # has one carrier (PolNeAR train: 'Republican Donald Trump', 'Real Donald Trump')
    (["Donald Trump", "Republican Donald Trump", "Trump"],
     {"Republican Donald Trump": "Donald Trump", "Trump": "Donald Trump"}),
    # a given name first may be another person: nothing merged
    (["Mary Ann Smith", "Ann Smith", "Smith"], {}),
    # the shorter name opens on no listed given name (its given name may be missing): left
    (["Lily Eskelsen García", "Eskelsen García"], {}),
    # a title before the surname is no full name: it carries nothing
    (["Marco Rubio", "Unlike Mr. Rubio", "Rubio"], {"Rubio": "Marco Rubio"}),
    (["David Brooks", "Representative Brooks", "Brooks"], {"Brooks": "David Brooks"}),
    # two real full names still keep the surname alone (Eric and Donald Trump)
    (["Donald Trump", "Real Donald Trump", "Eric Trump", "Trump"],
     {"Real Donald Trump": "Donald Trump"}),
]


@pytest.mark.parametrize(("speakers", "expected"), CASES)
def test_corpus_speaker_map(speakers, expected):
    table = corpus_speaker_map(pd.Series(speakers))
    assert dict(zip(table["speaker"], table["corpus_speaker"], strict=True)) == expected


def test_the_rule_that_merged_each_name_is_recorded():
    table = corpus_speaker_map(pd.Series(["Vladimir Putin", "Putin", "putin", "Kim Jong-un",
                                          "Kim Jong Un", "Kim Jong Un"])).set_index("speaker")
    assert table.loc["Putin", "rule"] == "surname"
    assert table.loc["putin", "rule"] == "spelling, surname"
    assert table.loc["Kim Jong-un", "rule"] == "spelling"


def test_only_persons_are_merged_and_the_attributed_name_is_kept():
    quotes = pd.DataFrame({"speaker": ["Donald Trump", "Trump", "Trump", None],
                           "speaker_type": ["person", "person", "organisation", "unknown"]})
    merged = merge_speakers(quotes)
    assert merged["speaker"].tolist()[:3] == ["Donald Trump", "Donald Trump", "Trump"]
    assert pd.isna(merged["speaker"].iloc[3])
    assert merged["speaker_form"].tolist()[:3] == ["Donald Trump", "Trump", "Trump"]


@pytest.mark.parametrize(("speakers", "rows"), [
    (["Donald Trump", "Trump", "Trump"], {("A", "Donald Trump"): (3, "Trump (2); Donald Trump (1)")}),
    (["Bill Clinton", "Hillary Clinton", "Clinton"],
     {("A", "Bill Clinton"): (1, "Bill Clinton (1)"), ("A", "Clinton"): (1, "Clinton (1)"),
      ("A", "Hillary Clinton"): (1, "Hillary Clinton (1)")}),
])
def test_share_of_voice_counts_merged_speakers_with_their_forms(speakers, rows):
    quotes = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(speakers))],
                           "text": ["we act"] * len(speakers), "kind": "speech",
                           "speaker": speakers, "speaker_type": "person"})
    articles = pd.DataFrame({"article_id": quotes["article_id"], "outlet": "A"})
    voice = quote_stats.share_of_voice(quotes, articles, merge_names=True)
    got = {(r.outlet, r.speaker): (r.n_quotes, r.speaker_forms) for r in voice.itertuples()}
    assert got == rows
    unmerged = quote_stats.share_of_voice(quotes, articles)
    assert len(unmerged) == len(set(speakers))  # without merge_names: as attribution named
