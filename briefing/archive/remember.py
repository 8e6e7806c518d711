"""Record a briefing in the archive, and use what earlier runs recorded: copies of
one article in this run are merged, articles briefed in an earlier period are
marked ``seen_before`` (listed, not repeated), and the briefing gains the
proposals-per-theme trend of the last runs.

A re-run for the same period (the same week's pages again) is the same briefing:
its articles are not "seen before"."""

from __future__ import annotations

from dataclasses import replace

from ..model import Analysis, Briefing
from .dedupe import THRESHOLD, band_keys, exact_key, signature, similarity
from .store import Archive


def _body(a: Analysis) -> str:
    return "".join(p.orig for p in a.article.paragraphs if p.role == "body")


def remember(briefing: Briefing, archive: Archive, trend_runs: int) -> Briefing:
    period = briefing.period
    seen_day = briefing.generated[:10]
    published = {s.name: s.published for s in briefing.sources}
    kept: list[Analysis] = []
    keys: list[tuple[str, tuple[int, ...], list[int]]] = []
    band_index: dict[tuple[int, int], list[int]] = {}
    archive.begin()
    try:
        run = archive.add_run(briefing.generated, period, briefing.title)
        for source in briefing.sources:
            archive.add_source(source.sha256, source.name, run, seen_day)
        for a in briefing.analyses:
            text = _body(a)
            exact, sig = exact_key(text), signature(text)
            bands = band_keys(sig)
            # a copy of an article already in this run: merge it into the first
            twin = next((i for i, (e, _, _) in enumerate(keys) if e == exact), None)
            if twin is None:
                for i in sorted({i for b, k in enumerate(bands) for i in band_index.get((b, k), [])}):
                    if similarity(sig, keys[i][1]) >= THRESHOLD:
                        twin = i
                        break
            if twin is not None:
                first = kept[twin]
                kept[twin] = replace(first, duplicates=(*first.duplicates, f"{a.article.source}, {a.article.id}"))
                continue
            known = archive.find(exact, sig, bands, THRESHOLD)
            if known is not None:
                archive.sighted(known.id, run)
                if known.first_period != period:
                    a = replace(a, seen_before=True, first_seen=known.first_seen)
            else:
                article = archive.add_article(
                    run, exact, sig, bands, a.article.title, a.article.source, text, seen_day, period,
                    published.get(a.article.source),
                )  # fmt: skip
                for p in a.proposals:
                    archive.add_proposal(article, run, p.speaker, p.role, p.body, p.kind, p.text, p.theme_keys)
            for b, k in enumerate(bands):
                band_index.setdefault((b, k), []).append(len(keys))
            keys.append((exact, sig, bands))
            kept.append(a)
        briefed = [a for a in kept if not a.seen_before]
        archive.finish_run(run, len(briefing.sources), len(briefed), sum(len(a.proposals) for a in briefed))
        archive.commit()
    except BaseException:
        archive.rollback()
        raise
    analyses = _without_places_in(kept, {a.article.id for a in briefing.analyses} - {a.article.id for a in kept})
    trend = tuple((label, tuple(sorted(counts.items()))) for label, counts in archive.trend(trend_runs))
    return replace(
        briefing,
        analyses=analyses,
        archive=str(archive.path),
        run=run,
        trend=trend,
    )


def _without_places_in(kept: list[Analysis], merged: set[str]) -> tuple[Analysis, ...]:
    """A measure said again in a copy merged away is cited where it is kept."""
    if not merged:
        return tuple(kept)
    return tuple(
        replace(
            a, proposals=tuple(replace(p, also=tuple(x for x in p.also if x[0] not in merged)) for p in a.proposals)
        )
        if any(x[0] in merged for p in a.proposals for x in p.also)
        else a
        for a in kept
    )
