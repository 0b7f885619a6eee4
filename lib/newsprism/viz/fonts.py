"""Fonts for labels in any script: a fallback list, and a note when a label cannot be drawn.

matplotlib draws with DejaVu Sans, which has no Chinese, Japanese, Korean, Thai or Devanagari
glyphs: an outlet called "人民日报" drew as four empty boxes and one warning per glyph and per
draw. :func:`use_fallback_fonts` (run by :mod:`newsprism.viz.display` on import and by
``use_report_figures``) sets ``font.family`` to DejaVu Sans followed by the fonts of
:data:`FALLBACK_FONTS` that are installed (matplotlib >= 3.6 takes each glyph from the first
font of the list that has it; a name that is not installed is left out, since matplotlib
logs a warning for each), and silences matplotlib's per-glyph "missing from font" warnings.
Instead, :func:`missing_glyphs_note` says once, in the figure's caption
(``newsprism.viz.section.Section``), how many of its labels hold characters that no font of
the list can draw, and which font to install.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> _ = ax.bar(["BBC", "Le Monde"], [1, 2])
>>> missing_glyphs_note(fig)
''
"""

from __future__ import annotations

import functools
import unicodedata
import warnings

# Tried in order after DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew, Armenian,
# Georgian): Chinese/Japanese/Korean families as Linux, macOS and Windows name them, then
# other scripts. Only the installed ones are used.
FALLBACK_FONTS = (
    "DejaVu Sans",
    "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK KR",
    "Source Han Sans", "Source Han Sans SC", "Source Han Sans JP", "Source Han Sans K",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback",
    "Microsoft YaHei", "Microsoft JhengHei", "SimHei", "Yu Gothic", "Meiryo", "Malgun Gothic",
    "PingFang SC", "Hiragino Sans", "Hiragino Sans GB", "Apple SD Gothic Neo",
    "Noto Sans", "Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Tamil",
    "Noto Sans Thai", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Ethiopic",
    "Nirmala UI", "Leelawadee UI", "Arial Unicode MS",
)
# matplotlib's warning for each glyph a font lacks (3.6+: "Glyph 20154 (...) missing from
# font(s) DejaVu Sans."; before: "... missing from current font.").
GLYPH_WARNING = r"Glyph \d+ .*missing from (?:font\(s\)|current font)"
CJK_HINT = "install Noto Sans CJK"
OTHER_HINT = "install a Noto Sans font for that script"
_CJK_WORDS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC")


@functools.cache
def installed_fonts() -> tuple[str, ...]:
    """The fonts of :data:`FALLBACK_FONTS` that matplotlib finds on this machine, in order."""
    from matplotlib import font_manager

    names = {font.name for font in font_manager.fontManager.ttflist}
    return tuple(name for name in FALLBACK_FONTS if name in names)


def use_fallback_fonts() -> list[str]:
    """Draw with the installed fallback fonts (``font.family``) and silence matplotlib's
    per-glyph warnings; returns the font list set. Safe to call more than once."""
    import matplotlib  # not at import: ``viz.figures`` is on the report CLI's light path

    families = list(installed_fonts()) or ["sans-serif"]
    matplotlib.rcParams["font.family"] = families
    warnings.filterwarnings("ignore", message=GLYPH_WARNING, category=UserWarning)
    return families


@functools.cache
def _codepoints(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(path).get_charmap())


def _font_files(families: tuple[str, ...]) -> tuple[str, ...]:
    """The font file matplotlib draws each family of ``families`` with (unknown ones left out)."""
    from matplotlib import font_manager

    files = []
    for family in families:
        try:
            files.append(font_manager.findfont(font_manager.FontProperties(family=[family]),
                                               fallback_to_default=False))
        except ValueError:  # not installed: matplotlib skips it when drawing too
            continue
    return tuple(dict.fromkeys(files))


def drawable(char: str, families: tuple[str, ...] | None = None) -> bool:
    """Whether a font of ``families`` (default: ``font.family``) has a glyph for ``char``;
    spaces and control characters, which draw nothing, count as drawable.

    >>> drawable("é"), drawable("Ж"), drawable("\\n")
    (True, True, True)
    """
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
        return True
    families = _families() if families is None else families
    return any(ord(char) in _codepoints(path) for path in _font_files(families))


def figure_labels(fig) -> list[str]:
    """The distinct non-empty texts of ``fig``: titles, axis and tick labels, legend entries,
    annotations (tick labels as they would be drawn, without drawing the figure)."""
    from matplotlib.text import Text

    for ax in fig.axes:  # tick labels get their text from the axis' formatter
        ax.get_xticklabels(), ax.get_yticklabels()
    texts = (text.get_text() for text in fig.findobj(Text) if text.get_visible())
    return list(dict.fromkeys(text for text in texts if text.strip()))


def undrawable_labels(fig) -> list[str]:
    """The labels of ``fig`` (:func:`figure_labels`) holding a character no font of
    ``font.family`` can draw."""
    families = _families()
    return [label for label in figure_labels(fig)
            if not all(drawable(char, families) for char in set(label))]


def _families() -> tuple[str, ...]:
    """The font families figures are drawn with (``font.family``)."""
    import matplotlib

    return tuple(matplotlib.rcParams["font.family"])


def _is_cjk(char: str) -> bool:
    return unicodedata.name(char, "").startswith(_CJK_WORDS)


def missing_glyphs_note(fig) -> str:
    """The caption sentence for a figure whose labels the installed fonts cannot draw ("" when
    every character can be drawn, or for no figure): how many labels, and the font to install.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_title("Tone of 人民日报")
    >>> missing_glyphs_note(fig) if not installed_fonts()[1:] else "(a CJK font is installed)"
    ' 1 label contains characters the installed fonts cannot draw (shown as empty boxes); install Noto Sans CJK.'
    """
    if fig is None or not hasattr(fig, "axes"):
        return ""
    labels = undrawable_labels(fig)
    if not labels:
        return ""
    families = _families()
    missing = {char for label in labels for char in label if not drawable(char, families)}
    hint = CJK_HINT if any(map(_is_cjk, missing)) else OTHER_HINT
    if any(map(_is_cjk, missing)) and not all(map(_is_cjk, missing)):
        hint = f"{CJK_HINT}, or a Noto Sans font for the other scripts"
    verb = "contains" if len(labels) == 1 else "contain"
    noun = "label" if len(labels) == 1 else "labels"
    return (f" {len(labels)} {noun} {verb} characters the installed fonts cannot draw "
            f"(shown as empty boxes); {hint}.")
