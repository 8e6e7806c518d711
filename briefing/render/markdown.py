"""briefing.md through the Jinja2 template ``briefing.md.j2``: YAML front matter,
GFM tables, source references as footnotes, one line per paragraph (no
hard-wrapped Chinese)."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from ..model import Briefing
from . import RenderOptions
from .docx import top_items
from .templating import md_escape, render
from .view import (
    ARTICLE_KIND,
    KIND_EN,
    articles_by_id,
    evidence,
    mt_label,
    proposers,
    trend_rows,
    zh_labels,
)


class _Footnotes:
    """Numbered source references, one per (article, paragraph), in first-use order."""

    def __init__(self, briefing: Briefing) -> None:
        self._by_id = articles_by_id(briefing)
        self._keys: dict[tuple[str, int], int] = {}

    def ref(self, article: str, para: int) -> int:
        return self._keys.setdefault((article, para), len(self._keys) + 1)

    def items(self) -> list[tuple[int, str]]:
        out = []
        for (article, para), key in sorted(self._keys.items(), key=lambda kv: kv[1]):
            art = self._by_id[article].article
            title = art.title or art.kicker or ARTICLE_KIND[art.kind]
            out.append((key, f"`{art.source}`, paragraph {para + 1} — {md_escape(title)}"))
        return out


def context(b: Briefing) -> dict[str, Any]:
    notes = _Footnotes(b)
    labels = zh_labels(b)
    groups = [g for g in b.groups if g.proposals]
    return {
        "b": b,
        "analyses": b.analyses,
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
        "ref": notes.ref,
        "footnotes": notes.items,
        "mt_label": mt_label(b.translation) if b.translation else "",
    }


def render_markdown(briefing: Briefing, options: RenderOptions) -> bytes:
    return render("briefing.md.j2", options.templates, **context(briefing)).encode("utf-8")
