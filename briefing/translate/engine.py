"""Translate Chinese segments with a backend: glossary and name hints in the
prompt, a translation memory, and a check that every number survives.

A segment is one whole unit — a headline, a sentence, a proposal, a title chain —
after line rejoining.  A translation that contains Chinese or lacks a number of
the source is retried once with the numbers spelled out; if it still fails, it
is kept and flagged."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .backends import Backend, BackendError
from .glossary import Glossary
from .memory import Memory
from .numbers import missing_numbers

PROMPT_VERSION = "1"
SYSTEM = (
    "You are a professional translator of Chinese government and economic news for policy analysts. "
    "Translate the Chinese text into accurate, fluent English. Output only the English translation: "
    "no notes, no explanations, no Chinese. Keep every number, date and unit exactly. "
    "Use the renderings given for listed terms and names."
)
KIND_HINT = {
    "title": "This is a newspaper headline; translate it as an English headline.",
    "role": "This is a person's title and office; translate it as an English job title.",
    "body": "This is the name of an organisation or a document.",
    "sentence": "",
}
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_LEAD_NOISE = re.compile(r"^(?:english|translation|译文)\s*[:：]\s*", re.I)


@dataclass(frozen=True)
class Result:
    english: str
    flagged: str = ""  # why the translation is not to be trusted, "" if it passed the checks
    cached: bool = False


def _tidy(text: str, source: str) -> str:
    text = text.strip()
    text = _LEAD_NOISE.sub("", text)
    text = text.split("\n\n", 1)[0].strip()
    text = " ".join(text.split())
    if len(text) > 1 and text[0] in "\"'“" and text[-1] in "\"'”" and source[:1] not in "“\"'":
        text = text[1:-1].strip()
    return text


class Engine:
    def __init__(
        self,
        backend: Backend,
        glossary: Glossary,
        memory: Memory,
        names: dict[str, str] | None = None,
    ) -> None:
        self.backend = backend
        self.glossary = glossary
        self.memory = memory
        self.names = dict(names or {})
        self.translated = 0
        self.reused = 0

    @property
    def label(self) -> str:
        return self.backend.label

    def messages(self, text: str, kind: str, numbers: list[str] | None = None) -> list[dict[str, str]]:
        lines = []
        if KIND_HINT.get(kind):
            lines.append(KIND_HINT[kind])
        hints = self.glossary.hints(text)
        names = [(zh, en) for zh, en in self.names.items() if zh in text]
        if hints or names:
            lines.append("Renderings to use:")
            lines.extend(f"- {zh} = {en}" for zh, en in hints + names)
        if numbers:
            lines.append("The translation must contain these numbers: " + ", ".join(numbers) + ".")
        lines.append("Chinese:")
        lines.append(text)
        return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "\n".join(lines)}]

    def _ask(self, text: str, kind: str, numbers: list[str] | None = None) -> str:
        max_tokens = min(1024, 64 + 4 * len(text))
        return _tidy(self.backend.chat(self.messages(text, kind, numbers), max_tokens), text)

    def translate(self, text: str, kind: str = "sentence") -> Result:
        text = text.strip()
        if not text:
            return Result("")
        model = f"{self.label}|{kind}"
        hit = self.memory.get(model, PROMPT_VERSION, text)
        if hit is not None:
            self.reused += 1
            return Result(hit[0], hit[1], cached=True)
        try:
            english = self._ask(text, kind)
            missing = missing_numbers(text, english)
            if missing or _CJK.search(english):
                english = self._ask(text, kind, missing or None)
                missing = missing_numbers(text, english)
        except BackendError as exc:
            return Result("", f"translation failed: {exc}")
        flags = []
        if _CJK.search(english):
            english = _CJK.sub("", english).strip()
            flags.append("Chinese removed from the output")
        if missing:
            flags.append("numbers not found in the English: " + ", ".join(missing))
        result = Result(english, "; ".join(flags))
        self.memory.put(model, PROMPT_VERSION, text, result.english, result.flagged)
        self.translated += 1
        return result

    def translate_all(
        self, items: Iterable[tuple[str, str]], progress: Callable[[str], None] | None = None
    ) -> dict[tuple[str, str], Result]:
        """Each distinct (kind, text) once."""
        out: dict[tuple[str, str], Result] = {}
        for kind, text in items:
            if (kind, text) in out or not text.strip():
                continue
            out[(kind, text)] = self.translate(text, kind)
            if progress:
                progress(text[:12])
        return out
