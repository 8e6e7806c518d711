"""The HTML briefing and the email body in headless Chromium, at a phone's and a
desktop's width: no sideways scrolling and a glyph for every character
(benchmarks/render_html.py does the rendering; it also runs on its own)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from cjk import skip_without_cjk_fonts
from typer.testing import CliRunner

from briefing.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


@pytest.mark.slow
def test_briefing_and_email_render_at_phone_and_desktop_widths(seeds: Path, tmp_path: Path):
    import render_html

    browser = render_html.chromium()
    if browser is None:
        if os.environ.get("BRIEFING_REQUIRE_CHROMIUM"):
            pytest.fail("chromium is missing")
        pytest.skip("chromium not installed (apt-get install chromium)")
    skip_without_cjk_fonts()
    out = tmp_path / "out"
    args = ["make", str(seeds), "--out", str(out), "--no-archive", "--quiet", "--format", "html,docx,eml"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    shots = tmp_path / "shots"
    shots.mkdir()
    pages = [out / "briefing.html", render_html.email_body(out / "briefing.eml", shots)]
    checks = [c for page in pages for c in render_html.check(page, shots, browser)]
    assert len(checks) == 4
    for c in checks:
        assert c.shot.is_file() and c.shot_width == c.width, c
        assert c.scroll_width <= c.inner_width, f"{c.page} scrolls sideways at {c.width} px"
        assert not c.missing, f"{c.page}: no glyph for {c.missing!r}"
