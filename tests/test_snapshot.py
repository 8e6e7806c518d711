"""Snapshot of the Markdown briefing of the seed pages.

After an intended change, regenerate it and review the diff:

    BRIEFING_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshot.py
"""

from __future__ import annotations

import difflib
import os
from datetime import UTC, datetime
from pathlib import Path

from briefing.config import Settings
from briefing.pipeline import build, collect
from briefing.render import RenderOptions
from briefing.render.markdown import render_markdown

SNAPSHOT = Path(__file__).parent / "snapshots" / "seeds.md"
FIXED_TIME = datetime(2025, 3, 24, 9, 0, tzinfo=UTC)


def test_markdown_matches_the_snapshot(seeds: Path):
    briefing = build(collect([str(seeds)]), Settings(title="Chongqing policy briefing"), now=FIXED_TIME)
    actual = render_markdown(briefing, RenderOptions()).decode("utf-8").replace(str(seeds), "seeds")
    if os.environ.get("BRIEFING_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(actual, "utf-8")
    expected = SNAPSHOT.read_text("utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "snapshot", "actual", n=1)
        )
        raise AssertionError(f"briefing.md differs from {SNAPSHOT.name}; regenerate if intended:\n{diff[:4000]}")


def test_markdown_has_no_hard_wrapped_chinese_lines():
    for line in SNAPSHOT.read_text("utf-8").splitlines():
        if line and "\u4e00" <= line[-1] <= "\u9fff":
            # a line ending in a Chinese character is a heading, a label or a table row, never half a sentence
            assert line.startswith(("#", "|", "- ", "[^", "news", "interview", "photo", "untitled", "  - ")), line


def test_markdown_parses_as_gfm_with_tables_and_footnotes():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("gfm-like", {"linkify": False}).use(front_matter_plugin).use(footnote_plugin)
    text = SNAPSHOT.read_text("utf-8")
    tokens = md.parse(text)
    assert tokens[0].type == "front_matter"
    assert "period:" in tokens[0].content and "lang: zh-CN" in tokens[0].content
    html = md.render(text)
    assert html.count("<table>") >= 5
    refs = text.count("[^") - text.count("\n[^")
    assert html.count('class="footnote-ref"') == refs
    assert '<section class="footnotes">' in html
