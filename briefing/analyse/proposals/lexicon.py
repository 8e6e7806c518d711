"""The cue lexicons of proposal extraction, kept as data in ``briefing/data/cues.toml``.

Each list is a set of general words of Chinese news writing (verbs of saying,
mandate markers, plan and modal markers); the patterns in :mod:`.speakers` and
:mod:`.clauses` are built from them, so a word is added in one place.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from importlib import resources

_CUES = tomllib.loads(resources.files("briefing.data").joinpath("cues.toml").read_text("utf-8"))


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of ``words``, longest first (解读说 before 说)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


SAY_WORDS: tuple[str, ...] = tuple(_CUES["speaker"]["say"])
MANDATE_WORDS: tuple[str, ...] = tuple(_CUES["speaker"]["mandate"])
DOCUMENTS: tuple[str, ...] = tuple(_CUES["speaker"]["documents"])
SUGGEST_VERBS: tuple[str, ...] = tuple(_CUES["clause"]["suggest"])
FUTURE: frozenset[str] = frozenset(_CUES["clause"]["future"])
WEAK_FUTURE: frozenset[str] = frozenset(_CUES["clause"]["weak_future"])
FUTURE_VERBS: frozenset[str] = frozenset(_CUES["clause"]["future_verbs"])
MODAL: frozenset[str] = frozenset(_CUES["clause"]["modal"])
NOT_MODAL_YAO: frozenset[str] = frozenset(_CUES["clause"]["not_modal_yao"])
NOT_MODAL_YING: frozenset[str] = frozenset(_CUES["clause"]["not_modal_ying"])
NOT_FUTURE_HUI: frozenset[str] = frozenset(_CUES["clause"]["not_future_hui"])
NOT_MODAL_KE: tuple[str, ...] = tuple(_CUES["clause"]["not_modal_ke"])
WEAK_MODAL: frozenset[str] = frozenset(_CUES["clause"]["weak_modal"])
DISPOSAL_VERBS: tuple[str, ...] = tuple(_CUES["clause"]["disposal"])
DIPLOMATIC: tuple[str, ...] = tuple(_CUES["exclude"]["diplomatic"])
SHORT_MEASURE: int = int(_CUES["measure"]["short"])
OBJECTS: tuple[str, ...] = tuple(_CUES["measure"]["objects"])
