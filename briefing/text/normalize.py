"""The analysis form of a text: same length as the original, one character for one.

Newspaper pages extracted from PDF mix ASCII ``, ; ? ! : ( )`` with their full-width
forms, and some arrive in Traditional script.  Every rule, pattern and model in the
analysis stages sees one form only: Simplified script with full-width Chinese
punctuation.  Because the mapping is character for character, an offset into the
analysis form is an offset into the original, which is what gets quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_ASCII_TO_FULL = {",": "，", ";": "；", "?": "？", "!": "！", ":": "：", "(": "（", ")": "）"}
# Corner brackets (Traditional-script and Japanese-style quotes) read as the quotes of Simplified text.
_QUOTES = {"「": "“", "」": "”", "『": "‘", "』": "’"}
_CJK_LO, _CJK_HI = 0x3400, 0x9FFF


def is_cjk(ch: str) -> bool:
    return _CJK_LO <= ord(ch) <= _CJK_HI


_TABLE = str.maketrans(
    {
        **_ASCII_TO_FULL,
        **_QUOTES,
        **{chr(c): chr(c - 0xFEE0) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))},
    }
)
# Where ASCII stays ASCII: a comma or colon between digits (1,000 and 10:30), a URL's colon.
_KEEP = re.compile(r"(?<=\d)[,:](?=\d)|:(?=/)")


def normalize_punctuation(text: str) -> str:
    """Map ASCII sentence punctuation to full width where it acts as Chinese punctuation,
    and corner-bracket quotes (「」『』) to the curly quotes of Simplified text.

    A comma or colon between two digits (``1,000``, ``10:30``) and a colon in a URL
    scheme stay as they are.  Full-width digits and Latin letters become ASCII.
    """
    out = text.translate(_TABLE)
    if "," in text or ":" in text:
        chars = list(out)
        for m in _KEEP.finditer(text):
            chars[m.start()] = m.group()
        out = "".join(chars)
    return out


def char_converter(convert: Callable[[str], str], text: str) -> Callable[[str], str]:
    """A length-preserving converter built from a string converter (such as OpenCC).

    Each distinct character of ``text`` is converted on its own; a conversion that
    does not give exactly one character leaves the character unchanged.
    """
    table: dict[int, str] = {}
    for ch in set(text):
        if is_cjk(ch):
            conv = convert(ch)
            if len(conv) == 1 and conv != ch:
                table[ord(ch)] = conv
    return lambda s: s.translate(table)


def count_changed(convert: Callable[[str], str], text: str) -> int:
    """How many CJK characters of ``text`` the converter would change."""
    conv = char_converter(convert, text)
    return sum(1 for a, b in zip(text, conv(text), strict=True) if a != b)
