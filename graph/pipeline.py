"""The straight line from articles to the store: read → NLP → extract → map → store.

This is the library API the CLI is a thin layer over::

    from graph.pipeline import Pipeline
    from graph.store import Store
    store = Store()                       # in memory; Store("my-store") on disk
    Pipeline().ingest(["articles/"], store, date="2023-03-02")
    rows = store.select(named_query("meetings"))
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, is_dataclass, replace
from itertools import islice
from pathlib import Path

from .extract import Extractor
from .facts import Article, DocumentFacts, Evidence
from .fastpath import SentenceFilter, chunks
from .mapping import document_triples
from .nlp import load_model
from .reader import ReadError, read
from .store import Store

LOG = logging.getLogger("diplograph")

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
    words: int = 0
    total: int | None = None  # documents to read, when known in advance
    errors: list[ReadError] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len(self.errors)


class Pipeline:
    """A loaded NLP model and extractor, ready to process articles.

    With ``fast``, a cheap first pass masks the sentences that cannot yield a
    fact (see :mod:`graph.fastpath`), so the statistical pipeline parses less.
    Documents longer than ``max_chars`` are parsed in paragraph chunks.
    """

    def __init__(self, model: str | None = None, fast: bool = False, max_chars: int = 200_000):
        self.model = model
        self.nlp = load_model(model)
        self.extractor = Extractor()
        self.fast = fast
        self.max_chars = min(max_chars, self.nlp.max_length)
        self.filter = SentenceFilter(self.nlp, self.extractor.lex) if fast else None

    def facts(self, articles: Iterable[Article], batch_size: int = 32,
              zone_size: int = 256) -> Iterator[DocumentFacts]:
        """Parse and extract articles as a stream, in order.

        Memory stays flat: articles are pulled ``zone_size`` at a time and the
        strings spaCy interns for them are freed after each group.
        RETURNS (Iterator[DocumentFacts]): one per article.
        """
        iterator = iter(articles)
        while True:
            group = list(islice(iterator, zone_size))
            if not group:
                return
            with self.nlp.memory_zone():
                yield from self._facts(group, batch_size)

    def _facts(self, articles: list[Article], batch_size: int) -> Iterator[DocumentFacts]:
        parts: list[tuple[int, DocumentFacts]] = []
        items = self._chunks(articles)
        for doc, (article, offset, last, sentences) in self.nlp.pipe(items, batch_size=batch_size, as_tuples=True):
            if offset == 0 and last:
                facts = self._extract(doc, article)
                if sentences is not None:
                    facts.sentences = sentences
                yield facts
                continue
            piece = replace(article, text=article.text[offset:offset + len(doc.text)],
                            title=article.title if offset == 0 else "")
            facts = self._extract(doc, piece)
            if sentences is not None:
                facts.sentences = sentences
            parts.append((offset, facts))
            if last:
                yield merge_chunks(article, parts)
                parts = []

    def _extract(self, doc, article: Article) -> DocumentFacts:
        """Extract one document; a failure of the extractor costs that document's facts, not the run."""
        try:
            return self.extractor(doc, article)
        except Exception as err:  # an extraction bug must not stop a corpus run or lose the store
            LOG.warning("%s: extraction failed (%s: %s); stored without facts",
                        article.doc_id, type(err).__name__, str(err).splitlines()[0] if str(err) else "")
            return DocumentFacts(article=article)

    def _chunks(self, articles: list[Article]) -> Iterator[tuple[str, tuple]]:
        for article in articles:
            spans = chunks(article.text, self.max_chars)
            for k, (start, end) in enumerate(spans):
                text = article.text[start:end]
                sentences = None
                if self.filter is not None:
                    body = _body_start(article) - start if start == 0 else 0
                    selection = self.filter.select(text, max(body, 0))
                    text, sentences = selection.text, selection.sentences
                yield text, (article, start, k == len(spans) - 1, sentences)

    def ingest(self, paths: Iterable[str | Path], store: Store, date: str | None = None,
               strict: bool = False, on_document: Callable[[DocumentFacts], None] | None = None,
               batch_size: int = 32, workers: int = 1, scheduler=None, shards: str | Path | None = None,
               on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
        """Read, extract and store every article under ``paths``, streaming.

        A document already stored with the same content hash is skipped; a
        changed one replaces its graph. Bad input is reported and skipped
        (``strict`` stops at the first). With ``workers`` > 1 extraction runs
        in local processes, with ``scheduler`` (a Dask address or Client) on
        a Dask cluster; ``shards`` also writes each batch as an N-Quads file.
        """
        from .parallel import run_dask, run_local, to_result

        report = IngestReport(total=count_documents(paths) if on_progress is not None else None)
        batches = self._new_batches(paths, store, date, strict, report, batch_size * 2)
        if scheduler is not None:
            results = run_dask(batches, scheduler, self.model, self.fast)
        elif workers > 1:
            results = run_local(batches, workers, self.model, self.fast)
        elif on_document is not None:
            def local():
                for batch in batches:
                    out = []
                    for facts in self.facts(batch, batch_size):
                        on_document(facts)
                        out.append(to_result(facts))
                    yield out
            results = local()
        else:
            results = (extract_batch_with(self, batch) for batch in batches)
        shard_dir = Path(shards) if shards is not None else None
        if shard_dir is not None:
            shard_dir.mkdir(parents=True, exist_ok=True)
        for number, batch_results in enumerate(results):
            report.triples += store.put_documents(batch_results)
            if shard_dir is not None:
                (shard_dir / f"part-{number:05d}.nq").write_bytes(b"".join(r.nquads for r in batch_results))
            for r in batch_results:
                report.documents += 1
                report.sentences += r.sentences
                report.events += r.events
                report.meetings += r.meetings
                report.words += r.words
            if on_progress is not None:
                on_progress(report)
        store.flush()
        return report

    def _new_batches(self, paths, store: Store, date, strict: bool, report: IngestReport,
                     size: int) -> Iterator[list[Article]]:
        """Batches of the articles that are new or changed; unchanged and bad ones only counted."""
        batch: list[Article] = []
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
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def build(self, texts: Iterable[str | Article], date: str | None = None) -> Store:
        """An in-memory store built from plain texts or Articles (ids doc-1, doc-2…)."""
        store = Store()
        articles = (t if isinstance(t, Article) else Article(doc_id=f"doc-{i}", text=t, date=date)
                    for i, t in enumerate(texts, start=1))
        for facts in self.facts(articles):
            store.replace_document(facts.article.doc_id, document_triples(facts))
        return store


def _body_start(article: Article) -> int:
    """Where the body begins: after the title line when the text starts with it."""
    if article.title and article.text.startswith(article.title):
        nl = article.text.find("\n")
        return nl + 1 if nl >= 0 else len(article.text)
    return 0


def extract_batch_with(pipeline: Pipeline, batch: list[Article]):
    """Extract a batch in this process with an already loaded pipeline."""
    from .parallel import to_result

    return [to_result(f) for f in pipeline.facts(batch)]


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents the paths hold, when that is cheap to know (None for compressed JSONL)."""
    from .reader import expand

    total = 0
    for item in expand(paths):
        if isinstance(item, ReadError):
            continue
        if item.name.lower().endswith(".gz"):
            return None
        if item.suffix.lower() == ".jsonl":
            with open(item, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


def merge_chunks(article: Article, parts: list[tuple[int, DocumentFacts]]) -> DocumentFacts:
    """One document's facts from the facts of its chunks, offsets made document-relative."""
    merged = DocumentFacts(article=article)
    for offset, facts in parts:
        shifted = _shift(facts, offset)
        base = len(merged.meetings)
        for m in shifted.meetings:
            if m.parent is not None:
                m.parent += base
        for c in shifted.claims:
            if c.disputes is not None:
                c.disputes += base
        for key, actor in shifted.actors.items():
            if key in merged.actors:
                merged.actors[key].aliases |= actor.aliases
                merged.actors[key].roles += [r for r in actor.roles if r not in merged.actors[key].roles]
            else:
                merged.actors[key] = actor
        for key, treaty in shifted.treaties.items():
            if key in merged.treaties:
                merged.treaties[key].aliases |= treaty.aliases
                merged.treaties[key].parties += [p for p in treaty.parties if p not in merged.treaties[key].parties]
            else:
                merged.treaties[key] = treaty
        for name in ("events", "meetings", "positions", "quotes", "claims", "treaty_actions"):
            getattr(merged, name).extend(getattr(shifted, name))
        merged.sentences += facts.sentences
    return merged


def _shift(value, offset: int):
    """A copy of a facts record with every character offset (Evidence, start/end) moved by ``offset``."""
    if isinstance(value, Evidence):
        return Evidence(value.text, value.start + offset, value.end + offset)
    if isinstance(value, list):
        return [_shift(v, offset) for v in value]
    if isinstance(value, dict):
        return {k: _shift(v, offset) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, (Article, type)):
        changes = {}
        for f in fields(value):
            v = getattr(value, f.name)
            if f.name in ("start", "end") and isinstance(v, int):
                changes[f.name] = v + offset
            elif isinstance(v, (Evidence, list, dict)) or (is_dataclass(v) and not isinstance(v, Article)):
                changes[f.name] = _shift(v, offset)
        return replace(value, **changes) if changes else value
    return value
