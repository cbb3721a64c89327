"""Resolve the time expressions of news text against the publication date.

The result is an ISO 8601 string at the precision the text gives: a day
("Thursday" -> 2023-03-02), a month ("last month", "February 2022") or a
year ("since late 2018"). Calendar dates that name a month go through
dateparser, which also tells the precision; weekdays and relative phrases
("last week") are counted from the publication date here.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _month(d: date, delta: int) -> str:
    y, m = d.year, d.month + delta
    while m < 1:
        y, m = y - 1, m + 12
    while m > 12:
        y, m = y + 1, m - 12
    return f"{y:04d}-{m:02d}"


@lru_cache(maxsize=4096)
def resolve(expression: str, published: str | None, ahead: bool = False) -> str | None:
    """An ISO date for a time expression, or None when it names no point in time.

    Args:
        expression: the words, e.g. "last week", "Thursday", "in February 2022".
        published: the publication date (YYYY-MM-DD), the anchor of relative expressions.
        ahead: the text tells of something to come ("will meet on July 8"): a month or weekday
            without a year is the next one after the publication date, not the last one.
    RETURNS (str | None): "YYYY-MM-DD", "YYYY-MM" or "YYYY".
    """
    text = expression.lower().replace("\u2019", "'").strip()
    text = re.sub(r"'s$", "", text)
    anchor = date.fromisoformat(published) if published else None
    words = re.findall(r"[a-z]+|\d+", text)
    year = _YEAR.search(text)
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    day = next((int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31 and not _YEAR.fullmatch(w)), None)
    if month:
        # dateparser reads the wording once; the regex words are the fallback when it cannot
        y, month, day = _calendar_parts(text) or (int(year.group(1)) if year else None, month, day)
        if y is None:
            if anchor is None:
                return None
            y = _year_of(month, day, anchor, ahead)
        if day:
            try:
                return date(y, month, day).isoformat()
            except ValueError:
                return f"{y:04d}-{month:02d}"
        return f"{y:04d}-{month:02d}"
    if year:
        return year.group(1)
    if anchor is None:
        return None
    weekday = next((_WEEKDAYS[w] for w in words if w in _WEEKDAYS), None)
    if weekday is not None:
        back = (anchor.weekday() - weekday) % 7
        if "next" in words or "coming" in words:
            return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)).isoformat()
        if ahead and "last" not in words:
            return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7)).isoformat()
        if "last" in words and back == 0:
            back = 7
        return (anchor - timedelta(days=back)).isoformat()
    if "today" in words or "tonight" in words or words[-2:] == ["this", "morning"]:
        return anchor.isoformat()
    if "yesterday" in words:
        return (anchor - timedelta(days=1)).isoformat()
    if "tomorrow" in words:
        return (anchor + timedelta(days=1)).isoformat()
    if "week" in words:
        if "last" in words or "past" in words or "previous" in words:
            return (anchor - timedelta(days=7)).strftime("%Y-%m")
        if "next" in words:
            return (anchor + timedelta(days=7)).strftime("%Y-%m")
        if "this" in words or "earlier" in words:
            return anchor.strftime("%Y-%m")
        return None
    if "month" in words:
        if "last" in words or "previous" in words:
            return _month(anchor, -1)
        if "next" in words:
            return _month(anchor, 1)
        if "this" in words:
            return anchor.strftime("%Y-%m")
        return None
    if "year" in words:
        if "last" in words or "previous" in words:
            return str(anchor.year - 1)
        if "next" in words:
            return str(anchor.year + 1)
        if "this" in words:
            return str(anchor.year)
    return None


def _year_of(month: int, day: int | None, anchor: date, ahead: bool) -> int:
    """The year of a date given without one: that of the last such date up to two weeks after
    publication, or, for things to come, of the next one from publication on (the month of
    publication itself included)."""
    if ahead:
        return anchor.year if (month, day or 31) >= (anchor.month, anchor.day) else anchor.year + 1
    limit = anchor + timedelta(days=14)
    last_day = calendar.monthrange(limit.year, month)[1]
    return limit.year if date(limit.year, month, min(day or 1, last_day)) <= limit else limit.year - 1


@lru_cache(maxsize=4096)
def _calendar_parts(text: str) -> tuple[int | None, int, int | None] | None:
    """(year or None, month, day or None) of a date that names a month ("July 8", "8th of July
    2023", "in December"), read by dateparser at the precision it reports; once per wording,
    whatever the publication date."""
    found = _date_parser().get_date_data(_LEADING_PREP.sub("", text))
    if found.date_obj is None or found.period not in ("day", "month"):
        return None
    when = found.date_obj
    return (when.year if _YEAR.search(text) else None, when.month, when.day if found.period == "day" else None)


@lru_cache(maxsize=1)
def _date_parser():
    """dateparser's English parser, built once per process."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"])


_LEADING_PREP = re.compile(r"^(on|in|since|by|from|until)\s+")
