"""Readers: the only code that reads input files.

``read_source(path)`` picks a reader by extension from the registry, decodes the
text, detects its script and returns a :class:`~briefing.model.Source`.
"""

from __future__ import annotations

from .files import expand_inputs, read_source

__all__ = ["expand_inputs", "read_source"]
