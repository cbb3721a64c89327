"""The persistent graph store: Oxigraph on disk, one named graph per document.

Replacing a document's graph is one transaction. New documents are
bulk-loaded (three times cheaper than a transaction) with their content hashes
written last, in a transaction, each under a "loading" flag; a store opened
for writing with flags still set drops the flagged documents that have no hash
yet, so an interrupted ingest never leaves half a document for the next run.
Only one process may write a store at a time.

New documents are gathered until they hold ``load_batch`` statements and
loaded together: every bulk load leaves RocksDB files that its background
compaction merges again, and many small loads cost the writer three times the
CPU of a few large ones (which on two cores is CPU taken from the extraction
workers). Until then they are held in memory (their segment-log entries are
already written), and this process's reads and ``flush`` load them first.

The store's default graph holds the union of the document graphs as a set:
every statement once, however many documents state it. It is the default graph
of every query, so a country named in 10,000 documents joins as one triple, not
10,000 copies (Oxigraph's union-of-named-graphs view keeps the duplicates), and
``GRAPH ?g`` sees only documents. Writers keep it in step in the same load or
transaction as the document graph; exports leave it out. Loading flags live in
a bookkeeping graph of their own, ``BOOKKEEPING_GRAPH``.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from .mapping import doc_iri
from .segments import SegmentLog
from .vocab import DG, ID, PREFIXES

DEFAULT_STORE = Path(__file__).resolve().parent.parent / "exports" / "store"

_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}
# stores written before the union moved to the default graph kept it in this named graph
LEGACY_UNION_GRAPH = ox.NamedNode(str(ID["graph/union"]))
BOOKKEEPING_GRAPH = ox.NamedNode(str(ID["store"]))
_HIDDEN_GRAPHS = {BOOKKEEPING_GRAPH, LEGACY_UNION_GRAPH}
STREAM_ABOVE = 200_000  # statements; bigger stores are exported without sorting in Python
_QUAD_FORMATS = {ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD}
_HASH_PREDICATE = f" <{DG.contentHash}> ".encode()
_LOG_FORMATS = {ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES}
# "<store> <loading> <document graph>" flags, in the bookkeeping graph
_STORE_NODE = ox.NamedNode(str(ID["store"]))
_LOADING = ox.NamedNode(str(ID["store/loading"]))
LOAD_BATCH = 200_000  # statements gathered before a bulk load


class StoreError(RuntimeError):
    """A store that cannot be opened or used, with a one-line reason."""


def default_store_path() -> Path:
    return Path(os.environ.get("DIPLOGRAPH_STORE", DEFAULT_STORE))


def to_ox(term) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """An rdflib term as an Oxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def term_value(term):
    """A plain Python value for an Oxigraph term (IRI or literal text)."""
    if term is None:
        return None
    return term.value


class Store:
    """An Oxigraph store at ``path`` (in memory when ``path`` is None)."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False, load_batch: int = LOAD_BATCH):
        self.path = Path(path) if path is not None else None
        self.load_batch = load_batch
        self._pending: dict[str, object] = {}  # doc id -> DocResult gathered for the next bulk load
        self._pending_statements = 0
        self._default_graph: dict = {}  # query options that name the union when it is not the default graph
        self._bulk_loaded = False
        self._log = SegmentLog(self.path) if self.path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(f"{self.path}: no store here (run `diplograph ingest` first)")
                self._store = _open_read_only(self.path)
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as err:  # RuntimeError: a store another process is still creating
            if "lock" in str(err).lower():
                raise StoreError(f"{self.path}: store is in use by another process") from None
            raise StoreError(f"{self.path}: cannot open store: {str(err).splitlines()[0]}") from None
        legacy = _has_statements(self._store, LEGACY_UNION_GRAPH)
        if legacy or (not _has_statements(self._store, ox.DefaultGraph())
                      and any(g not in _HIDDEN_GRAPHS for g in self._store.named_graphs())):
            if not read_only:
                self._store.update(_UPGRADE)
            elif legacy:
                self._default_graph = {"default_graph": LEGACY_UNION_GRAPH}
            else:  # a store from before any union graph: query the slow view
                self._default_graph = {"use_default_graph_as_union": True}
        if not read_only:
            self._drop_unfinished_documents()

    @property
    def _union_view(self) -> bool:
        """True when the default graph is not the union (an old store opened read-only)."""
        return bool(self._default_graph)

    def _drop_unfinished_documents(self) -> None:
        """After an interrupted bulk load: drop the flagged document graphs whose content hash was not yet written."""
        for flag in list(self._store.quads_for_pattern(_STORE_NODE, _LOADING, None, BOOKKEEPING_GRAPH)):
            graph = flag.object
            if next(iter(self._store.quads_for_pattern(None, ox.NamedNode(str(DG.contentHash)), None, graph)), None) is None:
                self._store.update(_drop_graph(graph))
            self._store.remove(flag)

    # ------------------------------------------------------------ writing
    def replace_document(self, doc_id: str, triples: Iterable[tuple]) -> int:
        """Replace a document's named graph with these triples, atomically.

        Args:
            doc_id: the document id.
            triples: rdflib (s, p, o) triples of the document.
        RETURNS (int): the number of distinct triples stored.
        """
        self._load_pending()  # a gathered earlier version must not be loaded over this one
        graph = ox.NamedNode(str(doc_iri(doc_id)))
        statements = {(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples}
        if self._log is not None:
            quads = [ox.Quad(s, p, o, graph) for s, p, o in statements]
            content_hash = next((o.value for s, p, o in statements if p.value == str(DG.contentHash)), "")
            nquads = b"".join(sorted(ox.serialize(quads, format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)))
            self._log.append([(doc_id, content_hash, nquads, len(quads))])
        self._store.update(_replace_graph(graph, "\n".join(f"{s} {p} {o} ." for s, p, o in statements)))
        return len(statements)

    def put_documents(self, results: Iterable) -> int:
        """Store extracted documents (``graph.parallel.DocResult``) given as N-Quads.

        New documents are gathered and bulk-loaded ``load_batch`` statements at
        a time, their content hashes last (see the module docstring); a
        document already stored is replaced in a transaction of its own. Either
        way no run finds a document half stored. ``flush`` loads the rest.
        RETURNS (int): the number of triples stored.
        """
        new: list = []
        changed: list = []
        seen: set[str] = set()
        for r in results:
            exists = r.doc_id in seen or r.doc_id in self._pending or \
                _has_statements(self._store, ox.NamedNode(str(doc_iri(r.doc_id))))
            (changed if exists else new).append(r)
            seen.add(r.doc_id)
        if self._log is not None:  # before the load: an entry is used only once the store holds its hash
            self._log.append((r.doc_id, r.content_hash, r.nquads, r.triples) for r in new + changed)
        for r in new:
            if r.nquads:
                self._pending[r.doc_id] = r
                self._pending_statements += r.triples
        if changed:
            self._load_pending()
        for r in changed:
            graph = ox.NamedNode(str(doc_iri(r.doc_id)))
            quads = ox.parse(r.nquads, format=ox.RdfFormat.N_QUADS) if r.nquads else []
            self._store.update(_replace_graph(graph, " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)))
        if self._pending_statements >= self.load_batch:
            self._load_pending()
        return sum(r.triples for r in new) + sum(r.triples for r in changed)

    def _load_pending(self) -> None:
        """Bulk-load the gathered new documents and their union statements; the content hashes go last, in a transaction."""
        if not self._pending:
            return
        bodies, hashes = [], []
        for r in self._pending.values():
            # every line ends in the document's graph, as the worker serialised it
            graph_end = b" " + r.nquads[:r.nquads.index(b"\n")].rsplit(b" ", 2)[-2] + b" .\n"
            body, hash_line = _cut_hash_line(r.nquads)
            bodies += [body, body.replace(graph_end, b" .\n")]
            hashes += [hash_line, hash_line.replace(graph_end, b" .\n")]
        flags = [ox.Quad(_STORE_NODE, _LOADING, ox.NamedNode(str(doc_iri(d))), BOOKKEEPING_GRAPH) for d in self._pending]
        self._store.extend(flags)
        self._store.bulk_load(b"".join(bodies), format=ox.RdfFormat.N_QUADS)
        self._store.load(b"".join(hashes), format=ox.RdfFormat.N_QUADS)
        self._store.update(f"DELETE DATA {{ GRAPH {BOOKKEEPING_GRAPH} {{ "
                           + " ".join(f"{f.subject} {f.predicate} {f.object} ." for f in flags) + " } }")
        self._pending.clear()
        self._pending_statements = 0
        self._bulk_loaded = True

    def bulk_load(self, path: str | Path) -> None:
        """Load an N-Quads/TriG file fast and without a transaction (for building a fresh store).

        The union graph is loaded from the same file: each statement once more.
        """
        fmt = _FORMATS.get(Path(path).suffix.lower())
        if fmt not in _QUAD_FORMATS:
            raise StoreError(f"{path}: bulk load reads N-Quads or TriG, not {Path(path).suffix!r}")
        self._load_pending()
        self._store.bulk_load(path=str(path), format=fmt)
        union = (ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt))
        self._store.bulk_extend(union)
        self._bulk_loaded = True

    def update(self, sparql: str) -> None:
        """Run a SPARQL update in one transaction (callers check it is allowed); exports then read Oxigraph."""
        self._load_pending()
        if self._log is not None:
            self._log.drop()
        self._store.update(sparql)

    def content_hash(self, doc_id: str) -> str | None:
        """The content hash stored for a document (or gathered for the next load), or None if it is not stored."""
        if doc_id in self._pending:
            return self._pending[doc_id].content_hash
        graph = ox.NamedNode(str(doc_iri(doc_id)))
        for q in self._store.quads_for_pattern(ox.NamedNode(str(doc_iri(doc_id))),
                                               ox.NamedNode(str(DG.contentHash)), None, graph):
            return q.object.value
        return None

    def documents(self) -> list[str]:
        """Ids of the stored documents, sorted."""
        rows = self.select(f"SELECT ?id WHERE {{ GRAPH ?g {{ ?d <{DG.docId}> ?id }} }}")
        return sorted({r["id"] for r in rows})

    def remove_document(self, doc_id: str) -> None:
        self._load_pending()
        self._store.update(_drop_graph(ox.NamedNode(str(doc_iri(doc_id)))))

    def flush(self) -> None:
        """Write everything to disk; after bulk loads also compact, or reads stay several times slower."""
        self._load_pending()
        if self.path is not None:
            self._store.flush()
            if self._bulk_loaded:
                self._store.optimize()
                self._bulk_loaded = False

    def __len__(self) -> int:
        """The number of statements in the document graphs (the union not counted)."""
        self._load_pending()
        hidden = ", ".join(str(g) for g in sorted(_HIDDEN_GRAPHS, key=str))
        rows = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({hidden})) }}")
        return int(next(iter(rows))["n"].value)

    # ------------------------------------------------------------ reading
    def query(self, sparql: str):
        """Run a SPARQL query; its default graph is the union of all document graphs."""
        self._load_pending()
        return self._store.query(sparql, prefixes=dict(PREFIXES), **self._default_graph)

    def select(self, sparql: str) -> list[dict]:
        """A SELECT query's rows as dicts of plain values (unbound columns omitted)."""
        result = self.query(sparql)
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            rows.append({n: term_value(solution[n]) for n in names if solution[n] is not None})
        return rows

    def quads(self, doc_ids: Iterable[str] | None = None) -> Iterator[ox.Quad]:
        """The statements of these documents' graphs (all documents when None)."""
        self._load_pending()
        if doc_ids is None:
            for graph in self._graphs(None):
                yield from self._store.quads_for_pattern(None, None, None, graph)
            return
        for doc_id in doc_ids:
            yield from self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(doc_iri(doc_id))))

    def export(self, out: str | Path, doc_ids: Iterable[str] | None = None, stream: bool | None = None) -> int | None:
        """Write the store (or some documents) to a file; format from the extension.

        Turtle and N-Triples hold the union of the document graphs; TriG,
        N-Quads and JSON-LD keep one named graph per document. Up to
        ``STREAM_ABOVE`` statements (or with ``stream=False``) they are sorted in
        Python, so the same graph always gives the same bytes. Bigger stores
        stream without Python term objects, from the segment log when it
        covers the documents (documents in id order, each one's lines sorted;
        Turtle and N-Triples as the distinct lines in that order, each where it
        first occurs, one statement a line, which holds the distinct statements
        in memory), else from Oxigraph in
        its index order (the same for the same content and pyoxigraph version).

        RETURNS (int | None): the number of statements written (None when streamed from Oxigraph).
        """
        self._load_pending()
        out = Path(out)
        fmt = _FORMATS.get(out.suffix.lower())
        if fmt is None:
            raise StoreError(f"{out}: unknown export format {out.suffix!r} (use .ttl, .trig, .nq, .nt or .jsonld)")
        if stream is None:
            stream = doc_ids is None and len(self._store) > STREAM_ABOVE
        if stream:
            written = self._export_from_log(out, fmt, doc_ids)
            return written if written is not None else self._export_stream(out, fmt, doc_ids)
        if fmt in _QUAD_FORMATS:
            items = sorted(set(self.quads(doc_ids)), key=_sort_key)
        else:
            items = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in self._triples(doc_ids)}, key=_sort_key)
        out.parent.mkdir(parents=True, exist_ok=True)
        prefixes = dict(PREFIXES) if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        ox.serialize(items, str(out), fmt, prefixes=prefixes)
        return len(items)

    def _triples(self, doc_ids: Iterable[str] | None) -> Iterator[ox.Quad]:
        if doc_ids is None and not self._union_view:
            return self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        return self.quads(doc_ids)

    def _export_from_log(self, out: Path, fmt, doc_ids: Iterable[str] | None) -> int | None:
        """Write the export from the segment log; None (nothing written) when the log does not cover it."""
        if self._log is None or self._union_view or fmt not in _LOG_FORMATS:
            return None
        entries = self._log.latest()
        graphs = self._graphs(None)
        stored = {r["id"].value: r["h"].value for r in self._store.query(
            f"SELECT ?id ?h WHERE {{ GRAPH ?g {{ ?d <{DG.docId}> ?id ; <{DG.contentHash}> ?h }} }}")}
        if len(stored) != len(graphs):
            return None  # a document graph without its id or hash: not written by this package
        wanted = sorted(stored) if doc_ids is None else sorted(set(doc_ids) & stored.keys())
        chosen = [entries.get(d) for d in wanted]
        if any(e is None or e.content_hash != stored[e.doc_id] for e in chosen):
            return None
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "wb") as fh:
            if fmt == ox.RdfFormat.N_QUADS:
                for chunk in self._log.read(chosen):
                    fh.write(chunk)
                return sum(e.statements for e in chosen)
            if fmt == ox.RdfFormat.TRIG:
                for chunk in self._log.read(chosen):
                    graph = chunk[:chunk.index(b"\n")].rsplit(b" ", 2)[-2]
                    fh.write(graph + b" {\n" + chunk.replace(b" " + graph + b" .\n", b" .\n") + b"}\n")
                return sum(e.statements for e in chosen)
            # a dict keeps each line's first place: the log's order, without sorting a million lines
            triples: dict[bytes, None] = {}
            for chunk in self._log.read(chosen):
                graph = chunk[:chunk.index(b"\n")].rsplit(b" ", 2)[-2]
                triples.update(dict.fromkeys(chunk.replace(b" " + graph + b" .\n", b" .\n").splitlines(keepends=True)))
            fh.writelines(triples)
            return len(triples)

    def _export_stream(self, out: Path, fmt, doc_ids: Iterable[str] | None) -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        prefixes = dict(PREFIXES) if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        if fmt == ox.RdfFormat.N_QUADS:
            with open(out, "wb") as fh:
                for graph in self._graphs(doc_ids):
                    triples = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
                    fh.write(triples.replace(b" .\n", f" {graph} .\n".encode()))
        elif fmt in _QUAD_FORMATS:
            ox.serialize(self.quads(doc_ids), str(out), fmt, prefixes=prefixes)
        elif doc_ids is None and not self._union_view:
            self._store.dump(str(out), fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)
        else:
            triples = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", **self._default_graph) \
                if doc_ids is None else (ox.Triple(q.subject, q.predicate, q.object) for q in self.quads(doc_ids))
            ox.serialize(triples, str(out), fmt, prefixes=prefixes)
        return None

    def _graphs(self, doc_ids: Iterable[str] | None) -> list[ox.NamedNode]:
        if doc_ids is None:
            return sorted((g for g in self._store.named_graphs() if g not in _HIDDEN_GRAPHS), key=str)
        return [ox.NamedNode(str(doc_iri(d))) for d in doc_ids]


def _open_read_only(path: Path, attempts: int = 20) -> ox.Store:
    """Open a store for reading while a writer may hold it.

    A read-only RocksDB sees the files of the moment it opened; when the
    writer's compaction replaces them the open (or the first read) fails with
    a missing file, so it is retried. Later reads can still meet that; the CLI
    then says to run the command again.
    """
    failures = 0
    while True:
        try:
            store = ox.Store.read_only(str(path))
            next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
            return store
        except (OSError, RuntimeError) as err:
            failures += 1
            if "No such file" not in str(err) or failures == attempts:
                raise
            time.sleep(0.1)


def _sort_key(item) -> tuple:
    graph = str(getattr(item, "graph_name", ""))
    return (graph, str(item.subject), str(item.predicate), str(item.object))


def _has_statements(store: ox.Store, graph) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, graph)), None) is not None


def _cut_hash_line(nquads: bytes) -> tuple[bytes, bytes]:
    """A document's N-Quads split into (the other lines, its content-hash line)."""
    at = nquads.find(_HASH_PREDICATE)
    if at < 0:
        return nquads, b""
    start = nquads.rfind(b"\n", 0, at) + 1
    end = nquads.find(b"\n", at) + 1 or len(nquads)
    return nquads[:start] + nquads[end:], nquads[start:end]


def _drop_graph(graph: ox.NamedNode) -> str:
    """SPARQL update that drops a document graph and the union statements only it held."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {graph}) }} }} ;\n"
            f"DROP SILENT GRAPH {graph}")


def _replace_graph(graph: ox.NamedNode, body: str) -> str:
    """SPARQL update that replaces a document graph by these statements, in the union too."""
    return f"{_drop_graph(graph)} ;\nINSERT DATA {{ GRAPH {graph} {{ {body} }}\n{body} }}"


# An older store: its loading flags move to the bookkeeping graph, its union graph (if any) to the default graph.
_UPGRADE = (f"DELETE {{ {_STORE_NODE} {_LOADING} ?doc }} INSERT {{ GRAPH {BOOKKEEPING_GRAPH} {{ {_STORE_NODE} {_LOADING} ?doc }} }} "
            f"WHERE {{ {_STORE_NODE} {_LOADING} ?doc }} ;\n"
            f"DROP SILENT GRAPH {LEGACY_UNION_GRAPH} ;\n"
            f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {BOOKKEEPING_GRAPH}) }}")
