"""Render the HTML briefing and the email body in headless Chromium, as a phone and a
desktop show them, and check them.

    python benchmarks/render_html.py                 # briefing.html and the email of the seed pages
    python benchmarks/render_html.py out/briefing.html out/briefing.eml --shots shots/

For each page and each width (375 px, a phone; 1024 px, a desktop) it writes a
screenshot and checks that the screenshot has that width, that the page does not
scroll sideways (its scroll width is the window's), and that every character of
its text has a glyph in some installed font (Chromium falls back across them all).
Needs Debian's ``chromium`` and fontconfig; ``fonttools`` reads the fonts.
"""

from __future__ import annotations

import argparse
import email
import html as htmllib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from email import policy
from pathlib import Path

WIDTHS = (375, 1024)
HEIGHT = 900
REPO = Path(__file__).resolve().parents[1]
# The page in a frame of the width to check (a headless window is at least 500 px
# wide, a frame can be any width); the frame's scroll width against its own.
_MEASURE = """<html><head><title>-</title></head><body style="margin:0">
<iframe id="f" src="{src}" style="width:{width}px;height:{height}px;border:0"></iframe>
<script>document.getElementById("f").onload = function () {{
  var w = this.contentWindow, d = w.document.documentElement;
  document.title = "measured:" + d.scrollWidth + ":" + w.innerWidth;
}};</script></body></html>"""


@dataclass(frozen=True)
class Check:
    page: str
    width: int
    shot: Path
    shot_width: int
    scroll_width: int
    inner_width: int
    missing: str  # characters no installed font has

    @property
    def ok(self) -> bool:
        return self.shot_width == self.width and self.scroll_width <= self.inner_width and not self.missing


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _run(browser: str, width: int, *args: str) -> str:
    cmd = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
    cmd += ["--disable-dev-shm-usage", f"--window-size={max(width, 500)},{HEIGHT}", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed: {done.stderr.strip()[-300:]}")
    return done.stdout


def _png_width(path: Path) -> int:
    head = path.read_bytes()[:24]
    return int(struct.unpack(">I", head[16:20])[0])


def page_text(markup: str) -> str:
    body = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    body = re.sub(r"(?s)<[^>]+>", " ", body)
    return htmllib.unescape(body)


_COVERED: set[int] | None = None


def installed_coverage() -> set[int]:
    """Every code point some installed font has a glyph for."""
    global _COVERED
    if _COVERED is None:
        from fontTools.ttLib import TTCollection, TTFont

        files = subprocess.run(["fc-list", "-f", "%{file}\n"], capture_output=True, text=True).stdout.split()
        covered: set[int] = set()
        for name in sorted(set(files)):
            try:
                collection = name.lower().endswith(".ttc")
                fonts = TTCollection(name, lazy=True).fonts if collection else [TTFont(name, lazy=True)]
            except Exception:  # a font fontTools cannot read (Type 1, bitmap): Chromium does not use it either
                continue
            for font in fonts:
                cmap = font.getBestCmap() or {}
                covered.update(cmap)
        _COVERED = covered
    return _COVERED


def missing_glyphs(text: str) -> str:
    covered = installed_coverage()
    return "".join(sorted({ch for ch in text if not ch.isspace() and ord(ch) not in covered}))


def check(page: Path, shots: Path, browser: str) -> list[Check]:
    markup = page.read_text("utf-8")
    missing = missing_glyphs(page_text(markup))
    out = []
    with tempfile.TemporaryDirectory() as profile:
        for width in WIDTHS:
            shot = shots / f"{page.stem}-{width}.png"
            subprocess.run(
                [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                 "--disable-dev-shm-usage", f"--window-size={width},{HEIGHT}", f"--screenshot={shot}",
                 page.resolve().as_uri()],
                capture_output=True, timeout=120, check=True,
            )  # fmt: skip
            measured = shots / f".{page.stem}-measure-{width}.html"
            measured.write_text(_MEASURE.format(src=page.resolve().as_uri(), width=width, height=HEIGHT), "utf-8")
            # the frame is a file of its own: reading its size needs the two files to count as one origin
            flags = ("--disable-web-security", f"--user-data-dir={profile}", "--virtual-time-budget=5000")
            dom = _run(browser, width, *flags, "--dump-dom", measured.resolve().as_uri())
            measured.unlink()
            m = re.search(r"measured:(\d+):(\d+)", dom)
            if m is None:
                raise RuntimeError(f"{page}: the page could not be measured")
            out.append(Check(page.name, width, shot, _png_width(shot), int(m.group(1)), int(m.group(2)), missing))
    return out


def email_body(eml: Path, folder: Path) -> Path:
    """The HTML part of a .eml, as a file a browser can open."""
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    part = msg.get_body(("html",))  # type: ignore[attr-defined]
    if part is None:
        raise RuntimeError(f"{eml}: no HTML part")
    path = folder / f"{eml.stem}-email.html"
    path.write_text(part.get_content(), "utf-8")
    return path


def seed_pages(folder: Path) -> list[Path]:
    out = folder / "out"
    cmd = [sys.executable, "-m", "briefing", "make", str(REPO / "seeds"), "--out", str(out)]
    subprocess.run([*cmd, "--no-archive", "--quiet", "--format", "html,docx,eml"], check=True)
    return [out / "briefing.html", out / "briefing.eml"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", type=Path, help=".html or .eml files [default: from the seed pages]")
    parser.add_argument("--shots", type=Path, help="folder for the screenshots [default: a temporary one]")
    args = parser.parse_args()
    browser = chromium()
    if browser is None:
        sys.exit("chromium not found: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        shots = args.shots or Path(tmp) / "shots"
        shots.mkdir(parents=True, exist_ok=True)
        pages = args.pages or seed_pages(Path(tmp))
        pages = [email_body(p, shots) if p.suffix == ".eml" else p for p in pages]
        results = [c for p in pages for c in check(p, shots, browser)]
        for c in results:
            state = "ok" if c.ok else "FAIL"
            print(
                f"{state:4} {c.page} at {c.width} px: screenshot {c.shot_width} px wide, scroll width "
                f"{c.scroll_width} in a {c.inner_width} px window, "
                + (f"no glyph for {c.missing!r}" if c.missing else "every character has a glyph")
                + f" -> {c.shot}"
            )
        if not all(c.ok for c in results):
            sys.exit(1)


if __name__ == "__main__":
    main()
