"""Checks on ontology/: the OWL ontology, PLOVER as SKOS, and the SHACL shapes."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, XSD

from graph import vocab
from graph.vocab import DG, PLOVER, PREFIXES

ONTOLOGY = Path(__file__).parents[1] / "ontology"
DG_NS = str(DG._NS)
PLOVER_NS = str(PLOVER._NS)
P = PLOVER._NS  # terms of plover.ttl that vocab.PLOVER does not list (no warning)

# The sixteen event categories of the PLOVER manual, chapter "Event Categories".
CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# How many modes each category's "Supplementary fields" table lists (CONSULT: +1 for
# the host mode that diplograph adds, marked with an editorial note).
MODE_COUNTS = {
    "CONSULT": 5, "RETREAT": 6, "REQUEST": 4, "ACCUSE": 3, "REJECT": 4, "THREATEN": 6,
    "PROTEST": 7, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 10, "ASSAULT": 15,
}
REQUIRES_RECIPIENT = {"COOPERATE", "AID", "SANCTION"}
QUADS = {PLOVER.VerbalCooperation, PLOVER.MaterialCooperation, PLOVER.VerbalConflict, PLOVER.MaterialConflict}


@lru_cache(maxsize=None)
def load(name: str) -> Graph:
    graph = Graph(bind_namespaces="none")
    graph.parse(ONTOLOGY / name, format="turtle")
    return graph


def dg_terms() -> list[str]:
    return sorted(DG.__annotations__)


def top_concepts(scheme: URIRef) -> set[URIRef]:
    return set(load("plover.ttl").subjects(SKOS.topConceptOf, scheme))


# ---------------------------------------------------------------------------- files


@pytest.mark.parametrize("name", ["diplograph.ttl", "plover.ttl", "shapes.ttl"])
def test_ontology_file_parses(name):
    assert len(load(name)) > 0


@pytest.mark.parametrize("name", ["diplograph.ttl", "plover.ttl", "shapes.ttl"])
def test_ontology_file_binds_prefixes_as_vocab(name):
    bound = {prefix: str(ns) for prefix, ns in load(name).namespaces()}
    for prefix, ns in bound.items():
        if prefix in PREFIXES:
            assert ns == PREFIXES[prefix], prefix
    if name == "diplograph.ttl":
        assert {p: bound.get(p) for p in PREFIXES} == PREFIXES


# ----------------------------------------------------------------- diplograph.ttl


@pytest.mark.parametrize("term", dg_terms())
def test_ontology_declares_every_dg_term(term):
    graph, iri = load("diplograph.ttl"), DG[term]
    types = set(graph.objects(iri, RDF.type))
    assert types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept}, term
    assert graph.value(iri, RDFS.label) is not None, term
    assert graph.value(iri, RDFS.comment) or graph.value(iri, SKOS.definition), term


def test_ontology_declares_only_dg_terms():
    graph = load("diplograph.ttl")
    used = {str(t) for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(DG_NS)}
    declared = {DG_NS + term for term in dg_terms()}
    assert used - declared == set()
    subjects = {str(s) for s in graph.subjects() if str(s).startswith(DG_NS)}
    assert subjects == declared


STANCES = {"support", "oppose", "neutral"}


@pytest.mark.parametrize("term", [t for t in dg_terms() if t[0].islower() and t not in STANCES])
def test_ontology_property_has_domain_and_range(term):
    graph = load("diplograph.ttl")
    assert graph.value(DG[term], RDFS.domain) is not None, term
    assert graph.value(DG[term], RDFS.range) is not None, term


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        (DG.Event, URIRef(PREFIXES["sem"] + "Event")),
        (DG.Person, DG.Actor),
        (DG.Meeting, DG.Event),
        (DG.Document, URIRef(PREFIXES["nif"] + "Context")),
        (DG.Place, URIRef(PREFIXES["schema"] + "Place")),
    ],
)
def test_ontology_reuses_standard_classes(child, parent):
    assert (child, RDFS.subClassOf, parent) in load("diplograph.ttl")


def test_ontology_stances_are_skos_concepts():
    graph = load("diplograph.ttl")
    for stance in (DG[name] for name in sorted(STANCES)):
        assert (stance, RDF.type, SKOS.Concept) in graph
        assert graph.value(stance, SKOS.prefLabel) is not None
        assert (stance, SKOS.inScheme, URIRef("https://w3id.org/diplograph/ontology")) in graph


def test_ontology_header_has_version_and_licence():
    graph = load("diplograph.ttl")
    onto = URIRef("https://w3id.org/diplograph/ontology")
    assert (onto, RDF.type, OWL.Ontology) in graph
    assert graph.value(onto, OWL.versionInfo) == Literal("0.1.0")
    assert graph.value(onto, DCTERMS.license) is not None
    assert graph.value(onto, DCTERMS.title) is not None


# ---------------------------------------------------------------------- plover.ttl


def test_ontology_plover_has_sixteen_categories():
    graph = load("plover.ttl")
    tops = top_concepts(PLOVER.scheme)
    assert tops == {vocab.category(name) for name in CATEGORIES}
    assert set(graph.objects(PLOVER.scheme, SKOS.hasTopConcept)) == tops


@pytest.mark.parametrize("name", CATEGORIES)
def test_ontology_plover_category_has_score_and_quad_class(name):
    graph, iri = load("plover.ttl"), vocab.category(name)
    assert graph.value(iri, SKOS.notation) == Literal(name)
    score = graph.value(iri, P.score)
    assert score is not None and score.datatype == XSD.decimal
    assert -10 <= score.toPython() <= 10
    quad = graph.value(iri, P.quadClass)
    assert quad in QUADS
    # cooperation scores are positive, conflict scores are not
    if quad in {PLOVER.VerbalCooperation, PLOVER.MaterialCooperation}:
        assert score.toPython() > 0
    else:
        assert score.toPython() <= 0
    assert graph.value(iri, P.requiresRecipient) == Literal(name in REQUIRES_RECIPIENT)


def test_ontology_plover_scores_match_manual_samples():
    graph = load("plover.ttl")
    samples = {
        vocab.category("AID"): "10",
        vocab.category("ASSAULT"): "-9",
        vocab.mode("CONSULT", "visit"): "4",
        vocab.mode("COERCE", "martial-law"): "-7.5",
        vocab.mode("ASSAULT", "unconventional"): "-10",
    }
    for iri, expected in samples.items():
        assert graph.value(iri, P.score).toPython() == Decimal(expected), iri


@pytest.mark.parametrize(
    "iri",
    [
        vocab.category("REQUEST"),
        vocab.mode("CONSULT", "visit"),
        vocab.mode("ASSAULT", "suicide-attack"),
        vocab.context("military"),
        vocab.context("human_rights"),
        vocab.sector("GOV"),
        PLOVER.VerbalCooperation,
        P["aux-negation"],
    ],
)
def test_ontology_vocab_helpers_name_plover_concepts(iri):
    assert (iri, RDF.type, SKOS.Concept) in load("plover.ttl")


def test_ontology_plover_modes_are_named_after_their_category():
    graph = load("plover.ttl")
    counts: dict[str, int] = {}
    for mode_iri, category_iri in graph.subject_objects(SKOS.broader):
        category_name = str(graph.value(category_iri, SKOS.notation))
        assert category_iri in top_concepts(PLOVER.scheme)
        assert mode_iri == vocab.mode(category_name, str(graph.value(mode_iri, SKOS.notation)))
        assert (mode_iri, SKOS.inScheme, PLOVER.scheme) in graph
        counts[category_name] = counts.get(category_name, 0) + 1
    assert counts == MODE_COUNTS


@pytest.mark.parametrize(
    ("scheme", "count"),
    [(P.quadClasses, 4), (P.contexts, 37), (P.auxiliaryModes, 4), (P.sectors, 29)],
)
def test_ontology_plover_secondary_schemes(scheme, count):
    graph = load("plover.ttl")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    assert len(top_concepts(scheme)) == count


def test_ontology_plover_concepts_are_described():
    graph = load("plover.ttl")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert concepts
    for concept in concepts:
        assert str(concept).startswith(PLOVER_NS)
        labels = [label for label in graph.objects(concept, SKOS.prefLabel) if label.language == "en"]
        assert len(labels) == 1, concept
        assert graph.value(concept, SKOS.definition) is not None, concept
        assert graph.value(concept, SKOS.notation) is not None, concept
        assert graph.value(concept, SKOS.inScheme) is not None, concept


def test_ontology_plover_scheme_cites_source_and_licence():
    graph = load("plover.ttl")
    assert (PLOVER.scheme, RDF.type, SKOS.ConceptScheme) in graph
    assert graph.value(PLOVER.scheme, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by-sa/4.0/")
    assert graph.value(PLOVER.scheme, DCTERMS.source) is not None
    for prop in (P.score, P.quadClass, P.requiresRecipient):
        assert set(graph.objects(prop, RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}


# ---------------------------------------------------------------------- shapes.ttl

PREAMBLE = """
@prefix dg: <https://w3id.org/diplograph/ontology#> .
@prefix plover: <https://w3id.org/diplograph/plover#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix doc: <https://w3id.org/diplograph/id/doc/> .
@prefix country: <https://w3id.org/diplograph/id/country/> .
@prefix person: <https://w3id.org/diplograph/id/person/> .
@prefix place: <https://w3id.org/diplograph/id/place/> .
@prefix treaty: <https://w3id.org/diplograph/id/treaty/> .
@prefix x: <https://w3id.org/diplograph/id/test/> .

doc:D a dg:Document ; dg:docId "D" .
<https://w3id.org/diplograph/id/doc/D#char=0,40> a dg:Sentence, nif:Sentence ;
    nif:anchorOf "Blinken met Lavrov in New Delhi on Thursday" ;
    nif:beginIndex 0 ; nif:endIndex 40 ; nif:referenceContext doc:D .
country:RUS a dg:Country ; dg:name "Russia" ; dg:code "RUS" .
country:USA a dg:Country ; dg:name "United States" ; dg:code "USA" .
person:antony-blinken a dg:Person ; dg:name "Antony Blinken" ; dg:country country:USA ;
    dg:sector plover:sector-GOV .
person:sergei-lavrov a dg:Person ; dg:name "Sergei Lavrov" ; dg:country country:RUS .
place:1261481 a dg:Place ; dg:name "New Delhi" .
treaty:new-start a dg:Treaty ; dg:name "New START" ; dg:party country:USA, country:RUS .
"""
EVIDENCE = "<https://w3id.org/diplograph/id/doc/D#char=0,40>"
X = "https://w3id.org/diplograph/id/test/"

VALID = {
    "Event": f"""x:e a dg:Event, sem:Event ; dg:category plover:REQUEST ; dg:mode plover:REQUEST-yield ;
        dg:context plover:context-cbrn ; dg:quadClass plover:VerbalConflict ; dg:score -1.0 ;
        dg:source person:antony-blinken ; dg:target country:RUS ; dg:date "2023-03"^^xsd:gYearMonth ;
        dg:negated false ; dg:modality "asserted" ; dg:concerns treaty:new-start ; dg:evidence {EVIDENCE} .""",
    "Meeting": f"""x:e a dg:Meeting, sem:Event ; dg:participant person:antony-blinken, person:sergei-lavrov ;
        dg:place place:1261481 ; dg:date "2023-03-02"^^xsd:date ; dg:negated false ;
        dg:meetingMode plover:CONSULT-multilateral ; dg:duration "PT10M"^^xsd:duration ; dg:evidence {EVIDENCE} .""",
    "Position": f"""x:e a dg:Position ; dg:holder country:RUS ; dg:stance dg:oppose ;
        dg:issue "the sanctions" ; dg:evidence {EVIDENCE} .""",
    "Quote": f"""x:e a dg:Quote ; dg:speaker person:sergei-lavrov ; dg:quoteText "We are open to talks" ;
        nif:beginIndex 10 ; nif:endIndex 30 ; dg:evidence {EVIDENCE} .""",
    "Treaty": """x:e a dg:Treaty ; dg:name "Open Skies Treaty" ; dg:party country:USA .""",
    "Person": """x:e a dg:Person ; dg:name "Maria Zakharova" ; dg:country country:RUS ; dg:code "RUS" .""",
}

# case: (the dg: property the violation is about, or None for the node itself; data)
INVALID = {
    "Event-no-category": (None, f"x:e a dg:Event ; dg:source country:USA ; dg:evidence {EVIDENCE} ."),
    "Event-category-outside-plover": (
        "category", f"x:e a dg:Event ; dg:category <https://example.org/REQUEST> ; dg:evidence {EVIDENCE} ."
    ),
    "Event-no-evidence": ("evidence", "x:e a dg:Event ; dg:category plover:ASSAULT ."),
    "Event-datetime": (
        "date",
        f"""x:e a dg:Event ; dg:category plover:ASSAULT ; dg:date "2023-03-02T10:00:00"^^xsd:dateTime ;
        dg:evidence {EVIDENCE} .""",
    ),
    "Event-source-not-actor": (
        "source", f"x:e a dg:Event ; dg:category plover:ASSAULT ; dg:source place:1261481 ; dg:evidence {EVIDENCE} ."
    ),
    "Event-two-negated": (
        "negated", f"x:e a dg:Event ; dg:category plover:ASSAULT ; dg:negated true, false ; dg:evidence {EVIDENCE} ."
    ),
    "Meeting-no-participant": ("participant", f"x:e a dg:Meeting ; dg:place place:1261481 ; dg:evidence {EVIDENCE} ."),
    "Meeting-place-not-place": (
        "place",
        f"x:e a dg:Meeting ; dg:participant person:antony-blinken ; dg:place country:RUS ; dg:evidence {EVIDENCE} .",
    ),
    "Position-unknown-stance": (
        "stance",
        f"""x:e a dg:Position ; dg:holder country:RUS ; dg:stance dg:Actor ; dg:issue "the sanctions" ;
        dg:evidence {EVIDENCE} .""",
    ),
    "Position-two-holders": (
        "holder",
        f"""x:e a dg:Position ; dg:holder country:RUS, country:USA ; dg:stance dg:support ;
        dg:issue "the sanctions" ; dg:evidence {EVIDENCE} .""",
    ),
    "Quote-two-speakers": ("speaker", f"""x:e a dg:Quote ; dg:speaker person:sergei-lavrov, country:USA ;
        dg:quoteText "We are open to talks" ; dg:evidence {EVIDENCE} ."""),
    "Treaty-no-name": ("name", "x:e a dg:Treaty ; dg:party country:USA ."),
    "Treaty-party-not-actor": ("party", 'x:e a dg:Treaty ; dg:name "Open Skies Treaty" ; dg:party treaty:new-start .'),
    "Person-two-names": ("name", 'x:e a dg:Person ; dg:name "Maria Zakharova", "M. Zakharova" .'),
    "Person-bad-code": ("code", 'x:e a dg:Person ; dg:name "Maria Zakharova" ; dg:code "ru" .'),
}


@lru_cache(maxsize=None)
def shapes() -> Graph:
    return load("shapes.ttl")


def run_shacl(body: str, ont_graph: Graph | None = None) -> tuple[bool, Graph]:
    data = Graph().parse(data=PREAMBLE + body, format="turtle")
    conforms, results, _ = validate(
        data, shacl_graph=shapes(), ont_graph=ont_graph, inference="none", inplace=False
    )
    return conforms, results


def test_ontology_shapes_accept_shared_fixture():
    conforms, _ = run_shacl("")
    assert conforms


@pytest.mark.parametrize("case", sorted(VALID))
def test_ontology_shape_accepts_valid_data(case):
    conforms, results = run_shacl(VALID[case])
    assert conforms, results.serialize(format="turtle")


@pytest.mark.parametrize("case", sorted(INVALID))
def test_ontology_shape_rejects_invalid_data(case):
    path, body = INVALID[case]
    conforms, results = run_shacl(body)
    assert not conforms
    # the violation is about the node and property under test, not the shared fixture
    found = {
        (results.value(result, SH.focusNode), results.value(result, SH.resultPath))
        for result in results.objects(None, SH.result)
    }
    assert found == {(URIRef(X + "e"), DG[path] if path else None)}


def test_ontology_shapes_exempt_meetings_from_category_when_ontology_merged():
    body = VALID["Meeting"] + f"""
    x:a a dg:TreatyAction ; dg:treaty treaty:new-start ; dg:action "suspend" ; dg:source country:RUS ;
        dg:date "2023"^^xsd:gYear ; dg:negated false ; dg:evidence {EVIDENCE} ."""
    conforms, results = run_shacl(body, ont_graph=load("diplograph.ttl"))
    assert conforms, results.serialize(format="turtle")


def test_ontology_shapes_cover_main_classes():
    targets = set(shapes().objects(None, SH.targetClass))
    expected = {DG.Document, DG.Sentence, DG.Event, DG.Meeting, DG.Position, DG.Quote, DG.Claim,
                DG.Treaty, DG.TreatyAction, DG.Person, DG.Country, DG.Organization, DG.Place, DG.Participation}
    assert expected <= targets
