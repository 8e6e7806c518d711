"""One list of sections and shared template blocks drive the Markdown, the DOCX and
the HTML: a user's --templates folder changes all three alike."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from briefing.errors import ConfigError
from briefing.model import Article
from briefing.render import RenderOptions
from briefing.render.docx import render_docx
from briefing.render.html import render_html
from briefing.render.markdown import render_markdown
from briefing.render.templating import packaged_templates, sections

RENAMED = ("Who proposed", "建议人")


def _docx_text(data: bytes) -> list[str]:
    from docx import Document

    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_a_template_folder_drops_and_renames_sections_in_every_format(seed_briefing, tmp_path: Path):
    listed = (packaged_templates() / "sections.j2").read_text("utf-8")
    listed = listed.replace('  ["figures", "Key figures", "关键数据"],\n', "")
    listed = listed.replace('["proposers", "Proposers", "建议人索引"]', '["proposers", "Who proposed", "建议人"]')
    (tmp_path / "sections.j2").write_text(listed, "utf-8")
    options = RenderOptions(templates=tmp_path)
    assert [key for key, _, _ in sections(tmp_path)] == ["executive", "themes", "summaries", "covered", "proposers"]
    assert any(a.figures for a in seed_briefing.analyses)  # there is a key-figures section to drop

    plain = render_markdown(seed_briefing, RenderOptions()).decode("utf-8")
    assert "## Key figures" in plain and "## Proposers · 建议人索引" in plain
    md = render_markdown(seed_briefing, options).decode("utf-8")
    assert "## Key figures" not in md and "## Who proposed · 建议人" in md

    headings = _docx_text(render_docx(seed_briefing, options))
    assert "Who proposed · 建议人" in headings
    assert not any(h.startswith("Key figures") or h.startswith("Proposers") for h in headings)

    html = render_html(seed_briefing, options).decode("utf-8")
    assert "Key figures" not in html and "<h2>Who proposed · 建议人</h2>" in html


def test_a_new_article_field_shows_in_every_format_by_one_template(seed_briefing, tmp_path: Path):
    @dataclass(frozen=True)
    class DeskArticle(Article):
        desk: str = ""

    analyses = tuple(
        replace(a, article=DeskArticle(**a.article.__dict__, desk="时政部")) for a in seed_briefing.analyses
    )
    briefing = replace(seed_briefing, analyses=analyses)
    (tmp_path / "article.j2").write_text(
        "{% macro meta(art, kinds) %}{{ kinds[art.kind] }} · 编辑部门：{{ art.desk }}{% endmacro %}\n", "utf-8"
    )
    options = RenderOptions(templates=tmp_path)
    assert "编辑部门：时政部" in render_markdown(briefing, options).decode("utf-8")
    assert any("编辑部门：时政部" in t for t in _docx_text(render_docx(briefing, options)))
    assert "编辑部门：时政部" in render_html(briefing, options).decode("utf-8")


def test_an_unknown_section_is_a_configuration_error(tmp_path: Path):
    (tmp_path / "sections.j2").write_text('{% set sections = [["gossip", "Gossip", "八卦"]] %}\n', "utf-8")
    with pytest.raises(ConfigError, match="gossip"):
        sections(tmp_path)
