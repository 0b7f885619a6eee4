"""Gold construction of the PolNeAR validation on a tiny hand-written brat example: Contents
with double marks or single quotation marks are gold quotes, apostrophes are not marks."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from newsprism.core import paths
from newsprism.quotes import extract as quotes_module
from newsprism.quotes.extract import Quote, extract_quotes
from newsprism.quotes.validation import (
    MARKS,
    SECONDARY_LABEL,
    STRICT_LABEL,
    _read_ann,
    classifier_decisions,
    classifier_table,
    compare_article,
    gold_quotes,
    load_polnear,
    score,
    validate_quotes,
)

LINES = [
    "Trump’s aides don't care about students' votes, Smith said.",
    "Trump Was ‘Mocking’ Clinton Camp, Cuban said.",
    "“We will win,” Kim said.",
    "The ’90s weren't 'great' for him, Lee said.",
]
TEXT = "\n".join(LINES) + "\n"


def _span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def _brat() -> str:
    """One attribution (Content, Source) per line, written as brat standoff."""
    contents = ["Trump’s aides don't care about students' votes", "Trump Was ‘Mocking’ Clinton Camp",
                "“We will win,”", "The ’90s weren't 'great' for him"]
    sources = ["Smith", "Cuban", "Kim", "Lee"]
    lines, t = [], 0
    for e, (content, source) in enumerate(zip(contents, sources, strict=True), start=1):
        for label, fragment in (("Content", content), ("Source", source)):
            t += 1
            s, end = _span(fragment)
            lines.append(f"T{t}\t{label} {s} {end}\t{fragment}")
        lines.append(f"E{e}\tAttribution:T{t} Content:T{t - 1} Source:T{t}")
    return "\n".join(lines) + "\n"


@pytest.fixture()
def polnear(tmp_path, monkeypatch):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tannotators\ndev\tart1\tbreitbart\tann1\n",
        encoding="utf-8")
    (tmp_path / "dev" / "text" / "art1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "art1_ann1.ann").write_text(_brat(), encoding="utf-8")
    monkeypatch.setattr(paths, "POLNEAR", tmp_path)
    return tmp_path


def _gold(marks: str) -> list[tuple[str, list[str]]]:
    (article,) = load_polnear("dev", marks=marks)
    return [(TEXT[g.start:g.end], g.source_texts) for g in article.quotes]


def test_all_marks_gold_keeps_single_quoted_contents_and_ignores_apostrophes(polnear):
    # line 1 only has apostrophes (Trump’s, don't, students'): no gold quote; the curly and
    # the straight single-quoted words are gold quotes with their Source, marks excluded
    assert _gold("all") == [("Mocking", ["Cuban"]), ("We will win,", ["Kim"]),
                            ("great", ["Lee"])]


def test_double_marks_gold_is_the_old_definition(polnear):
    assert _gold("double") == [("We will win,", ["Kim"])]
    with pytest.raises(ValueError):
        load_polnear("dev", marks="single")


def test_single_quoted_prediction_is_a_true_positive_only_under_all_marks(polnear):
    start, end = _span("Mocking")

    def extract(text):
        return [Quote(start, end, text[start:end], "speech", "partial", speaker="Cuban",
                      speaker_start=_span("Cuban")[0], speaker_end=_span("Cuban")[1])]

    for marks, matched in (("all", True), ("double", False)):
        (article,) = load_polnear("dev", marks=marks)
        rows = compare_article(article, extract)
        prediction = rows[rows["pred_start"].notna()].iloc[0]
        assert bool(prediction["matched"]) is matched
        if matched:
            assert prediction["speaker_ok"] and prediction["speaker_ok_strict"]
            assert prediction["speaker_check"] == "mention overlaps gold source"


def test_validator_reports_both_definitions_primary_first(polnear):
    table = validate_quotes(quick=True)
    datasets = list(dict.fromkeys(table["dataset"]))
    assert datasets == [f"PolNeAR ({MARKS['all']})", f"PolNeAR ({MARKS['double']})"]
    recall = table[(table["engine"] == "newsprism.quotes") & (table["metric"] == "recall")]
    assert recall["n"].tolist() == [3, 1]  # gold quotes under each definition
    assert set(table["split"]) == {"dev"}


def test_issue_targets_apply_to_the_primary_definition_only(polnear):
    # The double-marks rows count every single-quoted speech prediction as a false positive;
    # read "below target 0.954" there, 30 and 40 said quotation extraction missed its floor
    # while the primary precision met it.
    table = validate_quotes(quick=True)
    ours = table[table["engine"] == "newsprism.quotes"]
    secondary = ours[ours["dataset"] == f"PolNeAR ({MARKS['double']})"]
    assert len(secondary) and (secondary["status"] == f"no floor ({SECONDARY_LABEL})").all()
    primary = ours[(ours["dataset"] == f"PolNeAR ({MARKS['all']})")
                   & (ours["metric"] != "speaker_accuracy_strict")]
    assert primary["status"].isin(["ok"]).sum() + primary["status"].str.startswith(
        "below target").sum() == len(primary)


def test_validator_reports_the_strict_speaker_check_beside_the_lenient_one(polnear):
    table = validate_quotes(quick=True, marks="all")
    ours = table[table["engine"] == "newsprism.quotes"].reset_index(drop=True)
    metrics = ours["metric"].tolist()
    assert metrics[metrics.index("speaker_accuracy") + 1] == "speaker_accuracy_strict"
    lenient, strict = (ours[ours["metric"] == m].iloc[0]
                       for m in ("speaker_accuracy", "speaker_accuracy_strict"))
    assert strict["n"] == lenient["n"] > 0
    assert strict["status"] == f"no floor ({STRICT_LABEL})"
    assert STRICT_LABEL == "strict: the name must match the gold source's head"
    assert strict["ci_low"] <= strict["value"] <= strict["ci_high"]
    baseline = table[table["engine"] != "newsprism.quotes"]
    assert not baseline["metric"].str.startswith("speaker").any()


def test_score_gives_both_speaker_accuracies_over_the_same_quotes():
    rows = pd.DataFrame({
        "kind": ["speech"] * 4, "matched": [True, True, True, False],
        "gold_start": [1, 9, 20, None], "has_gold_source": [True, True, True, False],
        "speaker_ok": [True, True, False, False],
        "speaker_ok_strict": [True, False, False, False]})
    result = score(rows)
    assert result["speaker_accuracy"] == pytest.approx(2 / 3)
    assert result["speaker_accuracy_strict"] == pytest.approx(1 / 3)
    assert result["n_speaker"] == result["n_speaker_strict"] == 3
    assert math.isnan(score(rows.drop(columns=["speaker_ok_strict"]))["speaker_accuracy_strict"])


def _decisions_of_the_fitted_model(table):
    features = table[list(quotes_module.FEATURE_NAMES)].to_dict("records")
    p = [quotes_module._probability(row) for row in features]
    return list(classifier_decisions(table, p, quotes_module.CLASSIFIER.threshold))


def test_classifier_table_reproduces_extract_quotes(polnear):
    # the fitting table holds what the classifier sees: with the fitted weights, its decisions
    # are extract_quotes' kinds, and its labels follow the gold quotations
    table = classifier_table("dev")
    kinds = [q.kind == "speech" for q in extract_quotes(TEXT)]
    assert len(table) == len(kinds) == 3
    assert _decisions_of_the_fitted_model(table) == kinds
    assert table["label"].tolist() == [True, True, True]  # Mocking, We will win, great
    assert set(quotes_module.FEATURE_NAMES) <= set(table.columns)


def test_classifier_decisions_apply_caps_floors_and_continuations():
    table = pd.DataFrame({"cap": [0.2, 1.0, 1.0, 1.0], "floor": [0.0, 0.8, 0.0, 0.0],
                          "continues": [-1, -1, 1, -1], "follows_block": [-1, -1, -1, 0]})
    speech = classifier_decisions(table, [0.9, 0.1, 0.1, 0.1], 0.5)
    # capped below the threshold; floored above; continues a speech span; follows a term
    assert speech.tolist() == [False, True, True, False]


@pytest.mark.slow
@pytest.mark.skipif(not (paths.POLNEAR / "metadata.tsv").exists(), reason="PolNeAR absent")
def test_classifier_table_matches_extract_quotes_on_polnear_train():
    table = classifier_table("train", limit=40)
    articles = load_polnear("train", limit=40)
    kinds = [q.kind == "speech" for a in articles for q in extract_quotes(a.text)]
    assert _decisions_of_the_fitted_model(table) == kinds


SPLIT_TEXT = "“We will win,” Kim said. “They will lose.”\nHe called it a “farce.”\n"


def _split_span(fragment: str) -> str:
    start = SPLIT_TEXT.index(fragment)
    return f"{start} {start + len(fragment)}"


def test_numbered_content_arguments_and_untied_contents_are_gold():
    # brat numbers a repeated argument: Content2 is the second half of a quotation split by
    # "he said" and shares the relation's Source; a Content tied to no relation is gold too
    spans = {"T1": ("Content", [tuple(map(int, _split_span("“We will win,”").split()))]),
             "T2": ("Source", [tuple(map(int, _split_span("Kim").split()))]),
             "T3": ("Cue", [tuple(map(int, _split_span("said").split()))]),
             "T4": ("Content", [tuple(map(int, _split_span("“They will lose.”").split()))]),
             "T5": ("Content", [tuple(map(int, _split_span("“farce.”").split()))])}
    events = [{"Attribution": "T3", "Cue": "T3", "Source": "T2", "Content": "T1",
               "Content2": "T4"}]
    gold = gold_quotes(SPLIT_TEXT, spans, events)
    assert [(SPLIT_TEXT[g.start:g.end], g.source_texts) for g in gold] == [
        ("We will win,", ["Kim"]), ("They will lose.", ["Kim"]), ("farce.", [])]
    # without Content2 in the relation, the second half is an untied Content: gold, no Source
    unnumbered = gold_quotes(SPLIT_TEXT, spans, [{"Source": "T2", "Content": "T1"}])
    assert [g.source_texts for g in unnumbered] == [["Kim"], [], []]


def test_brat_reader_keeps_numbered_arguments(tmp_path):
    path = tmp_path / "a.ann"
    path.write_text(f"T1\tContent {_split_span('“We will win,”')}\t“We will win,”\n"
                    f"T4\tContent {_split_span('“They will lose.”')}\t“They will lose.”\n"
                    "E1\tAttribution:T9 Content:T1 Content2:T4 \n", encoding="utf-8")
    spans, events = _read_ann(path)
    assert events == [{"Attribution": "T9", "Content": "T1", "Content2": "T4"}]
    assert sorted(spans) == ["T1", "T4"]


@pytest.mark.parametrize("scores, expected", [
    ([0.9679, 0.9677, 0.9650], 0.575),  # a tie within 0.0005 goes to the higher threshold
    ([0.9679, 0.9670, 0.9650], 0.55),   # a real gap keeps the best
    ([0.9600, 0.9650, 0.9652], 0.6),    # the best at the top
])
def test_choose_threshold_breaks_ties_upwards(scores, expected):
    import pandas as pd
    from newsprism.quotes.validation import choose_threshold
    cv = pd.DataFrame({"threshold": [0.55, 0.575, 0.6], "min_p_r": scores})
    assert choose_threshold(cv) == expected
