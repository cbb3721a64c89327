"""Extraction in worker processes or on a Dask cluster.

A worker turns a batch of articles into N-Quads, one named graph per document,
so only bytes travel back and the writer bulk-loads them. Each worker process
loads the spaCy model and lexicons once (a module-level cache), which is why
this code lives in an importable module and not in a closure.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from .facts import Article, DocumentFacts

_PIPELINES: dict[tuple, object] = {}
# batches queued per worker: enough that workers keep busy while the writer runs a bulk load
IN_FLIGHT = 4


@dataclass
class DocResult:
    """One extracted document, ready to load: its graph as N-Quads and its counts."""

    doc_id: str
    content_hash: str
    nquads: bytes
    triples: int
    sentences: int
    events: int
    meetings: int
    words: int


def get_pipeline(model: str | None = None, fast: bool = True):
    """The process's Pipeline for these options, loaded on first use."""
    key = (model, fast)
    if key not in _PIPELINES:
        from .pipeline import Pipeline

        _PIPELINES[key] = Pipeline(model, fast=fast)
    return _PIPELINES[key]


def to_result(facts: DocumentFacts) -> DocResult:
    """Map one document's facts to RDF and serialise its named graph as N-Quads."""
    from .mapping import doc_iri, document_triples
    from .store import to_ox

    graph = ox.NamedNode(str(doc_iri(facts.article.doc_id)))
    quads = {ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph) for s, p, o in document_triples(facts)}
    # sorted lines: the same facts give the same bytes, whatever the set's order
    data = b"".join(sorted(ox.serialize(quads, format=ox.RdfFormat.N_QUADS).splitlines(keepends=True))) if quads else b""
    article = facts.article
    return DocResult(article.doc_id, article.content_hash, data, len(quads), facts.sentences,
                     len(facts.events), len(facts.meetings), len(article.text.split()))


def extract_batch(articles: list[Article], model: str | None = None, fast: bool = True) -> list[DocResult]:
    """Extract a batch of articles in this process (the task that workers run)."""
    return [to_result(f) for f in get_pipeline(model, fast).facts(articles)]


def _init_worker(model: str | None, fast: bool) -> None:
    get_pipeline(model, fast)


def run_local(batches: Iterable[list[Article]], workers: int, model: str | None = None,
              fast: bool = True) -> Iterator[list[DocResult]]:
    """Extract batches in ``workers`` processes; results in input order, at most ``IN_FLIGHT`` batches per worker."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(model, fast)) as pool:
        yield from _window((lambda b: pool.apply_async(extract_batch, (b, model, fast))), batches,
                           IN_FLIGHT * workers, lambda r: r.get())


def run_dask(batches: Iterable[list[Article]], scheduler, model: str | None = None,
             fast: bool = True) -> Iterator[list[DocResult]]:
    """Extract batches on a Dask cluster (an address or a Client); results in input order."""
    from distributed import Client

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        slots = max(1, sum(client.nthreads().values()))
        yield from _window((lambda b: client.submit(extract_batch, b, model, fast, pure=False)), batches,
                           IN_FLIGHT * slots, lambda f: f.result())
    finally:
        if client is not scheduler:
            client.close()


def _window(submit, batches, size: int, result) -> Iterator:
    """Submit tasks but keep at most ``size`` in flight, so memory does not grow with the corpus."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= size:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())
