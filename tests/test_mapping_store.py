"""RDF mapping and the store: round trips, determinism, replacement, exports."""
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.facts import Actor, ActorRef, Article, DocumentFacts, Event, Evidence, Meeting
from graph.mapping import actor_iri, doc_iri, document_triples
from graph.store import LEGACY_UNION_GRAPH, Store, to_ox
from graph.vocab import DG

HOSTILE = 'Evil "quote" \\ <script>alert(1)</script> & @prefix x: <y> . } SELECT * {\u202e\u200b'


def _facts(doc_id="doc one/ü", text="Ankara hosted talks. Turkey urged calm.", name="Turkey"):
    art = Article(doc_id=doc_id, text=text, title="t", date="2024-01-02")
    tur = Actor(key="country/TUR", kind="Country", name=name, code="TUR", country="TUR")
    grc = Actor(key="country/GRC", kind="Country", name="Greece", code="GRC", country="GRC")
    ev = Evidence(text[21:], 21, len(text))
    facts = DocumentFacts(article=art, actors={"country/TUR": tur, "country/GRC": grc})
    facts.events = [Event("REQUEST", [ActorRef("country/TUR", "Turkey", "TUR")], [ActorRef("country/GRC", "Greece", "GRC")],
                          ev, "urged", date="2024-01")]
    facts.meetings = [Meeting([ActorRef("country/TUR", "Turkey", "TUR"), ActorRef("country/GRC", "Greece", "GRC")],
                              Evidence(text[:20], 0, 20), "talks", date="2024-01-02")]
    return facts


def test_mapping_iris_escape_any_text():
    iri = str(doc_iri('a b/<c>"d'))
    assert " " not in iri and "<" not in iri and '"' not in iri and iri.endswith("a%20b%2F%3Cc%3E%22d")
    assert str(actor_iri("person/x y")).endswith("person/x%20y")


def test_mapping_store_round_trip_through_turtle(tmp_path):
    facts = _facts(name=HOSTILE)
    store = Store()
    store.replace_document(facts.article.doc_id, document_triples(facts))
    out = tmp_path / "g.ttl"
    store.export(out)
    back = Graph().parse(out, format="turtle")
    expected = Graph()
    for t in document_triples(facts):
        expected.add(t)
    assert isomorphic(back, expected)
    assert HOSTILE in {str(o) for o in back.objects(None, DG.name)}


def test_mapping_export_is_byte_identical(tmp_path):
    outs = []
    for i in range(2):
        store = Store()
        store.replace_document("d", document_triples(_facts("d")))
        out = tmp_path / f"g{i}.ttl"
        store.export(out)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_store_replaces_a_document_graph(tmp_path):
    store = Store(tmp_path / "s")
    store.replace_document("d", document_triples(_facts("d")))
    first = len(store)
    store.replace_document("d", document_triples(_facts("d", name="Türkiye")))
    assert len(store) == first
    names = {r["n"] for r in store.select("SELECT ?n WHERE { <https://w3id.org/diplograph/id/country/TUR> dg:name ?n }")}
    assert names == {"Türkiye"}
    assert store.documents() == ["d"]


def test_store_keeps_one_named_graph_per_document(tmp_path):
    store = Store()
    store.replace_document("a", document_triples(_facts("a")))
    store.replace_document("b", document_triples(_facts("b")))
    out = tmp_path / "g.trig"
    store.export(out)
    ds = Dataset()
    ds.parse(out, format="trig")
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert graphs == {str(doc_iri("a")), str(doc_iri("b"))}


def test_store_second_writer_gets_a_clear_error(tmp_path):
    import subprocess
    import sys

    store = Store(tmp_path / "s")
    store.replace_document("d", document_triples(_facts("d")))
    code = ("from graph.store import Store, StoreError\n"
            f"try:\n Store(r'{tmp_path / 's'}')\nexcept StoreError as e:\n print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert "store is in use" in out


TUR = "<https://w3id.org/diplograph/id/country/TUR>"


def _count(store, pattern):
    return int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")[0]["n"])


def test_store_queries_see_a_statement_once_however_many_documents_state_it(tmp_path):
    store = Store(tmp_path / "s")
    for doc in "abc":
        store.replace_document(doc, document_triples(_facts(doc)))
    assert _count(store, f"GRAPH ?g {{ {TUR} a ?class }}") == 3
    assert _count(store, f"{TUR} a ?class") == 1
    assert _count(store, f"{TUR} dg:mentionedIn ?doc") == 3


def test_store_removing_a_document_keeps_what_other_documents_state(tmp_path):
    store = Store(tmp_path / "s")
    store.replace_document("a", document_triples(_facts("a")))
    store.replace_document("b", document_triples(_facts("b", name="Türkiye")))
    store.remove_document("b")
    names = {r["n"] for r in store.select(f"SELECT ?n WHERE {{ {TUR} dg:name ?n }}")}
    assert names == {"Turkey"}
    store.remove_document("a")
    assert _count(store, "?s ?p ?o") == 0 and len(store) == 0


def test_store_from_before_the_union_graph_is_upgraded_on_open(tmp_path):
    import pyoxigraph as ox

    old = ox.Store(str(tmp_path / "s"))
    graph = ox.NamedNode(str(doc_iri("a")))
    old.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph)
               for s, p, o in document_triples(_facts("a")))
    old.flush()
    del old
    assert _count(Store(tmp_path / "s", read_only=True), f"{TUR} a ?class") == 1
    assert _count(Store(tmp_path / "s"), f"GRAPH ?g {{ {TUR} a ?class }}") == 1
    union = list(ox.Store.read_only(str(tmp_path / "s")).quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert len(union) == len(set(document_triples(_facts("a"))))


def test_store_with_its_union_in_a_named_graph_is_read_and_upgraded(tmp_path):
    """The layout of earlier versions: the union in dgid:graph/union, loading flags in the default graph."""
    import pyoxigraph as ox

    from graph.store import _LOADING, _STORE_NODE

    old = ox.Store(str(tmp_path / "s"))
    for doc in "ab":
        statements = [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in document_triples(_facts(doc))]
        old.extend(ox.Quad(*t, ox.NamedNode(str(doc_iri(doc)))) for t in statements)
        if doc == "a":
            old.extend(ox.Quad(*t, LEGACY_UNION_GRAPH) for t in statements)
    old.add(ox.Quad(_STORE_NODE, _LOADING, ox.NamedNode(str(doc_iri("b"))), ox.DefaultGraph()))
    old.flush()
    del old
    reader = Store(tmp_path / "s", read_only=True)
    assert _count(reader, f"{TUR} a ?class") == 1 and reader.documents() == ["a", "b"]
    writer = Store(tmp_path / "s")  # b was flagged and has a hash: a finished load, kept
    assert writer.documents() == ["a", "b"]
    assert _count(writer, "GRAPH ?g { ?s ?p ?o }") == len(writer) and _count(writer, f"{TUR} a ?class") == 1
    assert not list(writer._store.quads_for_pattern(_STORE_NODE, _LOADING, None, None))
    assert not list(writer._store.quads_for_pattern(None, None, None, LEGACY_UNION_GRAPH))


def _result(facts):
    from graph.parallel import to_result

    return to_result(facts)


def test_store_bulk_loads_new_documents_and_counts_them_stored_by_their_hash(tmp_path):
    store = Store(tmp_path / "s")
    store.put_documents([_result(_facts("a")), _result(_facts("b", name="Türkiye"))])
    store.flush()
    assert store.documents() == ["a", "b"] and store.content_hash("a") == _facts("a").article.content_hash
    assert _count(store, f"{TUR} a ?class") == 1
    assert {r["n"] for r in store.select(f"SELECT ?n WHERE {{ {TUR} dg:name ?n }}")} == {"Turkey", "Türkiye"}


def test_store_gathers_new_documents_for_one_bulk_load_and_reads_load_them_first(tmp_path):
    import pyoxigraph as ox

    store = Store(tmp_path / "s", load_batch=10_000)
    store.put_documents([_result(_facts("a"))])
    assert store.content_hash("a") == _facts("a").article.content_hash  # known before it is loaded
    assert next(iter(store._store.quads_for_pattern(None, None, None, None)), None) is None
    assert store.documents() == ["a"]
    store.put_documents([_result(_facts("b", name="Türkiye")), _result(_facts("a", name="Türkiye"))])
    assert store.documents() == ["a", "b"]  # a changed document is replaced, after the gathered ones are loaded
    assert {r["n"] for r in store.select(f"SELECT ?n WHERE {{ {TUR} dg:name ?n }}")} == {"Türkiye"}
    small = Store(tmp_path / "t", load_batch=1)  # a full batch loads at once
    small.put_documents([_result(_facts("a"))])
    assert len(list(small._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) > 10


def test_store_opened_after_an_interrupted_bulk_load_drops_documents_without_their_hash(tmp_path):
    """A kill between the bulk load and the hash transaction: the next writer removes the unfinished document,
    and only a flagged one (a hashless graph loaded some other way stays)."""
    import pyoxigraph as ox

    from graph.store import _HASH_PREDICATE, _LOADING, _STORE_NODE, BOOKKEEPING_GRAPH

    store = Store(tmp_path / "s")
    store.put_documents([_result(_facts("a"))])
    foreign = ox.NamedNode("https://example.org/graph/foreign")
    store._store.add(ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode("https://example.org/p"),
                             ox.Literal("kept"), foreign))
    unfinished = b"".join(line for line in _result(_facts("b", name="Türkiye")).nquads.splitlines(keepends=True)
                          if _HASH_PREDICATE not in line)
    store._store.add(ox.Quad(_STORE_NODE, _LOADING, ox.NamedNode(str(doc_iri("b"))), BOOKKEEPING_GRAPH))
    union = unfinished.replace(f" <{doc_iri('b')}> .\n".encode(), b" .\n")
    store._store.bulk_load(unfinished + union, format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    assert "b" in Store(tmp_path / "s", read_only=True).documents()  # a reader sees it until a writer opens
    store = Store(tmp_path / "s")
    assert store.documents() == ["a"]
    assert {r["n"] for r in store.select(f"SELECT ?n WHERE {{ {TUR} dg:name ?n }}")} == {"Turkey"}
    assert not list(store._store.quads_for_pattern(_STORE_NODE, _LOADING, None, None))
    assert store.select('SELECT ?o WHERE { GRAPH <https://example.org/graph/foreign> { ?s ?p ?o } }') == [{"o": "kept"}]


def test_events_query_is_dyadic_and_leaves_meetings_to_the_meetings_query():
    from graph.pipeline import named_query

    facts = _facts("d")
    tur, grc = ActorRef("country/TUR", "Turkey", "TUR"), ActorRef("country/GRC", "Greece", "GRC")
    ev = facts.events[0].evidence
    facts.events = [Event("REJECT", [tur, grc], [], ev, "rejected"), Event("CONSULT", [tur], [grc], ev, "talks")]
    store = Store()
    store.replace_document("d", document_triples(facts))
    rows = store.select(named_query("events"))
    assert sorted((r["type"].rsplit("/", 1)[-1].rsplit("#", 1)[-1], r["sourceCode"]) for r in rows) == \
        [("REJECT", "GRC"), ("REJECT", "TUR")]
    assert len({r["event"] for r in rows}) == 2
    assert len(store.select(named_query("meetings"))) == 2


def test_announced_meetings_are_listed_apart_from_held_ones():
    from graph.pipeline import named_query

    facts = _facts("d")
    held = facts.meetings[0]
    facts.meetings.append(Meeting(list(held.participants), Evidence("Turkey urged calm.", 21, 39), "will meet",
                                  date="2024-02-01", modality="future"))
    store = Store()
    store.replace_document("d", document_triples(facts))
    assert {r["evidence"] for r in store.select(named_query("meetings"))} == {held.evidence.text}
    planned = store.select(named_query("planned-meetings"))
    assert sorted((r["participant"], r["date"]) for r in planned) == [("Greece", "2024-02-01"), ("Turkey", "2024-02-01")]


def test_store_replacing_a_gathered_document_keeps_the_new_version(tmp_path):
    store = Store(tmp_path / "s", load_batch=10_000)
    store.put_documents([_result(_facts("a"))])
    store.replace_document("a", document_triples(_facts("a", name="Türkiye")))
    store.flush()
    assert {r["n"] for r in store.select(f"SELECT ?n WHERE {{ {TUR} dg:name ?n }}")} == {"Türkiye"}
