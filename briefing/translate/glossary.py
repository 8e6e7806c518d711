"""The policy glossary (TOML): fixed English for terms of Chinese policy writing,
given to the translator as hints.  The packaged glossary can be extended or
overridden by the user's file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

MAX_HINTS = 12  # more hints than this crowd a small model's prompt


@dataclass(frozen=True)
class Glossary:
    terms: tuple[tuple[str, str], ...]  # longest first

    def hints(self, text: str) -> list[tuple[str, str]]:
        """The entries found in ``text``, longest first, none inside a longer one found."""
        found: list[tuple[str, str]] = []
        for zh, en in self.terms:
            if zh in text and not any(zh in longer for longer, _ in found):
                found.append((zh, en))
        return found[:MAX_HINTS]


def _parse(text: str, origin: str) -> dict[str, str]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML ({exc})") from None
    unknown = set(data) - {"terms"}
    if unknown:
        raise ConfigError(f"{origin}: unknown key(s) {', '.join(sorted(unknown))} (use a [terms] table)")
    terms = data.get("terms", {})
    if not isinstance(terms, dict) or not all(isinstance(v, str) for v in terms.values()):
        raise ConfigError(f"{origin}: [terms] must map Chinese terms to English strings")
    return {str(k): v for k, v in terms.items()}


def load_glossary(user: Path | None = None) -> Glossary:
    terms = _parse(resources.files("briefing.data").joinpath("glossary.toml").read_text("utf-8"), "glossary.toml")
    if user is not None:
        try:
            text = user.read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"{user}: cannot read the glossary ({exc.strerror or exc})") from None
        terms.update(_parse(text, str(user)))
    return Glossary(tuple(sorted(terms.items(), key=lambda kv: -len(kv[0]))))
