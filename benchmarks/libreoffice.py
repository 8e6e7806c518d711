"""Pages typeset by LibreOffice: a text page's articles in a three-column section.

    python benchmarks/libreoffice.py PAGES... --out DIR

Each text page's articles (as ``briefing`` reads them) are written into a DOCX
with python-docx — one section of three columns, the text flowing from column to
column, each headline bold and larger in the flow, paragraphs indented by two
characters — and converted to PDF by ``soffice --convert-to pdf``.  This is how a
user's word-processed page or a ministry's release reaches us as a PDF, and a
layout the project's own typesetter does not make.  It needs LibreOffice and CJK
fonts (fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def available() -> str | None:
    """Why LibreOffice pages cannot be made here, None when they can."""
    if not shutil.which("soffice"):
        return "LibreOffice (soffice) is not installed"
    try:
        fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:
        return "fontconfig (fc-list) is not installed"
    if not fonts.strip():
        return "no CJK fonts are installed (fonts-noto-cjk)"
    return None


def docx_bytes(text_page: Path) -> bytes:
    """The page's articles as a DOCX of one three-column section."""
    import io

    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt
    from typeset import stories_from_text

    doc = Document()
    sect = doc.sections[0]
    cols = sect._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = sect._sectPr.makeelement(qn("w:cols"), {})
        sect._sectPr.append(cols)
    cols.set(qn("w:num"), "3")
    cols.set(qn("w:space"), "360")
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC")

    def para(text: str, size: float | None = None, bold: bool = False, indent: bool = False) -> None:
        p = doc.add_paragraph()
        if indent:
            p.paragraph_format.first_line_indent = Pt(21)
        p.paragraph_format.space_after = Pt(3)
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)

    for story in stories_from_text(text_page):
        if story.kicker:
            para(story.kicker, 11)
        if story.title:
            para(story.title, 16, bold=True)
        if story.subtitle:
            para(story.subtitle, 12)
        if story.byline:
            para(story.byline, 9.5)
        for role, text in story.paras:
            if role == "subhead":
                para(text, 11, bold=True)
            else:
                para(text, indent=role == "body")
        for caption in story.captions:
            para(caption, 9)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def convert(pages: list[Path], out: Path) -> list[Path]:
    """``out/<stem>.pdf`` for every text page, through one LibreOffice run."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        docs = []
        for page in pages:
            path = Path(tmp) / f"{page.stem}.docx"
            path.write_bytes(docx_bytes(page))
            docs.append(str(path))
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                *docs,
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return [out / f"{page.stem}.pdf" for page in pages]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    why = available()
    if why:
        sys.exit(f"cannot typeset with LibreOffice: {why}")
    for pdf in convert(args.pages, args.out):
        print(pdf)


if __name__ == "__main__":
    main()
