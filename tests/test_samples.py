"""End to end on the bundled sample articles, against hand-checked expectations."""
import pytest

from graph.demo import sample_articles
from graph.mapping import document_triples
from graph.pipeline import named_query
from graph.store import Store


@pytest.fixture(scope="module")
def store(pipeline):
    s = Store()
    for facts in pipeline.facts(sample_articles()):
        s.replace_document(facts.article.doc_id, document_triples(facts))
    return s


def _rows(store, name, doc):
    return [r for r in store.select(named_query(name)) if r["doc"] == doc]


def test_samples_people_with_roles_and_countries(store):
    rows = _rows(store, "actors", "readout-kenya-japan")
    tanabe = {(r.get("role"), r.get("country")) for r in rows if r["name"] == "Aiko Tanabe"}
    assert ("Foreign Minister", "JPN") in tanabe
    assert any(r["name"] == "Daniel Mwangi" and r.get("country") == "KEN" for r in rows)


def test_samples_meeting_with_date_and_place(store):
    rows = _rows(store, "meetings", "readout-kenya-japan")
    by_meeting = {}
    for r in rows:
        by_meeting.setdefault(r["meeting"], []).append(r)
    tanabe_mwangi = [m for m in by_meeting.values() if {r["participant"] for r in m} == {"Aiko Tanabe", "Daniel Mwangi"}]
    assert len(tanabe_mwangi) == 1
    assert {(r["date"], r["place"]) for r in tanabe_mwangi[0]} == {("2024-05-14", "Nairobi")}


def test_samples_phone_call_and_denied_meeting(store):
    rows = _rows(store, "meetings", "wire-baltic-sanctions")
    dates = {(r.get("date"), r["negated"]) for r in rows}
    assert ("2024-09-14", "false") in dates      # "spoke by telephone … on Saturday"
    assert any(r["negated"] == "true" for r in rows)  # "did not meet in person"


def test_samples_plover_events(store):
    rows = _rows(store, "events", "wire-baltic-sanctions")
    assert any(r["type"].endswith("SANCTION") and r.get("sourceCode") == "IGO" and r.get("targetCode") == "BLR"
               for r in rows)
    rows = _rows(store, "events", "un-release-ceasefire")
    assert any(r["type"].endswith("RETREAT") and r.get("sourceCode") == "SSD" for r in rows)


def test_samples_quotes_and_treaty(store):
    quotes = {(r.get("speaker"), r["quote"]) for r in _rows(store, "quotes", "un-release-ceasefire")}
    assert ("Maria Lindqvist", "This agreement shows that dialogue works") in quotes
    treaties = {r["name"] for r in _rows(store, "treaties", "un-release-ceasefire")}
    assert "Abyei Border Accord" in treaties


def test_samples_evidence_is_verbatim(store):
    texts = {a.doc_id: a.text for a in sample_articles()}
    for name in ("meetings", "events", "positions"):
        for r in store.select(named_query(name)):
            assert r["evidence"] in texts[r["doc"]]
