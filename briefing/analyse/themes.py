"""Theme taxonomy (TOML) and multi-label assignment with evidence."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from ..model import Theme, ThemeHit

FALLBACK = "other"


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    threshold: float

    def get(self, key: str) -> Theme:
        for t in self.themes:
            if t.key == key:
                return t
        raise KeyError(key)


def parse_taxonomy(text: str, origin: str) -> Taxonomy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML ({exc})") from None
    unknown = set(data) - {"threshold", "theme"}
    if unknown:
        raise ConfigError(f"{origin}: unknown key(s) {', '.join(sorted(unknown))}")
    themes = []
    for i, entry in enumerate(data.get("theme", [])):
        where = f"{origin}: theme #{i + 1}"
        extra = set(entry) - {"key", "label_zh", "label_en", "terms"}
        if extra:
            raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
        try:
            key, zh, en = str(entry["key"]), str(entry["label_zh"]), str(entry["label_en"])
        except KeyError as exc:
            raise ConfigError(f"{where}: missing {exc.args[0]!r}") from None
        terms = entry.get("terms", {})
        if not isinstance(terms, dict) or not all(isinstance(v, int | float) for v in terms.values()):
            raise ConfigError(f"{where} ({key}): terms must map each term to a number (its weight)")
        themes.append(Theme(key, zh, en, tuple((str(k), float(v)) for k, v in terms.items())))
    if not themes:
        raise ConfigError(f"{origin}: no [[theme]] entries")
    keys = [t.key for t in themes]
    if len(set(keys)) != len(keys):
        raise ConfigError(f"{origin}: duplicate theme keys")
    if FALLBACK not in keys:
        themes.append(Theme(FALLBACK, "其他", "Other", ()))
    return Taxonomy(tuple(themes), float(data.get("threshold", 1.0)))


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The packaged taxonomy, or the user's file."""
    if path is None:
        text = resources.files("briefing.data").joinpath("themes.toml").read_text("utf-8")
        return parse_taxonomy(text, "themes.toml (packaged)")
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the themes file ({exc.strerror or exc})") from None
    return parse_taxonomy(text, str(path))


def assign(text: str, taxonomy: Taxonomy, fallback: bool = True) -> tuple[ThemeHit, ...]:
    """Every theme whose terms in ``text`` weigh at least the threshold, best first.

    A term inside a longer matched term of the same theme is not counted twice.
    With ``fallback``, text that matches no theme goes under ``other``."""
    hits = []
    for theme in taxonomy.themes:
        matched: list[str] = []
        score = 0.0
        for term, weight in sorted(theme.terms, key=lambda tw: -len(tw[0])):
            if term in text and not any(term in longer for longer in matched):
                matched.append(term)
                score += weight
        if score >= taxonomy.threshold:
            hits.append(ThemeHit(theme.key, tuple(matched), round(score, 2)))
    hits.sort(key=lambda h: -h.score)
    if not hits and fallback:
        hits.append(ThemeHit(FALLBACK, (), 0.0))
    return tuple(hits)


def proposal_themes(texts: Sequence[str], heading: str, taxonomy: Taxonomy) -> list[tuple[ThemeHit, ...]]:
    """The themes of each of an article's proposals, from its own words.

    A proposal whose words name no theme takes a theme of the headline it stands
    under, when the article's other proposals bear that theme out (at least half of
    those with a theme have it): the headline then gives the topic of the whole
    article, not one of several."""
    own = [assign(text, taxonomy, fallback=False) for text in texts]
    themed = [{h.theme for h in hits} for hits in own if hits]
    inherited = tuple(
        h for h in assign(heading, taxonomy, fallback=False) if sum(h.theme in t for t in themed) * 2 >= len(themed)
    )
    return [hits or inherited or assign(text, taxonomy) for hits, text in zip(own, texts, strict=True)]
