"""The one place that wires the stages together.

read → clean → segment → analyse (summary, proposals, themes, keywords) → Briefing.
Nothing here writes files; the writers in :mod:`briefing.render` do.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import PurePath
from typing import TYPE_CHECKING

from .analyse.figures import find_figures
from .analyse.keywords import keywords
from .analyse.proposals import find_proposals
from .analyse.themes import Taxonomy, assign, load_taxonomy, proposal_themes
from .archive.dates import PageDate, iso_week, parse_period, publication_date
from .config import Settings
from .errors import InputError
from .model import (
    Analysis,
    Article,
    Briefing,
    Proposal,
    Sentence,
    Skipped,
    Source,
    SourceInfo,
)
from .read import expand_inputs, read_source
from .registry import summarizers, translators
from .text.clean import clean
from .text.normalize import normalize_punctuation
from .text.patterns import DATELINE_RE
from .text.segment import segment

if TYPE_CHECKING:
    from .translate.engine import Engine
from .text.sentences import split_spans

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Collected:
    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...]


def collect(inputs: Iterable[str], progress: Progress | None = None) -> Collected:
    """Read every input; unusable ones are listed with the reason, never fatal."""
    files, skipped = expand_inputs(inputs)
    sources: list[Source] = []
    skip = list(skipped)
    for path in files:
        try:
            sources.append(read_source(path))
        except InputError as exc:
            skip.append(Skipped(exc.path, exc.reason))
        if progress:
            progress(str(path))
    return Collected(tuple(sources), tuple(skip))


def sentences(article: Article) -> list[Sentence]:
    """The sentences of the article's body paragraphs, in reading order."""
    out: list[Sentence] = []
    for i, para in enumerate(article.paragraphs):
        if para.role == "body":
            spans = split_spans(para.text, para.seams)
            opening = DATELINE_RE.match(para.text) if not out else None
            if opening and spans and spans[0][0] == 0 and opening.end() < spans[0][1]:
                spans[0] = (opening.end(), spans[0][1])  # 新京报讯（记者某某）: the byline, not the sentence
            out.extend(Sentence(para.text[s:e], para.orig[s:e], i, s) for s, e in spans)
    return out


def _analysis_text(article: Article, proposal: Proposal) -> str:
    para = article.paragraphs[proposal.para]
    at = para.orig.find(proposal.text)
    return para.text[at : at + len(proposal.text)] if at >= 0 else proposal.text


def analyse(article: Article, settings: Settings, taxonomy: Taxonomy) -> Analysis:
    candidates = sentences(article)
    texts = [s.text for s in candidates]
    title = normalize_punctuation(article.title) if article.title else None
    picked = summarizers.get(settings.summarizer)(texts, settings.summary_chars, title=title)
    summary = tuple(candidates[i] for i in picked)
    found = find_proposals(article)
    themes = proposal_themes([_analysis_text(article, p) for p in found], article.topic, taxonomy)
    proposals = tuple(replace(p, themes=t) for p, t in zip(found, themes, strict=True))
    theme_basis = (article.title or "") + "".join(s.text for s in summary)
    article_themes = assign(theme_basis, taxonomy, fallback=True)
    return Analysis(
        article=article,
        summary=summary,
        keywords=keywords(texts),
        proposals=proposals,
        themes=article_themes,
        figures=find_figures(article) if article.kind in ("news", "interview") else (),
    )


# Below this many pages, starting worker processes costs more than it saves.
MIN_PARALLEL_PAGES = 8


def _unique_stems(sources: Sequence[Source]) -> list[str]:
    """Each page's file stem, numbered when two pages share one (article ids stay unique)."""
    seen: dict[str, int] = {}
    out = []
    for source in sources:
        stem = PurePath(source.name).stem
        seen[stem] = seen.get(stem, 0) + 1
        out.append(stem if seen[stem] == 1 else f"{stem}~{seen[stem]}")
    return out


def _analyse_page(
    source: Source, stem: str, settings: Settings, taxonomy: Taxonomy
) -> tuple[SourceInfo, list[Analysis]]:
    from .analyse.masthead import outlet, page_number

    articles, dropped = segment(clean(source), stem)
    info = SourceInfo(
        source.path,
        source.name,
        source.encoding,
        source.script,
        source.sha256,
        len(articles),
        len(dropped),
        outlet=outlet(source.text),
        page=page_number(source.name, source.text),
    )
    from .analyse.places import resolve_places

    return info, resolve_places(source.text, [analyse(article, settings, taxonomy) for article in articles])


def _worker(task: tuple[Source, str, Settings, Taxonomy]) -> tuple[SourceInfo, list[Analysis]]:
    return _analyse_page(*task)


def _parallel(
    tasks: list[tuple[Source, str]], settings: Settings, taxonomy: Taxonomy, jobs: int
) -> Iterator[tuple[SourceInfo, list[Analysis]]]:
    """Pages analysed in worker processes, yielded in input order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .analyse.keywords import keywords
    from .text.tokenize import word_tags

    # load jieba's dictionary, its tags and its idf table once, before the workers fork
    word_tags("预热")
    keywords(["预热"])
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    chunk = max(1, len(tasks) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(_worker, [(s, stem, settings, taxonomy) for s, stem in tasks], chunksize=chunk)


def build(
    collected: Collected,
    settings: Settings,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Briefing:
    """Analyse every source and gather the whole briefing before anything is rendered.

    With many pages the work runs in ``settings.jobs`` worker processes (0: one per
    core); the result is the same whatever the number of jobs."""
    taxonomy = load_taxonomy(settings.themes)
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    dates = {id(s): publication_date(s.name, s.text, moment.date()) for s in collected.sources}
    sources, excluded = _select(collected.sources, dates, settings)
    infos: list[SourceInfo] = []
    analyses: list[Analysis] = []
    stems = _unique_stems(sources)
    tasks = list(zip(sources, stems, strict=True))
    jobs = settings.jobs or os.cpu_count() or 1
    if jobs > 1 and len(tasks) >= MIN_PARALLEL_PAGES:
        results = _parallel(tasks, settings, taxonomy, jobs)
    else:
        results = (_analyse_page(source, stem, settings, taxonomy) for source, stem in tasks)
    for (source, _), (info, page_analyses) in zip(tasks, results, strict=True):
        day = dates[id(source)]
        infos.append(replace(info, published=day.day.isoformat(), date_source=day.source))
        analyses.extend(page_analyses)
        if progress:
            progress(info.name)
    from .analyse.repeats import merge_restatements

    briefing = Briefing(
        title=settings.title,
        generated=moment.isoformat(),
        period=settings.period or iso_week(moment.date()),
        sources=tuple(infos),
        analyses=merge_restatements(analyses),
        themes=taxonomy.themes,
        skipped=collected.skipped,
        settings=(("summarizer", settings.summarizer), ("summary_chars", str(settings.summary_chars))),
        excluded=tuple(excluded),
    )
    return with_salience(briefing, settings)


def with_salience(briefing: Briefing, settings: Settings, earlier: Sequence[str] | None = None) -> Briefing:
    """The salience of the proposals briefed in full; ``earlier``: the archive's
    proposals of earlier periods (None: no archive)."""
    from .analyse.salience import score

    return replace(briefing, salience=score(briefing.proposals, dict(settings.salience), earlier))


def _select(
    sources: Sequence[Source], dates: dict[int, PageDate], settings: Settings
) -> tuple[list[Source], list[Skipped]]:
    """The pages published in the selected period (--since, --period); all without one."""
    if settings.since is None and settings.period is None:
        return list(sources), []
    low, high = date.min, date.max
    if settings.period:
        low, high = parse_period(settings.period)
    if settings.since:
        low = max(low, date.fromisoformat(settings.since))
    kept, excluded = [], []
    for source in sources:
        day = dates[id(source)]
        if low <= day.day <= high:
            kept.append(source)
        else:
            excluded.append(Skipped(source.path, f"published {day.day} ({day.source}), outside the selected period"))
    return kept, excluded


def remember(briefing: Briefing, settings: Settings) -> Briefing:
    """Record the run in the archive (unless it is off) and use what it remembers."""
    if not settings.use_archive:
        return briefing
    from .archive.remember import remember as record
    from .archive.store import Archive, resolve_path

    archive = Archive(resolve_path(settings.archive))
    try:
        earlier = archive.earlier_proposals(briefing.period)
        return with_salience(record(briefing, archive, settings.trend_runs), settings, earlier)
    finally:
        archive.close()


def to_translate(briefing: Briefing, settings: Settings) -> int | None:
    """How many segments the translation step has to go through (for its progress bar)."""
    if not settings.english:
        return None
    from .translate.apply import segments

    return len({item for item in segments(briefing) if item[1].strip()})


@contextmanager
def translation_engine(settings: Settings) -> Iterator[Engine | None]:
    """The translation engine the settings ask for (backend, glossary, memory), or
    None when no translator is set; the memory is closed afterwards."""
    backend = translators.get(settings.translator)(settings)
    if backend is None:
        yield None
        return
    from .translate.engine import Engine
    from .translate.glossary import load_glossary
    from .translate.memory import Memory, default_path

    memory = Memory(settings.cache or default_path())
    try:
        yield Engine(backend, load_glossary(settings.glossary), memory)
    finally:
        memory.close()


def localise(briefing: Briefing, settings: Settings, progress: Progress | None = None) -> Briefing:
    """English beside the Chinese (when ``lang`` has en and a translator is set), and
    the script the Chinese is to be read in (Traditional when ``script`` asks for it:
    the writers convert it as they render)."""
    if settings.english:
        with translation_engine(settings) as engine:
            if engine is not None:
                from .translate.apply import translate_briefing

                briefing = translate_briefing(briefing, engine, settings.translator, progress)
    if settings.script == "traditional":
        briefing = replace(briefing, opencc=settings.opencc)  # the writers convert as they render
    return briefing
