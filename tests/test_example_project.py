"""The bundled story is an example project: its parameter file names its codebooks, every name
is a parameter the notebooks declare, and every codebook it names exists and loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsprism.core import paths
from newsprism.framing.codebook import load_codebook
from newsprism.quotes.actors import load_actors
from newsprism.report.options import PATH_PARAMETERS, resolve_path_parameters
from newsprism.report.params import check_parameters, parameter_schema
from newsprism.report.runner import discover_notebooks, load_parameters

PARAMS = paths.CORPORA / "kim_putin_letters_2026.params.yml"


@pytest.fixture(scope="module")
def params() -> dict:
    loaded = load_parameters(PARAMS, [])
    return resolve_path_parameters(loaded, paths.ROOT)


def test_names_every_codebook_and_nothing_unknown(params):
    assert set(params) == set(PATH_PARAMETERS)
    schema = parameter_schema(discover_notebooks(paths.NOTEBOOKS))
    assert check_parameters(params, schema) == params


def test_every_named_codebook_loads(params):
    assert load_codebook(params["codebook"]).naming_pairs  # the story's own pairs
    assert {"Kim Jong Un", "Vladimir Putin"} <= set(load_actors(params["actors_codebook"]).names)
    for name in ("sourcing_codebook", "hedging_codebook"):
        assert Path(params[name]).is_file() and Path(params[name]).is_relative_to(paths.CODEBOOKS)
    from newsprism.compare.claims_units import is_default_units, load_claim_units

    assert "troops killed" in load_claim_units(params["claims_units"]).known_units
    assert is_default_units(params["claims_units"])  # the annotation's claims are reused


def test_the_example_project_annotates_and_compares_as_the_library_defaults_do(params):
    """`make report` on the bundled corpus passes the params file; with it the notebooks get
    exactly the codebooks the library uses by default (`newsprism annotate`, `load_codebook()`,
    `sourcing_table()`), so the bundled report is the one it was before the defaults went
    generic (the saved tables compared byte for byte: see README, "your own project")."""
    from newsprism.compare import sourcing
    from newsprism.pipeline.annotate import AnnotateOptions
    from newsprism.quotes import actors
    from newsprism.report.options import annotation_options, codebook_file

    options = annotation_options(codebook=params["codebook"],
                                 actors_codebook=params["actors_codebook"])
    assert options.codebook == AnnotateOptions().codebook == "story"
    assert Path(options.actors_path) == actors.DEFAULT_PATH
    named = codebook_file(params["sourcing_codebook"], "sourcing_codebook")
    assert sourcing.load_sourcing_codebook(named) == sourcing.load_sourcing_codebook()


def test_the_generic_sourcing_codebook_names_no_source_of_the_story():
    from newsprism.compare import sourcing

    generic = {name for _, name, _ in
               sourcing.load_sourcing_codebook(str(paths.CODEBOOKS / "sourcing_generic.yml"))}
    story = {name for _, name, _ in sourcing.load_sourcing_codebook()}
    assert {"KCNA", "TASS", "South Korea's NIS", "unnamed officials"} <= story - generic
    assert generic < story | {"state media", "intelligence services", "defence ministry",
                              "military officials"}


@pytest.mark.parametrize(("own", "expected"), [
    # a category the story lists adds its sources after the generic ones ...
    ("categories:\n  vague_attribution:\n    sources:\n      - {name: mine, patterns: [x]}\n",
     ["analysts say", "observers note", "experts warn", "sources close to",
      "unattributed reports", "mine"]),
    # ... or stands instead of them with `replace: true`
    ("categories:\n  vague_attribution:\n    replace: true\n"
     "    sources:\n      - {name: mine, patterns: [x]}\n", ["mine"]),
])
def test_a_story_codebook_extends_the_generic_one(tmp_path, own, expected):
    from newsprism.compare import sourcing

    path = tmp_path / "my_sources.yml"
    path.write_text("extends: sourcing_generic.yml\n" + own, encoding="utf-8")
    data = sourcing.sourcing_codebook_data(path)
    assert list(data["categories"]) == ["state_media", "intelligence_defence",
                                        "vague_attribution"]
    assert [s["name"] for s in data["categories"]["vague_attribution"]["sources"]] == expected


def test_an_extends_loop_is_a_clear_error(tmp_path):
    from newsprism.compare import sourcing

    (tmp_path / "a.yml").write_text("extends: b.yml\ncategories: {}\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("extends: a.yml\ncategories: {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="more than 3 codebooks deep"):
        sourcing.sourcing_codebook_data(tmp_path / "a.yml")


def _story_terms() -> set[str]:
    """What only the bundled story's codebooks name: its people and media and the two states
    it is about (with every alias), the frames the generic codebook lacks, its naming pairs,
    its named sources."""
    from newsprism.compare import sourcing

    story, generic = load_codebook("story"), load_codebook("generic")
    terms: set[str] = set()
    for actor in load_actors().actors.values():
        if actor.role in ("person", "media") or actor.name in ("North Korea", "Russia"):
            terms |= {actor.name, *actor.aliases, *actor.descriptors}
    terms |= {t for f in story.frames if f.id not in generic.frame_ids for t in (f.id, f.label)}
    terms |= {t for pair in story.naming_pairs for t in (pair.id, pair.label)}
    generic_sources = sourcing.load_sourcing_codebook(str(paths.CODEBOOKS / "sourcing_generic.yml"))
    terms |= ({name for _, name, _ in sourcing.load_sourcing_codebook()}
              - {name for _, name, _ in generic_sources})
    return terms


def _report_texts(out_dir: Path) -> dict[str, str]:
    """The visible text of each page (no scripts, styles or figures) and of every saved table
    and findings file. Left out: what describes gold data rather than this corpus, i.e. the
    methods appendix (validity of every shipped codebook) and the framing page's validation
    appendix (hand-coded paragraphs of the bundled corpus)."""
    from bs4 import BeautifulSoup

    texts = {}
    for page in sorted(out_dir.glob("[0-8]*.html")) + [out_dir / "index.html"]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup(["script", "style"]):
            tag.decompose()
        text = soup.get_text(" ")
        if "Validation appendix" in text:
            before, _, after = text.partition("Validation appendix")
            text = before + after[after.find("Limitations"):]
        texts[page.name] = text
    for path in sorted((out_dir / "tables").glob("*.csv")) + sorted(
            (out_dir / "findings").glob("*")):
        if not path.name.startswith(("methods_", "90_")):
            texts[path.name] = path.read_text(encoding="utf-8")
    return texts


def test_the_default_report_on_another_story_names_nothing_of_the_bundled_story(generic_report):
    import re

    out_dir, exit_code, _ = generic_report
    assert exit_code == 0, (out_dir / "runner.log").read_text()
    texts = _report_texts(out_dir)
    assert len(texts) > 40  # the pages, the tables and the findings were all read
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(
        sorted(map(re.escape, _story_terms()), key=len, reverse=True)) + r")(?!\w)")
    found = {name: sorted(set(pattern.findall(text))) for name, text in texts.items()}
    assert not {name: hits for name, hits in found.items() if hits}
    # Sections without a codebook say why; the story's own people are still found.
    assert "No actors codebook given" in texts["10_sentiment.html"]
    assert "The people quoted most often in this corpus could start it: Elena Ruiz" in (
        " ".join(texts["10_sentiment.html"].split()))
    assert "No actors codebook given" in texts["50_over_time.html"]
    assert "Codebook 'generic' defines no naming pairs" in texts["20_framing.html"]
    assert "data/codebooks/sourcing_generic.yml" in texts["40_source_comparison.html"]
    assert "Elena Ruiz" in texts["quotes_share_of_voice.csv"]


def test_the_bundled_report_with_its_params_file_is_the_story_report(suite_report):
    import pandas as pd

    out_dir, exit_code, manifest = suite_report
    assert exit_code == 0 and manifest["parameters"]["codebook"] == "story"
    tables = out_dir / "tables"
    actors = pd.read_csv(tables / "sentiment_outlet_actor_model.csv")
    assert {"Kim Jong Un", "Vladimir Putin"} <= set(actors["actor"])
    frames = pd.read_csv(tables / "framing_codebook.csv")
    assert list(frames["frame"]) == load_codebook("story").frame_ids
    assert len(pd.read_csv(tables / "framing_word_choice.csv")) > 0
    assert "KCNA" in set(pd.read_csv(tables / "comparison_sourcing_evidence.csv")["source"])
