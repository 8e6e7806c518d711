"""briefing.html through the Jinja2 template ``briefing.html.j2``: one self-contained
page (CSS in the page, the chart embedded as a data URI, no request leaves it) that
reads on a 375 px phone screen and in desktop mail clients, with the same sections
as the Markdown and each quotation linked to its source in a list at the end."""

from __future__ import annotations

import base64
from itertools import groupby
from typing import Any

from ..model import Briefing
from . import RenderOptions
from .docx import top_items
from .templating import render
from .view import ARTICLE_KIND, KIND_EN, articles_by_id, evidence, mt_label, proposers, trend_rows, zh_labels


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
    labels = zh_labels(b)
    groups = [g for g in b.groups if g.proposals]
    return {
        "b": b,
        "groups": groups,
        "top": top_items(groups),
        "proposals": b.proposals,
        "people": proposers(b.proposals),
        "figures": [(a, f) for a in b.analyses for f in a.figures],
        "by_source": [(source, list(items)) for source, items in groupby(b.briefed, key=lambda a: a.article.source)],
        "covered": b.covered,
        "trend": trend_rows(b),
        "kind_en": KIND_EN,
        "kind_zh": labels.kind,
        "mandate": labels.mandate,
        "zh": labels.zh,
        "kinds": ARTICLE_KIND,
        "evidence": evidence,
        "ref": sources.ref,
        "sources": sources.items,
        "mt_label": mt_label(b.translation) if b.translation else "",
        "chart": chart_uri(b) if chart else "",
    }


def render_html(briefing: Briefing, options: RenderOptions) -> bytes:
    return render("briefing.html.j2", options.templates, **context(briefing)).encode("utf-8")
