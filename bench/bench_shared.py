"""CPU seconds of the two shared computations that dominate 30, 40 and 50 on a large corpus:
copied passages (``similarity.find_copied_passages``) and quote clusters
(``quote_clusters.cluster_quotes`` on speech quotations, one per distinct wording).

Usage: ``python bench/bench_shared.py ANNOTATED_DIR`` (an annotated Parquet folder, e.g. the
one ``bench/bench_time.py`` builds). CPU time (``time.process_time``), not wall time: a
shared machine's load does not count. Prints its figures; writes nothing.
"""

from __future__ import annotations

import sys
import time

from newsprism.compare import similarity
from newsprism.quotes import clusters as quote_clusters
from newsprism.report import time_sections as time_report


def main(annotated: str) -> int:
    ctx = time_report.prepare(annotated)
    quotes = ctx.tables.get("quotes")
    speech = quotes[quotes["kind"] == "speech"].drop_duplicates("text")
    start = time.process_time()
    passages = similarity.find_copied_passages(ctx.articles, n=8, max_pairs=20_000)
    middle = time.process_time()
    clustered = quote_clusters.cluster_quotes(speech, ctx.articles)
    end = time.process_time()
    print(f"find_copied_passages: {len(ctx.articles)} articles, {len(passages)} passages, "
          f"{middle - start:.1f} CPU s")
    print(f"cluster_quotes: {len(speech)} speech quotations, "
          f"{clustered['cluster_id'].nunique()} clusters, {end - middle:.1f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
