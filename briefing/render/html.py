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
from .view import ARTICLE_KIND, articles_by_id, common_context


class Sources:
    """Numbered source references, one per (article, paragraph), in first-use order."""

    def __init__(self, briefing: Briefing) -> None:
        self._by_id = articles_by_id(briefing)
        self._keys: dict[tuple[str, int], int] = {}

    def ref(self, article: str, para: int) -> int:
        return self._keys.setdefault((article, para), len(self._keys) + 1)

    def items(self) -> list[tuple[int, str, int, str]]:
        """(number, file, paragraph number, article title) in reference order."""
        out = []
        for (article, para), key in sorted(self._keys.items(), key=lambda kv: kv[1]):
            art = self._by_id[article].article
            out.append((key, art.source, para + 1, art.title or art.kicker or ARTICLE_KIND[art.kind]))
        return out


def chart_uri(briefing: Briefing) -> str:
    """The proposals-per-theme chart as a PNG data URI, or "" when there is nothing to chart."""
    from .chart import proposals_chart

    png = proposals_chart([g for g in briefing.groups if g.proposals])
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else ""


def context(b: Briefing, chart: bool = True) -> dict[str, Any]:
    sources = Sources(b)
    return {**common_context(b), "ref": sources.ref, "sources": sources.items, "chart": chart_uri(b) if chart else ""}


def render_html(briefing: Briefing, options: RenderOptions) -> bytes:
    ctx = {**context(briefing), "sections": sections(options.templates)}
    return render("briefing.html.j2", options.templates, **ctx).encode("utf-8")
