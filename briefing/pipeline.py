"""The one place that wires the stages together.

read → clean → segment → analyse (summary, proposals, themes, keywords) → Briefing.
Nothing here writes files; the writers in :mod:`briefing.render` do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from .analyse.figures import find_figures
from .analyse.keywords import keywords
from .analyse.proposals import find_proposals
from .analyse.themes import Taxonomy, assign, load_taxonomy
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
    ThemeGroup,
)
from .read import expand_inputs, read_source
from .registry import summarizers, translators
from .text.clean import clean
from .text.segment import segment

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


def _locate(article: Article, sentence: str) -> Sentence:
    """Where a verbatim summary sentence sits in the article."""
    for i, para in enumerate(article.paragraphs):
        at = para.orig.find(sentence)
        if at >= 0:
            return Sentence(para.text[at : at + len(sentence)], sentence, i, at)
    return Sentence(sentence, sentence, -1, -1)


def _analysis_text(article: Article, proposal: Proposal) -> str:
    para = article.paragraphs[proposal.para]
    at = para.orig.find(proposal.text)
    return para.text[at : at + len(proposal.text)] if at >= 0 else proposal.text


def analyse(article: Article, settings: Settings, taxonomy: Taxonomy) -> Analysis:
    body = [p for p in article.paragraphs if p.role == "body"]
    summarizer = summarizers.get(settings.summarizer)
    summary_text = "\n".join(p.orig for p in body)
    sentences = summarizer(summary_text, settings.summary_chars, title=article.title)
    summary = tuple(_locate(article, s) for s in sentences)
    proposals = tuple(
        Proposal(**{**p.__dict__, "themes": assign(_analysis_text(article, p), taxonomy)})
        for p in find_proposals(article)
    )
    analysis_body = "".join(p.text for p in body)
    theme_basis = (article.title or "") + "".join(s.text for s in summary)
    article_themes = assign(theme_basis, taxonomy, fallback=True)
    return Analysis(
        article=article,
        summary=summary,
        keywords=keywords(analysis_body),
        proposals=proposals,
        themes=article_themes,
        figures=find_figures(article) if article.kind in ("news", "interview") else (),
    )


def group_by_theme(analyses: Iterable[Analysis], taxonomy: Taxonomy) -> tuple[ThemeGroup, ...]:
    proposals = [p for a in analyses for p in a.proposals]
    return tuple(
        ThemeGroup(theme, tuple(p for p in proposals if theme.key in p.theme_keys)) for theme in taxonomy.themes
    )


def build(
    collected: Collected,
    settings: Settings,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Briefing:
    """Analyse every source and gather the whole briefing before anything is rendered."""
    taxonomy = load_taxonomy(settings.themes)
    infos: list[SourceInfo] = []
    analyses: list[Analysis] = []
    for source in collected.sources:
        articles, dropped = segment(clean(source))
        for article in articles:
            analyses.append(analyse(article, settings, taxonomy))
        infos.append(
            SourceInfo(
                source.path, source.name, source.encoding, source.script, source.sha256, len(articles), len(dropped)
            )
        )
        if progress:
            progress(source.name)
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    year, week, _ = moment.isocalendar()
    return Briefing(
        title=settings.title,
        generated=moment.isoformat(),
        period=f"{year}-W{week:02d}",
        sources=tuple(infos),
        analyses=tuple(analyses),
        groups=group_by_theme(analyses, taxonomy),
        skipped=collected.skipped,
        settings=(("summarizer", settings.summarizer), ("summary_chars", str(settings.summary_chars))),
    )


def make(inputs: Iterable[str], settings: Settings) -> Briefing:
    """Read and analyse: the whole pipeline up to, not including, the writers."""
    return build(collect(inputs), settings)


def localise(briefing: Briefing, settings: Settings, progress: Progress | None = None) -> Briefing:
    """English beside the Chinese (when ``lang`` has en and a translator is set),
    then the Chinese in Traditional script (when ``script`` asks for it)."""
    if "en" in settings.lang:
        backend = translators.get(settings.translator)(settings)
        if backend is not None:
            from .translate.apply import translate_briefing
            from .translate.engine import Engine
            from .translate.glossary import load_glossary
            from .translate.memory import Memory, default_path

            memory = Memory(settings.cache or default_path())
            try:
                engine = Engine(backend, load_glossary(settings.glossary), memory)
                briefing = translate_briefing(briefing, engine, settings.translator, progress)
            finally:
                memory.close()
    if settings.script == "traditional":
        from .translate.apply import to_traditional

        briefing = to_traditional(briefing, settings.opencc)
    return briefing
