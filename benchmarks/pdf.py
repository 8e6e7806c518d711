"""PDF reading: speed, peak memory and reading order on typeset newspaper pages.

    python benchmarks/pdf.py [--repeat N] [--quality]

Typesets the seed pages and the pages of other outlets (``../shared``) into
newspaper PDFs with ``benchmarks/typeset.py`` (4–6 columns, photos and captions,
a boxed story, a story continued under another, some pages letter-spaced with
space glyphs and overprinted for bold), then reads them in a fresh process and
prints:

* pages a second (PDF pages, reading only: pdfium, layout, roles) and the peak
  resident memory of that process, for the typeset pages and for the real e-paper
  pages of ``../shared/dev/pdf``;
* reading order: the share of typeset paragraphs that come back whole and
  followed by the paragraph printed after them, once the cleaner and segmenter
  have put the page's articles together (per set and in all);
* with ``--quality``: the real e-paper pages of ``../shared/dev/pdf``, the dev
  texts typeset by LibreOffice in three flowing columns (``benchmarks/libreoffice.py``)
  and by the typesetter here, each briefed and scored with the judges' scorer
  (segmentation, proposals), beside the same texts given as text; and the share of
  summary sentences and proposals that occur verbatim in the content stream of the
  PDF they come from (it must be 1.000).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
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


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def stream_text(pdf: Path) -> str:
    """The PDF's text as its content stream has it, whitespace removed: what every
    sentence taken from the page must occur in."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return _norm("".join(doc[i].get_textpage().get_text_range() for i in range(len(doc))))
    finally:
        doc.close()


def brief(pdfs: list[Path], out: Path) -> dict[str, object]:
    """Run ``briefing make`` on the pages; the briefing's JSON."""
    from quality import make

    return dict(json.loads(make(pdfs, out).read_text("utf-8")))


def verbatim(briefing: dict[str, object], pdfs: list[Path]) -> tuple[int, int]:
    """(found, taken): the summary sentences and proposals found verbatim in the
    content stream of the PDF they were taken from."""
    texts = {p.name: stream_text(p) for p in pdfs}
    found = taken = 0
    articles = briefing["articles"]
    assert isinstance(articles, list)
    quotes = [(a["source"], s) for a in articles for s in a.get("summary") or []]
    quotes += [(p["source"], p["text"]) for p in briefing["proposals"]]  # type: ignore[union-attr]
    for source, text in quotes:
        taken += 1
        found += _norm(text) in texts.get(Path(source).name, "")
    return found, taken


def scored(briefing_json: Path, gold: Path, texts: Path) -> dict[str, float]:
    """Segmentation and proposals (distinct F1) by the judges' scorer."""
    from quality import score

    d = score(briefing_json, gold, texts)
    return {"segmentation": d["segmentation"]["f1"], "proposals": d["proposals_distinct"]["f1"]}


def quality(made: dict[str, list[Path]], tmp: Path) -> list[tuple[str, dict[str, float], tuple[int, int]]]:
    """Each kind of PDF page, briefed and scored: real e-paper pages, LibreOffice's
    three-column pages and the project's typeset pages of the dev texts, and the same
    dev texts given as text."""
    from libreoffice import available, convert

    dev, texts = SHARED / "dev" / "gold", SHARED / "dev" / "texts"
    sets: list[tuple[str, list[Path], Path, Path]] = []
    real = sorted((SHARED / "dev" / "pdf" / "pages").glob("*.pdf"))
    if real:
        sets.append(
            (
                "real e-paper pages (shared/dev/pdf)",
                real,
                SHARED / "dev" / "pdf" / "gold",
                SHARED / "dev" / "pdf" / "ref",
            )
        )
    why = available()
    if why:
        print(f"(LibreOffice pages skipped: {why})")
    else:
        sets.append(
            ("LibreOffice, three columns (dev texts)", convert(sorted(texts.glob("*.txt")), tmp / "lo"), dev, texts)
        )
    sets.append(("typeset here (dev texts)", made["dev"], dev, texts))
    out = []
    for n, (name, pdfs, gold, ref) in enumerate(sets):
        target = tmp / f"brief-{n}"
        found = verbatim(brief(pdfs, target), pdfs)
        out.append((name, scored(target / "briefing.json", gold, ref), found))
    brief(sorted(texts.glob("*.txt")), tmp / "brief-text")
    out.append(("the dev texts as text", scored(tmp / "brief-text" / "briefing.json", dev, texts), (0, 0)))
    return out


REAL = SHARED / "dev" / "pdf" / "pages"


def _timed(folder: Path, repeat: int) -> dict[str, float]:
    """Read the folder's PDFs in a fresh process: its speed and peak memory."""
    child = subprocess.run(
        [sys.executable, __file__, "--read", str(folder), "--repeat", str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(child.stdout))


def _print_speed(title: str, speed: dict[str, float]) -> None:
    print(f"{title}: {speed['files']:.0f} files, {speed['pages']:.0f} pages in {speed['seconds']:.2f} s")
    per_page = speed["chars"] / speed["pages"]
    per_second = speed["chars"] / speed["seconds"]
    print(f"  {speed['pages'] / speed['seconds']:.1f} pages/s, peak memory {speed['peak_mib']:.0f} MiB")
    print(f"  {per_page:,.0f} characters a page, {per_second:,.0f} characters/s", end="")
    print(f" (a dense page of {DENSE:,} characters: {per_second / DENSE:.1f} pages/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="read every page this many times (default 3)")
    parser.add_argument(
        "--quality",
        action="store_true",
        help="also brief real, LibreOffice and typeset pages and score them against ../shared/dev",
    )
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.read:
        print(json.dumps(read_all(args.read, args.repeat)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        made = typeset_all(Path(tmp))
        speed = _timed(Path(tmp), args.repeat)
        real = REAL if REAL.is_dir() and any(REAL.glob("*.pdf")) else None
        real_speed = _timed(real, args.repeat) if real else None
        order = reading_order(made)
        briefed = quality(made, Path(tmp)) if args.quality else []
    _print_speed("PDF reading, typeset pages", speed)
    if real_speed:
        _print_speed("PDF reading, real e-paper pages (shared/dev/pdf)", real_speed)
    print("\n| set | paragraphs in order | share |\n|---|---:|---:|")
    for name, (correct, total) in [*order.items(), ("all", tuple(map(sum, zip(*order.values(), strict=True))))]:
        print(f"| {name} | {correct}/{total} | {correct / total:.3f} |")
    if briefed:
        print("\n| pages | segmentation | proposals | verbatim in the PDF's text |\n|---|---:|---:|---:|")
        for name, figures, (found, taken) in briefed:
            share = f"{found}/{taken} = {found / taken:.3f}" if taken else "—"
            print(f"| {name} | {figures['segmentation']:.3f} | {figures['proposals']:.3f} | {share} |")


if __name__ == "__main__":
    main()
