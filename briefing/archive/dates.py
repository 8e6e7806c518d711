"""The publication date of a page: from its file name, a masthead date printed on
it, or its datelines; the run date when none is printed.  Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_FILE_DATE = re.compile(r"(?<!\d)(20\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
FULL_DATE = re.compile(r"(20\d{2})\s*年\s*(1[0-2]|0?[1-9])\s*月\s*(3[01]|[12]\d|0?[1-9])\s*日")
_MONTH_DAY = re.compile(r"(?<![\d年])(1[0-2]|[1-9])月(3[01]|[12]\d|[1-9])日")
_DATELINE = re.compile(r"本报讯|[\u4e00-\u9fff]{2,10}讯|电[（(]")
MASTHEAD_LINES = 6  # a date in the first lines of a page is its masthead date
DATELINE_WINDOW = 80  # characters after a dateline in which its date is printed


@dataclass(frozen=True)
class PageDate:
    day: date
    source: str  # "file name", "masthead", "dateline", "run date"


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def publication_date(name: str, text: str, run_day: date) -> PageDate:
    m = _FILE_DATE.search(name)
    if m and (day := _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))):
        return PageDate(day, "file name")
    head = "\n".join(line for line in text.splitlines()[: MASTHEAD_LINES * 3] if line.strip())
    head = "\n".join(head.splitlines()[:MASTHEAD_LINES])
    m = FULL_DATE.search(head)
    if m and (day := _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))):
        return PageDate(day, "masthead")
    days = []
    for line in _DATELINE.finditer(text):
        found = _MONTH_DAY.search(text, line.end(), line.end() + DATELINE_WINDOW)
        if found:
            days.append((int(found.group(1)), int(found.group(2))))
    if days:
        month, day_of_month = max(days)
        year = page_year(text, run_day)
        if year is None:
            year = run_day.year
            late = _valid(year, month, day_of_month)
            if late and late > run_day + timedelta(days=31):
                year -= 1  # December's pages read in January
        candidate = _valid(year, month, day_of_month)
        while candidate and candidate > run_day:  # never a future date
            year -= 1
            candidate = _valid(year, month, day_of_month)
        if candidate:
            return PageDate(candidate, "dateline")
    return PageDate(run_day, "run date")


# A year the text speaks of as past or current, and the least year of the page it
# gives: 截至2022年末 (the page is of 2023 or later), 2024年以来, 2024年1至8月,
# 2023年上半年; a year named as a target (到2027年, 2030年前, 力争…) gives none.
_PAST_YEAR = re.compile(
    r"(?:截至|截止|截止到)(20\d{2})\s*年\s*(末|底|\d{1,2}\s*月)"
    r"|(20\d{2})\s*年\s*(以来|1\s*[至到-]\s*\d{1,2}\s*月|前三季度|上半年|一季度|前\d{1,2}个?月)"
)
_YEAR = re.compile(r"(?<![\d.])(20\d{2})\s*年")
_TARGET_BEFORE = re.compile(r"(?:到|至|在|力争|计划|预计|争取|将|要|于|实现|确保|今后|面向)\s*$")
_TARGET_AFTER = re.compile(r"^\s*年?\s*(?:前|底前|末前|以前|左右|目标|远景)")


def page_year(text: str, run_day: date) -> int | None:
    """The least year a page can be of, from the years its text speaks of as past
    (``截至2022年末`` → 2023; ``2024年以来`` → 2024; a plain ``2021年底`` → 2021),
    never after the run's year; None when the text names no such year."""
    bounds: list[int] = []
    for m in _PAST_YEAR.finditer(text):
        if m.group(1):
            bounds.append(int(m.group(1)) + (1 if m.group(2) in ("末", "底") else 0))
        else:
            bounds.append(int(m.group(3)))
    for m in _YEAR.finditer(text):
        before, after = text[max(0, m.start() - 6) : m.start()], text[m.end() - 1 : m.end() + 4]
        if not _TARGET_BEFORE.search(before) and not _TARGET_AFTER.match(after):
            bounds.append(int(m.group(1)))
    bounds = [y for y in bounds if y <= run_day.year]
    return max(bounds) if bounds else None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_period(value: str) -> tuple[date, date]:
    """``2025-W12`` (an ISO week) or ``2025-03`` (a month), as first and last day."""
    m = re.fullmatch(r"(\d{4})-W(\d{1,2})", value.strip())
    if m:
        start = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return start, start + timedelta(days=6)
    m = re.fullmatch(r"(\d{4})-(\d{2})", value.strip())
    if m:
        start = date(int(m.group(1)), int(m.group(2)), 1)
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, following - timedelta(days=1)
    raise ValueError(f"not a period: {value!r} (use 2025-W12 or 2025-03)")
