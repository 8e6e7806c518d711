"""Speed and memory on a big week: synthetic pages, without translation.

    python benchmarks/speed.py [--pages 200] [--jobs 0] [--formats md,docx,json]

Makes ``--pages`` pages from the seed pages with their numbers changed (a fixed
random seed, so every run sees the same pages), then runs the whole pipeline
(read, clean, segment, analyse, render) and prints pages per second, the peak
memory of the process and its workers, and how long ``briefing --help`` takes.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def synthetic_pages(out: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` pages made from the seed pages, each number replaced by another."""
    rng = random.Random(seed)
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    texts = [p.read_text("utf-8") for p in seeds]
    paths = []
    for n in range(count):
        text = re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group()) - 1)), texts[n % len(texts)])
        path = out / f"page-{n:04d}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=0, help="worker processes, 0: one per core")
    parser.add_argument("--formats", default="md,docx,json")
    args = parser.parse_args()

    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "briefing", "--help"], capture_output=True, check=True)
    help_s = time.perf_counter() - start
    del proc

    from briefing.config import Settings
    from briefing.pipeline import build, collect
    from briefing.render import RenderOptions, write_all

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        synthetic_pages(folder, args.pages)
        settings = Settings(jobs=args.jobs, formats=tuple(args.formats.split(",")))
        start = time.perf_counter()
        collected = collect([str(folder)])
        read_s = time.perf_counter() - start
        briefing = build(collected, settings)
        analyse_s = time.perf_counter() - start - read_s
        write_all(briefing, Path(tmp) / "out", settings.formats, RenderOptions())
        total = time.perf_counter() - start
    pages = len(collected.sources)
    print(f"pages: {pages}, articles: {len(briefing.analyses)}, proposals: {len(briefing.proposals)}")
    print(f"jobs: {args.jobs or 'one per core'}")
    print(f"read {read_s:.2f} s, analyse {analyse_s:.2f} s, render {total - read_s - analyse_s:.2f} s")
    print(f"whole run: {total:.2f} s = {pages / total:.1f} pages/s")
    print(f"peak memory (largest process): {peak_mb():.0f} MB")
    print(f"briefing --help: {help_s:.2f} s (a fresh interpreter)")


if __name__ == "__main__":
    main()
