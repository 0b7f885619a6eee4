"""The people of one article: their name variants ("Kim" -> "Kim Jong Un"), genders and
whether a name may be a person (:class:`Article`), the state pronoun resolution reads.

>>> genders_in("Mr. Trump spoke.")
{'Trump': 'm'}
"""

from __future__ import annotations

import re

from newsprism.quotes.given_names import given_name_gender
from newsprism.quotes.names import (
    CUE_RE,
    NAME_RE,
    NOT_NAMES,
    TITLE_WORDS,
    TITLES,
    clean_name,
    in_headline_line,
    name_words,
    person_like,
)

# words before a name that tell a person's gender ('Mr. Trump', 'Congresswoman Tulsi Gabbard')
GENDER_WORDS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "congressman": "m",
                "congresswoman": "f", "spokesman": "m", "spokeswoman": "f", "chairman": "m",
                "chairwoman": "f", "businessman": "m", "businesswoman": "f", "actor": "m",
                "actress": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f",
                 # honorifics of British and other-language news ('Sir Keir', 'Mme Le Pen')
                "sir": "m", "dame": "f", "lord": "m", "lady": "f", "madame": "f", "mme": "f",
                "monsieur": "m", "herr": "m", "frau": "f", "councilman": "m",
                "councilwoman": "f", "assemblyman": "m", "assemblywoman": "f"}
GENDER_OF_PRONOUN = {"he": "m", "she": "f"}
_GENDER_WORD_RE = "|".join(sorted(GENDER_WORDS, key=len, reverse=True))


_GENDERED_NAME = re.compile(
    rf"\b((?i:{_GENDER_WORD_RE}))\.?\s+(?:[A-Z][\w.\-]*\s+){{0,2}}([A-Z][\w\u2019'\-]+)")
_FIRST_AND_LAST = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][\w\u2019'\-]+)")


# a person's title, then the surname ('President Obama', 'Sen. Ted Cruz', 'Dr. Carson')
_TITLED_NAME = re.compile(
    rf"\b(?:(?:{TITLES})\.?|(?:{TITLE_WORDS}))\s+(?:[A-Z][\w.\-]*\s+){{0,2}}?"
    rf"([A-Z][\w\u2019'\-]+)\b(?!\s+[A-Z])")


_WORD_BEFORE = re.compile(r"\b([A-Z][\w\u2019'\-]+) $")


def genders_in(text: str) -> dict[str, str]:
    """Surname -> 'm' or 'f': what the article says of the gender of the person called so (see
    ``Article.gender``): the gendered titles or role words before the name, when they all
    agree and the article names one person of that surname only ('Mr. Clinton' and 'Mrs.
    Clinton', 'Bill Clinton' and 'Hillary Clinton': not known). One scan of the article.

    >>> genders_in("Mr. Trump spoke. Donald Trump left. Mrs. Clinton and Mr. Clinton smiled.")
    {'Trump': 'm'}
    """
    found: dict[str, set[str]] = {}
    for m in _GENDERED_NAME.finditer(text):
        found.setdefault(m.group(2), set()).add(GENDER_WORDS[m.group(1).lower()])
    if not found:
        return {}
    firsts: dict[str, set[str]] = {}
    for m in _FIRST_AND_LAST.finditer(text):
        first = m.group(1)
        if first not in NOT_NAMES and first.lower() not in GENDER_WORDS and \
                not re.fullmatch(rf"(?:{TITLE_WORDS})", first):
            firsts.setdefault(m.group(2), set()).add(first)
    return {surname: genders.pop() for surname, genders in found.items()
            if len(genders) == 1 and len(firsts.get(surname, ())) <= 1}


def _names_by_last_word(counts: dict[str, int]) -> dict[str, str]:
    """Last word -> the name of two words or more it ends: the most frequent, then the longest
    ('Sanders' -> 'Bernie Sanders', not 'New Hampshire Sanders' seen once; 'Trump' -> 'Donald
    Trump', not 'Ivanka Trump' named less often, nor 'Trump University', which it does not
    end). Caveat: two people of one surname ('Bill Clinton', 'Hillary Clinton') give the
    surname alone to the one named more often."""
    best: dict[str, tuple[int, int, str]] = {}
    for name, n in counts.items():
        last = name.split()[-1]
        key = (n, len(name), name)
        if len(last) > 1 and key > best.get(last, (0, 0, "")):
            best[last] = key
    return {last: key[2] for last, key in best.items()}


def _same_person(a: str, b: str) -> bool:
    """Whether two full names of one surname may be one person (see ``people_of_surname``)."""
    wa, wb = (set(n.replace(".", "").split()) for n in (a, b))
    return wa <= wb or wb <= wa or a[0].lower() == b[0].lower()


class Article:
    """Per-article state: name variants, earlier speakers, sentence boundaries."""

    def __init__(self, text: str, actors=None):
        self.text = text
        self.actors = actors
        self._names: dict[str, str] | None = None
        self._surnames: dict[str, str] = {}
        self._genders: dict[str, str] | None = None
        self._titled: frozenset[str] | None = None
        self._counts: dict[str, int] = {}
        self._people: dict[str, dict[str, list[str]]] = {}
        self._resolve = getattr(actors, "resolve", None)

    def names(self) -> dict[str, str]:
        # token -> longest capitalised name containing it (name variants within the article)
        if self._names is None:
            longest: dict[str, str] = {}
            headline_lines: dict[int, bool] = {}  # line start -> headline (see _headline_lines)
            line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
            # the words a match gives depend only on its text (names recur within an article)
            seen: dict[str, list[str]] = {}
            counts: dict[str, int] = {}
            for m in NAME_RE.finditer(self.text):
                surface = m.group(0)
                if len(surface.split()) < 2:
                    continue  # one word: no variant of two words or more can come of it
                if in_headline_line(self.text, m.start(), headline_lines, line_starts):
                    continue  # 'Pence Endorses Paul Ryan With Trump’s Blessing': title case
                words = seen.get(surface)
                if words is None:
                    words = seen[surface] = name_words(surface, self.text)
                if len(words) < 2:
                    continue
                name = " ".join(words)
                counts[name] = counts.get(name, 0) + 1
                for w in words:
                    if len(w) > 1 and len(name) > len(longest.get(w, "")):
                        longest[w] = name
            self._names = longest
            self._counts = counts
            self._surnames = _names_by_last_word(counts)
        return self._names

    def surnames(self) -> dict[str, str]:
        """Last word -> the name of the article it ends (see ``_names_by_last_word``)."""
        self.names()
        return self._surnames

    def namesake(self, name: str, gender: str) -> str | None:
        """The one other person of the article who shares the surname of ``name`` and is of
        ``gender`` by given name ('Hillary Clinton' for 'Bill Clinton' and 'f'); None when
        there is none or more than one."""
        self.names()
        last = name.split()[-1] if name.split() else ""
        others = {full for full in self._counts if full != name and
                  full.split()[-1] == last and person_like(full)}
        # 'Hillary Rodham Clinton' and 'Hillary Clinton' are one person: the longest form
        others = {f for f in others if not any(f != g and set(f.split()) < set(g.split())
                                               for g in others)}
        # of the pronoun's gender by given name, else the one not known to be of the other
        # ('Chris Murphy' beside 'Anne Marie Murphy' for 'he')
        for keep in (lambda g: g == gender, lambda g: g in (None, gender)):
            found = {f for f in others if keep(given_name_gender(f))}
            if found:
                return found.pop() if len(found) == 1 else None
        return None

    def people_of_surname(self, last: str) -> dict[str, list[str]]:
        """The people the article names in full with the last word ``last``: their most named
        form -> every form (person-like names of two words or more whose given name the codebook
        knows or that are named twice: 'Iowa Clinton', once after an opener, is nobody). Forms
        are one person when one's words hold the other's ('Hillary Rodham Clinton') or their
        given names share a first letter ('Chuck' and 'Charles Grassley', 'Jeb' and 'John Ellis
        Bush'): two people are told apart only where a reader would."""
        self.names()
        if last in self._people:  # (asked once per attribution: memoised per surname)
            return self._people[last]
        forms = [f for f, n in self._counts.items() if f.split()[-1] == last and
                 person_like(f) and (n >= 2 or given_name_gender(f) is not None)]
        groups: list[list[str]] = []
        for form in sorted(forms, key=lambda f: (-self._counts[f], -len(f), f)):
            group = next((g for g in groups if any(_same_person(form, o) for o in g)), None)
            if group is None:
                groups.append([form])
            else:
                group.append(form)
        self._people[last] = {g[0]: g for g in groups}
        return self._people[last]

    def gender(self, name: str | None) -> str | None:
        """'m', 'f' or None (not known) for a person ``name``: a gendered title or role word
        before its last word anywhere in the article ('Mr. Trump', 'Mrs. Clinton'), else the
        gender of its given name in the given-names codebook ('Ted Cruz': see ``given_names``)."""
        if not name or not name.split():
            return None
        if self._genders is None:
            self._genders = genders_in(self.text)
        # the article's own words first ('Mr.', 'spokeswoman'), then the given name's gender
        return self._genders.get(name.split()[-1]) or given_name_gender(name)

    def may_be_person(self, name: str) -> bool:
        """Whether a 'he' or 'she' may stand for ``name``: a name of two words or more, or one
        word the article genders ('Mr. Trump') or titles ('President Obama', 'Sen. Cruz');
        never a lone 'Florida', 'FBI' or sentence-initial 'Hastily'."""
        if len(name.split()) > 1 or self.gender(name) is not None:
            return True
        if self._titled is None:
            # titled ('Sen. Cruz') or the subject of a verb of saying ('Trump accused')
            self._titled = frozenset(m.group(1) for m in _TITLED_NAME.finditer(self.text)) | {
                w.group(1) for m in CUE_RE.finditer(self.text)
                if (w := _WORD_BEFORE.search(self.text, max(0, m.start() - 40), m.start()))}
        return name in self._titled

    def canonical(self, surface: str) -> str | None:
        name = clean_name(surface)
        if not name:
            return None
        if self._resolve is not None:
            try:
                resolved = self._resolve(name) or self._resolve(surface)
            except Exception:  # a registry problem must not lose the article
                resolved = None
            if resolved:
                return str(resolved)
        words = name.split()
        full = self.surnames().get(words[-1]) if words else None
        first = self.names().get(words[-1]) if words else None
        if full and len(full) > len(name) and set(words) <= set(full.split()):
            name = full  # 'Clinton' -> 'Hillary Clinton', never 'Bill Clinton' -> 'Hillary ...'
        elif first and len(words) == 1 and first.split()[0] == words[0] and person_like(first):
            name = first  # 'Kim' -> 'Kim Jong Un', never 'Trump' -> 'Trump University'
        if self._resolve is not None and name != clean_name(surface):
            try:
                resolved = self._resolve(name)
            except Exception:
                resolved = None
            if resolved:
                return str(resolved)
        return name

