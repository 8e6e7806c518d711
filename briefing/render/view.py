"""Plain values the templates and writers share: lookups and small formatting helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from ..analyse.salience import Salience, top
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


@dataclass(frozen=True)
class Leading:
    """One of the week's leading proposals, as the first page shows it."""

    proposal: Proposal
    salience: Salience
    themes: tuple[str, ...]  # labels, English · Chinese
    also: tuple[str, ...]  # the other speakers on the same measure
    source: str = ""  # the page's file name

    @property
    def why(self) -> str:
        """The reasons in a few words: who, and the concrete elements."""
        parts = [r.removeprefix("who: ") for r in self.salience.reasons if r.startswith(("who:", "speaker"))]
        what = [r.removeprefix("what: ") for r in self.salience.reasons if r.startswith("what:")]
        return "; ".join([*parts, ", ".join(what)] if what else parts)


def leading(b: Briefing) -> list[tuple[Proposal, Salience]]:
    """The week's leading proposals by salience (analyse/salience.py)."""
    return top(b.proposals, b.salience)


def leading_items(b: Briefing) -> list[Leading]:
    labels = {t.key: f"{t.label_en} · {t.label_zh}" for t in b.themes}
    by_id = {p.id: p for p in b.proposals}
    files = {a.article.id: a.article.source for a in b.analyses}
    out = []
    for p, s in leading(b):
        also = tuple(dict.fromkeys(by_id[o].who or "—" for o in s.cluster if o in by_id))
        themes = tuple(labels[k] for k in p.theme_keys if k in labels)
        out.append(Leading(p, s, themes, also, files.get(p.article, "")))
    return out


def week(b: Briefing, top: Sequence[Leading], people: int) -> list[str]:
    """The week in three to five sentences, from counts and verbatim pieces only;
    ``top`` are the leading proposals, ``people`` how many proposed something."""
    proposals = b.proposals
    if not proposals:
        return [f"This week's {len(b.sources)} page(s) carry no proposals."]
    groups = sorted((g for g in b.groups if g.proposals), key=lambda g: -len(g.proposals))
    themes = ", ".join(f"{g.theme.label_en} ({len(g.proposals)})" for g in groups[:3])
    out = [
        f"This week's {len(b.sources)} page(s) carry {len(proposals)} proposal(s) from {people} proposer(s);"
        f" the themes with most are {themes}."
    ]
    salient = {s.proposal: s for s in b.salience}
    concrete = sum(1 for p in proposals if salient.get(p.id) and salient[p.id].what > 0)
    plans = sum(1 for p in proposals if p.kind == "plan")
    out.append(
        f"{concrete} name an amount, a number, a deadline, a programme or a new rule;"
        f" {plans} are plans of the speaker's own body and {len(proposals) - plans} suggestions to others."
    )
    # a measure is quoted once in the executive summary: one of the leading items is
    # referred to by its number in the list under these sentences
    number = {item.proposal.id: n for n, item in enumerate(top, start=1)}
    shared = max(b.salience, key=lambda s: (len(s.cluster), s.score), default=None)
    if shared is not None and shared.cluster:
        p = next(p for p in proposals if p.id == shared.proposal)
        speakers = len(shared.cluster) + 1
        if p.id in number:
            who = p.who or p.role or "—"
            out.append(f"Raised by the most speakers ({speakers}): leading item {number[p.id]}, {who}.")
        else:
            out.append(f"Raised by the most speakers ({speakers}): “{p.text}” ({p.who or p.role or '—'}).")
    if b.archive is None:
        out.append("Novelty is not assessed: no archive of earlier weeks was used.")
    else:
        new = sum(1 for s in b.salience if s.new > 0)
        out.append(f"{new} of the {len(proposals)} proposals are new against the archive's earlier weeks.")
    if top:
        p = top[0].proposal
        role = f" ({p.role})" if p.role else ""
        out.append(f"The leading item, first below, is {p.who or '—'}'s{role}.")
    return out[:5]


def source_heading(b: Briefing, name: str) -> str:
    """A page's heading: the outlet, date and page where the page or its file name
    says them, then the file name (重庆日报 · 2023-05-17 · 第3版 · page.txt)."""
    from ..analyse.masthead import heading

    info = next((s for s in b.sources if s.name == name), None)
    if info is None:
        return name
    return heading(name, info.outlet, info.published, info.page, info.date_source != "run date")


BRIEF_PER_THEME = 2  # proposals a brief briefing lists under each theme


@dataclass(frozen=True)
class Listed:
    """A theme's section: the proposals it lists in full (those whose main theme it
    is), and those of its theme listed in full under another, referred to by
    ``elsewhere`` (proposal, the theme group that lists it)."""

    group: ThemeGroup
    shown: tuple[Proposal, ...]
    elsewhere: tuple[tuple[Proposal, ThemeGroup], ...] = ()

    def __iter__(self) -> Iterator[Any]:  # for g, shown, elsewhere in listed
        return iter((self.group, self.shown, self.elsewhere))


def main_theme(p: Proposal, order: Sequence[str]) -> str | None:
    """The theme a proposal is listed under in full: its strongest (the taxonomy's
    order between equals)."""
    rank = {key: n for n, key in enumerate(order)}
    hits = [h for h in p.themes if h.theme in rank]
    return min(hits, key=lambda h: (-h.score, rank[h.theme])).theme if hits else None


def listed(b: Briefing, length: str = "full") -> list[Listed]:
    """Each theme with the proposals its section lists in full — all whose main theme
    it is, or in a brief briefing the leading few of them by salience (in reading
    order) — and a reference to each of its other proposals (in a brief, those
    among its leading few) under the theme that lists it."""
    rank = {s.proposal: (-s.score, n) for n, s in enumerate(b.salience)}
    groups = [g for g in b.groups if g.proposals]
    by_key = {g.theme.key: g for g in groups}
    main = {p.id: main_theme(p, list(by_key)) or g.theme.key for g in groups for p in g.proposals}

    def leading_of(proposals: Iterable[Proposal]) -> set[str]:
        ordered = sorted(proposals, key=lambda p: rank.get(p.id, (0.0, 0)))
        return {p.id for p in ordered[:BRIEF_PER_THEME]} if length == "brief" else {p.id for p in ordered}

    # in full under its main theme: where a brief leaves it out there, under the
    # first theme whose leading few it is among
    full: dict[str, str] = {}
    for g in groups:
        for pid in leading_of(p for p in g.proposals if main[p.id] == g.theme.key):
            full[pid] = g.theme.key
    for g in groups:
        for pid in leading_of(g.proposals):
            full.setdefault(pid, g.theme.key)
    out = []
    for g in groups:
        chosen = leading_of(g.proposals) | {p.id for p in g.proposals if full.get(p.id) == g.theme.key}
        shown = tuple(p for p in g.proposals if p.id in chosen and full.get(p.id) == g.theme.key)
        home = {p.id: full.get(p.id, g.theme.key) for p in g.proposals}
        elsewhere = tuple((p, by_key[home[p.id]]) for p in g.proposals if p.id in chosen and home[p.id] != g.theme.key)
        out.append(Listed(g, shown, elsewhere))
    return out


def common_context(b: Briefing, length: str = "full") -> dict[str, Any]:
    """What every text template of the briefing reads (Markdown, HTML, email)."""
    labels = zh_labels(b)
    groups = [g for g in b.groups if g.proposals]
    leading_ = leading_items(b)
    people = proposers(b.proposals)
    return {
        "length": length,
        "listed": listed(b, length),
        "b": b,
        "analyses": b.analyses,
        "groups": groups,
        "top": leading_,
        "week": week(b, leading_, len(people)),
        "proposals": b.proposals,
        "people": people,
        "figures": [(a, f) for a in b.analyses for f in a.figures],
        "by_source": [
            (source_heading(b, source), list(items))
            for source, items in groupby(b.briefed, key=lambda a: a.article.source)
        ],
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
