"""The store's log of loaded document graphs as N-Quads, so exports skip Oxigraph's decoding.

Oxigraph on disk decodes every term of every statement it dumps through a
RocksDB lookup (about 130,000 statements a second here). The writer already
holds each document's graph as N-Quads bytes, so it also appends them to a
segment file in ``<store>/segments/`` and records where they are in
``index.tsv``: document id, content hash, segment, offset, length, statements.

A document's latest entry is used only while the store still holds that
document with the same content hash; a SPARQL update drops the log (it can
change any graph), and an export that finds a stored document the log does not
cover dumps from Oxigraph instead. RocksDB ignores the subdirectory.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

INDEX = "index.tsv"


@dataclass(frozen=True)
class Entry:
    """Where one document's N-Quads sit in a segment file."""

    doc_id: str
    content_hash: str
    segment: str
    offset: int
    length: int
    statements: int


class SegmentLog:
    """Append-only N-Quads segments of the documents written to one store."""

    def __init__(self, store_dir: Path):
        self.directory = store_dir / "segments"
        self._next_number: int | None = None

    def append(self, documents: Iterable[tuple[str, str, bytes, int]]) -> None:
        """Write (doc id, content hash, N-Quads, statements) of a batch as one new segment.

        The segment is written before its index lines, so an index line always
        points at whole bytes; a kill in between leaves an unreferenced file.
        """
        documents = [d for d in documents if d[2]]
        if not documents:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        if self._next_number is None:
            self._next_number = 1 + max((int(p.stem) for p in self.directory.glob("*.nq") if p.stem.isdigit()), default=-1)
        name = f"{self._next_number:06d}.nq"
        self._next_number += 1
        lines = []
        offset = 0
        with open(self.directory / name, "wb") as fh:
            for doc_id, content_hash, nquads, statements in documents:
                fh.write(nquads)
                lines.append(f"{_escape(doc_id)}\t{content_hash}\t{name}\t{offset}\t{len(nquads)}\t{statements}\n")
                offset += len(nquads)
        with open(self.directory / INDEX, "a", encoding="utf-8") as fh:
            fh.writelines(lines)

    def drop(self) -> None:
        """Forget every segment (after a change the log cannot follow)."""
        shutil.rmtree(self.directory, ignore_errors=True)
        self._next_number = None

    def latest(self) -> dict[str, Entry]:
        """Each document's last entry; a torn last line (a killed writer) is ignored."""
        entries: dict[str, Entry] = {}
        try:
            with open(self.directory / INDEX, encoding="utf-8") as fh:
                for line in fh:
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) != 6 or not line.endswith("\n"):
                        continue
                    doc_id = _unescape(parts[0])
                    entries[doc_id] = Entry(doc_id, parts[1], parts[2], int(parts[3]), int(parts[4]), int(parts[5]))
        except FileNotFoundError:
            return {}
        return entries

    def read(self, entries: Iterable[Entry]) -> Iterator[bytes]:
        """The N-Quads of these entries, in the given order."""
        handles: dict[str, object] = {}
        try:
            for entry in entries:
                fh = handles.get(entry.segment)
                if fh is None:
                    if len(handles) >= 64:
                        handles.pop(next(iter(handles))).close()
                    fh = handles[entry.segment] = open(self.directory / entry.segment, "rb")
                fh.seek(entry.offset)
                yield fh.read(entry.length)
        finally:
            for fh in handles.values():
                fh.close()


def _escape(doc_id: str) -> str:
    return doc_id.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"t": "\t", "n": "\n", "r": "\r"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)
