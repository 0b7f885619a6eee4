"""The second pass of the line model: body block, context features, fitted context model."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsprism.corpus import clean_context, clean_lines
from newsprism.corpus.clean_segments import Segments


@pytest.mark.parametrize("lengths, scores, cutoff, block", [
    ([5, 5, 100, 100, 5], [0.9, 0.9, 0.1, 0.2, 0.9], 0.5, (2, 3)),
    # a short furniture-like line between two body paragraphs stays inside the block
    ([5, 100, 10, 100, 5], [0.9, 0.1, 0.9, 0.1, 0.9], 0.5, (1, 3)),
    # a long run of furniture splits the page: the heavier block wins
    ([200] * 2 + [50] * 10 + [200] * 4, [0.1] * 2 + [0.9] * 10 + [0.1] * 4, 0.5, (12, 15)),
    ([5, 5], [0.9, 0.9], 0.5, (-1, -1)),
    ([5, 5], [0.9, 0.9], 0.95, (0, 1)),
])
def test_body_block(lengths, scores, cutoff, block):
    assert clean_context.body_block(np.array(lengths, float), np.array(scores), cutoff) == block


def test_body_block_matches_a_brute_force_search():
    rng = np.random.default_rng(0)
    for _ in range(200):
        n = int(rng.integers(1, 12))
        lengths, scores = rng.integers(1, 300, n).astype(float), rng.random(n)
        gain = (0.5 - scores) * np.minimum(lengths, clean_context.BLOCK_LENGTH_CAP)
        best = max(gain[a:b + 1].sum() for a in range(n) for b in range(a, n))
        first, last = clean_context.body_block(lengths, scores, 0.5)
        if best <= 0:
            assert (first, last) == (-1, -1)
        else:
            assert gain[first:last + 1].sum() == pytest.approx(best)


def test_context_features_see_the_body_mass_after_a_line():
    lengths = np.array([4, 120, 130, 6, 5], float)
    scores = np.array([0.9, 0.1, 0.2, 0.8, 0.9])
    features = clean_context.context_features(lengths, scores)
    assert features.shape == (5, len(clean_context.CONTEXT_FEATURES))
    after = features[:, clean_context.CONTEXT_FEATURES.index("mass_after_share")]
    assert after[0] > 0.9 and after[3] < 0.05 and after[4] == pytest.approx(0, abs=1e-9)
    in_block = features[:, clean_context.CONTEXT_FEATURES.index("in_block_0.5")]
    assert in_block.tolist() == [0, 1, 1, 0, 0]


def test_shipped_model_has_a_context_pass_that_changes_scores():
    model = clean_lines.load_model()
    assert model["context"]["features"] == clean_context.CONTEXT_FEATURES
    lines = ["Home", "News", "Sport"] + [
        f"Paragraph {i} of the article says something long enough to be body text here."
        for i in range(6)] + ["Impressum", "Datenschutz", "Kontakt"]
    first_pass = {key: value for key, value in model.items() if key != "context"}
    plain = clean_lines.furniture_scores(lines, first_pass)
    both = clean_lines.furniture_scores(lines)
    assert not np.allclose(plain, both)
    assert np.all((both >= 0) & (both <= 1))
    assert both[4] < both[0] and both[4] < both[-1]


@pytest.mark.parametrize("halves", [(1,), (1, 3, 8), (2, 5), (10,)])
def test_window_means_average_each_window(halves):
    values = np.array([0.5, -1.0, 3.0, 2.0, 0.0, 7.5, 1.0])
    expected = [[values[max(0, i - half):i + half + 1].mean() for i in range(len(values))]
                for half in halves]
    found = clean_context.window_means(values, halves)
    assert [np.allclose(f, e) for f, e in zip(found, expected, strict=True)] == \
        [True] * len(halves)


def test_stack_columns_is_a_c_ordered_float_column_stack():
    columns = [np.array([1.5, 2.0, 3.0]), [True, False, True], np.array([1, 2, 3])]
    stacked = clean_context.stack_columns(columns, 3)
    assert stacked.flags["C_CONTIGUOUS"] and stacked.dtype == float
    assert stacked.tolist() == [[1.5, 1.0, 1.0], [2.0, 0.0, 2.0], [3.0, 1.0, 3.0]]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(1, 400), st.floats(0.0, 1.0)), min_size=1,
                         max_size=30), min_size=1, max_size=5))
def test_context_features_of_pages_end_to_end_equal_each_page_alone(pages):
    """The batch path (several pages, per-page block bounds spread by numpy) and the one-page
    path (the block bounds as two plain numbers) give the same features, bit for bit."""
    lengths = np.array([n for page in pages for n, _ in page], dtype=float)
    scores = np.array([p for page in pages for _, p in page])
    together = clean_context.context_features(lengths, scores, Segments(list(map(len, pages))))
    alone = [clean_context.context_features(np.array([n for n, _ in page], dtype=float),
                                            np.array([p for _, p in page]))
             for page in pages]
    assert together.tobytes() == np.concatenate(alone).tobytes()
