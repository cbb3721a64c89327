"""`diplograph serve`: a SPARQL 1.1 Protocol endpoint answering a real client."""
import threading
import urllib.error
import urllib.request

import pytest

from graph.facts import Article
from graph.mapping import document_triples
from graph.serve import make_server
from graph.store import Store


@pytest.fixture(scope="module")
def endpoint(pipeline):
    store = Store()
    article = Article(doc_id="talks", date="2024-05-16",
                      text="Italian Prime Minister Sofia Conti met Turkish President Emre Aksoy in Ankara on Tuesday.")
    for facts in pipeline.facts([article]):
        store.replace_document(facts.article.doc_id, document_triples(facts))
    server = make_server(store, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    yield url, store
    server.shutdown()
    server.server_close()


def test_serve_answers_sparqlwrapper_select(endpoint):
    from SPARQLWrapper import JSON, SPARQLWrapper

    url, _ = endpoint
    client = SPARQLWrapper(url + "sparql")
    client.setQuery("SELECT ?name WHERE { ?p a dg:Person ; dg:name ?name } ORDER BY ?name")
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [r["name"]["value"] for r in rows] == ["Emre Aksoy", "Sofia Conti"]


def test_serve_answers_ask_and_construct(endpoint):
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    url, _ = endpoint
    client = SPARQLWrapper(url + "sparql")
    client.setMethod("POST")
    client.setQuery("ASK { ?m a dg:Meeting }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery("CONSTRUCT { ?p dg:name ?n } WHERE { ?p a dg:Person ; dg:name ?n }")
    client.setReturnFormat(TURTLE)
    assert b"Sofia Conti" in client.query().convert()


def test_serve_refuses_updates_and_service_when_read_only(endpoint):
    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    url, store = endpoint
    before = len(store)
    client = SPARQLWrapper(url + "update")
    client.setMethod(POST)
    client.setQuery("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        client.query()
    assert len(store) == before
    query = urllib.parse.quote("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(url + "sparql?query=" + query, timeout=10)
    assert err.value.code == 403


def test_serve_shows_a_page_at_the_root(endpoint):
    url, _ = endpoint
    with urllib.request.urlopen(url, timeout=60) as response:
        assert response.status == 200
        assert b"<html" in response.read().lower()
