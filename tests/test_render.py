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


@pytest.mark.parametrize("length", ["full", "brief"])
def test_a_proposal_of_several_themes_is_listed_in_full_once(seed_briefing, length):
    from briefing.render.view import listed

    sections = listed(seed_briefing, length)
    full = [p.id for s in sections for p in s.shown]
    assert len(full) == len(set(full))  # in full under one theme only
    where = {p.id: s.group.theme.key for s in sections for p in s.shown}
    refs = [(p.id, home.theme.key) for s in sections for p, home in s.elsewhere]
    assert refs and all(where[pid] == key for pid, key in refs)  # each reference points to the full entry
    if length == "full":  # the full briefing lists every proposal of every theme, once in full
        assert set(full) == {p.id for g in seed_briefing.groups for p in g.proposals}
    several = [p for p in seed_briefing.proposals if len(p.themes) > 1 and p.id in where]
    assert several and all(where[p.id] in p.theme_keys for p in several)


def test_the_executive_summary_quotes_a_measure_once(seed_briefing):
    from briefing.analyse.proposals.learned import _restates
    from briefing.analyse.salience import _pairs
    from briefing.render.view import leading_items, week

    top = leading_items(seed_briefing)
    texts = [_pairs(item.proposal.text) for item in top]
    assert not any(_restates(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :])
    sentences = " ".join(week(seed_briefing, top, 10))
    assert not any(item.proposal.text in sentences for item in top)


def test_a_measure_printed_again_is_one_leading_item_whoever_it_is_credited_to():
    from briefing.analyse.salience import score, top
    from briefing.model import Proposal

    text = "今年将新建五座储能电站，总投资20亿元，年底前全部并网发电"
    copies = [
        Proposal(f"a-0{n}-p01", f"a-0{n}", speaker, "某市能源局局长", None, "plan", text, 0)
        for n, speaker in enumerate(["王大明", "王大明", None, "王大明"])
    ]
    other = Proposal("b-01-p01", "b-01", "李小红", "某区区长", None, "plan", "明年将建成三所职业学校，投资5亿元", 0)
    shown = top([*copies, other], score([*copies, other]))
    assert [p.text for p, _ in shown].count(text) == 1 and other in [p for p, _ in shown]


def test_a_brief_docx_lists_no_proposal_in_full_under_two_themes(seed_briefing):
    import docx

    document = docx.Document(io.BytesIO(render_docx(seed_briefing, RenderOptions(length="brief"))))
    cells = [row.cells[1].text for t in document.tables for row in t.rows[1:] if len(row.cells) >= 3]
    texts = [p.text for p in seed_briefing.proposals]
    found = [t for t in texts for c in cells if c.startswith(t)]
    assert found and len(found) == len(set(found))
