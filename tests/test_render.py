from __future__ import annotations

import io
import json

import pytest

from briefing.render import RenderOptions
from briefing.render.docx import render_docx
from briefing.render.jsonout import SCHEMA, render_json
from briefing.render.markdown import render_markdown
from briefing.render.templating import md_escape


@pytest.fixture(scope="module")
def options():
    return RenderOptions()


def test_json_follows_the_schema(seed_briefing, options):
    data = json.loads(render_json(seed_briefing, options))
    assert data["schema"] == SCHEMA and data["schema_version"] == 1
    art = data["articles"][0]
    for key in ("id", "source", "title", "byline", "body", "summary", "keywords", "themes"):
        assert key in art
    prop = data["proposals"][0]
    for key in ("id", "article", "speaker", "role", "kind", "text", "themes"):
        assert key in prop
    assert prop["kind"] in ("suggestion", "plan")
    ids = {p["id"] for p in data["proposals"]}
    assert {"key", "label_zh", "label_en", "proposals"} <= set(data["themes"][0])
    assert all(pid in ids for t in data["themes"] for pid in t["proposals"])


def test_markdown_has_front_matter_theme_sections_and_summaries(seed_briefing, options):
    md = render_markdown(seed_briefing, options).decode("utf-8")
    assert md.startswith("---\ntitle: ")
    assert "\nlang: zh-CN\n---\n" in md
    assert "### Innovation · 科技创新" in md
    assert "## Article summaries" in md
    first = seed_briefing.analyses[0].summary[0].orig
    assert md_escape(first) in md


def test_docx_reads_back_with_chinese_fonts_and_tables(seed_briefing, options):
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(render_docx(seed_briefing, options)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert seed_briefing.title in text
    assert len(document.tables) >= 2
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia"))
    assert fonts.get(qn("w:eastAsiaTheme")) is None
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any(seed_briefing.proposals[0].text in c for c in cells)


def test_templates_can_be_overridden(seed_briefing, tmp_path):
    (tmp_path / "briefing.md.j2").write_text("{{ b.title }} / {{ proposals | length }}\n", "utf-8")
    md = render_markdown(seed_briefing, RenderOptions(tmp_path)).decode("utf-8")
    assert md == f"{seed_briefing.title} / {len(seed_briefing.proposals)}\n"


def test_markdown_escaping_keeps_text_on_one_line():
    assert md_escape("a*b_c\n|d") == "a\\*b\\_c \\|d"


def test_a_big_weeks_docx_written_in_a_second_process_is_the_same(seed_briefing, options, monkeypatch):
    import briefing.render as render

    serial = render.render_all(seed_briefing, ("md", "docx", "json"), options)
    monkeypatch.setattr(render, "MIN_PARALLEL_PROPOSALS", 0)
    parallel = render.render_all(seed_briefing, ("md", "docx", "json"), options)
    assert parallel["md"] == serial["md"] and parallel["json"] == serial["json"]

    def parts(data: bytes) -> dict[str, bytes]:  # the zip's own times are the second it was written
        import zipfile

        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {name: z.read(name) for name in z.namelist()}

    assert parts(parallel["docx"]) == parts(serial["docx"])
