"""The contract queries tuned for large stores return the rows of their plain forms.

``events.rq`` and ``actors.rq`` read each property in its own sub-select (see their
comments); the plain queries below say the same thing as flat patterns. Both are run
in Oxigraph and in rdflib, the two engines the project and its users run them in.
"""
from __future__ import annotations

from collections import Counter

from rdflib import Graph

from graph.facts import Actor, Event
from graph.mapping import document_triples
from graph.pipeline import named_query
from graph.vocab import PREFIXES
from helpers_graph import facts, ref, sample_facts, sentence, store_of

_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())

PLAIN_EVENTS = _PREFIXES + """
SELECT ?doc ?event ?type ?source ?sourceCode ?target ?targetCode ?date ?negated ?evidence WHERE {
  ?e a dg:Event ; dg:category ?category ; dg:evidence ?s .
  ?s nif:referenceContext ?d ; nif:anchorOf ?evidence .
  ?d dg:docId ?doc .
  OPTIONAL { ?e dg:sourceParticipation ?sp . ?sp dg:actor/dg:name ?source . OPTIONAL { ?sp dg:code ?sourceCode } }
  OPTIONAL { ?e dg:targetParticipation ?tp . ?tp dg:actor/dg:name ?target . OPTIONAL { ?tp dg:code ?targetCode } }
  OPTIONAL { ?e dg:date ?date }
  OPTIONAL { ?e dg:negated ?negated }
  BIND(COALESCE(?sp, ?e) AS ?event)
  BIND(STRAFTER(STR(?category), "#") AS ?type)
  FILTER(?type != "CONSULT")
}"""

PLAIN_ACTORS = _PREFIXES + """
SELECT ?doc ?actor ?name ?type ?country ?role WHERE {
  ?actor a ?class ; dg:mentionedIn ?d .
  VALUES (?class ?type) { (dg:Person "Person") (dg:Country "Country") (dg:Organization "Organization") (dg:Place "Place") }
  ?d dg:docId ?doc .
  { ?actor dg:name ?name } UNION { ?actor skos:altLabel ?name }
  OPTIONAL { ?actor dg:code ?country }
  OPTIONAL { ?actor dg:role ?role }
}"""


def _documents():
    """The sample documents and one more: two sources and no target, no date, two roles, an unmentioned country,
    and an event the text denies."""
    envoy = Actor("person/ana-ruiz", "Person", "Ana Ruiz", aliases={"Ruiz", "Ana Ruiz"}, code="CHL", country="CHL",
                  roles=["Foreign Minister", "Special Envoy"])
    chile = Actor("country/CHL", "Country", "Chile", code="CHL", mentioned=False)
    peru = Actor("country/PER", "Country", "Peru", code="PER")
    extra = facts("C", [envoy, chile, peru], events=[
        Event("REJECT", [ref("person/ana-ruiz", "Ruiz"), ref("country/PER", "Peru")], [],
              sentence("Ruiz and Peru rejected the plan."), "rejected"),
        Event("SANCTION", [ref("country/PER", "Peru")], [ref("country/CHL", "Chile")],
              sentence("Peru did not sanction Chile.", 40), "sanction", negated=True),
    ])
    return [*sample_facts(), extra]


def _rows(results, columns) -> Counter:
    return Counter(tuple(None if r[c] is None else str(r[c]) for c in columns) for r in results)


def _both_engines(query: str, columns: list[str]) -> tuple[Counter, Counter]:
    docs = _documents()
    store = store_of(*docs)
    oxigraph = Counter(tuple(row.get(c) for c in columns) for row in store.select(query))
    union = Graph()  # as the scorers read a Turtle export
    for doc in docs:
        for triple in document_triples(doc):
            union.add(triple)
    return oxigraph, _rows(union.query(query), columns)


def test_events_query_returns_the_rows_of_its_plain_form():
    columns = ["doc", "event", "type", "source", "sourceCode", "target", "targetCode", "date", "negated", "evidence"]
    tuned = _both_engines(named_query("events"), columns)
    plain = _both_engines(PLAIN_EVENTS, columns)
    assert tuned == plain and tuned[0] == tuned[1]
    rows = tuned[0]
    assert sum(rows.values()) == 7  # four dyadic events, two sources of one event without a target, one denied
    assert {(r[3], r[5], r[8]) for r in rows if r[0] == "C"} == {
        ("Ana Ruiz", None, "false"), ("Peru", None, "false"), ("Peru", "Chile", "true")}


def test_actors_query_returns_the_rows_of_its_plain_form():
    columns = ["doc", "actor", "name", "type", "country", "role"]
    tuned = _both_engines(named_query("actors"), columns)
    plain = _both_engines(PLAIN_ACTORS, columns)
    assert tuned == plain and tuned[0] == tuned[1]
    rows = tuned[0]
    assert {(r[2], r[5]) for r in rows if r[0] == "C" and r[3] == "Person"} == {
        ("Ana Ruiz", "Foreign Minister"), ("Ana Ruiz", "Special Envoy"), ("Ruiz", "Foreign Minister"),
        ("Ruiz", "Special Envoy")}
    assert not any(r[2] == "Chile" for r in rows)
