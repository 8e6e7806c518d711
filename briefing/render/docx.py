"""briefing.docx with python-docx; its text blocks come from the Jinja2 template ``docx.j2``.

Chinese text needs its font named explicitly: ``w:rFonts/@w:eastAsia`` and
``w:lang/@w:eastAsia`` are set on the document defaults and on every style the
briefing uses, and ``w:eastAsiaTheme`` (which overrides a named font) is removed.
Without this, Word and LibreOffice draw Chinese in a fallback face.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterable
from typing import Any

from ..errors import ConfigError
from ..model import Briefing, Proposal
from . import RenderOptions
from .templating import environment, sections
from .view import (
    ARTICLE_KIND,
    KIND_EN,
    articles_by_id,
    english,
    evidence,
    leading_items,
    listed,
    mt_label,
    proposers,
    source_heading,
    trend_rows,
    week,
    zh_labels,
)

# XML 1.0 refuses these characters; python-docx raises on them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BODY_STYLES = ("Normal", "Subtitle", "List Bullet", "Table Grid", "Quote", "Caption", "Header", "Footer")
HEADING_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3", "TOC Heading")
PARAGRAPH_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Quote", "Caption")
TABLE_WIDTHS_CM = (4.2, 9.0, 3.8)  # speaker and role | proposal | source
BILINGUAL_WIDTHS_CM = (3.4, 5.3, 5.3, 3.0)  # speaker and role | proposal | English | source
SUMMARY_WIDTHS_CM = (8.5, 8.5)  # 中文 | English
CELL_PT, CELL_SMALL_PT = 9.5, 8
TWIPS_PER_CM = 566.93


def clean_xml(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


@functools.cache
def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def set_fonts(rpr: Any, east_asian: str, latin: str) -> None:
    """Name the fonts on an ``w:rPr`` element, East Asian included, and drop the
    theme fonts that would override them."""
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(_qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(_qn(attr), latin)
    fonts.set(_qn("w:eastAsia"), east_asian)
    for theme_attr in ("w:eastAsiaTheme", "w:asciiTheme", "w:hAnsiTheme", "w:cstheme"):
        fonts.attrib.pop(_qn(theme_attr), None)
    lang = rpr.find(_qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(_qn("w:lang"), {})
        rpr.append(lang)
    lang.set(_qn("w:eastAsia"), "zh-CN")


def _doc_defaults_rpr(document: Any) -> Any:
    styles = document.styles.element
    defaults = styles.find(_qn("w:docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(_qn("w:docDefaults"), {})
        styles.insert(0, defaults)
    rpr_default = defaults.find(_qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = defaults.makeelement(_qn("w:rPrDefault"), {})
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(_qn("w:rPr"))
    if rpr is None:
        rpr = rpr_default.makeelement(_qn("w:rPr"), {})
        rpr_default.append(rpr)
    return rpr


def apply_fonts(document: Any, options: RenderOptions) -> None:
    set_fonts(_doc_defaults_rpr(document), options.font_cjk, options.font_latin)
    for name in BODY_STYLES + HEADING_STYLES:
        try:
            style = document.styles[name]
        except KeyError:
            continue
        east = options.font_cjk_heading if name in HEADING_STYLES else options.font_cjk
        set_fonts(style.element.get_or_add_rPr(), east, options.font_latin)


def _open_document(options: RenderOptions) -> Any:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.opc.exceptions import PackageNotFoundError

    if options.reference_docx is None:
        return docx.Document()
    path = options.reference_docx
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise ConfigError(f"{path}: not a usable reference .docx ({exc.__class__.__name__}: {exc})") from None
    body = document.element.body
    for child in list(body):
        if child.tag != _qn("w:sectPr"):
            body.remove(child)
    names = {s.name for s in document.styles}
    missing = [n for n in (*PARAGRAPH_STYLES, "Table Grid") if n not in names]
    for name in missing:
        kind = WD_STYLE_TYPE.TABLE if name == "Table Grid" else WD_STYLE_TYPE.PARAGRAPH
        style = document.styles.add_style(name, kind)
        if kind == WD_STYLE_TYPE.PARAGRAPH and "Normal" in names:
            style.base_style = document.styles["Normal"]
    if missing:
        options.warn(f"{path}: lacks the style(s) {', '.join(missing)}; added them with default formatting")
    return document


def _fld_char(kind: str) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement("w:fldChar")
    el.set(_qn("w:fldCharType"), kind)
    return el


def _begin_field(paragraph: Any, instruction: str) -> None:
    """Open a complex field in ``paragraph``: begin, instruction, separate; the runs
    that follow are its shown result, until a ``_fld_char("end")``."""
    from docx.oxml import OxmlElement

    paragraph.add_run()._r.append(_fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(_qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(_fld_char("separate"))


def _field_runs(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A complex field (PAGE, NUMPAGES) with a result shown until it is updated."""
    _begin_field(paragraph, instruction)
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(_fld_char("end"))


def _update_fields_on_open(document: Any) -> None:
    from docx.oxml import OxmlElement

    settings = document.settings.element
    if settings.find(_qn("w:updateFields")) is None:
        el = OxmlElement("w:updateFields")
        el.set(_qn("w:val"), "true")
        settings.append(el)


def _header_footer(document: Any, header_text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    header = section.header
    if not any(p.text.strip() for p in header.paragraphs):
        para = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        para.text = header_text
        para.style = document.styles["Header"]
    footer = section.footer
    if not any(p.text.strip() for p in footer.paragraphs) and not footer._element.xpath(".//w:fldChar"):
        para = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run("Page ")
        _field_runs(para, "PAGE", "1")
        para.add_run(" of ")
        _field_runs(para, "NUMPAGES", "1")


def _table(document: Any, headers: Iterable[str], widths_cm: Iterable[float]) -> Any:
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    headers = list(headers)
    widths = list(widths_cm)
    table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    row = table.rows[0]
    trpr = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # repeat the header row on each page
    repeat.set(_qn("w:val"), "true")
    trpr.append(repeat)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid: LibreOffice reads column widths from it
    for cell, label, width in zip(row.cells, headers, widths, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0].add_run(label).bold = True
    return table


def _row(table: Any, values: Iterable[str], widths_cm: Iterable[float], small: Iterable[int] = ()) -> None:
    """A table row; the columns in ``small`` (sources, labels) in a smaller size,
    and every line after a cell's first too.  Built as XML directly: python-docx's
    cell API re-reads the whole table for each cell, which a big week cannot afford."""
    from lxml import etree

    small_columns = set(small)
    tr = etree.SubElement(table._tbl, _qn("w:tr"))
    for k, (value, width) in enumerate(zip(values, widths_cm, strict=True)):
        tc = etree.SubElement(tr, _qn("w:tc"))
        tcpr = etree.SubElement(tc, _qn("w:tcPr"))
        tcw = etree.SubElement(tcpr, _qn("w:tcW"))
        tcw.set(_qn("w:w"), str(round(width * TWIPS_PER_CM)))
        tcw.set(_qn("w:type"), "dxa")
        for n, line in enumerate(clean_xml(value).split("\n")):
            para = etree.SubElement(tc, _qn("w:p"))
            run = etree.SubElement(para, _qn("w:r"))
            rpr = etree.SubElement(run, _qn("w:rPr"))
            size = str(round(2 * (CELL_SMALL_PT if k in small_columns or n else CELL_PT)))
            for tag in ("w:sz", "w:szCs"):
                etree.SubElement(rpr, _qn(tag)).set(_qn("w:val"), size)
            t = etree.SubElement(run, _qn("w:t"))
            t.text = line
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def render_docx(briefing: Briefing, options: RenderOptions) -> bytes:
    """The title page and contents, then the sections ``sections.j2`` lists, in its
    order and with its headings (each a method of _DocxBriefing)."""
    writer = _DocxBriefing(briefing, options)
    writer.front()
    writer.contents()
    for key, en, zh in sections(options.templates, options.length):
        getattr(writer, key)(f"{en} · {writer.labels.zh(zh)}")
    return writer.save()


PAGE_CM = (21.0, 29.7)  # A4
MARGINS_CM = (2.0, 2.2)  # left and right, top and bottom: 17 cm of text width
BODY_PT = 10.5
PICTURE_CM = 15.0
TREND_THEME_CM, TREND_RUNS_CM = 5.0, 12.0
FIGURE_WIDTHS_CM = (11.0, 6.0)
COVERED_WIDTHS_CM = (9.0, 5.0, 3.0)
PROPOSER_WIDTHS_CM = (3.0, 8.0, 2.0, 4.0)
QUOTE_INDENT_CM = 0.6
ANNEX_PT = 8.5
ANNEX_COLUMNS = 2


class _DocxBriefing:
    """briefing.docx being written, a section at a time."""

    def __init__(self, briefing: Briefing, options: RenderOptions) -> None:
        from docx.shared import Cm, Pt

        env = environment(options.templates)
        try:
            self.blocks = env.get_template("docx.j2").module
        except Exception as exc:  # a user's broken template: report it, do not crash
            raise ConfigError(f"template docx.j2: {exc}") from None
        self.b = briefing
        self.document = document = _open_document(options)
        apply_fonts(document, options)
        if options.reference_docx is None:
            document.styles["Normal"].font.size = Pt(BODY_PT)
            section = document.sections[0]
            section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
            section.left_margin = section.right_margin = Cm(MARGINS_CM[0])
            section.top_margin = section.bottom_margin = Cm(MARGINS_CM[1])
        _update_fields_on_open(document)
        # Style ids looked up once: python-docx walks every style on each lookup by name.
        self.style_ids = {s.name: s.style_id for s in document.styles if s.name}
        self.headings: list[tuple[str, int]] = []  # (text, level) for the table of contents
        self.labels = zh_labels(briefing)
        self.by_id = articles_by_id(briefing)
        self.proposals = briefing.proposals
        self.people = proposers(self.proposals)
        self.groups = [g for g in briefing.groups if g.proposals]
        self.length = options.length
        self.en = english(briefing)
        self.toc: Any = None

    def text(self, macro: str, *args: Any) -> str:
        try:
            return clean_xml(str(getattr(self.blocks, macro)(*args)))
        except AttributeError:
            raise ConfigError(f"template docx.j2: the macro {macro!r} is missing") from None

    def para(self, content: str = "", style: str | None = None) -> Any:
        paragraph = self.document.add_paragraph(content)
        if style:
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def heading(self, content: str, level: int) -> Any:
        if level <= 2:
            self.headings.append((content, level - 1))
        return self.para(content, f"Heading {level}")

    def picture(self, png: bytes | None, caption: str) -> None:
        from docx.shared import Cm

        if png:
            self.document.add_picture(io.BytesIO(png), width=Cm(PICTURE_CM))
            self.para(self.text(caption), "Caption")

    def front(self) -> None:
        b, document = self.b, self.document
        _header_footer(document, self.text("header", b))
        self.para(self.text("title", b), "Title")
        self.para(self.text("subtitle", b, len(self.proposals)), "Subtitle")
        document.add_paragraph(self.text("generated", b))
        if b.translation is not None:
            label = document.add_paragraph()
            label.add_run(clean_xml(mt_label(b.translation))).bold = True
        for s in b.skipped:
            document.add_paragraph(self.text("skipped", s))

    def contents(self) -> None:
        self.para(f"Contents · {self.labels.zh('目录')}", "Heading 1")
        self.toc = self.document.add_paragraph()

    def executive(self, title: str) -> None:
        from .chart import proposals_chart

        self.heading(title, 1)
        leads = leading_items(self.b)
        self.document.add_paragraph(self.text("exec_intro", week(self.b, leads, len(self.people))))
        for lead in leads:
            item = self.para(self.text("exec_item", lead), "List Number")
            if self.en(lead.proposal).text:
                item.add_run("\n" + clean_xml(self.en(lead.proposal).text or "")).italic = True
        if self.length == "full":  # a brief briefing says the counts in words
            self.picture(proposals_chart(self.groups), "chart_caption")
            self.trend()

    def trend(self) -> None:
        from .chart import trend_chart

        rows = trend_rows(self.b)
        runs = [label for label, _ in self.b.trend]
        if len(runs) < 2 or not rows:
            return
        self.heading(f"Trend · {self.labels.zh('趋势')}", 2)
        widths = (TREND_THEME_CM, *([TREND_RUNS_CM / len(runs)] * len(runs)))
        table = _table(self.document, ("Theme", *[r.split(" ")[0] for r in runs]), widths)
        for en, zh, values in rows:
            _row(table, (f"{en} · {zh}", *[str(v) for v in values]), widths)
        self.picture(trend_chart(runs, rows), "trend_caption")

    def themes(self, title: str) -> None:
        self.heading(title, 1)
        bilingual = self.b.translation is not None
        for group, shown, elsewhere in listed(self.b, self.length):
            self.heading(self.text("theme_heading", group), 2)
            if self.length == "brief":
                self.para(self.text("listed_note", len(shown) + len(elsewhere), len(group.proposals)))
            if not shown:
                self.para(self.text("elsewhere_note", elsewhere))
                continue
            if bilingual:
                headers: tuple[str, ...] = ("Speaker and role", "Proposal", "English (machine translation)", "Source")
                widths: tuple[float, ...] = BILINGUAL_WIDTHS_CM
            else:
                headers, widths = ("Speaker and role", "Proposal", "Source"), TABLE_WIDTHS_CM
            table = _table(self.document, headers, widths)
            for p in shown:
                _row(table, self._proposal_cells(p, group.theme.key, bilingual), widths, small=(len(widths) - 1,))
            if elsewhere:
                self.para(self.text("elsewhere_note", elsewhere))

    def annex(self, title: str) -> None:
        from docx.enum.section import WD_SECTION
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt

        self.heading(title, 1)
        # the list in two columns: a continuous section of its own
        columns = OxmlElement("w:cols")
        columns.set(qn("w:num"), str(ANNEX_COLUMNS))
        columns.set(qn("w:space"), "360")
        self.document.add_section(WD_SECTION.CONTINUOUS)._sectPr.append(columns)
        pages = {s.name: n for n, s in enumerate(self.b.sources, start=1)}
        for p in self.proposals:
            art = self.by_id[p.article].article
            ref = f"S{pages.get(art.source, 0)}·{art.id.rsplit('-', 1)[-1]} ¶{p.para + 1}"
            line = self.document.add_paragraph(self.text("annex_item", p, ref))
            line.paragraph_format.space_after = Pt(0)
            for run in line.runs:
                run.font.size = Pt(ANNEX_PT)

    def _proposal_cells(self, p: Proposal, theme: str, bilingual: bool) -> tuple[str, ...]:
        art = self.by_id[p.article].article
        kind = self.text("kind_cell", p, KIND_EN, self.labels.kind, self.labels.mandate)
        proposal_cell = clean_xml(p.text) + "\n" + kind
        source = self.text("source_cell", p, art, evidence(p, theme))
        if not bilingual:
            return (self.text("speaker_cell", p), proposal_cell, source)
        en = self.en(p)
        speaker = self.text("speaker_cell", p) + "".join("\n" + v for v in (en.speaker or en.body, en.role) if v)
        english = (en.text or "") + (f"\n⚠ {en.flag}" if en.flag else "")
        return (speaker, proposal_cell, english, source)

    def figures(self, title: str) -> None:
        figures = [(a, f) for a in self.b.analyses for f in a.figures]
        if not figures:
            return
        self.heading(title, 1)
        table = _table(self.document, ("Figure (verbatim)", "Source"), FIGURE_WIDTHS_CM)
        for a, f in figures:
            _row(table, (f.text, self.text("figure_source", f, a.article)), FIGURE_WIDTHS_CM, small=(1,))

    def summaries(self, title: str) -> None:
        from docx.shared import Cm, Pt

        self.heading(title, 1)
        current_source = None
        for a in self.b.briefed:
            if a.article.source != current_source:
                current_source = a.article.source
                self.heading(self.text("source_heading", source_heading(self.b, a.article.source), self.b), 2)
            self.heading(self.text("article_heading", a.article), 3)
            english = self.en(a)
            if english.title:
                self.document.add_paragraph().add_run(clean_xml(english.title)).italic = True
            self.para(self.text("article_source", a.article, ARTICLE_KIND), "Caption")
            if english.summary:
                headers = (self.labels.zh("中文"), "English (machine translation)")
                table = _table(self.document, headers, SUMMARY_WIDTHS_CM)
                for sentence, line in zip(a.summary, english.summary, strict=False):
                    zh = clean_xml(sentence.orig) + self.text("summary_ref", a.article, sentence)
                    _row(table, (zh, line), SUMMARY_WIDTHS_CM)
                continue
            for sentence in a.summary:
                quoted = self.para()
                quoted.paragraph_format.left_indent = Cm(QUOTE_INDENT_CM)
                quoted.add_run(clean_xml(sentence.orig))
                ref = quoted.add_run(self.text("summary_ref", a.article, sentence))
                ref.font.size = Pt(CELL_SMALL_PT)

    def covered(self, title: str) -> None:
        if not self.b.covered:
            return
        self.heading(title, 1)
        self.para(self.text("covered_intro"))
        table = _table(self.document, ("Article", "Source", "First seen"), COVERED_WIDTHS_CM)
        for a in self.b.covered:
            cells = (self.text("article_heading", a.article), a.article.source, a.first_seen or "")
            _row(table, cells, COVERED_WIDTHS_CM)

    def proposers(self, title: str) -> None:
        if not self.people:
            return
        self.heading(title, 1)
        table = _table(self.document, ("Proposer", "Role", "Proposals", "Themes"), PROPOSER_WIDTHS_CM)
        for r in self.people:
            _row(table, (r.name, r.role or "", str(r.count), ", ".join(r.themes)), PROPOSER_WIDTHS_CM)

    def save(self) -> bytes:
        if self.toc is not None:
            _table_of_contents(self.document, self.toc, self.headings)
        buf = io.BytesIO()
        self.document.save(buf)
        return buf.getvalue()


def _table_of_contents(document: Any, anchor: Any, entries: list[tuple[str, int]]) -> None:
    """A TOC field whose shown result already lists the sections (levels 1–2), so
    the contents read right before the field is updated; Word updates it (with
    page numbers) on opening, as the document asks it to."""
    from docx.shared import Cm

    _begin_field(anchor, 'TOC \\o "1-2" \\h \\z \\u')
    if not entries:
        anchor.add_run("(no sections)")
        anchor.add_run()._r.append(_fld_char("end"))
        return
    first_text, first_level = entries[0]
    anchor.add_run(first_text)
    anchor.paragraph_format.left_indent = Cm(0.6 * first_level)
    last = anchor
    for entry_text, level in entries[1:]:
        para = document.add_paragraph()
        para.add_run(entry_text)
        para.paragraph_format.left_indent = Cm(0.6 * level)
        para.paragraph_format.space_after = Cm(0)
        last._p.addnext(para._p)  # move it from the end of the body to after the previous entry
        last = para
    last.add_run()._r.append(_fld_char("end"))
