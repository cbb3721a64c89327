"""RDF vocabularies used by diplograph, as closed namespaces so a typo is an error.

The terms of ``DG`` are declared in ``ontology/diplograph.ttl`` and the PLOVER
concepts in ``ontology/plover.ttl``; a test checks both files against this module.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

BASE = "https://w3id.org/diplograph/"


class DG(DefinedNamespace):
    """The diplograph ontology (ontology/diplograph.ttl)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    Place: URIRef
    Document: URIRef
    Sentence: URIRef
    Event: URIRef
    Meeting: URIRef
    Treaty: URIRef
    TreatyAction: URIRef
    Position: URIRef
    Quote: URIRef
    Claim: URIRef
    Participation: URIRef

    # documents and evidence
    docId: URIRef
    contentHash: URIRef
    publicationDate: URIRef
    evidence: URIRef
    mentionedIn: URIRef

    # actors
    name: URIRef
    code: URIRef
    sector: URIRef
    country: URIRef
    role: URIRef

    # events
    category: URIRef
    mode: URIRef
    context: URIRef
    quadClass: URIRef
    score: URIRef
    source: URIRef
    target: URIRef
    sourceParticipation: URIRef
    targetParticipation: URIRef
    actor: URIRef
    mentionText: URIRef
    triggerText: URIRef
    date: URIRef
    negated: URIRef
    modality: URIRef
    concerns: URIRef

    # meetings
    participant: URIRef
    place: URIRef
    subEventOf: URIRef
    duration: URIRef
    scheduled: URIRef
    requestedBy: URIRef
    meetingMode: URIRef

    # positions, quotes, claims
    holder: URIRef
    stance: URIRef
    issue: URIRef
    speaker: URIRef
    quoteText: URIRef
    claimant: URIRef
    disputes: URIRef

    # treaties
    party: URIRef
    treaty: URIRef
    action: URIRef

    # stances (skos concepts)
    support: URIRef
    oppose: URIRef
    neutral: URIRef


class PLOVER(DefinedNamespace):
    """PLOVER as a SKOS concept scheme (ontology/plover.ttl).

    Categories are ``plover:AGREE`` …; modes ``plover:CONSULT-visit``; contexts
    ``plover:context-military``; quad classes ``plover:VerbalCooperation`` …;
    sectors ``plover:sector-GOV``. Only the scheme and classes are listed here;
    concept IRIs are built with :func:`category`, :func:`mode`, :func:`context`
    and :func:`sector`, and checked against the ontology file by a test.
    """

    _fail = False
    _NS = Namespace(BASE + "plover#")

    scheme: URIRef
    VerbalCooperation: URIRef
    MaterialCooperation: URIRef
    VerbalConflict: URIRef
    MaterialConflict: URIRef


def category(name: str) -> URIRef:
    """The concept IRI of a PLOVER category such as ``"REQUEST"``."""
    return PLOVER._NS[name.upper()]


def mode(category_name: str, mode_name: str) -> URIRef:
    """The concept IRI of a category's mode, e.g. ``("CONSULT", "visit")``."""
    return PLOVER._NS[f"{category_name.upper()}-{mode_name.lower()}"]


def context(name: str) -> URIRef:
    """The concept IRI of a PLOVER context such as ``"military"``."""
    return PLOVER._NS[f"context-{name.lower()}"]


def sector(code: str) -> URIRef:
    """The concept IRI of an actor sector such as ``"GOV"``."""
    return PLOVER._NS[f"sector-{code.upper()}"]


ID = Namespace(BASE + "id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")

PREFIXES = {
    "dg": str(DG._NS),
    "plover": str(PLOVER._NS),
    "dgid": str(ID),
    "nif": str(NIF),
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
