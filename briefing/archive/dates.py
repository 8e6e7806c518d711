"""The publication date of a page: from its file name, a masthead date printed on
it, or its datelines; the run date when none is printed.  Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_FILE_DATE = re.compile(r"(?<!\d)(20\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_FULL_DATE = re.compile(r"(20\d{2})\s*年\s*(1[0-2]|0?[1-9])\s*月\s*(3[01]|[12]\d|0?[1-9])\s*日")
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
    m = _FULL_DATE.search(head)
    if m and (day := _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))):
        return PageDate(day, "masthead")
    days = []
    for line in _DATELINE.finditer(text):
        found = _MONTH_DAY.search(text, line.end(), line.end() + DATELINE_WINDOW)
        if found:
            days.append((int(found.group(1)), int(found.group(2))))
    if days:
        month, day_of_month = max(days)
        year = run_day.year
        candidate = _valid(year, month, day_of_month)
        if candidate and candidate > run_day + timedelta(days=31):
            candidate = _valid(year - 1, month, day_of_month)  # December's pages read in January
        if candidate:
            return PageDate(candidate, "dateline")
    return PageDate(run_day, "run date")


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
