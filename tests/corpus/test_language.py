"""Language detection reads the whole text, not only its start."""

import pytest
from newsprism.corpus import language
from newsprism.corpus.language import MAX_CHARS, detect_language

GERMAN = ("Die Bundesregierung hat am Mittwoch beschlossen, die Hilfen für die Landwirte zu "
          "verlängern, weil die Preise für Futter und Dünger weiter gestiegen sind. ")
BANNER = ("We use cookies to improve your experience on our website. By continuing to browse "
          "you agree to our privacy policy and terms of use. Accept all cookies. ")


@pytest.mark.parametrize("text, expected", [
    (BANNER * 8 + GERMAN * 30, "de"),      # an English cookie banner before a German article
    (GERMAN * 2 + BANNER * 40, "en"),      # mostly English after a German teaser
    (GERMAN * 3, "de"),                    # short: read whole
])
def test_detects_the_language_of_the_body_not_the_banner(text, expected):
    assert detect_language(text)[0] == expected


def test_sample_spans_the_text_and_is_bounded():
    text = "a" * 5000 + "MIDDLE" + "b" * 5000 + "END"
    sample = language.language_sample(text)
    assert sample.startswith("a") and sample.endswith("END")
    assert "b" in sample and len(sample) <= MAX_CHARS + 10
    assert language.language_sample("short text") == "short text"
