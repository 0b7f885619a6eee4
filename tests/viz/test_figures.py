"""Figures: 2x PNGs that record their smallest text; alt text from captions."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
from newsprism.viz import figures  # noqa: E402
from newsprism.viz.display import caption  # noqa: E402
from PIL import Image  # noqa: E402


def test_figure_png_is_retina_and_records_its_smallest_text():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.set_title("Tone", fontsize=12)
    ax.tick_params(labelsize=9)
    data, metadata = figures.figure_png(fig)
    png = Image.open(io.BytesIO(data))
    assert png.width // 2 == metadata["width"] and png.height // 2 == metadata["height"]
    assert float(png.info["newsprism:min_text_px"]) == round(9 * 200 / 72, 2)
    plt.close(fig)


def _output(data: dict):
    return nbformat.v4.new_output("display_data", data=data)


def test_caption_alt_texts_pairs_each_figure_with_the_next_caption():
    nb = nbformat.v4.new_notebook()
    first, second = nbformat.v4.new_code_cell(), nbformat.v4.new_code_cell()
    first.outputs = [_output({"image/png": "AAA"}),
                     _output({"text/html": str(caption("Tone <b>per</b> outlet.", n=5))})]
    second.outputs = [_output({"image/png": "BBB"})]
    nb.cells = [first, second]
    assert figures.caption_alt_texts(nb) == 1
    assert first.outputs[0].metadata["image/png"]["alt"] == "Tone <b>per</b> outlet. n = 5."
    assert second.outputs[0].metadata["image/png"]["alt"] == "Figure without a caption."


def test_interval_errors_are_never_negative_and_zero_where_missing():
    errors = figures.interval_errors([0.0, 1.0, 0.5, 0.2], [2.8e-17, 0.6, float("nan"), 0.1],
                                     [0.39, 1 - 1e-16, 0.7, 0.3])
    assert errors.shape == (2, 4) and (errors >= 0).all()
    assert errors[:, 3].round(6).tolist() == [0.1, 0.1]
    assert errors[0, 2] == 0.0 and round(errors[1, 2], 6) == 0.2  # missing limit: no bar
