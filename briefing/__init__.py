"""briefing: weekly bilingual policy briefings from Chinese newspaper pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "summarize"]

if TYPE_CHECKING:
    from .analyse.summarize import summarize


def __getattr__(name: str) -> Any:
    # Keep `import briefing` (and so `briefing --help`) light: load on first use.
    if name == "summarize":
        from .analyse.summarize import summarize

        return summarize
    raise AttributeError(name)
