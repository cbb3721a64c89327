"""``diplograph demo``: the whole chain on the bundled sample articles."""
from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .facts import Article
from .mapping import document_triples
from .pipeline import Pipeline, named_query
from .reader import read_txt
from .store import Store

SAMPLES = Path(__file__).resolve().parent / "samples"

QUESTIONS = [
    ("Who met whom, when and where?", "meetings", ("doc", "participant", "date", "place", "negated")),
    ("Who stands where on which issue?", "positions", ("doc", "holder", "stance", "issue")),
    ("Who said what?", "quotes", ("doc", "speaker", "quote")),
    ("Which treaties, with which parties?", "treaties", ("doc", "name", "party")),
    ("Which meetings are disputed, and by whom?", "disputed-meetings", ("doc", "claimant", "claim")),
]


def sample_articles() -> list[Article]:
    """The bundled articles with their publication dates."""
    dates = dict(line.split("\t") for line in (SAMPLES / "dates.tsv").read_text().split("\n") if line.strip())
    articles = []
    for path in sorted(SAMPLES.glob("*.txt")):
        art = read_txt(path, dates.get(path.stem))
        if isinstance(art, Article):
            articles.append(art)
    return articles


def run_demo(out_dir: Path, store_dir: Path | None = None, model: str | None = None) -> Iterator[str]:
    """Build the sample graph, write Turtle, TriG and HTML, and answer the competency questions.

    RETURNS (Iterator[str]): lines to print.
    """
    from .view import render_explorer

    out_dir.mkdir(parents=True, exist_ok=True)
    scratch = None
    if store_dir is None:
        scratch = Path(tempfile.mkdtemp(prefix="diplograph-demo-"))
        store_dir = scratch
    try:
        store = Store(store_dir)
        pipeline = Pipeline(model)
        articles = sample_articles()
        categories: Counter = Counter()
        for facts in pipeline.facts(articles):
            store.replace_document(facts.article.doc_id, document_triples(facts))
            categories.update(e.category for e in facts.events if not e.negated)
        store.flush()
        ttl, trig, html = out_dir / "demo.ttl", out_dir / "demo.trig", out_dir / "explorer.html"
        n = store.export(ttl)
        store.export(trig)
        summary = render_explorer(store, html)
        yield f"{len(articles)} sample articles -> {n} triples"
        yield f"wrote {ttl}, {trig} and {html} ({summary})"
        yield "events by PLOVER category: " + ", ".join(f"{c} {k}" for c, k in sorted(categories.items()))
        for question, name, columns in QUESTIONS:
            rows = store.select(named_query(name))
            yield ""
            yield f"{question}  [{name}.rq, {len(rows)} rows]"
            seen = set()
            for row in rows:
                line = " | ".join(str(row.get(c, "")) for c in columns)
                if line not in seen:
                    seen.add(line)
                    yield "  " + line[:150]
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
