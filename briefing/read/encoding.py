"""Decode bytes whose encoding nobody told us: UTF-8 (with or without BOM),
UTF-16/32 (with BOM, or UTF-16 without BOM recognised by its zero bytes) and
GB18030 (a superset of GBK and GB2312).  Binary data is refused."""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of characters that may be control, private-use or unassigned before a
# decoded text is taken for binary data: valid UTF-8 may carry a few stray control
# characters; a GB18030 or UTF-16 guess must be cleaner to be believed.
_MAX_JUNK = 0.02
_MAX_JUNK_UTF8 = 0.10
_SAMPLE = 200_000


class DecodeError(ValueError):
    """The bytes are not text in any supported encoding."""


def _junk_share(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    junk = 0
    for ch in sample:
        if ch in "\n\r\t\f":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Co", "Cn", "Cs") or ch == "\ufffd":
            junk += 1
    return junk / len(sample)


def _plausible_share(text: str) -> float:
    """Share of characters that text in this product's languages is made of."""
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    good = sum(
        1
        for ch in sample
        if ch.isspace()
        or (ch.isascii() and ch.isprintable())
        or "\u3000" <= ch <= "\u9fff"
        or "\uff00" <= ch <= "\uffef"
    )
    return good / len(sample)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark: the byte order whose text looks like text."""
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        share = _plausible_share(text)
        if _junk_share(text) <= _MAX_JUNK and share >= 0.9 and (best is None or share > best[0]):
            best = (share, text, name)
    return (best[1], best[2]) if best else None


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding name)`` or raise :class:`DecodeError`."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {name} byte-order mark but is not {name}") from exc
            return text.lstrip("\ufeff"), name.replace("-sig", " (BOM)")
    if b"\x00" in data[:_SAMPLE]:
        found = _utf16_without_bom(data)
        if found:
            return found
        raise DecodeError("binary data (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _junk_share(text) > _MAX_JUNK_UTF8:
            raise DecodeError("binary data (too many control characters), not text")
        return text, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise DecodeError("not UTF-8, UTF-16 or GB18030 text (cannot decode)") from exc
    if _junk_share(text) > _MAX_JUNK:
        raise DecodeError("binary data or an unknown encoding (decodes to control characters)")
    return text, "gb18030"


class Decoded(NamedTuple):
    """What a reader gives back: the text, how it was encoded, and, when the file
    knows it, the role of each line (``headline``, ``kicker``, ``subtitle``,
    ``subhead``, ``body``, ``cont``, ``caption``, ``furniture``; empty for a blank line)."""

    text: str
    encoding: str
    roles: tuple[str, ...] = ()

    @classmethod
    def from_lines(cls, lines: Iterable[tuple[str, str]], encoding: str) -> Decoded:
        """(role, text) pairs as one text, a blank line between them."""
        text: list[str] = []
        roles: list[str] = []
        for role, line in lines:
            if text:
                text.append("")
                roles.append("")
            text.append(line)
            roles.append(role)
        return cls("\n".join(text), encoding, tuple(roles))
