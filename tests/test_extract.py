"""Extraction on fresh sentences written for these tests (not the sample articles)."""


def _people(facts):
    return {a.name: a for a in facts.actors.values() if a.kind == "Person"}


def test_extract_person_role_and_country_from_premodifiers(extract):
    f = extract("German Foreign Minister Karla Weber arrived in Ottawa on Monday.")
    weber = _people(f)["Karla Weber"]
    assert weber.roles == ["Foreign Minister"] and weber.country == "DEU"


def test_extract_person_role_from_apposition(extract):
    f = extract("Talks were led by Li Wen, China's top negotiator, and lasted two days.")
    li = _people(f)["Li Wen"]
    assert li.country == "CHN" and li.roles == ["top negotiator"]


def test_extract_surname_mentions_are_one_actor(extract):
    f = extract("French President Paul Renard spoke first. Mr. Renard then left the hall. Renard did not return.")
    assert [a.name for a in f.actors.values() if a.kind == "Person"] == ["Paul Renard"]


def test_extract_byline_is_not_an_actor(extract):
    f = extract("Brazil and Argentina signed the pact.\n—Jane Q. Writer contributed to this article.")
    assert "Jane Q. Writer" not in _people(f)


def test_extract_countries_from_names_and_capitals(extract):
    f = extract("Tokyo protested to Seoul after the U.S. warned both sides.")
    events = {(e.category, tuple(s.code for s in e.sources)) for e in f.events}
    assert ("ACCUSE", ("JPN",)) in events
    assert {"country/JPN", "country/USA"} <= set(f.actors)


def test_extract_request_with_object_control(extract):
    f = extract("Canadian Prime Minister John Ashby urged Venezuela to release the detained journalists.")
    [ev] = [e for e in f.events if e.category == "REQUEST"]
    assert ev.sources[0].key == "person/john-ashby" and ev.targets[0].code == "VEN"
    assert not any(e.category == "RETREAT" for e in f.events)  # the release is only asked for


def test_extract_future_cooperation_is_agree(extract):
    f = extract("Norway will provide emergency aid to Yemen.")
    assert [(e.category, e.modality) for e in f.events] == [("AGREE", "future")]


def test_extract_threat_to_cut_ties(extract):
    f = extract("Algeria threatened to cut diplomatic ties with Morocco.")
    assert [(e.category, e.sources[0].code, e.targets[0].code) for e in f.events] == [("THREATEN", "DZA", "MAR")]


def test_extract_negated_event_is_flagged(extract):
    f = extract("Egypt did not attack Sudan.")
    [ev] = f.events
    assert ev.category == "ASSAULT" and ev.negated


def test_extract_meeting_with_place_date_and_participants(extract):
    f = extract("Italian Prime Minister Sofia Conti met Turkish President Emre Aksoy in Ankara on Tuesday.",
                date="2024-05-16")
    [m] = f.meetings
    assert {p.key for p in m.participants} == {"person/sofia-conti", "person/emre-aksoy"}
    assert m.date == "2024-05-14" and f.actors[m.place].name == "Ankara" and not m.negated


def test_extract_negated_meeting(extract):
    f = extract("Dutch Foreign Minister Anna de Vries and Polish Foreign Minister Jan Nowak did not meet privately.")
    [m] = f.meetings
    assert m.negated


def test_extract_quote_with_attribution_after(extract):
    f = extract('Spanish Foreign Minister Elena Ruiz spoke to reporters. "We will not accept this," Ms. Ruiz said.')
    [q] = f.quotes
    assert q.text == "We will not accept this" and q.speaker.key == "person/elena-ruiz"


def test_extract_quote_with_pronoun_speaker_continues(extract):
    text = ("Chilean President Luis Mora addressed the assembly.\n"
            "\u201cThe region needs peace,\u201d he said. \u201cWe must talk to each other.\u201d")
    f = extract(text)
    assert [(q.speaker.key, q.text) for q in f.quotes] == [
        ("person/luis-mora", "The region needs peace"), ("person/luis-mora", "We must talk to each other.")]


def test_extract_neutral_position(extract):
    f = extract("Switzerland has maintained a neutral stance on the dispute.")
    [p] = f.positions
    assert (p.holder.code, p.stance, p.issue) == ("CHE", "neutral", "dispute")


def test_extract_treaty_and_lifecycle(extract):
    f = extract("Russia suspended its participation in the New START treaty on Tuesday.", date="2023-02-23")
    assert "treaty/new-start" in f.treaties
    [action] = f.treaty_actions
    assert action.action == "suspend" and action.actors[0].code == "RUS" and action.date == "2023-02-21"


def test_extract_reciprocal_accusations_run_both_ways(extract):
    f = extract("Chile and Peru traded accusations over the border incident.")
    pairs = {(e.sources[0].code, e.targets[0].code) for e in f.events if e.category == "ACCUSE"}
    assert pairs == {("CHL", "PER"), ("PER", "CHL")}


def test_extract_warning_that_reports_a_view_is_no_threat(extract):
    f = extract("Brazilian President Ana Souza warned that countries were failing the poorest nations.")
    assert not [e for e in f.events if e.category == "THREATEN"]


def test_extract_participle_with_agent_is_passive(extract):
    f = extract("Kenya welcomed the truce brokered by Ethiopia.")
    assert not any(e.sources and e.sources[0].code == "KEN" and e.category != "SUPPORT" for e in f.events)


def test_extract_relative_pronoun_through_reported_clause(extract):
    f = extract("Officials discussed Canadian diplomat Tom Brady, who Canada says has been detained by Iran since 2019.",
                date="2024-01-10")
    [ev] = [e for e in f.events if e.category == "COERCE"]
    assert ev.sources[0].code == "IRN" and ev.targets[0].key == "person/tom-brady" and ev.date == "2019"


def test_extract_names_with_initials_and_titles_inside_entities(extract):
    f = extract("Secretary of State Antony J. Blinken met Spokesperson Matthew Miller.")
    names = {a.name for a in f.actors.values() if a.kind == "Person"}
    assert "Antony J. Blinken" in names and "Matthew Miller" in names
    assert f.actors["person/antony-j-blinken"].country == "USA"


def test_extract_headline_names_need_the_body(extract):
    text = "Minister Condemns Attack on Convoy\nThe minister spoke on Monday in Lagos."
    f = extract(text, title="Minister Condemns Attack on Convoy")
    assert not [a for a in f.actors.values() if a.kind == "Person"]


def _actors_with_date(pipeline, text: str, date: str | None):
    from graph.extract.actors import extract_actors

    ex = pipeline.extractor
    return extract_actors(pipeline.nlp(text), ex.gz, ex.titles, date=date).actors


def test_extract_leader_dictionary_gives_a_bare_surname_its_country(extract):
    f = extract("Yeltsin rejected the proposal and left the summit early.", date="1996-05-02")
    assert _people(f)["Yeltsin"].country == "RUS"


def test_extract_leader_dictionary_needs_a_title_for_a_common_surname(extract, pipeline):
    titled = extract("Prime Minister Brown flew to Dublin for the talks.", date="2008-02-01")
    assert _people(titled)["Brown"].country == "GBR"
    untitled = extract("Brown flew to Dublin for the talks.", date="2008-02-01")
    assert "GBR" not in {p.country for p in _people(untitled).values()}
    # "President Lee" names leaders of two states: the date tells which
    text = "President Lee spoke to the farmers."
    assert _actors_with_date(pipeline, text, None)["person/lee"].country is None
    assert _actors_with_date(pipeline, text, "2010-05-05")["person/lee"].country == "KOR"
    assert _actors_with_date(pipeline, text, "1995-05-05")["person/lee"].country == "TWN"


def test_extract_leader_dictionary_matches_spelling_slips_of_the_full_name(extract):
    f = extract("Abdelaziz Bouteflicka promised a new constitution.")
    assert _people(f)["Abdelaziz Bouteflicka"].country == "DZA"


def test_extract_leader_dictionary_text_country_wins(extract):
    f = extract("Canadian Prime Minister Ronald Reagan opened the fair.")  # a namesake the text places
    assert _people(f)["Ronald Reagan"].country == "CAN"


def test_extract_leader_dictionary_ignores_namesakes_with_other_given_names(extract):
    f = extract("Priya Gandhi, a student, joined the march.")
    assert _people(f)["Priya Gandhi"].country is None


def test_extract_leader_dictionary_never_creates_people(extract):
    f = extract("Moscow and Minsk signed a gas deal.")
    assert not _people(f)


def test_extract_leader_dictionary_role_and_date(pipeline):
    # the date picks the post; a role the text gives is kept
    actors = _actors_with_date(pipeline, "Jens Stoltenberg arrived in Oslo.", "2019-06-01")
    assert actors["person/jens-stoltenberg"].code == "IGO"
    assert actors["person/jens-stoltenberg"].roles == ["secretary-general"]
    actors = _actors_with_date(pipeline, "Jens Stoltenberg arrived in Oslo.", "2009-06-01")
    assert actors["person/jens-stoltenberg"].country == "NOR"
    actors = _actors_with_date(pipeline, "Tony Blair spoke at the forum.", "2015-03-01")
    assert actors["person/tony-blair"].roles == ["former prime minister"]
    actors = _actors_with_date(pipeline, "Envoy Tony Blair spoke at the forum.", "2015-03-01")
    assert actors["person/tony-blair"].roles == ["Envoy"]


def test_extract_counterpart_country_is_not_the_officials(extract):
    f = extract("President Ardell Monk threatened sanctions against Peru.")
    assert _people(f)["Ardell Monk"].country is None
    f = extract("President Ardell Monk announced a curfew in Peru.")
    assert _people(f)["Ardell Monk"].country == "PER"
    f = extract("President Ardell Monk banned Peruvian opposition rallies.")
    assert _people(f)["Ardell Monk"].country == "PER"


def test_extract_official_speaks_for_the_state_body_just_named(extract):
    f = extract("Norway's foreign ministry replied on Friday. Spokeswoman Ingrid Solvang said the claims were false.")
    assert _people(f)["Ingrid Solvang"].country == "NOR"
    f = extract("Norway rejected the claims. Spokeswoman Ingrid Solvang said they were false.")
    assert _people(f)["Ingrid Solvang"].country is None  # a bare country may be a counterpart


def test_extract_organisation_and_occupation_give_role_and_country(extract):
    f = extract("The release of WNBA star Dana Kroll was announced on Friday.")
    kroll = _people(f)["Dana Kroll"]
    assert kroll.roles == ["WNBA star"] and kroll.country == "USA"
    f = extract("Premier League footballer Tom Ashby met the minister.")
    assert _people(f)["Tom Ashby"].country == "GBR" and "League" not in _people(f)


def test_extract_given_name_the_tagger_left_out(extract):
    f = extract("The former minister, Héctor Bocanegra Ruiz, was granted asylum last month.")
    assert _people(f)["Héctor Bocanegra Ruiz"].roles == ["former minister"]


def test_extract_a_person_known_by_an_inner_name_is_one_actor(extract):
    f = extract("Bolivian President Juan Evo Morales Ayma met Peru's foreign minister on Monday. "
                "\"We agreed on the border,\" Morales told reporters.")
    assert [a.name for a in _people(f).values()] == ["Juan Evo Morales Ayma"]
    assert [q.speaker.key for q in f.quotes] == ["person/juan-evo-morales-ayma"]


def test_extract_a_capital_the_tagger_took_for_a_person_is_its_state(extract):
    f = extract("Chilean Foreign Minister Rosa Lagos said Buenos Aires supports the fisheries accord.")
    assert [(p.holder.code, p.stance) for p in f.positions] == [("ARG", "support")]


def test_extract_a_news_agency_credited_in_the_dateline_is_no_actor(extract):
    f = extract("Talks resume\n\nLIMA, May 2 (Reuters) - Peru and Chile resumed talks on Tuesday.")
    assert "org/reuters" not in {k for k, a in f.actors.items() if a.mentioned}
    f = extract("Talks resume\n\nReuters reported that Peru and Chile resumed talks on Tuesday.")
    assert "org/reuters" in f.actors


def test_extract_an_agency_the_lexicon_does_not_know_credited_in_the_dateline_is_no_actor(extract):
    f = extract("Talks resume\n\nLIMA (AP) \u2014 Peru and Chile resumed talks on Tuesday.")
    assert {a.name for a in f.actors.values() if a.mentioned} == {"Lima", "Peru", "Chile"}


def test_extract_an_invitation_to_visit_is_no_meeting_held(extract):
    f = extract("Talks\n\nPresident Anna Berg of Sweden spoke by phone with Chancellor Olaf Weiss of Austria. "
                "President Berg invited Chancellor Weiss to visit Stockholm in May.")
    assert [sorted(p.key for p in m.participants) for m in f.meetings] == [
        ["person/anna-berg", "person/olaf-weiss"]]


def test_extract_a_title_of_a_country_keeps_no_dangling_preposition(extract):
    f = extract("Talks\n\nThe talks were opened by the President of Ghana, Kofi Mensah, on Monday.")
    mensah = _people(f)["Kofi Mensah"]
    assert mensah.roles == ["President"] and mensah.country == "GHA"


def test_extract_the_leaders_after_a_call_are_those_who_spoke(extract):
    f = extract("Talks\n\nPrime Minister Ida Lund of Denmark spoke by phone with President Tomas Varga of Hungary. "
                "The leaders agreed to expand energy cooperation.")
    agree = [e for e in f.events if e.category == "AGREE"]
    assert agree and {s.key for s in agree[0].sources} == {"person/ida-lund", "person/tomas-varga"}


def test_extract_the_two_governments_are_the_pair_the_text_names_most(extract):
    f = extract("Row\n\nEcuador expelled Colombia's ambassador on Monday. Colombia said Ecuador had broken "
                "international law. Ecuador denied it. Brazil urged the two governments to restore dialogue.")
    [req] = [e for e in f.events if e.category == "REQUEST"]
    assert {t.code for t in req.targets} == {"ECU", "COL"}


def test_extract_a_treaty_name_runs_through_in_but_not_into_a_place(extract):
    f = extract("Pact\n\nPeru and Chile ratified the Convention on Cooperation in Customs Matters on Monday. "
                "Bolivia and Paraguay signed the Agreement on Energy Trade in Asuncion.")
    assert {t.name for t in f.treaties.values()} == {"Convention on Cooperation in Customs Matters",
                                                     "Agreement on Energy Trade"}
    assert not [a for a in f.actors.values() if a.kind == "Organization"]


def test_extract_a_quote_after_a_speech_act_is_its_speaker(extract):
    f = extract("Talks\n\nIndian Defence Minister Ravi Menon warned on Monday that India \u201cwill respond with force if attacked.\u201d")
    assert [(q.speaker.key, q.text) for q in f.quotes] == [("person/ravi-menon", "will respond with force if attacked.")]


def test_extract_a_quote_of_a_coordinated_verb_has_the_shared_subject(extract):
    f = extract("Talks\n\nPolish Foreign Minister Jan Nowak thanked the allies but called the delay \"a betrayal of Kyiv.\"")
    assert [q.speaker.key for q in f.quotes] == ["person/jan-nowak"]


def test_extract_an_ambassador_to_a_country_is_not_of_it(extract):
    f = extract("Talks\n\nBritish Ambassador to the Philippines Laura Finch met officials in Manila on Monday.")
    finch = _people(f)["Laura Finch"]
    assert finch.roles == ["Ambassador"] and finch.country == "GBR"


def test_extract_a_tally_of_earlier_contacts_is_no_meeting(extract):
    f = extract("Talks\n\nPresident Anna Berg of Sweden met Chancellor Olaf Weiss of Austria in Vienna on Monday. "
                "The two leaders had spoken twice by phone since the election.")
    assert len(f.meetings) == 1 and f.meetings[0].place is not None


def test_extract_travel_for_talks_with_someone_is_a_meeting(extract):
    f = extract("Talks\n\nA Bolivian delegation flew to Lima for talks with Peruvian officials.")
    assert [sorted(p.code for p in m.participants) for m in f.meetings] == [["BOL", "PER"]]
    f = extract("Talks\n\nBolivia called for talks with Peruvian officials.")
    assert f.meetings == []


def test_extract_receiving_a_visitor_is_a_meeting(extract):
    f = extract("Visit\n\nThe Kenyan president received the Ugandan foreign minister in Nairobi.")
    assert [sorted(p.code for p in m.participants) for m in f.meetings] == [["KEN", "UGA"]]
    f = extract("Visit\n\nKenya received a shipment of vaccines from Uganda.")
    assert f.meetings == []


def test_extract_a_continent_is_no_mention_of_the_country_inside_it(extract):
    f = extract("Trade\n\nChile is the largest copper exporter in South America, Peru said.")
    assert {a.code for a in f.actors.values() if a.kind == "Country"} == {"CHL", "PER"}


def test_extract_a_sea_or_lake_is_no_mention_of_the_country_in_its_name(extract):
    f = extract("Patrols\n\nChile accused Peru of sending boats into the South China Sea, the Gulf of Mexico "
                "and Lake Chad.")
    assert {a.code for a in f.actors.values() if a.kind == "Country"} == {"CHL", "PER"}
    assert [(e.category, [t.code for t in e.targets]) for e in f.events] == [("ACCUSE", ["PER"])]


def test_extract_a_post_set_off_before_a_titled_name_gives_the_state(extract):
    f = extract("Offer\n\nChile's military ruler, General Rosa Vidal, rejected the offer.")
    person = _people(f)["Rosa Vidal"]
    assert (person.country, person.roles) == ("CHL", ["General", "military ruler"])
    assert [(e.category, [s.code for s in e.sources]) for e in f.events] == [("REJECT", ["CHL"])]


def test_extract_a_title_of_two_portfolios_keeps_its_country(extract):
    f = extract("Mines\n\nPeru's mines and energy minister, Rosa Quispe, said exports would rise.")
    assert _people(f)["Rosa Quispe"].country == "PER"


def test_extract_officials_named_after_a_title_and_comma(extract):
    f = extract("Vote\n\nNorway's envoy to the United Nations, Tove Rasmussen, said the draft was weak. "
                "The EU trade commissioner, Petra Lindqvist, said the same.")
    people = _people(f)
    assert (people["Tove Rasmussen"].country, people["Tove Rasmussen"].roles) == ("NOR", ["envoy"])
    assert people["Petra Lindqvist"].code == "IGO"


def test_extract_new_york_is_the_city(extract):
    f = extract("Talks\n\nThe Kenyan and Somali foreign ministers met in New York on Monday.")
    assert [f.actors[m.place].name for m in f.meetings] == ["New York City"]


def test_extract_a_name_the_tagger_took_for_an_organisation_after_a_title(extract):
    f = extract("Vote\n\nRussia's deputy ambassador, Dmitry Polyanskiy, said the draft interfered in Sudan's affairs.")
    assert _people(f)["Dmitry Polyanskiy"].country == "RUS"
    assert not any(a.name == "Dmitry Polyanskiy" for a in f.actors.values() if a.kind == "Organization")


def test_extract_a_treaty_signed_in_the_passive_has_its_agents_as_parties(extract):
    f = extract("Border\n\nThe Andean Fisheries Treaty was signed in Lima on Monday by Chile and Peru.")
    assert sorted(p for t in f.treaties.values() for p in t.parties) == ["country/CHL", "country/PER"]


def test_extract_a_post_of_one_state_among_joined_titles_gives_the_country(extract):
    f = extract("Talks\n\nOn Monday, State Councillor and Foreign Minister Li Wenbo held talks with the Nepali envoy.")
    assert _people(f)["Li Wenbo"].country == "CHN"


def test_extract_the_same_day_is_the_date_given_last(extract):
    f = extract("Talks\n\nOn March 3, 2021, Chile and Peru signed a trade agreement. "
                "On the same day, Bolivia expelled the Paraguayan ambassador.", date="2021-03-10")
    assert [(e.category, e.date) for e in f.events] == [("AGREE", "2021-03-03"), ("SANCTION", "2021-03-03")]



def test_extract_a_quoted_phrase_the_sentence_runs_on_after_is_no_quote(extract):
    f = extract('Tariffs\n\nThe farmers said Chile had imposed "illegal, cruel and unjust" tariffs on their crops. '
                '"We will never accept these tariffs on our crops," a banner read.')
    assert [q.text for q in f.quotes] == ["We will never accept these tariffs on our crops"]


def test_extract_a_word_quoted_as_a_label_is_no_quote(extract):
    f = extract('Claims\n\nPeru dismissed the report as "unfounded", Foreign Minister Elmer Schialer said. '
                '"We have nothing to hide," she added.')
    assert [q.text for q in f.quotes] == ["We have nothing to hide"]


def test_extract_it_can_stand_for_a_state_with_a_plural_name(extract):
    f = extract("Mining\n\nThe Marshall Islands said it supported the ban on seabed mining.")
    assert [(p.holder.code, p.stance) for p in f.positions] == [("MHL", "support")]


def test_extract_a_summit_is_held_by_the_body_whose_leaders_met(extract):
    f = extract("Summit\n\nLeaders of the African Union ended their annual two-day summit in Accra on Thursday. "
                "Ghana's Foreign Minister Ama Mensah met Togo's Foreign Minister Kofi Agbo on the sidelines "
                "of the summit on Wednesday.")
    summit = next(m for m in f.meetings if m.mode == "multilateral")
    talks = next(m for m in f.meetings if m.mode != "multilateral")
    assert [p.key for p in summit.participants][0] == "org/african-union"
    assert (summit.date, talks.date) == ("2024-05-16", "2024-05-15")
    assert f.meetings[talks.parent] is summit


def test_meeting_named_by_their_after_the_pair_it_stands_for(extract):
    """"a statement released after their meeting": the pronoun's pair met."""
    held = extract("Ghanaian President John Mahama and Ivorian President Alassane Ouattara signed a border agreement "
                   "in Accra on Monday. The two leaders also agreed to expand cooperation on energy, according to "
                   "a joint statement released after their meeting.")
    assert [sorted(p.text for p in m.participants) for m in held.meetings] == [["Alassane Ouattara", "John Mahama"]]
    ahead = extract("Ghanaian President John Mahama and Ivorian President Alassane Ouattara signed a border agreement "
                    "in Accra on Monday. The two leaders will issue a statement ahead of their meeting.")
    assert ahead.meetings == []
