"""Plain text and Markdown pages."""

from __future__ import annotations

from ..registry import readers
from .encoding import decode


@readers.register(".txt")
@readers.register(".md")
def read_text(data: bytes) -> tuple[str, str]:
    return decode(data)
