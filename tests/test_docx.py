"""The DOCX read back: fonts, fields, tables, chart; and converted by LibreOffice."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cjk import skip_without_cjk_fonts

from briefing.errors import ConfigError
from briefing.render import RenderOptions
from briefing.render.docx import HEADING_STYLES, render_docx


@pytest.fixture(scope="module")
def docx_bytes(seed_briefing) -> bytes:
    return render_docx(seed_briefing, RenderOptions())


@pytest.fixture(scope="module")
def document(docx_bytes):
    import docx

    return docx.Document(io.BytesIO(docx_bytes))


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _fonts(rpr):
    return rpr.find(_qn("w:rFonts")), rpr.find(_qn("w:lang"))


def test_east_asian_fonts_on_defaults_and_styles(document):
    options = RenderOptions()
    defaults = document.styles.element.find(_qn("w:docDefaults")).find(_qn("w:rPrDefault")).find(_qn("w:rPr"))
    fonts, lang = _fonts(defaults)
    assert fonts.get(_qn("w:eastAsia")) == options.font_cjk
    assert lang.get(_qn("w:eastAsia")) == "zh-CN"
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "Table Grid", "Caption"):
        fonts, lang = _fonts(document.styles[name].element.rPr)
        expected = options.font_cjk_heading if name in HEADING_STYLES else options.font_cjk
        assert fonts.get(_qn("w:eastAsia")) == expected, name
        assert fonts.get(_qn("w:eastAsiaTheme")) is None, name
        assert lang.get(_qn("w:eastAsia")) == "zh-CN", name


def test_toc_page_fields_header_and_footer(document):
    body = document.element.body.xml
    assert "TOC \\o" in body
    footer = document.sections[0].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert "Policy briefing" in document.sections[0].header.paragraphs[0].text
    settings = document.settings.element
    assert settings.find(_qn("w:updateFields")) is not None


def test_structure_tables_and_chart(document, seed_briefing):
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for section in ("Executive summary", "Proposals by theme", "Key figures", "Article summaries", "Proposers"):
        assert any(h.startswith(section) for h in headings), section
    assert document.paragraphs[0].style.name == "Title"
    tables = document.tables
    themed = [g for g in seed_briefing.groups if g.proposals]
    assert len(tables) == len(themed) + 2  # one per theme, key figures, proposers
    assert [c.text for c in tables[0].rows[0].cells] == ["Speaker and role", "Proposal", "Source"]
    assert document.inline_shapes and len(document.inline_shapes) == 1
    image = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[image].content_type == "image/png"


def test_reference_docx_keeps_its_header_and_reports_missing_styles(seed_briefing, tmp_path: Path):
    import docx

    house = docx.Document()
    house.sections[0].header.paragraphs[0].text = "Chamber of Commerce — internal"
    house.add_paragraph("This paragraph of the reference is not copied.")
    house.styles["Caption"].delete()
    path = tmp_path / "house.docx"
    house.save(str(path))
    warnings: list[str] = []
    out = render_docx(seed_briefing, RenderOptions(reference_docx=path, warn=warnings.append))
    document = docx.Document(io.BytesIO(out))
    assert document.sections[0].header.paragraphs[0].text == "Chamber of Commerce — internal"
    assert all("not copied" not in p.text for p in document.paragraphs)
    assert warnings and "Caption" in warnings[0]


def test_unusable_reference_docx_is_a_clear_error(seed_briefing, tmp_path: Path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a docx")
    with pytest.raises(ConfigError, match="reference"):
        render_docx(seed_briefing, RenderOptions(reference_docx=path))


def test_docx_template_blocks_can_be_overridden(seed_briefing, tmp_path: Path):
    import docx

    from briefing.render.templating import packaged_templates

    text = (packaged_templates() / "docx.j2").read_text("utf-8")
    (tmp_path / "docx.j2").write_text(
        text.replace("{{ b.title }}{% endmacro %}", "HOUSE {{ b.title }}{% endmacro %}", 1)
    )
    out = render_docx(seed_briefing, RenderOptions(templates=tmp_path))
    assert docx.Document(io.BytesIO(out)).paragraphs[0].text.startswith("HOUSE ")


def _libreoffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.environ.get("BRIEFING_REQUIRE_LIBREOFFICE"):
        pytest.fail("LibreOffice (soffice) is required here but not installed")
    return found


def _to_pdf(soffice: str, docx_bytes: bytes, tmp_path: Path) -> Path:
    source = tmp_path / "briefing.docx"
    source.write_bytes(docx_bytes)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--infilter=MS Word 2007 XML",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / "briefing.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000  # soffice exits 0 even when it fails
    return pdf


@pytest.mark.slow
def test_libreoffice_renders_it_with_a_cjk_font(docx_bytes, tmp_path: Path):
    soffice = _libreoffice()
    if soffice is None or shutil.which("pdffonts") is None:
        pytest.skip("needs LibreOffice and poppler-utils (installed by .ci/run)")
    skip_without_cjk_fonts()
    pdf = _to_pdf(soffice, docx_bytes, tmp_path)
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "CJK" in fonts, fonts


MAX_BRIEF_PAGES = 8


@pytest.mark.slow
def test_a_brief_briefing_of_the_seeds_fits_in_eight_pages(seed_briefing, tmp_path: Path):
    soffice = _libreoffice()
    if soffice is None or shutil.which("pdfinfo") is None:
        pytest.skip("needs LibreOffice and poppler-utils (installed by .ci/run)")
    skip_without_cjk_fonts()
    pdf = _to_pdf(soffice, render_docx(seed_briefing, RenderOptions(length="brief")), tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    print(f"\nbrief DOCX of the seeds: {pages} pages")
    assert pages <= MAX_BRIEF_PAGES
    import docx

    document = docx.Document(io.BytesIO(render_docx(seed_briefing, RenderOptions(length="brief"))))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert any(h.startswith("Annex") for h in headings) and not any(h.startswith("Article summaries") for h in headings)
