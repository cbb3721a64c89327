"""PLOVER JSON and CSV event exports follow the manual's field list."""
import csv
import json

from graph.facts import Actor, ActorRef, Article, DocumentFacts, Event, Evidence
from graph.mapping import document_triples
from graph.plover_export import ENTITY_FIELDS, RECORD_FIELDS, REQUIRED_FIELDS, plover_records, write_event_csv, write_plover_jsonl
from graph.store import Store


def _store():
    text = "Egypt urged Israel and Hamas to accept a truce. Egypt did not attack."
    art = Article("d1", text, "t", "2024-02-03")
    facts = DocumentFacts(article=art, actors={
        "country/EGY": Actor("country/EGY", "Country", "Egypt", code="EGY", country="EGY"),
        "country/ISR": Actor("country/ISR", "Country", "Israel", code="ISR", country="ISR"),
        "org/hamas": Actor("org/hamas", "Organization", "Hamas", code="PSE", country="PSE", sector="REB")})
    first = Evidence(text[:47], 0, 47)
    facts.events = [
        Event("REQUEST", [ActorRef("country/EGY", "Egypt", "EGY", "GOV")],
              [ActorRef("country/ISR", "Israel", "ISR"), ActorRef("org/hamas", "Hamas", "PSE", "REB")],
              first, "urged", mode="yield", contexts=["diplomatic"]),
        Event("ASSAULT", [ActorRef("country/EGY", "Egypt", "EGY")], [], Evidence(text[48:], 48, len(text)),
              "attack", negated=True, modality="negated"),
    ]
    store = Store()
    store.replace_document("d1", document_triples(facts))
    return store


def test_plover_export_fields_follow_the_manual():
    [rec] = plover_records(_store())
    assert set(rec) <= set(RECORD_FIELDS)
    assert all(rec[f] not in (None, "", []) for f in REQUIRED_FIELDS)
    for entity in rec["actor"] + rec["recipient"]:
        assert set(entity) <= set(ENTITY_FIELDS)


def test_plover_export_compound_recipient_is_one_event():
    [rec] = plover_records(_store())
    assert rec["event"] == ["REQUEST"] and rec["mode"] == ["yield"] and rec["context"] == ["diplomatic"]
    assert [e["code"] for e in rec["actor"]] == ["EGY"] and rec["actor"][0]["sector"] == "GOV"
    assert sorted(e["code"] for e in rec["recipient"]) == ["ISR", "PSE"]
    assert rec["quad_code"] == 3 and rec["event_scale"] == -1.0  # REQUEST-yield in the manual's table
    assert rec["date"] == "2024-02-03" and rec["text_info"] == {"start": 0, "end": 47}


def test_plover_export_negated_events_are_left_out_unless_asked():
    store = _store()
    assert len(plover_records(store)) == 1
    recs = plover_records(store, include_negated=True)
    assert [r["has_event"] for r in recs] == [True, False]


def test_plover_export_files(tmp_path):
    store = _store()
    assert write_plover_jsonl(store, tmp_path / "e.jsonl") == 1
    assert json.loads((tmp_path / "e.jsonl").read_text().splitlines()[0])["event"] == ["REQUEST"]
    assert write_event_csv(store, tmp_path / "e.csv") == 1
    [row] = list(csv.DictReader(open(tmp_path / "e.csv", encoding="utf-8")))
    assert row["recipient_code"] in ("ISR;PSE", "PSE;ISR") and row["event"] == "REQUEST"
