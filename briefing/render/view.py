"""Plain values the templates and writers share: lookups and small formatting helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from ..model import Analysis, Briefing, Proposal, ThemeGroup, Translation, english_key


@dataclass(frozen=True)
class Proposer:
    name: str  # speaker, or the body when no person speaks
    role: str | None
    count: int
    themes: tuple[str, ...]
    mandate: str | None


@dataclass(frozen=True)
class ZhLabels:
    """The briefing's own Chinese labels in its script."""

    zh: Callable[[str], str]  # any other label
    kind: dict[str, str]  # KIND_ZH
    mandate: dict[str, str]  # MANDATE


def zh_labels(briefing: Briefing) -> ZhLabels:
    """As written, or through the OpenCC configuration a Traditional briefing was made with."""
    convert: Callable[[str], str] = str
    if briefing.opencc:
        from ..translate.apply import converter

        convert = converter(briefing.opencc)
    return ZhLabels(
        convert,
        {k: convert(v) for k, v in KIND_ZH.items()},
        {k: convert(v) for k, v in MANDATE.items()},
    )


def articles_by_id(briefing: Briefing) -> dict[str, Analysis]:
    return {a.article.id: a for a in briefing.analyses}


def proposers(proposals: Iterable[Proposal]) -> list[Proposer]:
    """Everyone who proposed something, with their count and themes, most active first."""
    table: dict[str, dict] = {}
    for p in proposals:
        who = p.who or p.role or "—"
        row = table.setdefault(who, {"role": p.role, "count": 0, "themes": [], "mandate": p.mandate})
        row["count"] += 1
        for key in p.theme_keys:
            if key not in row["themes"]:
                row["themes"].append(key)
    rows = [Proposer(k, v["role"], v["count"], tuple(v["themes"]), v["mandate"]) for k, v in table.items()]
    return sorted(rows, key=lambda r: (-r.count, r.name))


def mt_label(translation: Translation) -> str:
    """The visible label of the English: machine translation, naming the model."""
    flagged = f"; {translation.flagged} flagged" if translation.flagged else ""
    return (
        f"English: machine translation by {translation.model}, not reviewed by a person. "
        f"Numbers are checked against the Chinese{flagged}; names are in pinyin."
    )


def trend_rows(briefing: Briefing) -> list[tuple[str, str, list[int]]]:
    """The trend table: (theme label en, label zh, proposals in each run), in the
    taxonomy's order; the run labels are ``briefing.trend``'s."""
    counts = [dict(c) for _, c in briefing.trend]
    return [
        (g.theme.label_en, g.theme.label_zh, [c.get(g.theme.key, 0) for c in counts])
        for g in briefing.groups
        if any(c.get(g.theme.key, 0) for c in counts)
    ]


def evidence(proposal: Proposal, theme: str) -> str:
    """The matched terms that put a proposal under a theme, for display."""
    for hit in proposal.themes:
        if hit.theme == theme:
            return "、".join(hit.terms)
    return ""


KIND_EN = {"suggestion": "suggestion", "plan": "plan"}
KIND_ZH = {"suggestion": "建议", "plan": "计划"}
MANDATE = {"npc": "NPC deputy · 人大代表", "cppcc": "CPPCC member · 政协委员"}
ARTICLE_KIND = {"news": "news", "interview": "interview", "photo_caption": "photo caption", "other": "untitled item"}


EXECUTIVE_ITEMS = 8  # proposals on the first page


def top_items(groups: Iterable[ThemeGroup]) -> list[tuple[ThemeGroup, Proposal]]:
    """The leading proposal of each theme: the one whose theme evidence weighs most."""
    items = []
    seen: set[str] = set()
    for group in sorted(groups, key=lambda g: -len(g.proposals)):
        ranked = sorted(
            (p for p in group.proposals if p.id not in seen),
            key=lambda p: -max((h.score for h in p.themes if h.theme == group.theme.key), default=0.0),
        )
        if ranked:
            seen.add(ranked[0].id)
            items.append((group, ranked[0]))
    return items[:EXECUTIVE_ITEMS]


def common_context(b: Briefing) -> dict[str, Any]:
    """What every text template of the briefing reads (Markdown, HTML, email)."""
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
        "mt_label": mt_label(b.translation) if b.translation else "",
        "english": english(b),
    }


@dataclass(frozen=True)
class English:
    """The English of a proposal (text, role, speaker, body, flag) or of an article
    (title, summary: one string per summary sentence, or none when not translated)."""

    text: str | None = None
    role: str | None = None
    speaker: str | None = None
    body: str | None = None
    flag: str = ""
    title: str | None = None
    summary: tuple[str, ...] = ()


def english(b: Briefing) -> Callable[[Proposal | Analysis], English]:
    """Look up the English of a proposal or an article in the briefing's table."""
    table = dict(b.english)

    def get(ident: str, field: str) -> str | None:
        return table.get(english_key(ident, field))

    def en(item: Proposal | Analysis) -> English:
        if isinstance(item, Analysis):
            ident = item.article.id
            summary = [get(ident, f"summary:{i}") for i in range(len(item.summary))]
            return English(
                title=get(ident, "title"),
                summary=tuple(s or "" for s in summary) if any(s is not None for s in summary) else (),
            )
        return English(
            text=get(item.id, "text"),
            role=get(item.id, "role"),
            speaker=get(item.id, "speaker"),
            body=get(item.id, "body"),
            flag=get(item.id, "flag") or "",
        )

    return en


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
