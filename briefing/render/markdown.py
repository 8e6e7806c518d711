"""briefing.md through the Jinja2 template ``briefing.md.j2``: YAML front matter,
GFM tables, source references as footnotes, one line per paragraph (no
hard-wrapped Chinese)."""

from __future__ import annotations

from typing import Any

from ..model import Briefing
from . import RenderOptions
from .templating import md_escape, render, sections
from .view import ARTICLE_KIND, articles_by_id, common_context


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
    return {**common_context(b), "ref": notes.ref, "footnotes": notes.items}


def render_markdown(briefing: Briefing, options: RenderOptions) -> bytes:
    ctx = {**context(briefing), "sections": sections(options.templates)}
    return render("briefing.md.j2", options.templates, **ctx).encode("utf-8")
