"""PLOVER event coding on fresh sentences written for these tests."""


def _events(facts):
    return [(e.category, sorted(s.code for s in e.sources if s.code), sorted(t.code for t in e.targets if t.code))
            for e in facts.events if not e.negated]


def test_group_noun_with_demonym_is_the_country(extract):
    evs = _events(extract("Kenyan soldiers shelled rebel positions near the town on Tuesday."))
    assert evs and evs[0][0] == "ASSAULT" and evs[0][1] == ["KEN"]


def test_group_noun_with_country_in_prepositional_phrase(extract):
    evs = _events(extract("Police in Peru arrested forty Bolivian smugglers on Monday."))
    assert ("COERCE", ["PER"], ["BOL"]) in evs


def test_plural_demonym_is_a_people(extract):
    evs = _events(extract("Thousands of Chileans staged a protest against the new tax law in Santiago."))
    assert evs and evs[0][0] == "PROTEST" and evs[0][1] == ["CHL"]


def test_they_resolves_to_the_last_plural_group(extract):
    evs = _events(extract("Colombian rebels said on Friday they would boycott the regional elections."))
    assert [e[0] for e in evs] == ["THREATEN"] and evs[0][1] == ["COL"]


def test_passive_with_agent(extract):
    evs = _events(extract("A village in Chad was attacked by Sudanese gunmen on Sunday."))
    assert evs and evs[0][0] == "ASSAULT" and evs[0][1] == ["SDN"]


def test_agentless_passive_assault_keeps_the_victims(extract):
    evs = _events(extract("Five Somali fishermen were killed in an explosion near the port."))
    assert evs and evs[0][0] == "ASSAULT" and evs[0][2] == ["SOM"]


def test_country_word_on_the_object_is_the_target(extract):
    evs = _events(extract("Chile rejected a Peruvian proposal on the maritime border."))
    assert ("REJECT", ["CHL"], ["PER"]) in evs


def test_must_clause_under_reporting_verb_is_a_request(extract):
    evs = _events(extract("Norway said on Monday that Sweden must reopen its border crossings."))
    assert evs and evs[0][0] == "REQUEST" and evs[0][1] == ["NOR"] and evs[0][2] == ["SWE"]


def test_participle_clause_is_not_a_second_event(extract):
    evs = _events(extract("Angolan troops attacked a rebel base, killing twelve fighters."))
    assert [e[0] for e in evs] == ["ASSAULT"]


def test_sentence_without_codable_event_yields_none(extract):
    assert _events(extract("Portuguese farmers harvested a record olive crop this autumn.")) == []
