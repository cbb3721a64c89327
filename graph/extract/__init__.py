"""Extract facts from a parsed article: actors, events, meetings, positions,
quotes, claims and treaties, each with its evidence sentence."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..facts import Article, DocumentFacts
from ..gazetteer import Gazetteer
from ..gazetteer import load as load_gazetteer
from ..lexicons import Lexicons
from ..lexicons import load as load_lexicons
from .actors import TitleLexicon, country_actor, extract_actors
from .context import DocContext
from .events import extract_events
from .meetings import extract_meetings
from .positions import extract_positions
from .quotes import extract_quotes, quote_spans
from .treaties import extract_treaties

_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,40}?)\s*(?:,[^\n\u2014]{0,40})?\s*(?:\u2014|--|-|\u2013|\(\w+\))")

__all__ = ["extract", "Extractor"]


class Extractor:
    """Holds the start-up data (gazetteer, lexicons) and extracts documents."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicons: Lexicons | None = None):
        self.gz = gazetteer or load_gazetteer()
        self.lex = lexicons or load_lexicons()
        self.titles = TitleLexicon(self.gz)

    def __call__(self, doc: Doc, article: Article) -> DocumentFacts:
        """Extract every kind of fact from one parsed article.

        Args:
            doc: the spaCy parse of ``article.text``.
            article: the article and its metadata.
        RETURNS (DocumentFacts): the facts, with evidence offsets into ``article.text``.
        """
        body_start = _body_start(article)
        text = doc.text  # spaCy joins every token again on each access
        index = extract_actors(doc, self.gz, self.titles, title_end=body_start - 1 if body_start else -1,
                               date=article.date, doc_text=text)
        ctx = DocContext(doc=doc, article=article, gz=self.gz, lex=self.lex, index=index, body_start=body_start,
                         quote_spans=quote_spans(text), title_words=self.titles.title_words, text=text)
        ctx.dateline_place = _dateline(ctx)
        facts = DocumentFacts(article=article)
        facts.sentences = sum(1 for _ in doc.sents)
        facts.meetings = extract_meetings(ctx)
        facts.events = extract_events(ctx)
        facts.positions = extract_positions(ctx)
        facts.quotes, facts.claims = extract_quotes(ctx)
        facts.treaties, facts.treaty_actions = extract_treaties(ctx)
        _link_claims(facts)
        for actor in list(index.actors.values()):
            # every country an actor belongs to is described too, so links never dangle
            if actor.country and f"country/{actor.country}" not in index.actors:
                index.actors[f"country/{actor.country}"] = country_actor(self.gz, actor.country)
                index.actors[f"country/{actor.country}"].mentioned = False
        facts.actors = dict(index.actors)
        return facts


def _body_start(article: Article) -> int:
    """Where the body begins: after the title line when the text starts with it."""
    if article.title and article.text.startswith(article.title):
        nl = article.text.find("\n")
        return nl + 1 if nl >= 0 else len(article.text)
    return 0


def _dateline(ctx: DocContext) -> str | None:
    """The place of a dateline ("NEW DELHI—") at the start of the body."""
    text = ctx.text
    for line_start in (ctx.body_start, *[m.end() for m in re.finditer(r"\n", text[ctx.body_start:ctx.body_start + 600])]):
        m = _DATELINE.match(text[line_start if line_start >= ctx.body_start else ctx.body_start:][:80])
        if m:
            city = ctx.gz.city(m.group(1).title())
            if city:
                return ctx._city_place(city.name)
    return None


def _link_claims(facts: DocumentFacts) -> None:
    """A denial disputes the last reported meeting before it."""
    for claim in facts.claims:
        before = [i for i, m in enumerate(facts.meetings) if m.evidence.start <= claim.evidence.start and not m.negated]
        claim.disputes = before[-1] if before else None


def extract(doc: Doc, article: Article) -> DocumentFacts:
    """Extract facts with the default gazetteer and lexicons."""
    return Extractor()(doc, article)
