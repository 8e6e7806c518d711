"""briefing.md through the Jinja2 template ``briefing.md.j2``."""

from __future__ import annotations

from ..model import Briefing
from . import RenderOptions
from .templating import render
from .view import ARTICLE_KIND, KIND_EN, KIND_ZH, MANDATE, articles_by_id, evidence, proposers


def context(b: Briefing) -> dict:
    return {
        "b": b,
        "analyses": b.analyses,
        "groups": b.groups,
        "proposals": b.proposals,
        "people": proposers(b.proposals),
        "by_id": articles_by_id(b),
        "kind_en": KIND_EN,
        "kind_zh": KIND_ZH,
        "mandate": MANDATE,
        "kinds": ARTICLE_KIND,
        "evidence": evidence,
    }


def render_markdown(briefing: Briefing, options: RenderOptions) -> bytes:
    return render("briefing.md.j2", options.templates, **context(briefing)).encode("utf-8")
