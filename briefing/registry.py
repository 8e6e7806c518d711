"""One registry for the swappable backends: readers, summarizers, translators.

A backend registers itself under a name with a decorator; the built-in backends
do it the same way an outside one would::

    from briefing.registry import summarizers

    @summarizers.register("mine")
    def choose(sentences: Sequence[str], budget_chars: int, title: str | None = None) -> list[int]: ...

The decorated objects are looked up by name when a run asks for them, so importing
this module costs nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from .errors import ConfigError

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str, builtins: dict[str, str]) -> None:
        self.kind = kind
        self._builtins = builtins  # name -> module that registers it when imported
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        def deco(obj: T) -> T:
            self._items[name] = obj
            return obj

        return deco

    def names(self) -> list[str]:
        return sorted(set(self._builtins) | set(self._items))

    def get(self, name: str) -> T:
        if name not in self._items and name in self._builtins:
            importlib.import_module(self._builtins[name])
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(self.names())
            raise ConfigError(f"unknown {self.kind} {name!r} (known: {known})") from None


# Readers are keyed by file extension, with the dot.  A reader takes the file's bytes
# and returns (text, encoding) or (text, encoding, roles): see briefing.read.encoding.Decoded.
readers: Registry[Callable[[bytes], tuple[Any, ...]]] = Registry(
    "reader",
    {
        ".txt": "briefing.read.text",
        ".md": "briefing.read.text",
        ".docx": "briefing.read.docx",
        ".pdf": "briefing.read.pdf",
        ".html": "briefing.read.html",
        ".htm": "briefing.read.html",
        ".mhtml": "briefing.read.html",
        ".mht": "briefing.read.html",
    },
)
# A translator factory takes the settings and returns a backend (None: no translation).
translators: Registry[Callable[..., Any]] = Registry(
    "translator",
    {
        "llama": "briefing.translate.backends",
        "openai": "briefing.translate.backends",
        "none": "briefing.translate.backends",
    },
)
# A summarizer takes the sentences, a budget and the title; it returns the chosen indices.
summarizers: Registry[Callable[..., list[int]]] = Registry(
    "summarizer",
    {
        "textrank": "briefing.analyse.summarize",
        "lead": "briefing.analyse.summarize",
        "snownlp": "briefing.analyse.summarize",
    },
)
