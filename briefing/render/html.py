"""briefing.html through the Jinja2 template ``briefing.html.j2``: one self-contained
page (CSS in the page, the chart embedded as a data URI, no request leaves it) that
reads on a 375 px phone screen and in desktop mail clients, with the same sections
as the Markdown and each quotation linked to its source in a list at the end."""

from __future__ import annotations

import base64
from typing import Any

from ..model import Briefing
from . import RenderOptions
from .templating import render, sections
from .view import Sources, common_context


def chart_uri(briefing: Briefing) -> str:
    """The proposals-per-theme chart as a PNG data URI, or "" when there is nothing to chart."""
    from .chart import proposals_chart

    png = proposals_chart([g for g in briefing.groups if g.proposals])
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else ""


def context(b: Briefing, chart: bool = True, length: str = "full") -> dict[str, Any]:
    sources = Sources(b)
    return {
        **common_context(b, length),
        "ref": sources.ref,
        "sources": sources.items,
        "chart": chart_uri(b) if chart else "",
    }


def render_html(briefing: Briefing, options: RenderOptions) -> bytes:
    ctx = {**context(briefing, length=options.length), "sections": sections(options.templates, options.length)}
    return render("briefing.html.j2", options.templates, **ctx).encode("utf-8")
