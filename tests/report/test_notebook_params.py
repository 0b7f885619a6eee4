"""The parameter schema comes from the notebooks' parameters cells; values are checked against it."""

from __future__ import annotations

import ast

import nbformat
import pytest
from newsprism.core import paths
from newsprism.core.errors import UsageError
from newsprism.report.params import (
    check_notebook,
    check_parameters,
    notebook_parameters,
    parameter_schema,
    parameters_for,
    parse_parameters_source,
)
from newsprism.report.runner import discover_notebooks


@pytest.fixture(scope="module")
def schema():
    return parameter_schema(discover_notebooks(paths.NOTEBOOKS))


def _notebook(path, source):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# x"), cell]
    nbformat.write(nb, path)
    return path


def test_schema_holds_every_declared_parameter_with_type_default_help(schema):
    for notebook in discover_notebooks(paths.NOTEBOOKS):
        for param in notebook_parameters(notebook):
            assert notebook.stem in schema[param.name].notebooks
    engine = schema["engine"]
    assert (engine.type, engine.default, engine.choices) == (
        "str", "vader", ("vader", "textblob", "nltk_vader"))
    assert schema["seed"].type == "int" and schema["include_negated"].type == "bool"
    assert schema["min_cluster_score"].low == 0 and schema["min_cluster_score"].high == 1
    assert schema["codebook"].path_allowed and "story" in schema["codebook"].choices
    assert set(schema["corpus"].notebooks) == {p.stem for p in
                                               discover_notebooks(paths.NOTEBOOKS)}


@pytest.mark.parametrize("params, message", [
    ({"engin": "x"}, "unknown parameter 'engin' (did you mean 'engine'?)"),
    ({"zzzz": 1}, "unknown parameter 'zzzz' (known: "),
    ({"seed": "abc"}, "parameter 'seed': 'abc' is not a whole number"),
    ({"seed": True}, "parameter 'seed': True is not a whole number"),
    ({"n_boot": 2.5}, "parameter 'n_boot': 2.5 is not a whole number"),
    ({"include_negated": "maybe"}, "parameter 'include_negated': 'maybe' is not true or false"),
    ({"engine": "vadr"}, "parameter 'engine': 'vadr' is not one of vader, textblob, "
                         "nltk_vader (did you mean 'vader'?)"),
    ({"codebook": "storyy"}, "is not one of generic, story or a file path"),
    ({"actors_codebook": "nobody"}, "is not one of none, story or a file path"),
    ({"sourcing_codebook": "generik"}, "is not one of generic, story or a file path"),
    ({"min_cluster_score": 3}, "parameter 'min_cluster_score': 3.0 is outside its range 0 to 1"),
    ({"compare_engines": "vader"}, "parameter 'compare_engines': 'vader' is not a list"),
])
def test_bad_names_and_values_are_refused_naming_the_parameter(schema, params, message):
    with pytest.raises(UsageError) as error:
        check_parameters(params, schema)
    assert message in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize("params, expected", [
    ({"engine": "textblob"}, {"engine": "textblob"}),
    ({"min_cluster_score": 1}, {"min_cluster_score": 1.0}),
    ({"codebook": "data/codebooks/my.yml"}, {"codebook": "data/codebooks/my.yml"}),
    ({"codebook": "generic", "voice": "quoted"}, {"codebook": "generic", "voice": "quoted"}),
    ({"compare_engines": ["vader"], "seed": 7}, {"compare_engines": ["vader"], "seed": 7}),
])
def test_good_values_pass_converted_to_their_type(schema, params, expected):
    checked = check_parameters(params, schema)
    assert checked == expected
    assert [type(v) for v in checked.values()] == [type(v) for v in expected.values()]


def test_each_notebook_gets_only_what_it_declares(schema):
    params = {"engine": "textblob", "voice": "quoted", "corpus": "c", "out_dir": "o"}
    assert parameters_for(paths.NOTEBOOKS / "10_sentiment.ipynb", params, schema) == {
        "engine": "textblob", "corpus": "c", "out_dir": "o"}
    assert parameters_for(paths.NOTEBOOKS / "20_framing.ipynb", params, schema) == {
        "voice": "quoted", "corpus": "c", "out_dir": "o"}


def test_a_new_parameter_in_a_notebook_is_known_without_another_list(tmp_path):
    _notebook(tmp_path / "10_a.ipynb", 'corpus: str = ""  # c\nlevel: str = "low"  # "low" '
                                       'or "high"\nalpha = 0.5  # weight (0-1)\nnames = []')
    _notebook(tmp_path / "20_b.ipynb", 'corpus = ""\nlevel: str = "low"  # other help')
    schema = parameter_schema(sorted(tmp_path.glob("*.ipynb")))
    assert schema["level"].notebooks == ("10_a", "20_b") and schema["level"].choices == (
        "low", "high")
    assert (schema["alpha"].type, schema["alpha"].high) == ("float", 1.0)
    assert schema["names"].type == "list"
    assert check_parameters({"level": "high", "alpha": 0, "names": [1]}, schema) == {
        "level": "high", "alpha": 0.0, "names": [1]}
    with pytest.raises(UsageError, match="did you mean 'level'"):
        check_parameters({"levl": "high"}, schema)


def test_a_quoted_example_is_not_a_choice_unless_the_default_is_among_them(tmp_path):
    _notebook(tmp_path / "10_a.ipynb", 'term: str = "war"  # e.g. "conflict" or "crisis"')
    assert parameter_schema([tmp_path / "10_a.ipynb"])["term"].choices == ()


PAPERMILL_CASES = [
    'seed: int = 0  # random seed\nnames = [\n  "a",  # first\n  "b"]  # who',
    'engine: "str" = "vader"  # "vader", "textblob"\nx = 1\ny = Path("a")  # p\n# c\n\n'
    'z: float = -0.5  # (0-1)',
    'a = 1 # one\nb: list[str] = ["x", "y"]\nc = None\nd = True  # flag\ne = {"k": 1,\n "j": 2}',
]


def _declared_cells():
    for notebook in discover_notebooks(paths.NOTEBOOKS):
        cell = next(c for c in nbformat.read(notebook, as_version=4).cells
                    if "parameters" in c.metadata.get("tags", []))
        yield cell.source
    yield from PAPERMILL_CASES


@pytest.mark.parametrize("source", list(_declared_cells()))
def test_the_standard_library_parser_reads_what_papermill_reads(source):
    from newsprism.report.params import _type_of, parse_parameters_source
    from papermill.translators import PythonTranslator

    ours = [(p.name, p.type, p.default, p.help) for p in parse_parameters_source(source)]
    theirs = []
    for raw in PythonTranslator.inspect(nbformat.v4.new_code_cell(source)):
        try:
            default = ast.literal_eval(raw.default)
        except (ValueError, SyntaxError):
            default = None
        theirs.append((raw.name, _type_of(raw.inferred_type_name, default), default, raw.help))
    assert ours == theirs and ours


@pytest.mark.parametrize("source, low, high, choices", [
    ('n: int = 5  # words per shingle (at least 1)', 1, None, ()),
    ('n: int = 5  # rows (1-100)', 1, 100, ()),
    ('x: float = 0.5  # share (0-1) of the text', 0, 1, ()),
    ('e: list = ["vader"]  # any of "vader", "textblob"', None, None, ("vader", "textblob")),
    ('e: list = ["vader"]  # engines', None, None, ()),
])
def test_ranges_and_list_choices_are_read_from_the_comment(source, low, high, choices):
    (param,) = parse_parameters_source(source)
    assert (param.low, param.high, param.choices) == (low, high, choices)


@pytest.mark.parametrize("notebook, params, message", [
    ("00_corpus_overview", {"ngram": 3}, "parameter 'ngram': 3 is below its lowest value 4"),
    ("00_corpus_overview", {"max_audit_rows": 0},
     "parameter 'max_audit_rows': 0 is below its lowest value 1"),
    ("00_corpus_overview", {"shingle_size": 5}, "unknown parameter 'shingle_size'"),
    ("10_sentiment", {"compare_engines": ["vader", "vadr"]},
     "parameter 'compare_engines': 'vadr' is not one of vader, textblob, nltk_vader "
     "(did you mean 'vader'?)"),
    ("10_sentiment", {"n_boot": 50}, "parameter 'n_boot': 50 is below its lowest value 100"),
    ("20_framing", {"voice": "authors"}, "parameter 'voice': 'authors' is not one of all"),
    ("30_quotes", {"min_cluster_outlets": 0}, "below its lowest value 1"),
    ("40_source_comparison", {"ngram": 3}, "parameter 'ngram': 3 is below its lowest value 4"),
    ("40_source_comparison", {"shingle_size": 3}, "unknown parameter 'shingle_size'"),
    ("90_methods_appendix", {"quick": "yes"}, "parameter 'quick': 'yes' is not true or false"),
])
def test_a_notebook_refuses_what_its_parameters_cell_does_not_allow(notebook, params, message):
    with pytest.raises(UsageError) as error:
        check_notebook(notebook, params)
    assert message in str(error.value)


def test_a_notebook_check_returns_values_as_declared_types(tmp_path):
    assert check_notebook("00_corpus_overview", {"ngram": 9, "max_audit_rows": 2}) == {
        "ngram": 9, "max_audit_rows": 2}
    assert check_notebook("30_quotes", {"min_cluster_score": 1}) == {"min_cluster_score": 1.0}
    with pytest.warns(UserWarning, match="not checked here"):
        assert check_notebook("00_corpus_overview", {"x": 1}, tmp_path) == {"x": 1}
