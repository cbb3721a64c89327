"""Read articles from .txt files, .jsonl(.gz) files and folders of them.

A .txt file is one article: its first line is the title and its stem the
document id. A .jsonl file (or gzip-compressed .jsonl.gz) holds one article
per line (``id``, ``text``, and optional ``date``, ``title``, ``url``,
``source``), read as a stream. Bad input becomes a
:class:`ReadError` naming the file and line; reading goes on past it.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from .facts import Article

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")


def _kind(path: Path) -> str | None:
    """The reader for a file name: ".txt", ".jsonl" or ".jsonl.gz" (None if unknown)."""
    name = path.name.lower()
    return next((s for s in SUFFIXES[::-1] if name.endswith(s)), None)


@dataclass(frozen=True)
class ReadError:
    """A document that could not be read, and why, in one line."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def _valid_date(value) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be a string, got {type(value).__name__}")
    try:
        return Date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise ValueError(f"impossible date {value!r} (want YYYY-MM-DD)") from None


def _decode(raw: bytes) -> str:
    if b"\x00" in raw[:4096]:
        raise ValueError("binary file, not text")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def expand(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """The article files named by paths (folders walked in sorted order)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and _kind(f):
                    yield f
        elif not path.exists():
            yield ReadError(str(path), None, "no such file or folder")
        elif not _kind(path):
            yield ReadError(str(path), None, f"unknown file type {path.suffix or '(none)'!r} "
                                             "(want .txt, .jsonl or .jsonl.gz)")
        else:
            yield path


def read_txt(path: Path, date: str | None = None) -> Article | ReadError:
    try:
        text = _decode(path.read_bytes())
    except (OSError, ValueError) as err:
        return ReadError(str(path), None, str(err).split("] ")[-1])
    if not text.strip():
        return ReadError(str(path), None, "empty file")
    title = text.split("\n", 1)[0].strip()
    try:
        date = _valid_date(date)
    except ValueError as err:
        return ReadError(str(path), None, str(err))
    return Article(doc_id=path.stem, text=text, title=title, date=date, path=str(path))


def read_jsonl(path: Path, date: str | None = None) -> Iterator[Article | ReadError]:
    try:
        handle = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")
    except OSError as err:
        yield ReadError(str(path), None, err.strerror or str(err))
        return
    seen: set[str] = set()
    with handle:
        for number, raw in enumerate(_lines(handle, path), start=1):
            if isinstance(raw, ReadError):
                yield raw
                return
            if not raw.strip():
                continue
            try:
                rec = json.loads(_decode(raw))
            except (ValueError, UnicodeDecodeError) as err:
                yield ReadError(str(path), number, f"not valid JSON ({str(err).split(':')[0]})")
                continue
            if not isinstance(rec, dict):
                yield ReadError(str(path), number, "a record must be a JSON object")
                continue
            doc_id, text = rec.get("id"), rec.get("text")
            if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool) or str(doc_id).strip() == "":
                yield ReadError(str(path), number, "missing or non-string 'id'")
                continue
            doc_id = str(doc_id)
            if doc_id in seen:
                yield ReadError(str(path), number, f"duplicate id {doc_id!r}")
                continue
            if not isinstance(text, str) or not text.strip():
                yield ReadError(str(path), number, "missing or empty 'text'")
                continue
            try:
                when = _valid_date(rec.get("date")) or _valid_date(date)
            except ValueError as err:
                yield ReadError(str(path), number, str(err))
                continue
            seen.add(doc_id)
            yield Article(doc_id=doc_id, text=text.replace("\r\n", "\n"), title=str(rec.get("title") or ""),
                          date=when, url=rec.get("url") if isinstance(rec.get("url"), str) else None,
                          source=rec.get("source") if isinstance(rec.get("source"), str) else None,
                          path=f"{path}:{number}")


def _lines(handle, path: Path) -> Iterator[bytes | ReadError]:
    """The lines of a file; a corrupt or truncated gzip stream ends with a ReadError."""
    number = 0
    try:
        for number, raw in enumerate(handle, start=1):
            yield raw
    except (OSError, EOFError) as err:
        yield ReadError(str(path), number + 1, f"unreadable compressed data ({str(err).split('] ')[-1]})")


def read(paths: Iterable[str | Path], date: str | None = None) -> Iterator[Article | ReadError]:
    """Every article under the given paths, or a ReadError for each bad one.

    Args:
        paths: files and folders.
        date: publication date for documents that carry none (YYYY-MM-DD).
    RETURNS (Iterator[Article | ReadError]): in file order.
    """
    for item in expand(paths):
        if isinstance(item, ReadError):
            yield item
        elif _kind(item) != ".txt":
            yield from read_jsonl(item, date)
        else:
            yield read_txt(item, date)
