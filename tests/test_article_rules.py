"""Meetings, title holders, treaty names and datelines, on fresh sentences written for these tests."""


def _meetings(facts):
    return [sorted(p.text for p in m.participants) for m in facts.meetings if not m.negated]


def test_separate_meetings_with_a_and_with_b_hung_on_the_verb(extract):
    facts = extract("Norwegian Foreign Minister Kari Dahl held separate talks on Monday with Chilean "
                    "Foreign Minister Luis Parra and with Peruvian Foreign Minister Rosa Vidal.")
    meetings = _meetings(facts)
    assert len(meetings) == 2
    assert all("Kari Dahl" in m for m in meetings)
    assert {p for m in meetings for p in m} >= {"Luis Parra", "Rosa Vidal"}


def test_title_with_country_possessive_is_the_one_holder_named(extract):
    facts = extract("Peru's deputy foreign minister, Rosa Vidal, arrived in Oslo. Norwegian Foreign Minister "
                    "Kari Dahl met Peru's deputy foreign minister on Monday.")
    keys = {p.key for m in facts.meetings for p in m.participants}
    vidal = next(a.key for a in facts.actors.values() if a.name == "Rosa Vidal")
    assert vidal in keys


def test_treaty_names_keep_their_small_words():
    from graph.extract.treaties import named_treaties
    from graph.gazetteer import load

    def names(text):
        return [name for _, _, name in named_treaties(text, load())]

    assert names("They signed the Lake Chad Cessation of Hostilities Agreement on Friday.") == \
        ["Lake Chad Cessation of Hostilities Agreement"]
    assert names("They signed an Agreement on the Protection of Migratory Birds in Lima.") == \
        ["Agreement on the Protection of Migratory Birds"]
    assert names("Under the Lusaka Protocol, both sides disarmed.") == ["Lusaka Protocol"]
    assert names("The pact was renewed on Monday.") == []
    assert names("The leaders signed the Apia Declaration on Coastal Fisheries.") == \
        ["Apia Declaration on Coastal Fisheries"]


def test_the_words_closing_a_declaration_name_are_no_organisation(extract):
    facts = extract("Samoa and Tonga signed the Apia Declaration on Coastal Fisheries on Friday.")
    assert [t.name for t in facts.treaties.values()] == ["Apia Declaration on Coastal Fisheries"]
    assert not [a for a in facts.actors.values() if a.kind == "Organization"]


def test_named_treaty_with_small_words_is_extracted(extract):
    facts = extract("Chile and Peru signed the Agreement on the Protection of Migratory Birds on Friday.")
    assert any(t.name == "Agreement on the Protection of Migratory Birds" for t in facts.treaties.values())


def test_recent_meeting_takes_the_dateline_city(extract):
    facts = extract("Talks in Oslo\nOSLO — Chilean Foreign Minister Luis Parra met Peruvian Foreign Minister "
                    "Rosa Vidal on Monday.", date="2024-05-15", title="Talks in Oslo")
    assert [facts.actors[m.place].name for m in facts.meetings if m.place] == ["Oslo"]
    late = extract("Talks in Oslo\nOSLO — Chilean Foreign Minister Luis Parra met Peruvian Foreign Minister "
                   "Rosa Vidal on March 3.", date="2024-05-15", title="Talks in Oslo")
    assert [m.place for m in late.meetings] == [None]  # weeks earlier: the dateline says nothing


def test_stance_carried_by_its_preposition(extract):
    def positions(text):
        return [(p.holder.text, p.stance, p.issue) for p in extract(text).positions]

    assert positions("Poland stood against the annexation of Crimea.") == [("Poland", "oppose", "annexation of Crimea")]
    assert positions("Ecuador stands firmly with Peru on the border question.")[0][:2] == ("Ecuador", "support")
    assert positions("Hungary did not stand with Kyiv.") == []
    assert positions("The Peruvian minister stood at the podium.") == []


def test_an_administration_named_after_a_leader_is_his_country(extract):
    facts = extract("The Macron administration imposed sanctions on Mali.", date="2022-05-02")
    sanctions = [e for e in facts.events if e.category == "SANCTION"]
    assert sanctions and [s.code for s in sanctions[0].sources] == ["FRA"]
    assert "country/FRA" in facts.actors


def test_adhering_to_a_policy_is_support_and_a_refused_text_holds_no_stance(extract):
    assert [(p.holder.text, p.stance, p.issue) for p in
            extract("Laos firmly adheres to the one-China policy.").positions] == [("Laos", "support", "one-China policy")]
    assert extract("Varga said he could not endorse wording committing the bloc to back Moldova.").positions == []


def _codes(facts, category):
    return [([s.code for s in e.sources], [t.code for t in e.targets]) for e in facts.events if e.category == category]


def test_reaction_to_the_measures_targets_the_author_of_the_last_deed(extract):
    """"the measures as illegal": the "as" phrase does not say whose, so the last act told does."""
    facts = extract("Canada imposed new sanctions on Venezuela on Monday. Venezuela denounced the measures as illegal.")
    assert (["VEN"], ["CAN"]) in _codes(facts, "ACCUSE")


def test_reaction_to_the_decision_skips_what_was_said_about_it(extract):
    """"the decision" is the deed, not the last accusation told about it."""
    facts = extract("Norway expelled two Russian diplomats on Tuesday. Russia condemned the expulsions. "
                    "Belarus called the decision a hostile step.")
    accusations = _codes(facts, "ACCUSE")
    assert (["BLR"], ["NOR"]) in accusations and (["BLR"], ["RUS"]) not in accusations


def test_persona_non_grata_is_an_expulsion_active_passive_and_announced(extract):
    active = extract("Peru declared Bolivia's consul persona non grata on Friday.")
    assert (["PER"], ["BOL"]) in _codes(active, "SANCTION")
    passive = extract("The Bolivian consul was declared persona non grata by Peru.")
    assert (["PER"], ["BOL"]) in _codes(passive, "SANCTION")
    announced = extract("Peru said that Bolivia's consul, Ana Quispe, had been declared persona non grata.")
    assert [s for s, _ in _codes(announced, "SANCTION")] == [["PER"]]


def test_an_announced_passive_is_the_announcers_only_for_sanctions(extract):
    """A state reporting that people were killed did not kill them."""
    facts = extract("Peru said three Bolivian soldiers had been killed near the border.")
    assert all("PER" not in s for s, _ in _codes(facts, "ASSAULT"))


def test_drills_off_or_east_of_a_country_are_aimed_at_it(extract):
    east = extract("Turkish warships held three days of naval drills west of Cyprus.")
    assert (["TUR"], ["CYP"]) in _codes(east, "MOBILIZE")
    alone = extract("Turkish warships held three days of naval drills on Monday.")
    assert (["TUR"], []) in _codes(alone, "MOBILIZE")


def test_headline_title_gives_the_person_named_again_in_the_body_a_role_and_country(extract):
    title = "Norway Hosts Talks with Chilean Foreign Minister Luis Parra Bravo"
    text = title + "\nOn Monday, Luis Parra Bravo held talks in Oslo with his Norwegian counterpart.\n"
    facts = extract(text, title=title)
    parra = next(a for a in facts.actors.values() if a.name == "Luis Parra Bravo")
    assert parra.country == "CHL" and "Foreign Minister" in parra.roles


def test_a_person_known_by_the_first_name_is_that_person_when_the_word_stands_alone(extract):
    facts = extract("Thai Prime Minister Anutin Charnvirakul met Laotian President Thongloun Sisoulith on Monday.\n"
                    "\"We trust each other,\" Anutin said. Anutin later criticised the tariffs imposed by Washington.")
    assert [(q.speaker.key if q.speaker else None) for q in facts.quotes] == ["person/anutin-charnvirakul"]
    assert (["THA"], ["USA"]) in _codes(facts, "ACCUSE")


def test_a_first_name_inside_another_name_is_not_that_person(extract):
    facts = extract("French President Emmanuel Macron met Chad's President Idriss Deby on Monday.\n"
                    "\"We trust each other,\" said Emmanuel Todd, a historian.")
    assert all(q.speaker is None or q.speaker.key != "person/emmanuel-macron" for q in facts.quotes)


def test_a_body_the_text_says_belongs_to_a_state_carries_its_code(extract):
    facts = extract("Ghana's Ministry of Foreign Affairs and Togo's Ministry of Foreign Affairs traded accusations. "
                    "The Electoral Commission of Ghana rejected the claims by Togo.")
    assert (["GHA"], ["TGO"]) in _codes(facts, "ACCUSE") and (["TGO"], ["GHA"]) in _codes(facts, "ACCUSE")
    ministries = sorted((a.name, a.country) for a in facts.actors.values() if a.name == "Ministry of Foreign Affairs")
    assert ministries == [("Ministry of Foreign Affairs", "GHA"), ("Ministry of Foreign Affairs", "TGO")]


def test_a_name_runs_on_past_its_particle(extract):
    """"Ursula von der" + "Leyen": the tagger cut the name after "der" and took "Leyen" for a place."""
    facts = extract("Commission President Ursula von der Leyen met Brazilian President Luiz Inacio Lula da Silva "
                    "in Rome on Monday.")
    people = {a.name for a in facts.actors.values() if a.kind == "Person"}
    assert "Ursula von der Leyen" in people
    assert not any(a.name == "Leyen" for a in facts.actors.values())


def test_the_head_noun_of_a_body_named_before_is_that_body(extract):
    facts = extract("The Economic Community of West African States suspended Guinea on Monday. "
                    "Senegal urged the Community to lift the measures.")
    assert (["SEN"], ["IGO"]) in _codes(facts, "REQUEST")
    none_before = extract("Senegal urged the Community to lift the measures.")
    assert (["SEN"], ["IGO"]) not in _codes(none_before, "REQUEST")


def test_a_lone_surname_takes_back_both_untagged_given_names(extract):
    """The tagger named only "Hassan" in "counterpart Samia Suluhu Hassan"; a lone surname's
    given names may be two words, and titles, dates and other entities still stop them."""
    facts = extract("Kenyan President William Ruto met his Tanzanian counterpart Samia Suluhu Hassan in Arusha "
                    "on Friday.")
    people = {a.name for a in facts.actors.values() if a.kind == "Person"}
    assert "Samia Suluhu Hassan" in people
    assert "William Ruto" in people
    assert [sorted(p.text for p in m.participants) for m in facts.meetings] == [["Samia Suluhu Hassan", "William Ruto"]]


def test_a_name_after_a_coordinated_title_is_that_titles_holder(extract):
    """The parser hangs "Valdis Dombrovskis" on Raimondo as an apposition and leaves "commissioner"
    a bare conjunct; the name right after the conjunct's title is the second participant."""
    facts = extract("Commerce Secretary Gina Raimondo and EU trade commissioner Valdis Dombrovskis spoke by phone "
                    "on Tuesday.")
    assert [sorted(p.text for p in m.participants) for m in facts.meetings] == [["Gina Raimondo", "Valdis Dombrovskis"]]


def test_a_counterpart_holds_the_post_of_the_person_named_before(extract):
    facts = extract("Ghanaian Trade Minister Elizabeth Ofosu-Adjare met her Nigerian counterpart Jumoke Oduwole "
                    "in Accra on Monday.")
    people = {a.name: a for a in facts.actors.values() if a.kind == "Person"}
    assert people["Jumoke Oduwole"].roles == ["Trade Minister"]
    assert people["Jumoke Oduwole"].country == "NGA"


def test_a_finite_verb_hung_on_an_infinitive_is_the_main_clauses_next_act(extract):
    """"welcomed the plan to hold elections and condemned X": the parser makes "condemned" a
    conjunct of "hold"; it is the subject's own second act, and no part of the first one's issue."""
    facts = extract("Senegal welcomed the plan to hold elections and condemned the attack on the parliament.")
    assert {(p.stance, p.issue) for p in facts.positions} == {
        ("support", "plan to hold elections"), ("oppose", "attack on the parliament")}
    assert [(e.category, [s.code for s in e.sources]) for e in facts.events] == [("SUPPORT", ["SEN"]), ("ACCUSE", ["SEN"])]


def test_its_in_a_title_is_the_state_that_is_the_subject_before_it(extract):
    facts = extract("Chile rejected the report as biased, its foreign ministry spokeswoman Maria Soto said on Friday.")
    soto = next(a for a in facts.actors.values() if a.name == "Maria Soto")
    assert soto.country == "CHL"
    assert soto.roles == ["foreign ministry spokeswoman"]
    # a title after the name is read too, and the sentence keeps its event
    after = extract("Chile rejected the report, Maria Soto, a foreign ministry spokeswoman, said on Friday.")
    assert [e.category for e in after.events] == ["REJECT"]


def test_who_defends_sanctions_imposes_none(extract):
    defended = extract("Prime Minister Mark Carney defended Canada's tariffs on Chinese cars on Tuesday.")
    assert [e.category for e in defended.events] == ["SUPPORT"]
    adopted = extract("EU ministers endorsed a new package of sanctions against Belarus on Monday.")
    assert [(e.category, [t.code for t in e.targets]) for e in adopted.events] == [("SANCTION", ["BLR"])]


def test_the_decision_after_nothing_but_words_has_no_author_told(extract):
    """"the decision" points back to a deed; a criticism before it is no decision."""
    facts = extract("Peru's envoy Ana Rojas criticised the draft resolution. Chile welcomed the decision.")
    welcomed = next(e for e in facts.events if e.category == "SUPPORT")
    assert welcomed.targets == []
    deed = extract("Mali expelled the French ambassador on Monday. Senegal condemned the decision.")
    condemned = next(e for e in deed.events if e.category == "ACCUSE")
    assert [t.code for t in condemned.targets] == ["MLI"]


def test_a_date_in_a_dateline_is_no_person(extract):
    facts = extract("Kosovo\nBRUSSELS, Oct 2 (Wire) - NATO ministers voted on Monday to expand the mission in Kosovo.")
    assert [a.name for a in facts.actors.values() if a.kind == "Person"] == []


def test_his_country_is_the_state_of_the_person_he_stands_for(extract):
    facts = extract("Rwandan President Paul Kagame said his country would send 400 peacekeepers to Mozambique.")
    assert [(e.category, [s.key for s in e.sources], [t.code for t in e.targets]) for e in facts.events] == [
        ("AGREE", ["country/RWA"], ["MOZ"])]


def test_aid_sent_to_a_city_goes_to_its_country(extract):
    sent = extract("Japan delivered food aid to Kharkiv on Monday.")
    assert _codes(sent, "AID") == [(["JPN"], ["UKR"])]
    promised = extract("Rwanda said it would send 300 police officers to Bangui next month.")
    assert _codes(promised, "AGREE") == [(["RWA"], ["CAF"])]
    at_home = extract("Kenya sent 400 police officers to Mombasa on Tuesday.")
    assert _codes(at_home, "AID") == [(["KEN"], [])]


def test_two_titled_names_the_parser_left_as_two_subjects_are_one_group(extract):
    """"Prime Minister A and Prime Minister B met": both names hang on "met" as subjects and the
    "and" on the first has no conjunct; the second joins the first."""
    facts = extract("Vietnamese Prime Minister Pham Minh Chinh and Malaysian Prime Minister Anwar Ibrahim met in "
                    "Hanoi on Friday and agreed to expand trade.")
    assert [sorted(p.text for p in m.participants) for m in facts.meetings] == [["Anwar Ibrahim", "Pham Minh Chinh"]]
    assert sorted(s.code for e in facts.events if e.category == "AGREE" for s in e.sources) == ["MYS", "VNM"]


def test_harassment_is_coercion(extract):
    """PLOVER codes pressure that stops short of violence as COERCE."""
    facts = extract("Iranian gunboats harassed a British tanker in the Strait of Hormuz on Sunday.")
    assert _codes(facts, "COERCE") == [(["IRN"], ["GBR"])]


def test_an_official_reporting_on_the_state_a_story_is_filed_from_speaks_for_it(extract):
    filed_home = extract("Barley\nCANBERRA, May 5 (Wire) - Australia will challenge China's barley duties at the "
                         "World Trade Organization, Trade Minister Don Farrell said on Monday.")
    assert next(a for a in filed_home.actors.values() if a.name == "Don Farrell").country == "AUS"
    filed_abroad = extract("Barley\nGENEVA, May 5 (Wire) - Australia will challenge China's barley duties at the "
                           "World Trade Organization, Trade Minister Don Farrell said on Monday.")
    assert next(a for a in filed_abroad.actors.values() if a.name == "Don Farrell").country is None


def test_a_name_the_tagger_split_in_two_is_one_person(extract):
    """spaCy may tag "Samia Suluhu" and "Hassan" as two names; the whole name is the person."""
    facts = extract("Tanzanian President Samia Suluhu Hassan and Ugandan President Yoweri Kaguta Museveni agreed "
                    "on Friday to build a pipeline.")
    assert sorted(a.name for a in facts.actors.values() if a.kind == "Person") == \
        ["Samia Suluhu Hassan", "Yoweri Kaguta Museveni"]


def test_a_titled_name_the_parser_folded_into_the_next_is_a_conjunct(extract):
    """"President A and President B agreed": the parser may hang A, with its "and", on B."""
    facts = extract("Ghanaian President John Dramani Mahama and Ivorian President Alassane Dramane Ouattara agreed "
                    "on Monday to open a joint customs post.")
    assert sorted(s.code for e in facts.events if e.category == "AGREE" for s in e.sources) == ["CIV", "GHA"]


def test_a_surname_without_its_arabic_article_is_the_same_person(extract):
    facts = extract("Syrian Foreign Minister Faisal al-Mekdad arrived in Amman on Monday. On Tuesday, Mekdad "
                    "condemned the Israeli strikes.")
    assert [a.name for a in facts.actors.values() if a.kind == "Person"] == ["Faisal al-Mekdad"]
    assert _codes(facts, "ACCUSE") == [(["SYR"], ["ISR"])]


def test_a_participle_after_a_comma_tells_what_the_subject_did_then(extract):
    """"called on Tuesday for X, speaking after talks with Y": the talks are the caller's, that day."""
    facts = extract("Chilean President Ana Vidal called on Tuesday for new elections in Venezuela, speaking after "
                    "talks with Colombian President Luis Parra.")
    assert [(sorted(p.text for p in m.participants), m.date) for m in facts.meetings] == \
        [(["Ana Vidal", "Luis Parra"], "2024-05-14")]


def test_the_object_of_thanks_or_blame_did_what_the_gerund_says(extract):
    facts = extract("Ghana thanked Togo for hosting the Ghanaian president last week.")
    assert [sorted(p.code for p in m.participants) for m in facts.meetings] == [["GHA", "TGO"]]


def test_a_people_at_large_is_no_party_to_a_meeting(extract):
    facts = extract("Uganda hosted thousands of Congolese refugees in 2023.")
    assert facts.meetings == [] and _codes(facts, "CONSULT") == []


def test_a_meeting_announced_is_marked_future_and_one_held_is_not(extract):
    facts = extract("Chilean President Ana Vidal is due to travel to Lima next week for talks with Peruvian "
                    "President Luis Parra. Argentine President Jorge Sosa met Uruguayan President Pablo Rey on "
                    "Monday.")
    assert sorted((sorted(p.text for p in m.participants), m.modality) for m in facts.meetings) == [
        (["Ana Vidal", "Luis Parra"], "future"), (["Jorge Sosa", "Pablo Rey"], "asserted")]


def test_a_leader_due_to_attend_a_summit_is_not_there_yet(extract):
    facts = extract("Chilean President Ana Vidal is due to travel to Addis Ababa on Friday to attend the African "
                    "Union summit.")
    assert facts.meetings == []


def test_the_subject_of_a_passive_does_what_its_complement_says(extract):
    """"is expected to meet", "was asked to sign": the passive's subject is the doer."""
    facts = extract("Chilean President Ana Vidal is expected to meet Peruvian President Luis Parra in Lima.")
    assert [(sorted(p.text for p in m.participants), m.modality) for m in facts.meetings] == [
        (["Ana Vidal", "Luis Parra"], "future")]


def test_a_stance_alleged_by_an_accuser_is_no_ones_position(extract):
    facts = extract("Lithuania accused Belarus of supporting the smuggling networks.")
    assert _codes(facts, "ACCUSE") == [(["LTU"], ["BLR"])]
    assert facts.positions == []


def test_one_nationality_before_two_titled_names_of_one_kind_is_both_peoples(extract):
    facts = extract("Kenyan Foreign Minister Amina Wairimu and Defence Minister Otieno Kamau signed the accord in "
                    "Mogadishu. US Secretary of State Antony Blinken and Foreign Minister Ahmed Moallim met in "
                    "Nairobi.")
    countries = {a.name: a.country for a in facts.actors.values() if a.kind == "Person"}
    assert countries["Otieno Kamau"] == "KEN"
    assert countries["Ahmed Moallim"] != "USA"  # a secretary and a minister may serve two states


def test_a_chairperson_set_off_before_a_name_is_its_title(extract):
    facts = extract("The Arab League chairperson, Nabil Haddad Karam, urged both governments to release "
                    "prisoners.")
    person = next(a for a in facts.actors.values() if a.kind == "Person")
    assert (person.name, person.code) == ("Nabil Haddad Karam", "IGO")


def test_a_high_commissioner_serves_a_state_unless_the_title_names_a_un_office(extract):
    envoy = extract("Ghana recalled High Commissioner Kofi Mensah Boateng from Abuja and criticised Nigeria.")
    assert next(a for a in envoy.actors.values() if a.kind == "Person").code != "IGO"
    refugees = extract("High Commissioner for Refugees Maria Lindqvist criticised Sudan.")
    assert _codes(refugees, "ACCUSE") == [(["IGO"], ["SDN"])]


def test_what_a_conjoined_reporting_verb_says_is_its_own_event(extract):
    """"accused X of Y and said Z had happened": Z is told, not part of the accusation."""
    facts = extract("Ghanaian President John Mahama accused Togo of meddling and said Accra had expelled two "
                    "Togolese diplomats.")
    assert _codes(facts, "SANCTION") == [(["GHA"], ["TGO"])]


def test_acts_joined_before_a_postposed_report_are_the_subjects_not_the_reporters(extract):
    """"B condemned X and called for Y, A said": B did both; only "A said, B …, and warned" is A's."""
    facts = extract("Arab League chief Nabil Karam condemned the shelling and called for a truce, his spokesman "
                    "Omar Haddad said.")
    assert [[s.text for s in e.sources] for e in facts.events if e.category == "REQUEST"] == [["Nabil Karam"]]


def test_police_and_leaders_without_a_country_belong_to_the_dateline_country(extract):
    """Wire stories name their own country's police and leaders without a nationality."""
    text = ("Protests in Yerevan\nYEREVAN, May 4 (Wire) - Riot police detained 40 protesters outside the "
            "parliament of Armenia on Sunday. Prime Minister Davit Sargsyan blamed Azerbaijan for the unrest.")
    facts = extract(text, title="Protests in Yerevan")
    assert "Riot" not in {a.name for a in facts.actors.values()}
    assert (["ARM"], ["ARM"]) in _codes(facts, "COERCE")
    assert next(a for a in facts.actors.values() if a.name == "Davit Sargsyan").country == "ARM"
    abroad = extract(text.replace("YEREVAN", "GENEVA"), title="Protests in Yerevan")
    assert next(a for a in abroad.actors.values() if a.name == "Davit Sargsyan").country is None


def test_a_rally_outside_a_building_is_a_protest(extract):
    """The parser may take "outside parliament" for an object of "rallied"."""
    facts = extract("Thousands of Armenians rallied outside parliament on Sunday.")
    assert _codes(facts, "PROTEST") == [(["ARM"], ["ARM"])]


def test_a_past_verb_joined_to_a_clause_of_time_is_the_main_clauses_act(extract):
    facts = extract("Armenian President Lilit Hovsepyan said she would not resign when her term ends and "
                    "accused Azerbaijan of aggression.")
    assert _codes(facts, "ACCUSE") == [(["ARM"], ["AZE"])]


def test_a_reaction_to_the_drills_targets_who_held_them(extract):
    """A noun the lexicon codes ("drills", "strike") names the kind of act a reaction points back to."""
    facts = extract("Russia's navy launched large exercises in the Baltic Sea on Monday. Estonia condemned "
                    "the drills as provocative.")
    assert (["EST"], ["RUS"]) in _codes(facts, "ACCUSE")


def test_a_missile_strike_is_an_assault_and_a_teachers_strike_a_protest(extract):
    assert _codes(extract("Iran launched a missile strike on Erbil."), "ASSAULT") == [(["IRN"], ["IRQ"])]
    assert _codes(extract("Kenyan teachers launched a strike in Nairobi."), "PROTEST") == [(["KEN"], ["KEN"])]


def test_calling_for_someone_to_be_tried_is_a_request_alongside_a_welcome(extract):
    facts = extract("Turkey welcomed the truce, while calling for Israeli commanders to be tried for war crimes.")
    assert _codes(facts, "SUPPORT") == [(["TUR"], [])]
    assert _codes(facts, "REQUEST") == [(["TUR"], ["ISR"])]


def test_its_in_the_reason_for_thanks_is_the_state_thanked(extract):
    facts = extract("Chile thanked Norway for its role in hosting talks between Colombia and Ecuador in Oslo.")
    assert [sorted(p.code for p in m.participants) for m in facts.meetings] == [["COL", "ECU", "NOR"]]


def test_talks_hosted_between_sides_the_text_does_not_name_are_no_meeting_of_the_hosts(extract):
    facts = extract("Norway and Chile, which have hosted peace talks between the two sides in Oslo, urged a truce.")
    assert facts.meetings == []


def test_two_leaders_who_discussed_something_consulted_each_other(extract):
    facts = extract("Chilean President Ana Vidal and Peruvian President Luis Parra discussed aid to Bolivia.")
    assert _codes(facts, "CONSULT") == [(["CHL", "PER"], [])]


def test_the_two_leaders_are_the_last_pair_of_people_told(extract):
    facts = extract("Chilean President Ana Vidal and Peruvian President Luis Parra agreed on Monday to open the "
                    "border. The two leaders, who met in Lima, also signed a trade pact.")
    assert _meetings(facts) == [["Ana Vidal", "Luis Parra"]]


def test_his_or_her_spokesman_serves_the_person_named_before(extract):
    ngo = extract("Arab League chief Nabil Karam condemned the shelling, his spokesman Omar Haddad said.")
    assert next(a for a in ngo.actors.values() if a.name == "Omar Haddad").code == "IGO"
    state = extract("Kenyan President Amina Wairimu condemned the attack, her spokesman Otieno Kamau said.")
    assert next(a for a in state.actors.values() if a.name == "Otieno Kamau").country == "KEN"


def test_two_leaders_summit_is_their_meeting_not_a_gathering(extract):
    facts = extract("Chilean President Ana Vidal and Peruvian President Luis Parra agreed on Monday to expand trade "
                    "on security and energy, in their first summit in Lima.")
    assert [(sorted(p.text for p in m.participants), m.mode) for m in facts.meetings] == [
        (["Ana Vidal", "Luis Parra"], None)]


def test_a_past_verb_joined_to_a_modal_clause_is_the_main_clauses_act(extract):
    """"said the envoy would stay and praised his work": "praised" cannot share "would"."""
    facts = extract("Chilean President Ana Vidal said the ambassador, Luis Parra, would stay in Lima and praised "
                    "Peru.")
    assert [[s.text for s in e.sources] for e in facts.events if e.category == "SUPPORT"] == [["Ana Vidal"]]


def test_a_meeting_agreed_to_is_planned(extract):
    facts = extract("Chilean President Ana Vidal and Peruvian President Luis Parra agreed to meet in Lima next "
                    "month.")
    assert [m.modality for m in facts.meetings] == ["future"]


def test_a_sea_with_or_without_the_is_one_place(extract):
    facts = extract("Iran seized a tanker in the Arabian Sea. Britain sent warships to Arabian Sea ports.")
    assert [a.name for a in facts.actors.values() if a.kind == "Place" and "Sea" in a.name] == ["Arabian Sea"]


def test_its_forces_as_a_subject_are_the_forces_of_the_state_before(extract):
    facts = extract("The Turkish military said its forces had destroyed three rebel camps in Iraq.")
    assert [s.code for e in facts.events if e.category == "ASSAULT" for s in e.sources] == ["TUR"]


def test_the_junta_is_the_one_named_before_with_its_country(extract):
    facts = extract("Mali's military junta expelled the Swedish ambassador on Monday. The junta also demanded "
                    "the withdrawal of Swedish troops.")
    assert [s.code for e in facts.events if e.category == "REQUEST" for s in e.sources] == ["MLI"]


def test_a_name_set_off_after_an_ambassador_to_a_body_is_a_person(extract):
    facts = extract("Chad's ambassador to the United Nations, Ahmat Mahamat Saleh, thanked Qatar.")
    person = next(a for a in facts.actors.values() if a.name == "Ahmat Mahamat Saleh")
    assert (person.kind, person.country) == ("Person", "TCD")


def test_a_short_capital_opening_a_dateline_is_the_place_filed_from(extract):
    """The gazetteer keeps four capital letters for acronyms ("DOHA" is no "Doha"), and the tagger
    may take the word for a body."""
    title = "Qatar, Oman announce Yemen truce deal"
    facts = extract(title + "\n\nDOHA — Qatar and Oman said on Wednesday that Yemen's warring parties had agreed to a "
                    "truce that would see prisoners exchanged, after weeks of talks mediated by the two countries. "
                    "\"It is a good day,\" Omani Foreign Minister Badr Albusaidi wrote on X.", title=title)
    kinds = {a.name: a.kind for a in facts.actors.values()}
    assert kinds.get("Doha") == "Place" and "DOHA" not in kinds and "X." not in kinds


def test_names_listed_after_a_plural_title_with_a_nationality_are_of_that_state(extract):
    facts = extract("Japanese Foreign Minister Taro Sato and Defence Minister Ken Mori met their Indonesian "
                    "counterparts, Rina Wulandari and Budi Santoso, in Jakarta.")
    countries = {a.name: a.country for a in facts.actors.values() if a.kind == "Person"}
    assert countries["Rina Wulandari"] == countries["Budi Santoso"] == "IDN"


def test_the_reaches_both_titles_of_a_coordination(extract):
    """"The Secretary and Foreign Minister discussed …": both titles stand for people named before."""
    facts = extract("Chilean Foreign Minister Ana Vidal spoke with Peruvian Defence Minister Luis Parra on "
                    "Monday. The Foreign Minister and Defence Minister discussed border security.")
    assert [["CHL", "PER"]] == [sorted(s.code for s in e.sources) for e in facts.events
                                if e.category == "CONSULT" and len(e.sources) > 1]


def test_a_verb_hung_on_a_purpose_clause_continues_the_clause_above_not_the_report(extract):
    """"used X to disperse the crowds and detained 40 people, the ministry said": "detained" is
    the police's next act, not the ministry's."""
    facts = extract("Armenian riot police used water cannon and tear gas to disperse the crowds and detained 40 "
                    "people, the Armenian interior ministry said.")
    assert [[s.text for s in e.sources] for e in facts.events if e.category == "COERCE"] == [["Armenian riot police"]]


def test_a_promised_response_is_a_threat(extract):
    """"promised a tough response", "ready to respond": an answer to a hostile act, announced, is a
    threat; "ready to resume talks" stays an offer."""
    facts = extract("Belarus said it was ready to respond to any provocation on its border. Minsk promised a "
                    "tough response to the expulsions. Caracas said it was ready to resume talks.")
    assert _codes(facts, "THREATEN") == [(["BLR"], []), (["BLR"], [])]
    assert _codes(facts, "AGREE") == [(["VEN"], [])]


def test_he_after_a_title_standing_for_a_person_is_that_person(extract):
    """A readout names the principal once, then "The Secretary …", then "He …": the pronoun
    follows the title's person, not the counterpart named last."""
    facts = extract("Secretary of State Dana Whitfield spoke today with Nepalese Foreign Minister Kamal Thapa. "
                    "The Secretary condemned the bombing in Pokhara. He urged Nepal and India to cooperate.")
    assert _codes(facts, "REQUEST") == [(["USA"], ["NPL", "IND"])]


def test_an_accusing_participle_beside_a_material_act_is_its_own_event(extract):
    """"expelled three consuls, accusing them of spying": the charge is an act of its own, aimed
    at the people the main verb acted on ("opened fire, killing one" stays one event)."""
    facts = extract("Poland expelled three Belarusian consuls on Friday, accusing them of spying.")
    assert _codes(facts, "SANCTION") == [(["POL"], ["BLR"])]
    assert _codes(facts, "ACCUSE") == [(["POL"], ["BLR"])]


def test_representatives_signing_a_declaration_agree_for_the_parties_they_represent(extract):
    """"Representatives of A and B signed a declaration": a signed declaration is an agreement,
    and representatives of a party stand for it, as a delegation does."""
    facts = extract("Representatives of Armenia and Azerbaijan signed a declaration of principles in Washington "
                    "on Friday. Chile and Peru inked a fisheries deal.")
    assert sorted(sorted(s.code for s in e.sources) for e in facts.events if e.category == "AGREE") == \
        [["ARM", "AZE"], ["CHL", "PER"]]


def test_the_rebels_are_the_rebel_group_named_before(extract):
    """"the rebels" after "the M23 rebel group" is that group, not the country the story is
    filed from (a mediation venue's dateline)."""
    facts = extract("NAIROBI — Congo's army clashed with the M23 rebel group near Goma on Sunday. Kinshasa "
                    "accused the rebels of shelling civilians.")
    targets = [[t.key for t in e.targets] for e in facts.events if e.category == "ACCUSE"]
    assert len(targets) == 1 and len(targets[0]) == 1 and "m23" in targets[0][0].lower()


def test_extended_or_renewed_sanctions_are_sanctions(extract):
    facts = extract("The Security Council extended an arms embargo on Libya for another year. The European Union "
                    "renewed its sanctions against Belarus on Monday.")
    assert _codes(facts, "SANCTION") == [(["IGO"], ["LBY"]), (["IGO"], ["BLR"])]


def test_a_warning_that_attacks_will_be_answered_with_force_is_a_threat(extract):
    """"warned that any attack would be met with force" carries a threat; "warned that the
    situation could escalate" reports a view."""
    facts = extract("Turkish Defence Minister Selim Kaya warned that any new attack would be met with full force. "
                    "Greece warned that the situation could escalate.")
    assert _codes(facts, "THREATEN") == [(["TUR"], [])]


def test_missiles_fired_into_the_sea_are_a_show_of_force_aimed_at_no_one(extract):
    """A launch into the sea is a show of force (MOBILIZE), and the missiles fired are the
    means, not people of the firing state."""
    facts = extract("North Korea fired three cruise missiles into the sea on Monday. Syria fired two missiles "
                    "on Tuesday.")
    assert _codes(facts, "MOBILIZE") == [(["PRK"], [])]
    assert _codes(facts, "ASSAULT") == [(["SYR"], [])]


def test_people_acted_on_in_a_named_city_belong_to_its_country_not_the_datelines(extract):
    """"BRUSSELS — police detained 40 protesters in Tbilisi": the protesters are Georgians."""
    facts = extract("BRUSSELS — Armenian police detained 40 protesters in Yerevan overnight, the interior ministry "
                    "said.")
    assert _codes(facts, "COERCE") == [(["ARM"], ["ARM"])]


def test_the_ministers_after_a_pair_with_no_meeting_before_are_that_pair(extract):
    """"A and B agreed … The ministers met in Lima": the bare plural stands for the pair told last."""
    facts = extract("Chilean Foreign Minister Ana Vidal and her Peruvian counterpart Luis Parra agreed on Monday to "
                    "reopen the border. The ministers met in Lima for two hours.")
    assert [sorted(p.code for p in m.participants) for m in facts.meetings] == [["CHL", "PER"]]


def test_a_capital_the_tagger_missed_after_in_is_the_meeting_place(extract):
    """"the summit in Montevideo" (the tagger took the city for a product): a capital after a
    locative preposition is a place, not its government."""
    facts = extract("Brazilian President Luiz Inacio Lula da Silva met Argentine President Javier Milei on the "
                    "sidelines of the Mercosur summit in Montevideo on Friday.")
    places = {facts.actors[m.place].name for m in facts.meetings if m.place}
    assert places == {"Montevideo"}


def test_support_for_a_states_bid_targets_the_state_not_the_body_it_seeks(extract):
    facts = extract("Spain reiterated its support for Brazil's bid for a permanent seat on the Security Council.")
    assert _codes(facts, "SUPPORT") == [(["ESP"], ["BRA"])]


def test_a_treaty_named_after_its_parties_has_them_as_parties(extract):
    """"the EU-Mexico Modernised Global Agreement": the parties the name opens with."""
    facts = extract("Ministers welcomed progress on the EU-Mexico Modernised Global Agreement and the "
                    "India-Bhutan Hydropower Cooperation Agreement on Tuesday.")
    parties = {t.name: sorted(t.parties) for t in facts.treaties.values()}
    assert parties == {"EU-Mexico Modernised Global Agreement": ["country/MEX", "org/european-union"],
                       "India-Bhutan Hydropower Cooperation Agreement": ["country/BTN", "country/IND"]}
    assert facts.actors["org/european-union"].name == "European Union"


def test_a_state_committed_to_a_course_agrees_and_ordered_patrols_mobilize(extract):
    """"is committed to opening its economy": the passive form's subject holds the commitment
    (no one committed it); "ordered patrols" puts police on the streets (MOBILIZE), not a request."""
    facts = extract("Laos is committed to opening its economy, the minister said. The Ugandan government "
                    "ordered patrols by police after clashes in Kampala.")
    assert _codes(facts, "AGREE") == [(["LAO"], [])]
    assert _codes(facts, "MOBILIZE") == [(["UGA"], [])]
    assert not _codes(facts, "REQUEST")


def test_a_protest_is_aimed_at_whom_its_grievance_names(extract):
    """"in defiance of Russian authorities", "to show their anger at the United States": the
    protest's target, before the place its streets are in."""
    facts = extract("Thousands of people blocked streets in Minsk in defiance of Russian authorities. "
                    "Demonstrators in Kabul blocked a road to show their anger at Pakistan.")
    assert _codes(facts, "PROTEST") == [(["BLR"], ["RUS"]), (["AFG"], ["PAK"])]


def test_a_people_told_with_the_state_they_live_in_is_of_that_state_and_no_person(extract):
    """"Bosnian Croats" (which the tagger may take for a person's name) are a people of Bosnia."""
    facts = extract("Bosnian Croats rejected the new electoral law on Monday.")
    assert _codes(facts, "REJECT") == [(["BIH"], [])]
    assert not [a for a in facts.actors.values() if a.kind == "Person"]


def test_calling_a_decision_unacceptable_in_quotes_is_an_accusation_and_ships_expelled_are_coerced(extract):
    """"called the decision \"unacceptable\"" (the parser hangs the quoted word on the object) is a
    judgement, and the object alone is the issue; a ship driven out is coerced, not sanctioned."""
    facts = extract('Chile\'s foreign ministry called the decision "unacceptable". Vietnam\'s coast guard '
                    'expelled a Chinese fishing vessel from its waters.')
    assert _codes(facts, "ACCUSE") == [(["CHL"], [])]
    assert [p.issue for p in facts.positions] == ["decision"]
    assert _codes(facts, "COERCE") == [(["VNM"], ["CHN"])]


def test_welcoming_a_visitor_is_a_meeting_not_support(extract):
    """"welcomed President X at the airport": a host receiving a visitor (CONSULT and a meeting),
    not support for anything and no position; "welcomed the decision" stays support."""
    facts = extract("Iraqi Prime Minister Karim Haddad welcomed Turkish President Emre Aksoy at the airport on "
                    "Monday. Iraq welcomed the decision.")
    assert [sorted(p.code for p in m.participants) for m in facts.meetings] == [["IRQ", "TUR"]]
    assert _codes(facts, "SUPPORT") == [(["IRQ"], [])]
    assert [p.issue for p in facts.positions] == ["decision"]


def test_a_visit_noun_is_a_meeting_of_the_visitor_and_the_host(extract):
    """"arrived in Hanoi for his first visit to Vietnam", "Kaya's visit to Iraq": the visitor and
    the state visited meet, as with the verb "visited"."""
    facts = extract("Turkish President Emre Kaya arrived in Hanoi on Monday for his first visit to Vietnam. "
                    "Chilean President Ana Vidal arrived in Lima on Tuesday for a two-day visit.")
    assert sorted(sorted(p.code for p in m.participants) for m in facts.meetings) == [["CHL", "PER"], ["TUR", "VNM"]]


def test_an_undated_meeting_after_a_dated_sentence_about_its_parties_takes_that_date(extract):
    """"A and B agreed on Monday … The ministers met in Lima …": the meeting is of the same day."""
    facts = extract("Chilean Foreign Minister Ana Vidal and her Peruvian counterpart Luis Parra agreed on Monday to "
                    "reopen the border. The ministers met in Lima for two hours.")
    assert [m.date for m in facts.meetings] == ["2024-05-13"]


def test_seeking_asylum_in_a_state_asks_that_state(extract):
    facts = extract("Hundreds of Eritrean refugees sought asylum in Egypt last month.")
    assert _codes(facts, "REQUEST") == [(["ERI"], ["EGY"])]


def test_what_a_while_clause_reports_is_its_own_event(extract):
    """"X accused Y of …, while Y's spokesman said Z had shelled …": the shelling is the
    spokesman's report, not background to the accusation."""
    facts = extract("Ethiopian officials accused the rebels of blocking aid convoys, while a rebel spokesman "
                    "said Ethiopian troops had shelled three towns.")
    assert (["ETH"], []) in _codes(facts, "ASSAULT")


def test_a_building_after_a_title_word_is_no_person(extract):
    """"to State House": "State" ends titles such as "Secretary of State", but a house is no name."""
    facts = extract("Kenyan President William Ruto welcomed Indonesian President Joko Widodo to State House on "
                    "Tuesday, the first visit by an Indonesian head of state to Kenya in more than three decades.")
    assert sorted(a.name for a in facts.actors.values() if a.kind == "Person") == ["Joko Widodo", "William Ruto"]


def test_seeking_to_act_is_no_request(extract):
    """"would seek to export more tea to Indonesia" is an aim; "sought talks with" asks."""
    facts = extract("Kenya will seek to export more tea to Indonesia. Armenia sought talks with Azerbaijan on Monday.")
    assert _codes(facts, "REQUEST") == [(["ARM"], ["AZE"])]


def test_a_meeting_in_an_as_clause_takes_the_date_of_its_main_clause(extract):
    """"signed an accord on Monday as the presidents met in Lima": the meeting is of Monday."""
    facts = extract("Chile and Peru signed a fisheries accord on Monday as Chilean President Gabriel Boric met "
                    "Peruvian President Dina Boluarte in Lima.")
    assert [m.date for m in facts.meetings] == ["2024-05-13"]


def test_hours_to_leave_expel_the_envoy(extract):
    """"gave the ambassador 48 hours to leave": an expulsion, aimed at the envoy's state."""
    facts = extract("Serbia gave Croatia's ambassador 48 hours to leave the country on Monday.")
    assert (["SRB"], ["HRV"]) in _codes(facts, "SANCTION")


def test_standing_with_a_state_supports_it(extract):
    facts = extract("Poland stands firmly with Ukraine, the Polish prime minister said.")
    assert (["POL"], ["UKR"]) in _codes(facts, "SUPPORT")


def test_a_promised_response_to_a_deed_threatens_its_author(extract):
    """"would respond to the sanctions" threatens whoever imposed them; a reply to a letter does not."""
    facts = extract("The EU imposed new sanctions on Russia on Monday. Moscow said it would respond to the "
                    "sanctions. Iran will respond to the letter next week.")
    assert _codes(facts, "THREATEN") == [(["RUS"], ["IGO"])]
    facts = extract("Canada expelled two Chinese diplomats on Monday. Beijing said China would respond at a time of "
                    "its choosing.")
    assert _codes(facts, "THREATEN") == [(["CHN"], ["CAN"])]


def test_a_count_of_protests_is_lodged_like_one(extract):
    """"lodged dozens of diplomatic protests with Beijing": the count carries the noun to its verb."""
    facts = extract("Manila has lodged dozens of diplomatic protests with Beijing since 2020.")
    assert (["PHL"], ["CHN"]) in _codes(facts, "ACCUSE")


def test_an_official_holds_the_post_the_text_describes_as_one_countrys(extract):
    """"summoned Peru's ambassador … Ambassador Luis Quispe": the ambassador is Peru's."""
    facts = extract("Chile summoned Peru's ambassador on Monday. Foreign Minister Alberto van Klaveren told "
                    "Ambassador Luis Quispe that the remarks were unacceptable.")
    [envoy] = [a for a in facts.actors.values() if a.name == "Luis Quispe"]
    assert envoy.country == "PER"


def test_a_gift_told_in_the_passive_comes_from_the_country_the_gift_names(extract):
    """"was granted Egyptian citizenship and asylum": Egypt gave it."""
    facts = extract("Former Libyan army chief Omar Haddad was granted Egyptian citizenship and asylum last month.")
    assert _codes(facts, "AID") == [(["EGY"], ["LBY"])]


def test_members_of_a_body_named_inside_the_of_phrase_act_for_it(extract):
    """"Leaders of the Group of Seven nations warned China …. The leaders called on Beijing …"."""
    facts = extract("Leaders of the Group of Seven nations on Saturday warned China against supplying weapons to "
                    "Russia. The leaders called on Beijing to press Moscow to end its war.")
    assert (["IGO"], ["CHN"]) in _codes(facts, "THREATEN")
    assert _codes(facts, "REQUEST") == [(["IGO"], ["CHN"])]


def test_a_role_starts_at_a_title_word(extract):
    """"Readout of Secretary X's call": "Readout of" is no part of the post."""
    facts = extract("Readout of Secretary Pamela Harris's call with Egypt\n\nSecretary of State Pamela Harris spoke "
                    "today with Egyptian Foreign Minister Sameh Shoukry.")
    [harris] = [a for a in facts.actors.values() if a.name == "Pamela Harris"]
    assert harris.roles == ["Secretary of State"]


def test_a_side_meeting_does_not_make_its_people_a_summit_of_their_own(extract):
    """A summit the text names no one at stays out; the side meeting is the one meeting."""
    facts = extract("A Chinese spokesman lodged a protest with Japan, the summit host. Brazilian President Luiz "
                    "Inacio Lula da Silva met Indian Prime Minister Narendra Modi on the sidelines of the summit.")
    assert [sorted(p.text for p in m.participants) for m in facts.meetings] == [
        ["Luiz Inacio Lula da Silva", "Narendra Modi"]]


def test_the_two_governments_leave_out_the_speaker(extract):
    """"Qatar's foreign ministry said … talks between the two governments": the two are others."""
    facts = extract("The United States released a Venezuelan businessman on Wednesday in exchange for ten Americans "
                    "held in Venezuela. Qatar's foreign ministry said the swap followed months of talks between the "
                    "two governments in Doha.")
    assert [sorted(p.code for p in m.participants) for m in facts.meetings] == [["USA", "VEN"]]


def test_whose_going_is_demanded_receives_the_demand(extract):
    """"demanded the removal of President X": X is asked of, a person included."""
    facts = extract("Congolese rebels demanded the removal of President Felix Tshisekedi. Peru called for the "
                    "resignation of Bolivian Foreign Minister Celinda Sosa.")
    assert [(s, t) for s, t in _codes(facts, "REQUEST")] == [(["COD"], ["COD"]), (["PER"], ["BOL"])]


def test_heads_of_state_who_witness_a_signing_agree(extract):
    facts = extract("Chinese President Xi Jinping held talks with Brazilian President Lula in Beijing on Friday. "
                    "After the talks, the two heads of state witnessed the signing of 15 cooperation documents.")
    assert (["CHN", "BRA"], []) in _codes(facts, "AGREE")


def test_condolences_offered_are_support_not_a_promise(extract):
    facts = extract("Lebanese Prime Minister Najib Mikati offered his condolences to the Irish government.")
    assert _codes(facts, "SUPPORT") == [(["LBN"], ["IRL"])] and not _codes(facts, "AGREE")


def test_negotiations_concluded_on_an_agreement_and_a_bloc_named_in_apposition(extract):
    """"the South American bloc Mercosur" is Mercosur, not the body named before it."""
    facts = extract("The European Union and the South American bloc Mercosur concluded negotiations on a free trade "
                    "agreement on Friday. Poland said it would vote against the deal.")
    [agree] = [e for e in facts.events if e.category == "AGREE"]
    assert sorted(s.text for s in agree.sources) == ["Mercosur", "The European Union"]
    assert (["POL"], []) in _codes(facts, "REJECT")


def test_a_title_the_tagger_swallowed_into_an_organisation(extract):
    """"Taoiseach Leo Varadkar" tagged as one organisation: a titled person."""
    facts = extract("Ireland's Taoiseach Leo Varadkar said the death was a tragedy. Private Sean Rooney, 24, was "
                    "killed on Wednesday.")
    people = {a.name: (a.roles, a.country) for a in facts.actors.values() if a.kind == "Person"}
    assert people["Leo Varadkar"] == (["Taoiseach"], "IRL")
    assert people["Sean Rooney"][0] == ["Private"]


def test_an_official_of_an_armed_group_is_of_its_sector(extract):
    facts = extract("Hamas spokesman Hazem Qassem said the group would study the proposal.")
    [person] = [a for a in facts.actors.values() if a.kind == "Person"]
    assert (person.sector, person.country) == ("REB", "PSE")


def test_commitment_to_an_issue_is_support_for_it(extract):
    """"remains committed to", "is committed to": the subject supports what it is committed to."""
    facts = extract("The United Nations remains committed to the peace process in Yemen. Japan is committed to "
                    "a two-state solution.")
    assert {(p.holder.text, p.stance, p.issue) for p in facts.positions} >= {
        ("The United Nations", "support", "peace process in Yemen"), ("Japan", "support", "two-state solution")}


def test_forces_of_two_states_are_each_states(extract):
    """"The navies of India and Japan began a joint exercise": each state's navy, each with the other."""
    facts = extract("The navies of India and Japan began a four-day joint exercise in the Bay of Bengal on Sunday.")
    assert _codes(facts, "COOPERATE") == [(["IND"], ["JPN"]), (["JPN"], ["IND"])]


def test_an_embassy_spokesman_speaks_for_the_embassy_state(extract):
    facts = extract("Chinese embassy spokesman Liu Pengyu urged Washington to stop smearing China.")
    [liu] = [a for a in facts.actors.values() if a.kind == "Person"]
    assert (liu.roles, liu.country) == (["embassy spokesman"], "CHN")


def test_countermeasures_aim_at_the_author_of_the_deed_not_at_whom_they_protect(extract):
    """"opposed the illegal sanctions" and "take measures to protect Chinese companies" answer the
    sanctions' author: an evaluative adjective says nothing of whose, a protected party is no target."""
    facts = extract("The United States imposed sanctions on two Chinese firms on Thursday. Beijing said it firmly "
                    "opposed the illegal unilateral sanctions and would take necessary measures to protect the "
                    "rights of Chinese companies.")
    assert (["CHN"], ["USA"]) in _codes(facts, "REJECT")
    assert _codes(facts, "THREATEN") == [(["CHN"], ["USA"])]


def test_possible_and_permitted_acts_are_not_coded(extract):
    """"may ratify", "will allow their forces to deploy": nothing has happened yet."""
    facts = extract("Japan may ratify the pact next year. Japan and Britain signed an agreement on Wednesday that "
                    "will allow their forces to deploy on each other's soil.")
    assert [e.category for e in facts.events] == ["AGREE"]


def test_a_deed_told_in_a_dated_report_takes_the_reports_date(extract):
    facts = extract("Serbia and Kosovo have agreed on a road map for talks, the two governments said on Tuesday.")
    assert [(e.category, e.date) for e in facts.events] == [("AGREE", "2024-05-14")]


def test_a_name_after_a_title_the_tagger_took_for_an_organisation(extract):
    """"German Chancellor Olaf Scholz" with the name tagged as an organisation is still a person."""
    facts = extract("German Chancellor Olaf Scholz urged Chinese President Xi Jinping on Tuesday to use China's "
                    "influence on Russia to end the war in Ukraine.")
    people = {a.name: (a.roles, a.country) for a in facts.actors.values() if a.kind == "Person"}
    assert people["Olaf Scholz"] == (["Chancellor"], "DEU")
    assert _codes(facts, "REQUEST") == [(["DEU"], ["CHN"])]


def test_a_deal_signed_in_the_passive_takes_the_signers_told_before(extract):
    """"A and B signed a ceasefire … The deal, formally the X Agreement, was signed in Y": A and B
    are its parties, a rebel group as itself, not as its country."""
    facts = extract("Colombia's government and the ELN signed a ceasefire on Monday. The deal, formally the Havana "
                    "Bilateral Ceasefire Agreement, was signed in the Cuban capital.")
    [treaty] = facts.treaties.values()
    assert sorted(treaty.parties) == ["country/COL", "org/eln"]


def test_blocked_aid_is_rejected_and_strikes_inside_a_state_aim_at_it(extract):
    facts = extract("Hungary blocked the release of 500 million euros in EU military aid for Ukraine on Monday. "
                    "Pakistan carried out airstrikes inside Iran on Thursday.")
    assert [c for c, _ in _codes(facts, "REJECT")] == [["HUN"]]
    assert _codes(facts, "ASSAULT") == [(["PAK"], ["IRN"])]
