"""Frame codebooks: load a human-editable YAML file, check it, compile its cues to regexes.

A codebook names frames (id, label, description, cues, optional exclusions and reference) and
word-choice ``naming_pairs``. Cue syntax (see ``newsprism/data/codebooks/frames.yml``):

- ``sanction*``: ``*`` stands for any run of word characters; it may end or sit inside a
  word but never start one (a leading wildcard would match almost anything).
- ``blood bond``: a phrase; any whitespace between its words matches; straight and curly
  apostrophes are interchangeable.
- ``{pattern: "north Korea", case_sensitive: true}``: a case-sensitive cue (default: any case).

>>> book = load_codebook("story")
>>> book.name, "military_alliance" in book.frame_ids
('story', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from newsprism.core import paths
from newsprism.core.yaml_io import load_yaml, syntax_error_message

# Codebook names resolve to these files in newsprism/data/codebooks.
NAMED_CODEBOOKS: dict[str, str] = {"story": "frames.yml", "generic": "frames_generic.yml",
                                   "generic_questions": "frames_generic_questions.yml"}

DEFAULT_NEGATORS = ("not", "no", "never", "without", "nor", "neither", "n't", "cannot",
                    "hardly", "no longer")
DEFAULT_NEGATION_EXCEPTIONS = ("only", "just", "merely", "simply")
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_APOSTROPHE = "['\u2019]"


class CodebookError(ValueError):
    """A malformed codebook; the message names the file, the frame and the field."""


@dataclass(frozen=True)
class Cue:
    """One cue pattern as written in the codebook plus its compiled regex source."""

    pattern: str
    case_sensitive: bool = False

    @property
    def regex(self) -> str:
        return cue_regex(self.pattern, self.case_sensitive)


@dataclass(frozen=True)
class Question:
    """One coding question of a frame (e.g. Semetko & Valkenburg's "Does the story reflect
    disagreement between parties?") and the cues that answer it."""

    id: str
    text: str
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class Frame:
    id: str
    label: str
    description: str
    cues: tuple[Cue, ...]
    exclusions: tuple[Cue, ...] = ()
    reference: str = ""
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class NamingSide:
    name: str
    cues: tuple[Cue, ...]
    exclusions: tuple[Cue, ...] = ()


@dataclass(frozen=True)
class NamingPair:
    id: str
    label: str
    sides: tuple[NamingSide, ...]


@dataclass(frozen=True)
class Negation:
    window: int = 3
    negators: tuple[str, ...] = DEFAULT_NEGATORS
    exceptions: tuple[str, ...] = DEFAULT_NEGATION_EXCEPTIONS


@dataclass(frozen=True)
class Codebook:
    """A checked codebook. ``name`` is the ``codebook:`` field (or the file stem)."""

    name: str
    frames: tuple[Frame, ...]
    naming_pairs: tuple[NamingPair, ...] = ()
    negation: Negation = field(default_factory=Negation)
    title: str = ""
    reference: str = ""
    source: str = ""
    version: str = ""

    @property
    def source_label(self) -> str:
        """The codebook file: package-relative for a shipped codebook (the same label in a
        checkout and an installed package), else relative to the repository when it lives
        there, else the path as given.

        >>> load_codebook("story").source_label
        'newsprism/data/codebooks/frames.yml'
        """
        path = Path(self.source).resolve()
        for root in (paths.PACKAGE.parent, paths.ROOT):
            if path.is_relative_to(root.resolve()):
                return path.relative_to(root.resolve()).as_posix()
        return str(self.source)

    @property
    def shipped(self) -> bool:
        """True when this is a shipped codebook read from its own package file: only then do
        the validation figures saved under its name apply (a copy that keeps ``codebook:
        story`` but edits the cues has none of them).

        >>> from dataclasses import replace
        >>> story = load_codebook("story")
        >>> story.shipped, replace(story, source="my_frames.yml").shipped
        (True, False)
        """
        file = NAMED_CODEBOOKS.get(self.name)
        return bool(file and self.source) and \
            Path(self.source).resolve() == (paths.CODEBOOKS / file).resolve()

    @property
    def frame_ids(self) -> list[str]:
        return [frame.id for frame in self.frames]

    def frame(self, frame_id: str) -> Frame:
        for frame in self.frames:
            if frame.id == frame_id:
                return frame
        raise KeyError(frame_id)

    def frames_table(self):
        """One row per frame: id, label, description, cues (as written), exclusions, reference."""
        import pandas as pd

        return pd.DataFrame([
            {"frame": f.id, "label": f.label, "description": f.description,
             "cues": ", ".join(c.pattern + (" (case-sensitive)" if c.case_sensitive else "")
                               for c in f.cues),
             "exclusions": ", ".join(c.pattern for c in f.exclusions),
             "reference": f.reference or self.reference}
            for f in self.frames])


def cue_regex(pattern: str, case_sensitive: bool = False) -> str:
    """Regex source for one cue: literal text, ``*`` wildcards, flexible whitespace, word edges.

    >>> import re
    >>> bool(re.search(cue_regex("sanction*"), "new sanctions", re.I))
    True
    >>> bool(re.search(cue_regex("blood bond"), "blood\\n bond", re.I))
    True
    """
    check_cue(pattern)
    parts = []
    for token in pattern.split():
        pieces = []
        for i, chunk in enumerate(token.split("*")):
            if i:
                pieces.append(r"\w*")
            pieces.append("".join(_APOSTROPHE if char in "'\u2019" else re.escape(char)
                                  for char in chunk))
        parts.append("".join(pieces))
    body = r"\s+".join(parts)
    # Word edges only where the cue itself starts/ends with a word character ("U.S." ends
    # with a dot, so no edge is demanded after it).
    left = r"(?<!\w)" if re.match(r"\w", pattern.strip()) else ""
    right = r"(?!\w)" if re.search(r"[\w*]$", pattern.strip()) else ""
    body = f"{left}{body}{right}"
    return body if not case_sensitive else f"(?-i:{body})"


def check_cue(pattern: str) -> None:
    """Raise ``ValueError`` (with the reason) for an unusable cue pattern."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise ValueError("empty cue")
    for token in pattern.split():
        if token.startswith("*"):
            raise ValueError(f"bad wildcard in {pattern!r}: '*' may not start a word")
        if "**" in token:
            raise ValueError(f"bad wildcard in {pattern!r}: '**'")
        if token.replace("*", "") == "":
            raise ValueError(f"bad wildcard in {pattern!r}: a word of only '*'")
        if "*" in token and not re.search(r"\w\*", token):
            raise ValueError(f"bad wildcard in {pattern!r}: '*' must follow a letter or digit")


def resolve_codebook_path(path_or_name: str | Path) -> Path:
    """``"story"``/``"generic"`` (or any ``<name>`` with ``newsprism/data/codebooks/<name>.yml``) or a path.

    >>> resolve_codebook_path("generic").name
    'frames_generic.yml'
    """
    text = str(path_or_name).strip()
    if not text:
        text = "story"
    try:  # a relative path is relative to where the command runs, not the kernel's folder
        found = paths.codebook_file(text, NAMED_CODEBOOKS)
    except FileNotFoundError as missing:
        raise CodebookError(f"codebook file not found: {missing}") from None
    if found is not None:
        return found
    for name in (f"{text}.yml", f"frames_{text}.yml"):
        if (paths.CODEBOOKS / name).exists():
            return paths.CODEBOOKS / name
    known = ", ".join(sorted(NAMED_CODEBOOKS))
    raise CodebookError(f"unknown codebook {text!r}: give a name ({known}) or a path to a "
                        f"YAML file")


def load_codebook(path_or_name: str | Path | Codebook = "story") -> Codebook:
    """Load and check a codebook by name (``"story"``, ``"generic"``) or path.

    Raises :class:`CodebookError` naming the frame and the field for a missing id, label or
    cues, cues that are not a list, a bad wildcard, a duplicate id, or YAML syntax errors
    (with the line).

    >>> load_codebook("generic").frame_ids
    ['conflict', 'human_interest', 'economic', 'morality', 'responsibility']
    """
    if isinstance(path_or_name, Codebook):
        return path_or_name
    path = resolve_codebook_path(path_or_name)
    stat = path.stat()
    return _load_cached(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _load_cached(path: str, mtime_ns: int, size: int) -> Codebook:
    text = Path(path).read_text(encoding="utf-8")
    return parse_codebook(text, source=path)


def parse_codebook(text: str, source: str = "<string>") -> Codebook:
    """Check and build a :class:`Codebook` from YAML text (see :func:`load_codebook`)."""
    where = Path(source).name if source != "<string>" else source
    try:
        data = load_yaml(text, source=where)
    except yaml.YAMLError as error:
        raise CodebookError(f"{where}: {syntax_error_message(error)}") from None
    if not isinstance(data, dict):
        raise CodebookError(f"{where}: the codebook must be a mapping with a 'frames' list")
    raw_frames = data.get("frames")
    if not isinstance(raw_frames, list) or not raw_frames:
        raise CodebookError(f"{where}: field 'frames' must be a non-empty list")
    frames, seen = [], set()
    for index, raw in enumerate(raw_frames):
        frame = _parse_frame(raw, index, where)
        if frame.id in seen:
            raise CodebookError(f"{where}: frame {frame.id!r}: duplicate id (frame #{index + 1})")
        seen.add(frame.id)
        frames.append(frame)
    pairs = _parse_pairs(data.get("naming_pairs") or [], where)
    negation = _parse_negation(data.get("negation") or {}, where)
    name = str(data.get("codebook") or Path(source).stem)
    return Codebook(name=name, frames=tuple(frames), naming_pairs=pairs, negation=negation,
                    title=str(data.get("title") or ""),
                    reference=" ".join(str(data.get("reference") or "").split()),
                    source=source, version=str(data.get("version") or ""))


def _parse_cues(raw: Any, label: str, field_name: str, where: str,
                required: bool) -> tuple[Cue, ...]:
    if raw is None:
        if required:
            raise CodebookError(f"{where}: {label}: missing field '{field_name}'")
        return ()
    if not isinstance(raw, list):
        raise CodebookError(f"{where}: {label}: field '{field_name}' must be a list, "
                            f"got {type(raw).__name__}")
    if required and not raw:
        raise CodebookError(f"{where}: {label}: field '{field_name}' is empty")
    cues = []
    for item in raw:
        if isinstance(item, dict):
            pattern, case = item.get("pattern"), bool(item.get("case_sensitive", False))
        else:
            pattern, case = item, False
        if not isinstance(pattern, str | int | float) or not str(pattern).strip():
            raise CodebookError(f"{where}: {label}: field '{field_name}': empty or invalid cue "
                                f"{item!r}")
        try:
            check_cue(str(pattern))
        except ValueError as error:
            raise CodebookError(f"{where}: {label}: field '{field_name}': {error}") from None
        cues.append(Cue(" ".join(str(pattern).split()), case))
    return tuple(cues)


def _parse_frame(raw: Any, index: int, where: str) -> Frame:
    if not isinstance(raw, dict):
        raise CodebookError(f"{where}: frame #{index + 1}: must be a mapping with id, label, "
                            f"cues")
    frame_id = raw.get("id")
    if frame_id is None or not str(frame_id).strip():
        raise CodebookError(f"{where}: frame #{index + 1}: missing field 'id'")
    frame_id = str(frame_id).strip()
    if not _ID.match(frame_id):
        raise CodebookError(f"{where}: frame {frame_id!r}: field 'id' must be letters, digits "
                            f"and underscores, starting with a letter")
    label = f"frame {frame_id!r}"
    if not str(raw.get("label") or "").strip():
        raise CodebookError(f"{where}: {label}: missing field 'label'")
    questions = _parse_questions(raw.get("questions"), label, where)
    # A frame coded by questions takes the union of its questions' cues as its own.
    cues = _parse_cues(raw.get("cues"), label, "cues", where, required=not questions)
    cues = tuple(dict.fromkeys(cues + tuple(c for q in questions for c in q.cues)))
    exclusions = _parse_cues(raw.get("exclusions"), label, "exclusions", where, required=False)
    return Frame(id=frame_id, label=str(raw["label"]).strip(),
                 description=" ".join(str(raw.get("description") or "").split()),
                 cues=cues, exclusions=exclusions,
                 reference=" ".join(str(raw.get("reference") or "").split()),
                 questions=questions)


def _parse_questions(raw: Any, label: str, where: str) -> tuple[Question, ...]:
    """The optional ``questions`` list of a frame: each an id, its text and its cues."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise CodebookError(f"{where}: {label}: field 'questions' must be a non-empty list")
    questions, seen = [], set()
    for index, item in enumerate(raw):
        question_id = str(item.get("id") or "").strip() if isinstance(item, dict) else ""
        if not _ID.match(question_id):
            raise CodebookError(f"{where}: {label}: question #{index + 1}: missing or invalid "
                                f"field 'id'")
        if question_id in seen:
            raise CodebookError(f"{where}: {label}: question {question_id!r}: duplicate id")
        seen.add(question_id)
        where_q = f"{label} question {question_id!r}"
        questions.append(Question(
            id=question_id, text=" ".join(str(item.get("text") or "").split()),
            cues=_parse_cues(item.get("cues"), where_q, "cues", where, required=True)))
    return tuple(questions)


def _parse_pairs(raw: Any, where: str) -> tuple[NamingPair, ...]:
    if not isinstance(raw, list):
        raise CodebookError(f"{where}: field 'naming_pairs' must be a list")
    pairs, seen = [], set()
    for index, item in enumerate(raw):
        if not isinstance(item, dict) or not str(item.get("id") or "").strip():
            raise CodebookError(f"{where}: naming pair #{index + 1}: missing field 'id'")
        pair_id = str(item["id"]).strip()
        if pair_id in seen:
            raise CodebookError(f"{where}: naming pair {pair_id!r}: duplicate id")
        seen.add(pair_id)
        sides_raw = item.get("sides")
        if not isinstance(sides_raw, list) or len(sides_raw) < 2:
            raise CodebookError(f"{where}: naming pair {pair_id!r}: field 'sides' must list at "
                                f"least two sides")
        sides = []
        for s_index, side in enumerate(sides_raw):
            if not isinstance(side, dict) or not str(side.get("name") or "").strip():
                raise CodebookError(f"{where}: naming pair {pair_id!r}: side #{s_index + 1}: "
                                    f"missing field 'name'")
            label = f"naming pair {pair_id!r} side {side['name']!r}"
            sides.append(NamingSide(
                name=str(side["name"]).strip(),
                cues=_parse_cues(side.get("cues"), label, "cues", where, required=True),
                exclusions=_parse_cues(side.get("exclusions"), label, "exclusions", where,
                                       required=False)))
        pairs.append(NamingPair(id=pair_id, label=str(item.get("label") or pair_id),
                                sides=tuple(sides)))
    return tuple(pairs)


def _parse_negation(raw: Any, where: str) -> Negation:
    if not isinstance(raw, dict):
        raise CodebookError(f"{where}: field 'negation' must be a mapping")
    window = raw.get("window", 3)
    if not isinstance(window, int) or window < 0:
        raise CodebookError(f"{where}: negation: field 'window' must be a whole number >= 0")
    negators = raw.get("negators", list(DEFAULT_NEGATORS))
    exceptions = raw.get("exceptions", list(DEFAULT_NEGATION_EXCEPTIONS))
    for name, value in (("negators", negators), ("exceptions", exceptions)):
        if not isinstance(value, list):
            raise CodebookError(f"{where}: negation: field '{name}' must be a list")
    # YAML 1.1 reads a bare `no` as False: take it back as the word the author wrote.
    negators = ["no" if n is False else str(n) for n in negators]
    return Negation(window=window,
                    negators=tuple(n.lower().replace("\u2019", "'") for n in negators),
                    exceptions=tuple(str(e).lower() for e in exceptions))
