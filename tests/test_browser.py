"""Look at the report as a reader would: headless Chromium renders every report page.

Layout is measured on a 1366 × 768 laptop screen: a copy of each page gets a small script
that, once the page has loaded, writes what it measured (page width, row heights, how large
each figure is drawn) into the DOM, which ``--dump-dom`` returns.

Chromium is required (Debian's ``chromium`` package; ``.ci/run`` installs it): a missing
browser fails the test with a clear message instead of skipping it.
"""

from __future__ import annotations

import base64
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageStat

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--hide-scrollbars", "--mute-audio",
]
WINDOW = (1280, 2400)


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    if not found:
        pytest.fail("headless Chromium is needed for the report tests: install Debian's "
                    "`chromium` package (apt-get install chromium); .ci/run does this")
    return found


def _run(page: Path, profile: Path, *mode: str) -> subprocess.CompletedProcess:
    command = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
               f"--window-size={WINDOW[0]},{WINDOW[1]}", *mode, page.as_uri()]
    return subprocess.run(command, capture_output=True, timeout=120, cwd=profile)


def render(page: Path, tmp_path: Path) -> tuple[BeautifulSoup, Image.Image]:
    """The DOM Chromium built from ``page`` and a screenshot of it."""
    profile = tmp_path / f"profile-{page.stem}"
    profile.mkdir()
    dom = _run(page, profile, "--dump-dom")
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-2000:]
    shot = tmp_path / f"{page.stem}.png"
    result = _run(page, profile, f"--screenshot={shot}")
    assert result.returncode == 0 and shot.exists(), result.stderr.decode(errors="replace")[-2000:]
    return BeautifulSoup(dom.stdout.decode("utf-8"), "html.parser"), Image.open(shot)


LAPTOP = (1366, 768)
MAX_ROW_PX = 120
MIN_FIGURE_TEXT_PX = 10
# Runs after the page's own scripts (sortable tables); reads layout only, writes one attribute.
MEASURE_JS = """<script>
window.addEventListener('load', function () {
  var doc = document.documentElement, rows = [], figures = [];
  document.querySelectorAll('table tr[hidden]').forEach(function (tr) { tr.hidden = false; });
  document.querySelectorAll('table tr').forEach(function (tr) {
    var h = tr.getBoundingClientRect().height;
    if (h > MAX_ROW) {
      var table = tr.closest('table');
      rows.push({height: Math.round(h), table: table.id || table.className,
                 text: tr.textContent.trim().slice(0, 80)});
    }
  });
  document.querySelectorAll('img').forEach(function (img, i) {
    figures.push({index: i, natural: img.naturalWidth, shown: img.getBoundingClientRect().width,
                  alt: img.getAttribute('alt')});
  });
  doc.setAttribute('data-measured', JSON.stringify({
    viewport: window.innerWidth, scroll_width: doc.scrollWidth,
    body_scroll_width: document.body.scrollWidth, tall_rows: rows, figures: figures}));
});
</script>""".replace("MAX_ROW", str(MAX_ROW_PX))


def measure(page: Path, tmp_path: Path) -> tuple[dict, BeautifulSoup]:
    """Layout of ``page`` at 1366 × 768: page and row sizes, and every image as drawn."""
    copy = tmp_path / f"measure-{page.name}"
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE_JS + "</body>"),
                    encoding="utf-8")
    profile = tmp_path / f"profile-measure-{page.stem}"
    profile.mkdir()
    command = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
               f"--window-size={LAPTOP[0]},{LAPTOP[1]}", "--virtual-time-budget=10000",
               "--dump-dom", copy.as_uri()]
    result = subprocess.run(command, capture_output=True, timeout=120, cwd=profile)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    dom = BeautifulSoup(result.stdout.decode("utf-8"), "html.parser")
    measured = dom.find("html").get("data-measured")
    assert measured, f"{page.name}: the measuring script did not run"
    return json.loads(measured), dom


def figure_text_px(dom: BeautifulSoup, figures: list[dict]) -> list[tuple[int, float]]:
    """(image index, smallest text in px as drawn) for every figure that records its smallest
    text (``newsprism:min_text_px`` in the PNG, at the PNG's own pixel size)."""
    images = dom.find_all("img")
    found = []
    for figure in figures:
        src = images[figure["index"]].get("src", "")
        if not src.startswith("data:image/png"):
            continue
        png = Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1])))
        smallest = png.info.get("newsprism:min_text_px")
        if smallest is not None and figure["natural"]:
            found.append((figure["index"],
                          float(smallest) * figure["shown"] / figure["natural"]))
    return found


def assert_not_blank(image: Image.Image, name: str) -> None:
    assert image.size == WINDOW, f"{name}: screenshot {image.size}"
    gray = image.convert("L")
    stat = ImageStat.Stat(gray)
    assert stat.stddev[0] > 5, f"{name}: screenshot is blank (stddev {stat.stddev[0]:.1f})"
    dark = sum(gray.histogram()[:128]) / (gray.width * gray.height)
    assert dark > 0.002, f"{name}: almost no dark (text) pixels"


def test_index_page_renders_with_its_tables(suite_report, tmp_path):
    out_dir, _, manifest = suite_report
    dom, shot = render(out_dir / "index.html", tmp_path)
    rows = dom.select("table#notebooks tbody tr")
    assert len(rows) == len(manifest["notebooks"]) > 0
    assert "Corpus overview" in rows[0].get_text()
    assert dom.select("table#parameters tr") and dom.select("table#inputs tr")
    assert_not_blank(shot, "index.html")


def test_overview_report_renders_tables_and_figures(suite_report, tmp_path):
    out_dir, _, _ = suite_report
    dom, shot = render(out_dir / "00_corpus_overview.html", tmp_path)
    tables = dom.select("table.np-table")
    assert len(tables) >= 6
    assert any("outlet" in t.get_text() for t in tables)
    images = [i for i in dom.find_all("img") if i.get("src", "").startswith("data:image/png")]
    assert len(images) >= 2, "figures missing from the rendered page"
    for image in images:
        png = Image.open(io.BytesIO(base64.b64decode(image["src"].split(",", 1)[1])))
        assert png.width > 100 and png.height > 100
        assert ImageStat.Stat(png.convert("L")).stddev[0] > 5, "figure is blank"
    assert "Corpus overview" in dom.get_text()
    assert_not_blank(shot, "00_corpus_overview.html")


def report_pages(out_dir: Path) -> list[Path]:
    pages = sorted(out_dir.glob("*.html"))
    assert len(pages) >= 2, f"no report pages in {out_dir}"
    return pages


def test_every_page_fits_a_laptop_screen(suite_report, tmp_path):
    """1366 × 768: no horizontal page scroll (wide tables scroll in their own box) and no
    table row taller than 120 px (every page, every row, paged rows shown for the check)."""
    out_dir, _, _ = suite_report
    problems = []
    for page in report_pages(out_dir):
        measured, _ = measure(page, tmp_path)
        assert measured["viewport"] == LAPTOP[0]
        if measured["scroll_width"] > measured["viewport"]:
            problems.append(f"{page.name}: page is {measured['scroll_width']} px wide")
        problems += [f"{page.name}: row {r['height']} px in {r['table']}: {r['text']!r}"
                     for r in measured["tall_rows"]]
    assert not problems, "\n".join(problems)


def test_figures_are_readable_and_described(suite_report, tmp_path):
    """Every figure: text at least 10 px as drawn at 1366 px, drawn at 2× resolution, and
    alt text taken from its caption."""
    out_dir, _, _ = suite_report
    problems, n_figures = [], 0
    for page in report_pages(out_dir):
        measured, dom = measure(page, tmp_path)
        sizes = dict(figure_text_px(dom, measured["figures"]))
        for figure in measured["figures"]:
            n_figures += 1
            name = f"{page.name} figure {figure['index']}"
            alt = figure["alt"] or ""
            if "No description" in alt or len(alt) < 20:
                problems.append(f"{name}: alt text {alt!r}")
            if figure["natural"] < 1.9 * figure["shown"]:
                problems.append(f"{name}: {figure['natural']} px drawn {figure['shown']:.0f} px")
            if figure["index"] not in sizes:
                problems.append(f"{name}: smallest text size not recorded")
            elif sizes[figure["index"]] < MIN_FIGURE_TEXT_PX:
                problems.append(f"{name}: text {sizes[figure['index']]:.1f} px")
    assert n_figures >= 5
    assert not problems, "\n".join(problems)


def test_long_tables_search_sort_and_page(tmp_path):
    """The table script on a 60-row table of article-like text: paged, searchable, sortable,
    and a search for markup finds the escaped text without running it."""
    import pandas as pd
    from newsprism.viz.display import show_table

    frame = pd.DataFrame({"outlet": [f"Outlet {i % 7}" for i in range(60)],
                          "score": [((i * 37) % 60) / 10 for i in range(60)],
                          "text": ["<img src=x onerror=boom()> quoted" if i == 41 else f"row {i}"
                                   for i in range(60)]})
    page = tmp_path / "table.html"
    page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
                    + show_table(frame, "Demo.") + """<script>
window.addEventListener('load', function () {
  var wrap = document.querySelector('.np-table-wrap'), input = wrap.querySelector('input');
  var visible = function () { return Array.prototype.filter.call(
    wrap.querySelectorAll('tbody tr'), function (r) { return !r.hidden; }); };
  var result = {paged: visible().length, info: wrap.querySelector('.np-count').textContent};
  wrap.querySelectorAll('th')[1].click(); wrap.querySelectorAll('th')[1].click();
  result.top = visible()[0].cells[1].textContent;
  input.value = 'onerror'; input.dispatchEvent(new Event('input'));
  result.found = visible().map(function (r) { return r.cells[2].textContent; });
  result.images = document.querySelectorAll('img').length;
  document.documentElement.setAttribute('data-result', JSON.stringify(result));
});
</script></body></html>""", encoding="utf-8")
    profile = tmp_path / "profile"
    profile.mkdir()
    run = subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                          "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
                         capture_output=True, timeout=120, cwd=profile)
    dom = BeautifulSoup(run.stdout.decode("utf-8"), "html.parser")
    result = json.loads(dom.find("html")["data-result"])
    assert result["paged"] == 25 and result["info"] == "60 of 60 rows; page 1 of 3"
    assert result["top"] == "5.9"  # sorted by score, descending on the second click
    assert result["found"] == ["<img src=x onerror=boom()> quoted"] and result["images"] == 0
