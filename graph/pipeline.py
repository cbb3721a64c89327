"""The straight line from articles to the store: read → NLP → extract → map → store.

This is the library API the CLI is a thin layer over::

    from graph.pipeline import Pipeline
    from graph.store import Store
    store = Store()                       # in memory; Store("my-store") on disk
    Pipeline().ingest(["articles/"], store, date="2023-03-02")
    rows = store.select(named_query("meetings"))
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .extract import Extractor
from .facts import Article, DocumentFacts
from .mapping import document_triples
from .nlp import load_model
from .reader import ReadError, read
from .store import Store

QUERIES = Path(__file__).resolve().parent.parent / "ontology" / "queries"


def named_query(name_or_path: str) -> str:
    """The SPARQL text of ``ontology/queries/NAME.rq`` or of a .rq file path."""
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.exists():
        return path.read_text(encoding="utf-8")
    candidate = QUERIES / f"{path.stem if path.suffix == '.rq' else name_or_path}.rq"
    if candidate.exists():
        return candidate.read_text(encoding="utf-8")
    names = ", ".join(sorted(p.stem for p in QUERIES.glob("*.rq")))
    raise FileNotFoundError(f"{name_or_path}: no such query file or named query (named queries: {names})")


@dataclass
class IngestReport:
    """What an ingest run did."""

    documents: int = 0
    unchanged: int = 0
    sentences: int = 0
    events: int = 0
    meetings: int = 0
    triples: int = 0
    errors: list[ReadError] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)


class Pipeline:
    """A loaded NLP model and extractor, ready to process articles."""

    def __init__(self, model: str | None = None):
        self.nlp = load_model(model)
        self.extractor = Extractor()

    def facts(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[DocumentFacts]:
        """Parse and extract articles in batches (order kept).

        RETURNS (Iterator[DocumentFacts]): one per article.
        """
        articles = list(articles) if not isinstance(articles, list) else articles
        texts = (a.text for a in articles)
        for article, doc in zip(articles, self.nlp.pipe(texts, batch_size=batch_size)):
            yield self.extractor(doc, article)

    def ingest(self, paths: Iterable[str | Path], store: Store, date: str | None = None,
               strict: bool = False, on_document: Callable[[DocumentFacts], None] | None = None,
               batch_size: int = 16) -> IngestReport:
        """Read, extract and store every article under ``paths``.

        A document already stored with the same content hash is skipped; a
        changed one replaces its graph. Bad input is reported and skipped
        (``strict`` stops at the first).
        """
        report = IngestReport()
        batch: list[Article] = []

        def flush() -> None:
            for facts in self.facts(batch, batch_size):
                report.triples += store.replace_document(facts.article.doc_id, document_triples(facts))
                report.documents += 1
                report.sentences += facts.sentences
                report.events += len(facts.events)
                report.meetings += len(facts.meetings)
                if on_document is not None:
                    on_document(facts)
            batch.clear()

        for item in read(paths, date):
            if isinstance(item, ReadError):
                report.errors.append(item)
                if strict:
                    break
                continue
            report.doc_ids.append(item.doc_id)
            if store.content_hash(item.doc_id) == item.content_hash:
                report.unchanged += 1
                continue
            batch.append(item)
            if len(batch) >= batch_size * 4:
                flush()
        flush()
        store.flush()
        return report

    def build(self, texts: Iterable[str | Article], date: str | None = None) -> Store:
        """An in-memory store built from plain texts or Articles (ids doc-1, doc-2…)."""
        store = Store()
        articles = [t if isinstance(t, Article) else Article(doc_id=f"doc-{i}", text=t, date=date)
                    for i, t in enumerate(texts, start=1)]
        for facts in self.facts(articles):
            store.replace_document(facts.article.doc_id, document_triples(facts))
        return store
