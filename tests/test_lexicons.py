"""The lexicons in ontology/lexicons agree with the ontology they point into."""
from rdflib import Graph
from rdflib.namespace import SKOS

from graph import vocab
from graph.gazetteer import LEXICONS
from graph.lexicons import load


def _concepts():
    g = Graph().parse(LEXICONS.parent / "plover.ttl", format="turtle")
    return set(g.subjects(SKOS.prefLabel, None))


def test_lexicons_contexts_are_plover_contexts():
    concepts = _concepts()
    assert load().contexts
    assert {vocab.context(c) for c in load().contexts.values()} <= concepts


def test_lexicons_trigger_categories_and_modes_are_plover_concepts():
    concepts = _concepts()
    for entries in load().triggers.values():
        for trig in entries:
            if trig.category == "NONE":  # an idiom guard applies only in its context
                assert trig.objects or trig.prep or trig.particle, trig.lemma
                continue
            assert vocab.category(trig.category) in concepts
            if trig.mode:
                assert vocab.mode(trig.category, trig.mode) in concepts, (trig.lemma, trig.mode)


def test_lexicons_event_gets_contexts_from_its_sentence(extract):
    f = extract("Ukraine accused Russia of shelling the nuclear plant.")
    [ev] = [e for e in f.events if e.category == "ACCUSE"]
    assert "cbrn" in ev.contexts


def test_lexicons_leaders_are_well_formed():
    from graph.gazetteer import _read_tsv, load as load_gazetteer

    gz = load_gazetteer()
    titles = set(gz.titles)
    rows = _read_tsv("leaders.tsv")
    assert len(rows) > 300
    for row in rows:
        assert len(row) in (7, 8), row
        name, code, role, first, last, surname, alone = row[:7]
        assert code in gz.countries or code == "IGO", row
        assert role in titles, row
        assert 1940 <= int(first) <= 2026 and (last == "" or int(first) <= int(last) <= 2026), row
        assert alone in ("yes", "no"), row
        assert not surname or surname.split()[-1].lower() in name.lower() or row[7:], row
    assert gz.leaders.size == len(rows)
