"""Labels in any script: fallback fonts when installed, no warning flood, a note otherwise."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from newsprism.viz import fonts  # noqa: E402
from newsprism.viz.section import Section  # noqa: E402

CJK_INSTALLED = any("CJK" in name or "Han" in name or "WenQuanYi" in name
                    for name in fonts.installed_fonts())


def chinese_figure():
    fig, ax = plt.subplots()
    ax.bar(["人民日报", "新华社", "BBC"], [3, 2, 1])
    ax.set_title("Articles per outlet")
    ax.set_ylabel("articles")
    return fig


def glyph_warnings(draw) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        draw()
    return [str(w.message) for w in caught if "missing from" in str(w.message)]


def test_the_fallback_list_holds_only_installed_fonts_dejavu_first(monkeypatch):
    monkeypatch.setattr(fonts, "FALLBACK_FONTS", ("DejaVu Sans", "No Such Font CJK",
                                                   "DejaVu Serif"))
    fonts.installed_fonts.cache_clear()
    try:
        assert fonts.use_fallback_fonts() == ["DejaVu Sans", "DejaVu Serif"]
        assert matplotlib.rcParams["font.family"] == ["DejaVu Sans", "DejaVu Serif"]
    finally:
        monkeypatch.undo()
        fonts.installed_fonts.cache_clear()
        fonts.use_fallback_fonts()


def test_a_chinese_label_draws_without_a_warning_flood():
    fig = chinese_figure()
    try:
        assert glyph_warnings(fig.canvas.draw) or CJK_INSTALLED  # matplotlib's flood, alone

        def draw():
            fonts.use_fallback_fonts()
            fig.canvas.draw()
        assert glyph_warnings(draw) == []
    finally:
        plt.close(fig)


@pytest.mark.skipif(CJK_INSTALLED, reason="a CJK font is installed: nothing to note")
def test_the_caption_says_once_how_many_labels_cannot_be_drawn():
    fig = chinese_figure()
    fig.axes[0].set_title("Tone toward 金正恩")
    fig.axes[0].legend(["조선중앙통신"])
    try:
        assert fonts.undrawable_labels(fig) == ["人民日报", "新华社", "Tone toward 金正恩",
                                                "조선중앙통신"]
        note = ("4 labels contain characters the installed fonts cannot draw (shown as empty "
                "boxes); install Noto Sans CJK.")
        section = Section("outlets", table=pd.DataFrame({"outlet": ["人民日报"]}), figure=fig,
                          caption="Articles per outlet.")
        html = section.html()
        assert html.count(note) == 1 and "Articles per outlet. 4 labels" in html
        assert Section("bare", figure=fig).html().count(note) == 1  # no caption of its own
    finally:
        plt.close(fig)


@pytest.mark.parametrize(("label", "expected"), [
    ("Le Monde — “Élysée”", ""),
    ("Новая газета; Ελληνικά; عربي; עברית", ""),  # DejaVu Sans draws these scripts
    ("ไทยรัฐ", " 1 label contains characters the installed fonts cannot draw (shown as empty "
               "boxes); install a Noto Sans font for that script."),
    ("ไทยรัฐ 人民", " 1 label contains characters the installed fonts cannot draw (shown as "
                  "empty boxes); install Noto Sans CJK, or a Noto Sans font for the other "
                  "scripts."),
])
def test_the_note_names_the_font_to_install(label, expected):
    if expected and len(fonts.installed_fonts()) > 1:
        pytest.skip("fallback fonts are installed: the script may be drawable")
    fig, ax = plt.subplots()
    ax.set_title(label)
    try:
        assert fonts.missing_glyphs_note(fig) == expected
    finally:
        plt.close(fig)


def test_a_section_without_a_figure_or_with_latin_labels_has_no_note():
    fig, ax = plt.subplots()
    ax.barh(["BBC", "Reuters"], [1, 2])
    try:
        assert fonts.missing_glyphs_note(None) == fonts.missing_glyphs_note(fig) == ""
        assert Section("a", figure=fig, caption="C.").html() == Section("a", caption="C.").html()
    finally:
        plt.close(fig)
