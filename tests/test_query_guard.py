import pytest

from graph.query_guard import QueryRefused, check_read_only


@pytest.mark.parametrize("query", [
    "DELETE WHERE { ?s ?p ?o }",
    "INSERT DATA { <a:b> <a:c> <a:d> }",
    "LOAD <file:///etc/passwd>",
    "DROP ALL",
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
])
def test_query_guard_refuses_writes_and_federation(query):
    with pytest.raises(QueryRefused):
        check_read_only(query)


def test_query_guard_allows_keywords_inside_strings_and_iris():
    check_read_only('SELECT ?s WHERE { ?s ?p "please DELETE this" . ?s <http://x.org/INSERT> ?o } # DROP')
