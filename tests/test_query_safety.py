"""`diplograph query` is read-only unless --update; nothing reaches files or the network unless allowed."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.cli import main
from graph.mapping import doc_iri
from graph.query_guard import QueryRefused, check_read_only, is_update, tokens
from graph.store import Store


@pytest.fixture
def store_dir(tmp_path):
    path = tmp_path / "s"
    store = Store(path)
    graph = ox.NamedNode(str(doc_iri("d")))
    store.update(f'INSERT DATA {{ GRAPH {graph} {{ {graph} <https://w3id.org/diplograph/ontology#docId> "d" }} }}')
    store.flush()
    del store
    return path


def _count(path) -> int:
    store = Store(path, read_only=True)
    try:
        return len(store)
    finally:
        del store


def _query(tmp_path, store_dir, text, *flags):
    q = tmp_path / "q.rq"
    q.write_text(text, encoding="utf-8")
    return main(["query", str(q), "--store", str(store_dir), *flags])


UPDATES = ["INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> <urn:x:c> } }", "DELETE WHERE { ?s ?p ?o }",
           "DROP ALL", "CLEAR DEFAULT", "CREATE GRAPH <urn:x:g>", "ADD DEFAULT TO <urn:x:g>",
           "WITH <urn:x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "delete data { <urn:x:a> <urn:x:b> <urn:x:c> }"]


@pytest.mark.parametrize("text", UPDATES)
def test_query_refuses_updates_without_update_flag(text, tmp_path, store_dir, capsys):
    before = _count(store_dir)
    assert _query(tmp_path, store_dir, text) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "refused" in err and "--update" in err
    assert _count(store_dir) == before


def test_query_update_flag_runs_an_update(tmp_path, store_dir, capsys):
    before = _count(store_dir)
    assert _query(tmp_path, store_dir, UPDATES[0], "--update") == 0
    assert f"{before} statements before, {before + 1} after" in capsys.readouterr().out
    assert _query(tmp_path, store_dir, "DROP ALL", "--update") == 0
    assert _count(store_dir) == 0


def test_query_update_flag_still_runs_plain_queries(tmp_path, store_dir, capsys):
    assert _query(tmp_path, store_dir, "SELECT ?id WHERE { ?d dg:docId ?id }", "--update", "--format", "csv") == 0
    assert capsys.readouterr().out.split() == ["id", "d"]


EXTERNAL = {
    "load_file": ("LOAD <file:///etc/passwd> INTO GRAPH <urn:x:g>", "--update"),
    "load_http": ("LOAD SILENT <http://127.0.0.1:9/x.ttl>", "--update"),
    "service": ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", None),
    "service_silent_var": ("SELECT * WHERE { BIND(<http://127.0.0.1:9/s> AS ?e) SERVICE SILENT ?e { ?s ?p ?o } }", None),
    "from_file": ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", None),
    "from_named_http": ("SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }", None),
    "from_prefixed": ("PREFIX f: <file:///etc/> SELECT * FROM f:passwd WHERE { ?s ?p ?o }", None),
}


@pytest.mark.parametrize("case", sorted(EXTERNAL))
def test_query_refuses_files_and_network(case, tmp_path, store_dir, capsys):
    text, flag = EXTERNAL[case]
    assert _query(tmp_path, store_dir, text, *([flag] if flag else [])) == 2
    err = capsys.readouterr().err
    assert err.startswith("diplograph: refused: ") and err.count("\n") == 1


def test_query_from_a_document_graph_is_allowed(tmp_path, store_dir, capsys):
    text = f"SELECT ?id FROM <{doc_iri('d')}> WHERE {{ ?d dg:docId ?id }}"
    assert _query(tmp_path, store_dir, text, "--format", "csv") == 0
    assert capsys.readouterr().out.split() == ["id", "d"]


def test_oxigraph_never_dereferences_from(tmp_path):
    """Even unguarded, FROM <file:...> names a (missing) graph of the store; it does not read the file."""
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8")
    store = Store()
    rows = store.select(f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}")
    assert rows == []


def test_read_only_store_refuses_writes_even_past_the_guard(store_dir):
    store = Store(store_dir, read_only=True)
    with pytest.raises(Exception):
        store.update("DROP ALL")
    assert len(store) == 1


BYPASSES = [  # each hides a keyword from a naive check; the guard reads SPARQL's own tokens
    'SELECT * WHERE { BIND("""a\\""" # """ AS ?z) SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }',
    "SELECT * WHERE { BIND('''a\\''' # ''' AS ?z) SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o FILTER(1<2)SERVICE?v{?s ?p ?o}FILTER(2>1) }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
    "SELECT * WHERE { <a:x\\u003E SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
    'SELECT * WHERE { "unterminated SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }',
    "PREFIX s: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE s:x { ?s ?p ?o } }",
    "INSERT DATA { <a:b> <a:c> <a:d> }",
    "LOAD <file:///etc/passwd>",
]


@pytest.mark.parametrize("text", BYPASSES)
def test_guard_is_not_fooled(text):
    with pytest.raises(QueryRefused):
        check_read_only(text)


@pytest.mark.parametrize("text", [
    'SELECT ?add ?delete ?load ?service ?from WHERE { ?add ?delete ?load . ?service ?from "x" }',
    'SELECT ?s WHERE { ?s dg:load "SERVICE <http://x> DROP ALL" ; <http://x.org/INSERT> ?o } # DELETE',
    "SELECT ?s WHERE { ?s ?p '''LOAD <file:///etc/passwd>''' FILTER(?s != <urn:x:SERVICE>) }",
    'ASK { ?s ?p "a\\"b SERVICE" }',
])
def test_guard_allows_keywords_in_strings_iris_comments_and_names(text):
    check_read_only(text)
    assert not is_update(text)


def test_guard_allows_every_named_query():
    from graph.pipeline import QUERIES

    for path in sorted(QUERIES.glob("*.rq")):
        check_read_only(path.read_text(encoding="utf-8"))


def test_guard_external_flag_enables_load_service_and_from():
    check_read_only("LOAD <file:///x.ttl>", allow_update=True, allow_external=True)
    check_read_only("SELECT * FROM <file:///x> WHERE { SERVICE <http://x/> { ?s ?p ?o } }", allow_external=True)
    with pytest.raises(QueryRefused):
        check_read_only("LOAD <file:///x.ttl>", allow_external=True)  # still an update


def test_guard_tokens():
    assert tokens('SELECT ?x WHERE { ?x dg:p "s" } # c') == [
        ("word", "SELECT"), ("var", "?x"), ("word", "WHERE"), ("other", "{"), ("var", "?x"), ("pname", "dg:p"),
        ("string", '"s"'), ("other", "}")]
