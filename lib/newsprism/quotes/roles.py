"""Role descriptions ('the senator', 'the former president', 'the spokeswoman') and the people
an article introduced with that role.

``role_introductions(text, description, at)`` -> the (start, end) spans of the names the text
before ``at`` introduces with the description's role, in two shapes a reader links:

- a title or role before the name: 'Sen. Ted Cruz' and 'Senator Ted Cruz' -> 'the senator';
  'Trump spokeswoman Hope Hicks' -> 'the spokeswoman'; 'Former President Bill Clinton' -> 'the
  former president';
- an apposition after the name: 'Hope Hicks, a spokeswoman for Donald Trump,' -> 'the
  spokeswoman'; 'Ben Carson, the Republican candidate,' -> 'the candidate'.

The caller decides: one person introduced so -> that person; none or two different people ->
the description stays a speaker of its own (no guess). Caveats: 'former' must agree both ways
('the president' is never a former president introduced as such); a capitalised modifier ('the
Florida senator') must be written within 100 characters of the introduction; other modifiers
('longtime', 'embattled') are ignored; a description with no role noun of ``ROLES`` is not
read.

>>> text = "Sen. Ted Cruz spoke. Hope Hicks, a spokeswoman for Trump, spoke. "
>>> [text[s:e] for s, e in role_introductions(text, "the senator", len(text))]
['Ted Cruz']
>>> [text[s:e] for s, e in role_introductions(text, "the spokeswoman", len(text))]
['Hope Hicks']
>>> role_introductions(text, "the former senator", len(text))
[]
"""

from __future__ import annotations

import re

# role noun -> the title forms that introduce a person with it (abbreviations end in '.')
ROLES = {
    "senator": ("Sen.", "Senator"),
    "president": ("President", "Pres."),
    "vice president": ("Vice President",),
    "governor": ("Gov.", "Governor"),
    "representative": ("Rep.", "Representative"),
    "congressman": ("Rep.", "Congressman"),
    "congresswoman": ("Rep.", "Congresswoman"),
    "mayor": ("Mayor",),
    "secretary": ("Secretary", "Secretary of State"),
    "prime minister": ("Prime Minister",),
    "minister": ("Minister",),
    "chancellor": ("Chancellor",),
    "attorney general": ("Attorney General",),
    "speaker": ("Speaker",),
    "judge": ("Judge",),
    "justice": ("Justice",),
    "ambassador": ("Ambassador",),
    "spokesman": ("spokesman",),
    "spokeswoman": ("spokeswoman",),
    "spokesperson": ("spokesperson",),
    "candidate": ("candidate",),
    "nominee": ("nominee",),
    "chairman": ("Chairman",),
    "chairwoman": ("Chairwoman",),
    "director": ("Director",),
    "coach": ("Coach", "coach"),
}
_ROLE_ALTERNATION = "|".join(sorted(ROLES, key=len, reverse=True))
# 'the [up to three modifiers] senator' (the modifiers: 'former', 'longtime', 'Republican')
_DESCRIPTION = re.compile(
    rf"(?i:the)\s+(?P<mods>(?:[\w\-]+\s+){{0,3}}?)(?P<role>(?i:{_ROLE_ALTERNATION}))")
_FORMER = re.compile(r"\b(?i:former|ex-?)(?=[\s\-])")
_CAPWORD = r"[A-Z][\w\u2019'\-]+"
_PERSON = rf"(?P<name>{_CAPWORD}(?:\s+(?:[A-Z]\.\s+)?{_CAPWORD}){{0,2}})"


def parse_description(description: str) -> tuple[str, bool, tuple[str, ...]] | None:
    """(role noun, former?, capitalised modifiers) of a role description, or None: 'the
    longtime senator' -> ('senator', False, ()); 'the former president' -> ('president', True,
    ()); 'the Florida senator' -> ('senator', False, ('Florida',))."""
    m = _DESCRIPTION.fullmatch(re.sub(r"\s+", " ", description.strip()))
    if not m:
        return None
    capitalised = tuple(w for w in m.group("mods").split() if w[:1].isupper())
    return m.group("role").lower(), bool(_FORMER.search(m.group("mods"))), capitalised


def _title_pattern(role: str) -> re.Pattern:
    forms = "|".join(re.escape(f).replace(r"\ ", r"\s+")
                     for f in sorted(ROLES[role], key=len, reverse=True))
    return re.compile(rf"(?P<pre>\b(?:[\w\-]+\s+){{0,2}})(?:{forms})(?![\w\-])\s+{_PERSON}")


def _apposition_pattern(role: str) -> re.Pattern:
    # 'Dmitry Peskov, the Russian president's spokesman,' introduces a spokesman, not a president
    noun = re.escape(role).replace(r"\ ", r"\s+")
    return re.compile(rf"{_PERSON},\s+(?P<pre>(?:a|an|the)\s+(?:[\w\-\u2019']+\s+){{0,4}}?)"
                      rf"(?i:{noun})\b(?![\u2019']s\b)")


def role_introductions(text: str, description: str, at: int,
                       window: int = 5000) -> list[tuple[int, int]]:
    """The spans of the names ``text[at - window:at]`` introduces with the role of
    ``description``, in text order ([] when the description names no known role)."""
    parsed = parse_description(description)
    if parsed is None:
        return []
    role, former, places = parsed
    lo = max(0, at - window)
    spans = []
    for pattern in (_title_pattern(role), _apposition_pattern(role)):
        for m in pattern.finditer(text, lo, at):
            near = text[max(0, m.start() - 100):min(m.end() + 100, at)]
            # 'the Florida senator' only after a senator the text ties to Florida nearby
            if bool(_FORMER.search(m.group("pre"))) == former and all(
                    re.search(rf"\b{re.escape(w)}\b", near) for w in places):
                spans.append(m.span("name"))
    return sorted(spans)
