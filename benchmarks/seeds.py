"""Time and peak memory of a whole run on the seed pages (no translation).

    python benchmarks/seeds.py [PAGES_DIR] [--repeat N]

Prints wall time per run, pages per second and the peak resident memory."""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pages", nargs="?", default=str(REPO / "seeds"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    from briefing.config import Settings
    from briefing.pipeline import build, collect
    from briefing.render import RenderOptions, write_all

    import_s = time.perf_counter() - start
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        collected = collect([args.pages])
        briefing = build(collected, Settings())
        with tempfile.TemporaryDirectory() as out:
            write_all(briefing, Path(out), ("md", "docx", "json"), RenderOptions())
        times.append(time.perf_counter() - t0)
    pages = len(collected.sources)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pages: {pages}  articles: {len(briefing.analyses)}  proposals: {len(briefing.proposals)}")
    print(f"imports: {import_s:.2f} s")
    print(f"first run (loads jieba): {times[0]:.2f} s")
    warm = min(times[1:]) if len(times) > 1 else times[0]
    print(f"warm run: {warm:.2f} s  ({pages / warm:.1f} pages/s)")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
