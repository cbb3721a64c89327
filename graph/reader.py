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
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from .facts import Article

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")
MAX_BYTES = 10_000_000  # one document; $DIPLOGRAPH_MAX_BYTES overrides
_SURROGATE = re.compile("[\ud800-\udfff]")


def max_bytes() -> int:
    """The largest document read, in bytes ($DIPLOGRAPH_MAX_BYTES, else MAX_BYTES)."""
    try:
        return int(os.environ.get("DIPLOGRAPH_MAX_BYTES", MAX_BYTES))
    except ValueError:
        return MAX_BYTES


def _too_large(size: int) -> str:
    return f"too large ({size:,} bytes; the limit is {max_bytes():,}, set DIPLOGRAPH_MAX_BYTES to raise it)"


def _clean(text: str) -> str:
    """Text without lone surrogates (from JSON escapes or undecodable file names), which no encoder accepts."""
    return _SURROGATE.sub("\ufffd", text)


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
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
    else:
        if b"\x00" in raw[:4096]:
            raise ValueError("binary file, not text")
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    # more than 10% control characters or undecodable bytes: not text
    sample = text[:4096]
    odd = sum(1 for c in sample if c == "\ufffd" or (c < " " and c not in "\t\n\r\f\v") or "\x7f" <= c < "\xa0")
    if odd > len(sample) // 10:
        raise ValueError("binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def expand(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """The article files named by paths (folders walked in sorted order)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = False
            for f in sorted(path.rglob("*")):
                # a broken link is yielded too, so that it is reported, not silently passed over
                if _kind(f) and (f.is_file() or f.is_symlink() and not f.exists()):
                    found = True
                    yield f
            if not found:
                yield ReadError(str(path), None, "no .txt, .jsonl or .jsonl.gz files in this folder")
        elif not path.exists():
            yield ReadError(str(path), None, "no such file or folder")
        elif not _kind(path):
            yield ReadError(str(path), None, f"unknown file type {path.suffix or '(none)'!r} "
                                             "(want .txt, .jsonl or .jsonl.gz)")
        else:
            yield path


def read_txt(path: Path, date: str | None = None) -> Article | ReadError:
    try:
        size = path.stat().st_size
        if size > max_bytes():
            return ReadError(str(path), None, _too_large(size))
        text = _decode(path.read_bytes())
    except OSError as err:
        return ReadError(str(path), None, err.strerror or str(err))
    except ValueError as err:
        return ReadError(str(path), None, str(err))
    if not text.strip():
        return ReadError(str(path), None, "empty file")
    title = text.split("\n", 1)[0].strip()
    try:
        date = _valid_date(date)
    except ValueError as err:
        return ReadError(str(path), None, str(err))
    return Article(doc_id=_clean(path.stem), text=text, title=title, date=date, path=str(path))


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
            if len(raw) > max_bytes():
                yield ReadError(str(path), number, _too_large(len(raw)))
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
            doc_id = _clean(str(doc_id))
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
            title, url, source = (rec.get(k) if isinstance(rec.get(k), str) else None for k in ("title", "url", "source"))
            yield Article(doc_id=doc_id, text=_clean(text.replace("\r\n", "\n").replace("\r", "\n")),
                          title=_clean(title or ""), date=when, url=_clean(url) if url else None,
                          source=_clean(source) if source else None, path=f"{path}:{number}")


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
