"""One cue-verb lexicon (data/codebooks/cue_verbs.yml) behind every module's cue words."""

import pytest
from conftest import assert_codebook_rejected
from newsprism.core import cue_lexicon, text
from newsprism.quotes import extract as quotes
from newsprism.quotes import stats as quote_stats


def test_every_module_reads_its_cues_from_the_one_lexicon():
    assert quotes._CUE_ANY.pattern == rf"\b(?:{cue_lexicon.cue_alternation('classifier_cues')})\b"
    assert cue_lexicon.cue_alternation("speaker_tag_verbs") in text._speaker_tag().pattern
    assert quote_stats.CUE_CLASSES == {k: set(v) for k, v in cue_lexicon.cue_classes().items()}
    assert set(cue_lexicon.cue_lemmas()) <= set(quote_stats._FORMS.values())


def test_cue_classes_do_not_overlap():
    classes = cue_lexicon.cue_classes()
    seen = [lemma for lemmas in classes.values() for lemma in lemmas]
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize("text, message", [
    ("- just a list\n", "a mapping of languages with an 'en' block"),
    ("fr:\n  verbs: [dit]\n", "a mapping of languages with an 'en' block"),
    ("en:\n  verbs: said\n", "en: 'verbs' must be a list of words"),
    ("en:\n  verbs: [said, '']\n", "en: 'verbs' must be a list of words"),
])
def test_a_malformed_lexicon_is_a_clear_error(tmp_path, text, message):
    assert_codebook_rejected(cue_lexicon.load_cue_lexicon, tmp_path, text, message)


@pytest.mark.parametrize("sentence, tagged", [
    ("Graham asked.", True),
    ("Senator Graham replied later.", True),
    ("Graham walked away.", False),
    ("asked Graham.", False),
])
def test_speaker_tags_use_the_lexicon_verbs(sentence, tagged):
    assert bool(text._speaker_tag().match(sentence)) is tagged
