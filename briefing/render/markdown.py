"""briefing.md through the Jinja2 template ``briefing.md.j2``: YAML front matter,
GFM tables, source references as footnotes, one line per paragraph (no
hard-wrapped Chinese)."""

from __future__ import annotations

from typing import Any

from ..model import Briefing
from . import RenderOptions
from .templating import md_escape, render, sections
from .view import Sources, common_context


def context(b: Briefing, length: str = "full") -> dict[str, Any]:
    sources = Sources(b)

    def footnotes() -> list[tuple[int, str]]:
        return [(key, f"`{file}`, paragraph {para} — {md_escape(title)}") for key, file, para, title in sources.items()]

    return {**common_context(b, length), "ref": sources.ref, "footnotes": footnotes}


def render_markdown(briefing: Briefing, options: RenderOptions) -> bytes:
    ctx = {**context(briefing, length=options.length), "sections": sections(options.templates, options.length)}
    return render("briefing.md.j2", options.templates, **ctx).encode("utf-8")
