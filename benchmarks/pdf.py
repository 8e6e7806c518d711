"""PDF reading: speed, peak memory and reading order on typeset newspaper pages.

    python benchmarks/pdf.py [--repeat N]

Typesets the seed pages and the pages of other outlets (``../shared``) into
newspaper PDFs with ``benchmarks/typeset.py`` (4–6 columns, photos and captions,
a boxed story, a story continued under another, some pages letter-spaced with
space glyphs and overprinted for bold), then reads them in a fresh process and
prints:

* pages a second (PDF pages, reading only: pdfium, layout, roles) and the peak
  resident memory of that process;
* reading order: the share of typeset paragraphs that come back whole and
  followed by the paragraph printed after them, once the cleaner and segmenter
  have put the page's articles together (per set and in all).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SHARED = HERE.parents[1] / "shared"
DENSE = 8000  # characters on a full broadsheet page of text
SETS = {"seeds": SHARED / "seeds", "dev": SHARED / "dev" / "texts"}


def typeset_all(out: Path) -> dict[str, list[Path]]:
    from typeset import write

    made: dict[str, list[Path]] = {}
    for name, folder in SETS.items():
        target = out / name
        made[name] = [write(path, target, seed) for seed, path in enumerate(sorted(folder.glob("*.txt")))]
    return made


def read_all(folder: Path, repeat: int) -> dict[str, float]:
    """Runs in its own process: read every PDF ``repeat`` times; time and peak memory."""
    import pypdfium2 as pdfium

    from briefing.read.pdf import read_pdf

    files = sorted(folder.rglob("*.pdf"))
    data = [f.read_bytes() for f in files]
    pages = sum(len(pdfium.PdfDocument(d)) for d in data)
    read_pdf(data[0])  # imports and first-call costs out of the timing
    chars = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for d in data:
            chars += sum(1 for ch in read_pdf(d).text if not ch.isspace())
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "files": len(files),
        "pages": pages * repeat,
        "chars": chars,
        "seconds": seconds,
        "peak_mib": peak_kib / 1024,
    }


def reading_order(made: dict[str, list[Path]]) -> dict[str, tuple[int, int]]:
    from typeset import reading_order as score

    from briefing.read import read_source
    from briefing.text.clean import clean
    from briefing.text.segment import segment

    out: dict[str, tuple[int, int]] = {}
    for name, pdfs in made.items():
        correct = total = 0
        for pdf in pdfs:
            order = json.loads(pdf.with_suffix(".order.json").read_text("utf-8"))
            articles, _ = segment(clean(read_source(pdf)))
            c, t = score(order, articles)
            correct, total = correct + c, total + t
        out[name] = (correct, total)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="read every page this many times (default 3)")
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.read:
        print(json.dumps(read_all(args.read, args.repeat)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        made = typeset_all(Path(tmp))
        child = subprocess.run(
            [sys.executable, __file__, "--read", tmp, "--repeat", str(args.repeat)],
            check=True,
            capture_output=True,
            text=True,
        )
        speed = json.loads(child.stdout)
        order = reading_order(made)
    print(f"PDF reading: {speed['files']} files, {speed['pages']} pages in {speed['seconds']:.2f} s")
    per_page = speed["chars"] / speed["pages"]
    per_second = speed["chars"] / speed["seconds"]
    print(f"  {speed['pages'] / speed['seconds']:.1f} pages/s, peak memory {speed['peak_mib']:.0f} MiB")
    print(f"  {per_page:,.0f} characters a page, {per_second:,.0f} characters/s", end="")
    print(f" (a dense page of {DENSE:,} characters: {per_second / DENSE:.1f} pages/s)")
    print("\n| set | paragraphs in order | share |\n|---|---:|---:|")
    for name, (correct, total) in [*order.items(), ("all", tuple(map(sum, zip(*order.values(), strict=True))))]:
        print(f"| {name} | {correct}/{total} | {correct / total:.3f} |")


if __name__ == "__main__":
    main()
