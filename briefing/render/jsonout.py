"""briefing.json: the whole briefing as data.  Schema: docs/schema.md."""

from __future__ import annotations

import json
from typing import Any

from ..model import Analysis, Briefing, Proposal, ThemeHit
from . import RenderOptions
from .view import English, english, leading, mt_label, proposers

SCHEMA = "briefing/1"
SCHEMA_VERSION = 1


def _evidence(hits: tuple[ThemeHit, ...]) -> dict[str, list[str]]:
    return {h.theme: list(h.terms) for h in hits}


def _proposal(p: Proposal, source: str, en: English) -> dict[str, Any]:
    return {
        "id": p.id,
        "article": p.article,
        "source": source,
        "paragraph": p.para,
        "speaker": p.speaker,
        "role": p.role,
        "body": p.body,
        "place": p.place,
        "mandate": p.mandate,
        "kind": p.kind,
        "text": p.text,
        "text_en": en.text,
        "speaker_en": en.speaker,
        "role_en": en.role,
        "body_en": en.body,
        "flag_en": en.flag or None,
        "themes": list(p.theme_keys),
        "theme_evidence": _evidence(p.themes),
        "also": [{"article": article, "paragraph": para} for article, para in p.also],
    }


def _article(a: Analysis, published: str | None, en: English) -> dict[str, Any]:
    art = a.article
    return {
        "id": art.id,
        "source": art.source,
        "kind": art.kind,
        "title": art.title,
        "title_en": en.title,
        "kicker": art.kicker,
        "byline": art.byline,
        "body": [p.orig for p in art.paragraphs],
        "paragraphs": [
            {"role": p.role, "text": p.orig, "lines": list(p.lines), "seams": list(p.seams)} for p in art.paragraphs
        ],
        "summary": [s.orig for s in a.summary],
        "summary_en": list(en.summary) if en.summary else None,
        "summary_refs": [{"paragraph": s.para, "offset": s.start} for s in a.summary],
        "keywords": list(a.keywords),
        "themes": [h.theme for h in a.themes],
        "theme_evidence": _evidence(a.themes),
        "proposals": [p.id for p in a.proposals],
        "figures": [{"text": f.text, "paragraph": f.para} for f in a.figures],
        "published": published,
        "seen_before": a.seen_before,
        "first_seen": a.first_seen,
        "duplicates": list(a.duplicates),
    }


def to_dict(b: Briefing) -> dict[str, Any]:
    published = {s.name: s.published for s in b.sources}
    en = english(b)
    articles = [_article(a, published.get(a.article.source), en(a)) for a in b.analyses]
    proposals = [_proposal(p, a.article.source, en(p)) for a in b.analyses if not a.seen_before for p in a.proposals]
    salient = {s.proposal: s for s in b.salience}
    for item in proposals:
        s = salient.get(item["id"])
        item["salience"] = (
            None
            if s is None
            else {
                "score": s.score,
                "parts": {"who": s.who, "what": s.what, "repeat": s.repeat, "new": s.new},
                "reasons": list(s.reasons),
                "same_measure": list(s.cluster),
            }
        )
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "title": b.title,
        "generated": b.generated,
        "period": b.period,
        "settings": dict(b.settings),
        "script": b.script,
        "translation": None if b.translation is None else {**b.translation.__dict__, "label": mt_label(b.translation)},
        "sources": [s.__dict__ for s in b.sources],
        "skipped": [{"path": s.path, "reason": s.reason} for s in b.skipped],
        "excluded": [{"path": s.path, "reason": s.reason} for s in b.excluded],
        "archive": None if b.archive is None else {"path": b.archive, "run": b.run},
        "trend": [{"run": label, "proposals": dict(counts)} for label, counts in b.trend],
        "articles": articles,
        "proposals": proposals,
        "leading": [p.id for p, _ in leading(b)],
        "themes": [
            {
                "key": g.theme.key,
                "label_zh": g.theme.label_zh,
                "label_en": g.theme.label_en,
                "proposals": [p.id for p in g.proposals],
            }
            for g in b.groups
        ],
        "proposers": [
            {"name": r.name, "role": r.role, "mandate": r.mandate, "proposals": r.count, "themes": list(r.themes)}
            for r in proposers(b.proposals)
        ],
    }


def render_json(briefing: Briefing, options: RenderOptions) -> bytes:
    return (json.dumps(to_dict(briefing), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
