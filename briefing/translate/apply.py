"""Stages over a finished briefing: English beside the Chinese, and the Chinese in
Traditional script on request."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from functools import lru_cache
from typing import Any

from ..model import Briefing, Translation, english_key
from .engine import Engine
from .names import person_name

SCRIPTS = ("s2t", "s2tw", "s2twp", "s2hk")


def segments(briefing: Briefing) -> list[tuple[str, str]]:
    """What gets translated, as (kind, Chinese): titles, summary sentences,
    proposals, title chains and the bodies that speak without a person."""
    out: list[tuple[str, str]] = []
    for a in briefing.analyses:
        if a.article.title:
            out.append(("title", a.article.title))
        out.extend(("sentence", s.orig) for s in a.summary)
        for p in a.proposals:
            out.append(("sentence", p.text))
            if p.role:
                out.append(("role", p.role))
            if p.body and not p.speaker:
                out.append(("body", p.body))
    return out


def translate_briefing(
    briefing: Briefing, engine: Engine, backend_name: str, progress: Callable[[str], None] | None = None
) -> Briefing:
    """The briefing with its table of English made by ``engine``; speakers' names in pinyin."""
    engine.names.update({p.speaker: person_name(p.speaker) for p in briefing.proposals if p.speaker})
    items = segments(briefing)
    results = engine.translate_all(items, progress)

    def en(kind: str, text: str | None) -> str | None:
        if not text:
            return None
        result = results.get((kind, text))
        return result.english if result and result.english else None

    table: list[tuple[str, str]] = []

    def put(ident: str, field: str, value: str | None) -> None:
        if value is not None:
            table.append((english_key(ident, field), value))

    for p in (p for a in briefing.analyses for p in a.proposals):
        result = results.get(("sentence", p.text))
        put(p.id, "text", en("sentence", p.text))
        put(p.id, "role", en("role", p.role))
        put(p.id, "speaker", person_name(p.speaker) if p.speaker else None)
        put(p.id, "body", en("body", p.body) if not p.speaker else None)
        put(p.id, "flag", result.flagged if result and result.flagged else None)
    for a in briefing.analyses:
        put(a.article.id, "title", en("title", a.article.title))
        for i, s in enumerate(a.summary):
            put(a.article.id, f"summary:{i}", en("sentence", s.orig) or "")
    info = Translation(
        backend=backend_name,
        model=engine.label,
        segments=len(results),
        translated=engine.translated,
        reused=engine.reused,
        flagged=sum(1 for r in results.values() if r.flagged),
    )
    return replace(briefing, english=tuple(table), translation=info)


def to_traditional(briefing: Briefing, config: str = "s2t") -> Briefing:
    """Every Chinese string of the briefing as printed in Traditional script (official
    OpenCC): the fields the model marks ``printed()``, wherever they are.

    ``config``: s2t (standard), s2tw (Taiwan), s2twp (Taiwan, with Taiwanese
    phrasing), s2hk (Hong Kong)."""
    if config not in SCRIPTS:
        from ..errors import ConfigError

        raise ConfigError(f"unknown OpenCC configuration {config!r} (choose from {', '.join(SCRIPTS)})")
    convert = converter(config)
    converted = _converted(briefing, convert)
    return replace(converted, script=f"traditional ({config})", opencc=config)


def _converted(item: Any, convert: Callable[[str], str]) -> Any:
    """``item`` with its printed strings converted, through nested records and tuples."""
    if isinstance(item, tuple):
        return tuple(_converted(x, convert) for x in item)
    if not is_dataclass(item) or isinstance(item, type):
        return item
    changes: dict[str, Any] = {}
    for f in fields(item):
        value = getattr(item, f.name)
        if f.metadata.get("printed"):
            if isinstance(value, str) and value:
                changes[f.name] = convert(value)
            elif isinstance(value, tuple):
                changes[f.name] = tuple(convert(v) if isinstance(v, str) and v else v for v in value)
        elif isinstance(value, tuple) or is_dataclass(value):
            changes[f.name] = _converted(value, convert)
    return replace(item, **changes)


@lru_cache(maxsize=8)
def converter(config: str) -> Callable[[str], str]:
    """Simplified to Traditional with an OpenCC configuration, to a fixed point.

    OpenCC converts phrase by phrase, and one pass can leave a character whose
    phrase it split differently (传统制造业 → 傳統制造業); a second pass sees 製造業.
    Converting until nothing changes makes the output stable under the same
    configuration."""
    import opencc

    convert = opencc.OpenCC(config).convert

    def stable(text: str) -> str:
        for _ in range(4):
            again = convert(text)
            if again == text:
                break
            text = again
        return text

    return stable
