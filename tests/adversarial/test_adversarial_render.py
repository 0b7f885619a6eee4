"""Text from articles reaches matplotlib literally: an outlet named like a formula draws as
written, in the package's plot functions and in a notebook's own ``plt`` calls alike."""

from __future__ import annotations

import json
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from newsprism.compare import hedging, keyness, profiles, similarity, sourcing  # noqa: E402
from newsprism.corpus.readers import load_corpus  # noqa: E402
from newsprism.pipeline.annotate import annotate  # noqa: E402
from newsprism.viz.display import no_mathtext  # noqa: E402

from adversarial.hostile import GOOD, GOOD2  # noqa: E402

MATH = r"Bad $\frac{$ math"
TEXT = (f'{GOOD} "We may well see more troops," an official said, according to TASS. '
        f"{GOOD2} Analysts clearly expect more $5 million {MATH} deals.")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("math") / "c.jsonl"
    rows = [{"id": "a1", "outlet": MATH, "text": TEXT}, {"id": "a2", "outlet": "Plain",
            "text": GOOD + "\n\n" + GOOD2}, {"id": "a3", "outlet": MATH, "text": TEXT}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path)


@pytest.fixture(scope="module")
def articles(corpus) -> pd.DataFrame:
    return corpus.articles


def _texts(fig) -> list[str]:
    fig.canvas.draw()  # mathtext would raise here
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def test_plain_matplotlib_after_import_draws_dollar_signs_literally():
    fig, ax = plt.subplots()
    ax.barh([MATH, "$x$"], [1, 2])
    ax.set_title(MATH)
    assert MATH in _texts(fig)
    plt.close(fig)


def test_even_after_rc_reset_the_plot_functions_switch_mathtext_off(articles):
    matplotlib.rcParams["text.parse_math"] = True
    rates = hedging.hedging_rates(articles)
    fig = hedging.plot_hedging_rates(rates)
    fig = fig if isinstance(fig, plt.Figure) else plt.gcf()
    assert MATH in _texts(fig)
    plt.close("all")
    no_mathtext()


PLOTS = {
    "keyness": lambda a, tables: keyness.plot_distinctive_terms(
        keyness.distinctive_terms(a, top=5)),
    "similarity": lambda a, tables: similarity.plot_similarity(
        similarity.similarity_matrix(a, level="outlet"), title=MATH),
    "sourcing": lambda a, tables: sourcing.plot_sourcing_rates(
        sourcing.sourcing_rates(sourcing.sourcing_table(a), a)),
    "profiles": lambda a, tables: profiles.plot_profiles(profiles.outlet_profiles(tables),
                                                         tone=profiles.outlet_tone(tables)),
}


@pytest.fixture(scope="module")
def tables(corpus):
    return annotate(corpus, cache=False, progress=False).tables


@pytest.mark.parametrize("name", sorted(PLOTS))
def test_package_plots_draw_a_formula_like_outlet(name, articles, tables):
    matplotlib.rcParams["text.parse_math"] = True  # as if a user had switched it back on
    result = PLOTS[name](articles, tables)
    fig = result if isinstance(result, plt.Figure) else plt.gcf()
    texts = " ".join(_texts(fig))
    assert MATH in texts or MATH[:20] in texts, texts
    plt.close("all")
    no_mathtext()
