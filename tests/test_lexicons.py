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
                assert trig.objects or trig.prep or trig.particle or trig.xcomp, trig.lemma
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


def test_lexicons_word_classes_are_well_formed():
    from graph.lexicons import _word_classes, word_map

    lines = [ln for ln in (LEXICONS / "word_classes.tsv").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    names = [ln.split("\t")[0] for ln in lines]
    assert len(names) == len(set(names)) == len(_word_classes())
    for line in lines:
        name, entries, purpose = line.split("\t")
        words = [w.strip() for w in entries.split(",")]
        assert purpose.strip() and all(words) and len(words) == len(set(words)), name
        assert all(w.partition(":")[0] == w.partition(":")[0].lower() for w in words), name
    categories = {c for c in word_map("noun_acts").values()}
    assert categories <= {"ACCUSE", "REQUEST", "THREATEN"}
    assert set(word_map("commitments").values()) == {"promise", "threat", "refusal", "failure"}
    assert all(int(days) in (-1, 0, 1) for days in word_map("day_shifts").values())
