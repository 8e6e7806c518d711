"""briefing.docx with python-docx; its text blocks come from the Jinja2 template ``docx.j2``."""

from __future__ import annotations

import io
import re
from typing import Any

from ..errors import ConfigError
from ..model import Briefing
from . import RenderOptions
from .templating import environment
from .view import ARTICLE_KIND, KIND_EN, KIND_ZH, articles_by_id, evidence, proposers

EAST_ASIAN_FONT = "Noto Serif CJK SC"
LATIN_FONT = "Calibri"
# XML 1.0 refuses these characters; python-docx raises on them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _set_fonts(style: Any, east_asian: str = EAST_ASIAN_FONT, latin: str = LATIN_FONT) -> None:
    """Name the East Asian font explicitly: ``run.font.name`` alone does not."""
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    for theme_attr in ("w:eastAsiaTheme", "w:asciiTheme", "w:hAnsiTheme"):
        fonts.attrib.pop(qn(theme_attr), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def render_docx(briefing: Briefing, options: RenderOptions) -> bytes:
    import docx
    from docx.shared import Pt

    env = environment(options.templates)
    try:
        blocks = env.get_template("docx.j2").module
    except Exception as exc:  # a user's broken template: report it, do not crash
        raise ConfigError(f"template docx.j2: {exc}") from None

    def text(macro: str, *args: Any) -> str:
        return _clean(str(getattr(blocks, macro)(*args)))

    document = docx.Document()
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Table Grid", "Quote"):
        try:
            _set_fonts(document.styles[name])
        except KeyError:
            continue
    document.styles["Normal"].font.size = Pt(10.5)

    by_id = articles_by_id(briefing)
    proposals = briefing.proposals
    document.add_paragraph(text("title", briefing), style="Title")
    document.add_paragraph(text("stats", briefing, len(proposals)))
    for s in briefing.skipped:
        document.add_paragraph(text("skipped", s))

    document.add_heading("Proposals by theme · 按主题分列的建议与计划", level=1)
    for group in briefing.groups:
        if not group.proposals:
            continue
        document.add_heading(text("theme_heading", group), level=2)
        table = document.add_table(rows=1, cols=3)
        table.style = document.styles["Table Grid"]
        for cell, label in zip(table.rows[0].cells, ("Speaker and role", "Proposal", "Source"), strict=True):
            cell.text = label
        for p in group.proposals:
            art = by_id[p.article].article
            cells = table.add_row().cells
            cells[0].text = text("speaker_cell", p)
            cells[1].text = _clean(p.text) + "\n" + text("kind_cell", p, KIND_EN, KIND_ZH)
            cells[2].text = text("source_cell", p, art, evidence(p, group.theme.key))

    people = proposers(proposals)
    if people:
        document.add_heading("Proposers · 建议人索引", level=1)
        table = document.add_table(rows=1, cols=4)
        table.style = document.styles["Table Grid"]
        for cell, label in zip(table.rows[0].cells, ("Proposer", "Role", "Proposals", "Themes"), strict=True):
            cell.text = label
        for r in people:
            cells = table.add_row().cells
            cells[0].text = _clean(r.name)
            cells[1].text = _clean(r.role or "")
            cells[2].text = str(r.count)
            cells[3].text = ", ".join(r.themes)

    document.add_heading("Article summaries · 文章摘要", level=1)
    for a in briefing.analyses:
        document.add_heading(text("article_heading", a.article), level=2)
        document.add_paragraph(text("article_source", a.article, ARTICLE_KIND))
        for sentence in a.summary:
            document.add_paragraph(_clean(sentence.orig), style="Quote")

    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
