"""Make the font the test PDFs embed: a subset of WenQuanYi Micro Hei.

    python scripts/subset_font.py [FONT] [--out tests/fixtures/fonts/WenQuanYiMicroHei-subset.ttf]

The PDF pages the tests and benchmarks typeset (``benchmarks/typeset.py``) embed
their font, so that they read the same on a machine with or without CJK fonts.
WenQuanYi Micro Hei (Apache 2.0; Debian's fonts-wqy-microhei) has TrueType
outlines, which reportlab embeds, and Latin letters and digits beside the CJK
ones.  The subset keeps GB 2312's first level (the 3,755 most used characters),
its punctuation and symbol rows, ASCII, the full-width forms, and every character
of the sample and development pages and of the tests; it needs fontTools
(``pip install fonttools``).
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
OUT = ROOT / "tests" / "fixtures" / "fonts" / "WenQuanYiMicroHei-subset.ttf"


def characters() -> str:
    chars: set[str] = set(chr(i) for i in range(0x20, 0x7F))
    chars |= {chr(i) for i in range(0x3000, 0x3040)} | {chr(i) for i in range(0xFF01, 0xFF5F)}
    for hi in [*range(0xA1, 0xAA), *range(0xB0, 0xD8)]:  # symbols, then level 1
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes([hi, lo]).decode("gb2312"))
    shared = ROOT.parent / "shared"
    for path in [*shared.glob("seeds/*.txt"), *shared.glob("dev/texts/*.txt"), *ROOT.glob("tests/*.py")]:
        chars |= set(path.read_text("utf-8", errors="ignore"))
    chars |= set((ROOT / "benchmarks" / "typeset.py").read_text("utf-8"))
    return "".join(sorted(c for c in chars if c.isprintable() or c == "\u3000"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("font", nargs="?", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as text:
        text.write(characters())
        text.flush()
        subprocess.run(
            [
                sys.executable, "-m", "fontTools.subset", str(args.font), "--font-number=0",
                f"--text-file={text.name}", f"--output-file={args.out}", "--no-hinting",
            ],
            check=True,
        )  # fmt: skip
    print(f"{args.out}: {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
