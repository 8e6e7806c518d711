"""Check that the numbers of a Chinese text survive in its English translation.

Every Arabic number of the Chinese must appear in the English, either as written
(19.04, 2024) or as the same value in English notation (2.1万 = 21,000 or
21 thousand; 100亿元 = 10 billion; 20余万 = more than 200,000; 5月 = May; 5个 =
five, as English style spells small numbers).  Chinese numerals in words
(五个方面) are not checked."""

from __future__ import annotations

import re

_ZH_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)\s*(?:余|多)?(万亿|亿|万|千|百)?")
_EN_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)\s*(trillion|billion|million|thousand|hundred|bn|m\b|k\b)?", re.I)
_MULTIPLIER_ZH = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
_MULTIPLIER_EN = {
    "trillion": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "million": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
    "hundred": 1e2,
}
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty")  # fmt: skip
_WORD_VALUES = dict(zip(_UNITS.split(" "), range(21), strict=True)) | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_WORD = re.compile(
    r"\b(" + "|".join(_WORD_VALUES) + r")\b(?:\s+(trillion|billion|million|thousand|hundred)\b)?", re.I
)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip


def _value(digits: str) -> float | None:
    try:
        return float(digits.replace(",", ""))
    except ValueError:
        return None


def _english_values(english: str) -> tuple[set[str], set[float]]:
    raw: set[str] = set()
    values: set[float] = set()
    for m in _EN_NUMBER.finditer(english):
        digits = m.group(1).rstrip(".,")
        raw.add(digits.replace(",", ""))
        base = _value(digits)
        if base is None:
            continue
        values.add(base)
        if m.group(2):
            values.add(base * _MULTIPLIER_EN[m.group(2).lower()])
    for m in _EN_WORD.finditer(english):
        word = float(_WORD_VALUES[m.group(1).lower()])
        values.add(word * _MULTIPLIER_EN[m.group(2).lower()] if m.group(2) else word)
    return raw, values


def missing_numbers(chinese: str, english: str) -> list[str]:
    """The numbers of ``chinese`` (as written there) that ``english`` lacks."""
    raw, values = _english_values(english)
    lowered = english.lower()
    missing = []
    for m in _ZH_NUMBER.finditer(chinese):
        digits, unit = m.group(1), m.group(2)
        plain = digits.replace(",", "")
        if plain in raw:
            continue
        base = _value(digits)
        if base is None:
            continue
        wanted = base * _MULTIPLIER_ZH[unit] if unit else base
        if any(abs(v - wanted) <= 1e-6 * max(1.0, v) for v in values):
            continue
        after = chinese[m.end() : m.end() + 1]
        if after == "月" and 1 <= base <= 12 and _MONTHS[int(base) - 1] in lowered:
            continue
        missing.append(m.group(0).strip())
    return missing
