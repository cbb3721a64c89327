"""Map the facts of one document to RDF: one named graph per document.

Reads only the records of ``graph.facts``; never looks at text. IRIs are
deterministic (document id, actor keys, content hashes of facts), so the same
input always gives the same triples. See ``ontology/MODEL.md``.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from . import vocab
from .facts import ActorRef, DocumentFacts, Evidence
from .vocab import DG, ID, NIF, SCHEMA, SEM

_CATEGORY_KIND = {"Person": DG.Person, "Country": DG.Country, "Organization": DG.Organization, "Place": DG.Place}
_STANCE = {"support": DG.support, "oppose": DG.oppose, "neutral": DG.neutral}
_QUAD = {
    "AGREE": "VerbalCooperation", "CONSULT": "VerbalCooperation", "SUPPORT": "VerbalCooperation",
    "CONCEDE": "VerbalCooperation", "COOPERATE": "MaterialCooperation", "AID": "MaterialCooperation",
    "RETREAT": "MaterialCooperation", "REQUEST": "VerbalConflict", "ACCUSE": "VerbalConflict",
    "REJECT": "VerbalConflict", "THREATEN": "VerbalConflict", "PROTEST": "MaterialConflict",
    "SANCTION": "MaterialConflict", "MOBILIZE": "MaterialConflict", "COERCE": "MaterialConflict",
    "ASSAULT": "MaterialConflict",
}


def iri_part(text: str) -> str:
    """Percent-encode any text for use as one IRI path segment (nothing unescaped).

    A final "." is encoded too: "." and ".." are no path segments, and rdflib
    cannot read back the Turtle prefixed name Oxigraph writes for it (``dgid:x\\.``).
    """
    part = quote(text, safe="-._~")
    return part[:-1] + "%2E" if part.endswith(".") else part


def doc_iri(doc_id: str) -> URIRef:
    return ID[f"doc/{iri_part(doc_id)}"]


def actor_iri(key: str) -> URIRef:
    kind, _, rest = key.partition("/")
    return ID[f"{iri_part(kind)}/{'/'.join(iri_part(p) for p in rest.split('/'))}"]


def _fact_iri(kind: str, doc_id: str, *parts) -> URIRef:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return ID[f"{kind}/{iri_part(doc_id)}/{digest}"]


def date_literal(value: str) -> Literal:
    """An ISO date at its own precision: xsd:date, xsd:gYearMonth or xsd:gYear."""
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


@lru_cache(maxsize=1)
def plover_scores() -> dict[str, Decimal]:
    """Category and mode scores read from ontology/plover.ttl."""
    from .gazetteer import LEXICONS

    g = Graph()
    g.parse(LEXICONS.parent / "plover.ttl", format="turtle")
    score = vocab.PLOVER._NS["score"]
    return {str(s).rsplit("#", 1)[1]: Decimal(str(o)) for s, o in g.subject_objects(score)}


def to_dataset(facts_list: list[DocumentFacts]) -> Dataset:
    """An rdflib Dataset holding one named graph per document."""
    ds = Dataset()
    for prefix, ns in vocab.PREFIXES.items():
        ds.bind(prefix, ns)
    for facts in facts_list:
        g = ds.graph(doc_iri(facts.article.doc_id))
        for triple in document_triples(facts):
            g.add(triple)
    return ds


def document_triples(facts: DocumentFacts):
    """Every triple of one document's named graph (graph name: its document IRI)."""
    art = facts.article
    doc = doc_iri(art.doc_id)
    out: list[tuple] = []
    add = out.append
    add((doc, RDF.type, DG.Document))
    add((doc, RDF.type, NIF.Context))
    add((doc, RDF.type, PROV.Entity))
    add((doc, DG.docId, Literal(art.doc_id)))
    add((doc, DG.contentHash, Literal(art.content_hash)))
    if art.title:
        add((doc, DCTERMS.title, Literal(art.title)))
    if art.date:
        add((doc, DG.publicationDate, date_literal(art.date)))
    if art.source:
        add((doc, DCTERMS.source, Literal(art.source)))
    if art.url:
        add((doc, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI)))

    sentences: set[Evidence] = set()

    def evidence(node: URIRef, ev: Evidence) -> None:
        sentences.add(ev)
        add((node, DG.evidence, URIRef(f"{doc}#char={ev.start},{ev.end}")))

    def actor(ref: ActorRef) -> URIRef:
        return actor_iri(ref.key)

    for key, a in sorted(facts.actors.items()):
        node = actor_iri(key)
        add((node, RDF.type, _CATEGORY_KIND[a.kind]))
        add((node, DG.name, Literal(a.name)))
        if a.mentioned:
            add((node, DG.mentionedIn, doc))
        for alias in sorted(a.aliases - {a.name}):
            add((node, SKOS.altLabel, Literal(alias)))
        if a.code:
            add((node, DG.code, Literal(a.code)))
        if a.country and a.kind != "Country":
            add((node, DG.country, actor_iri(f"country/{a.country}")))
        if a.sector:
            add((node, DG.sector, vocab.sector(a.sector)))
        for role in a.roles:
            add((node, DG.role, Literal(role)))
            post = ID[f"post/{iri_part(a.country or 'XXX')}/{iri_part(role.lower().replace(' ', '-'))}"]
            add((node, ORG.holds, post))
            add((post, RDF.type, ORG.Post))
            add((post, RDFS.label, Literal(role)))
            if a.country:
                add((post, ORG.postIn, actor_iri(f"country/{a.country}")))

    for ev in facts.events:
        node = _fact_iri("event", art.doc_id, ev.evidence.start, ev.category, ev.trigger,
                         [s.key for s in ev.sources], [t.key for t in ev.targets], ev.negated)
        add((node, RDF.type, DG.Event))
        add((node, RDF.type, SEM.Event))
        add((node, DG.category, vocab.category(ev.category)))
        add((node, DG.quadClass, vocab.PLOVER._NS[_QUAD[ev.category]]))
        score = plover_scores().get(f"{ev.category}-{ev.mode}" if ev.mode else ev.category) \
            or plover_scores().get(ev.category)
        if score is not None:
            add((node, DG.score, Literal(format(score.normalize(), "f"), datatype=XSD.decimal)))
        if ev.mode:
            add((node, DG.mode, vocab.mode(ev.category, ev.mode)))
        for c in ev.contexts:
            add((node, DG.context, vocab.context(c)))
        for role, refs, link in (("source", ev.sources, DG.sourceParticipation), ("target", ev.targets, DG.targetParticipation)):
            for i, ref in enumerate(refs):
                add((node, DG.source if role == "source" else DG.target, actor(ref)))
                part = URIRef(f"{node}/{role}/{i}")
                add((node, link, part))
                add((part, RDF.type, DG.Participation))
                add((part, DG.actor, actor(ref)))
                add((part, DG.mentionText, Literal(ref.text)))
                if ref.code:
                    add((part, DG.code, Literal(ref.code)))
                if ref.sector:
                    add((part, DG.sector, vocab.sector(ref.sector)))
        add((node, DG.triggerText, Literal(ev.trigger)))
        if ev.date:
            add((node, DG.date, date_literal(ev.date)))
        add((node, DG.negated, Literal(ev.negated)))
        add((node, DG.modality, Literal(ev.modality)))
        if ev.treaty:
            add((node, DG.concerns, actor_iri(ev.treaty)))
        evidence(node, ev.evidence)

    meeting_nodes = []
    for m in facts.meetings:
        node = _fact_iri("meeting", art.doc_id, m.evidence.start, m.trigger, sorted(p.key for p in m.participants))
        meeting_nodes.append(node)
    for m, node in zip(facts.meetings, meeting_nodes):
        add((node, RDF.type, DG.Meeting))
        add((node, RDF.type, SEM.Event))
        for p in m.participants:
            add((node, DG.participant, actor(p)))
        if m.date:
            add((node, DG.date, date_literal(m.date)))
        if m.place:
            add((node, DG.place, actor_iri(m.place)))
        add((node, DG.negated, Literal(m.negated)))
        add((node, DG.modality, Literal(m.modality)))
        if m.mode in ("visit", "phone", "multilateral", "third-party", "host"):
            add((node, DG.meetingMode, vocab.mode("CONSULT", m.mode)))
        if m.parent is not None:
            add((node, DG.subEventOf, meeting_nodes[m.parent]))
        if m.duration:
            add((node, DG.duration, Literal(m.duration, datatype=XSD.duration)))
        if m.scheduled is not None:
            add((node, DG.scheduled, Literal(m.scheduled)))
        if m.requested_by:
            add((node, DG.requestedBy, actor_iri(m.requested_by)))
        add((node, DG.triggerText, Literal(m.trigger)))
        evidence(node, m.evidence)
        for extra in m.mentions:
            evidence(node, extra)

    for p in facts.positions:
        node = _fact_iri("position", art.doc_id, p.evidence.start, p.holder.key, p.stance, p.issue)
        add((node, RDF.type, DG.Position))
        add((node, DG.holder, actor(p.holder)))
        add((node, DG.stance, _STANCE[p.stance]))
        add((node, DG.issue, Literal(p.issue)))
        evidence(node, p.evidence)

    for q in facts.quotes:
        node = _fact_iri("quote", art.doc_id, q.start, q.end)
        add((node, RDF.type, DG.Quote))
        if q.speaker is not None:
            add((node, DG.speaker, actor(q.speaker)))
        add((node, DG.quoteText, Literal(q.text)))
        add((node, NIF.beginIndex, Literal(q.start, datatype=XSD.integer)))
        add((node, NIF.endIndex, Literal(q.end, datatype=XSD.integer)))
        evidence(node, q.evidence)

    for c in facts.claims:
        node = _fact_iri("claim", art.doc_id, c.evidence.start, c.text)
        add((node, RDF.type, DG.Claim))
        add((node, DG.claimant, actor(c.claimant)))
        add((node, DG.quoteText, Literal(c.text)))
        if c.disputes is not None:
            add((node, DG.disputes, meeting_nodes[c.disputes]))
        evidence(node, c.evidence)

    for key, t in sorted(facts.treaties.items()):
        node = actor_iri(key)
        add((node, RDF.type, DG.Treaty))
        add((node, DG.name, Literal(t.name)))
        add((node, DG.mentionedIn, doc))
        for alias in sorted(t.aliases - {t.name}):
            add((node, SKOS.altLabel, Literal(alias)))
        for party in t.parties:
            add((node, DG.party, actor_iri(party)))
    for a in facts.treaty_actions:
        node = _fact_iri("treaty-action", art.doc_id, a.evidence.start, a.treaty, a.action)
        add((node, RDF.type, DG.TreatyAction))
        add((node, RDF.type, SEM.Event))
        add((node, DG.treaty, actor_iri(a.treaty)))
        add((node, DG.action, Literal(a.action)))
        for ref in a.actors:
            add((node, DG.source, actor(ref)))
        if a.date:
            add((node, DG.date, date_literal(a.date)))
        add((node, DG.negated, Literal(a.negated)))
        add((node, DG.modality, Literal(a.modality)))
        evidence(node, a.evidence)

    for ev in sorted(sentences, key=lambda e: (e.start, e.end)):
        node = URIRef(f"{doc}#char={ev.start},{ev.end}")
        add((node, RDF.type, DG.Sentence))
        add((node, RDF.type, NIF.Sentence))
        add((node, NIF.anchorOf, Literal(ev.text)))
        add((node, NIF.beginIndex, Literal(ev.start, datatype=XSD.integer)))
        add((node, NIF.endIndex, Literal(ev.end, datatype=XSD.integer)))
        add((node, NIF.referenceContext, doc))
    return out
