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


# --- lexicon entries and rules added for issue 4 (all sentences made up for these tests) ---

def _has(evs, category, sources=None, targets=None):
    return any(c == category and (sources is None or s == sources) and (targets is None or t == targets)
               for c, s, t in evs)


def test_held_talks_is_a_consultation(extract):
    evs = _events(extract("Chile held talks with Peru on Monday about the fishing dispute."))
    assert _has(evs, "CONSULT", ["CHL"], ["PER"])


def test_torture_is_an_assault(extract):
    evs = _events(extract("Zambian police tortured three opposition activists last week, a rights group said."))
    assert _has(evs, "ASSAULT", ["ZMB"]) and not _has(evs, "COERCE")


def test_throwing_stones_is_a_riot(extract):
    evs = _events(extract("Greek students threw stones at riot police in Athens on Friday."))
    assert _has(evs, "PROTEST", ["GRC"])


def test_retaking_a_town_is_an_assault(extract):
    evs = _events(extract("Ethiopian troops have retaken a strategic town in northern Somalia."))
    assert _has(evs, "ASSAULT", ["ETH"], ["SOM"])


def test_cancelling_restrictions_is_a_concession(extract):
    evs = _events(extract("The Polish government cancelled restrictions on foreign journalists on Tuesday."))
    assert _has(evs, "CONCEDE", ["POL"]) and not _has(evs, "REJECT")


def test_cancelling_a_visit_stays_a_rejection(extract):
    evs = _events(extract("Chile cancelled a planned visit to Bolivia on Tuesday."))
    assert _has(evs, "REJECT", ["CHL"]) and not _has(evs, "CONCEDE")


def test_declaring_a_state_of_emergency_is_coercion(extract):
    evs = _events(extract("The Peruvian government declared a state of emergency in three southern provinces."))
    assert _has(evs, "COERCE", ["PER"])


def test_signing_a_treaty_is_support(extract):
    evs = _events(extract("Mongolia and Kazakhstan signed a treaty of friendship on Friday."))
    assert any(c == "SUPPORT" and set(s) == {"MNG", "KAZ"} for c, s, _ in evs)


def test_restoring_ties_is_support(extract):
    evs = _events(extract("Morocco restored diplomatic ties with Iran on Tuesday after a long break."))
    assert _has(evs, "SUPPORT", ["MAR"], ["IRN"])


def test_sharing_intelligence_is_cooperation(extract):
    evs = _events(extract("Norway has been sharing intelligence with Finland since the spring."))
    assert _has(evs, "COOPERATE", ["NOR"], ["FIN"])


def test_announced_suspension_is_a_sanction(extract):
    evs = _events(extract("Canada announced a suspension of flights to Haiti on Monday."))
    assert _has(evs, "SANCTION", ["CAN"], ["HTI"])


def test_dispatching_inspectors_is_an_investigation(extract):
    evs = _events(extract("The European Union dispatched inspectors to Hungary on Thursday."))
    assert _has(evs, "ACCUSE", ["IGO"], ["HUN"])


def test_holding_people_as_human_shields_is_coercion(extract):
    evs = _events(extract("Malian rebels held forty villagers as human shields near the border."))
    assert _has(evs, "COERCE", ["MLI"])


def test_gathering_for_a_rally_is_a_protest(extract):
    evs = _events(extract("Thousands of Kenyans gathered for a rally in Nairobi on Saturday."))
    assert _has(evs, "PROTEST", ["KEN"])


def test_gathering_for_a_wedding_is_no_event(extract):
    assert _events(extract("Thousands of Kenyans gathered for a wedding in Nairobi on Saturday.")) == []


def test_attack_subject_belongs_to_the_country_word_on_it(extract):
    evs = _events(extract("Turkish air strikes killed six Kurdish fighters in northern Syria."))
    assert any(c == "ASSAULT" and s == ["TUR"] for c, s, _ in evs)


def test_force_on_an_unnamed_group_falls_on_the_same_country(extract):
    evs = _events(extract("Bolivian police arrested forty demonstrators on Monday."))
    assert _has(evs, "COERCE", ["BOL"], ["BOL"])


def test_force_on_a_named_foreign_group_keeps_its_country(extract):
    evs = _events(extract("Bolivian police arrested forty Peruvian demonstrators on Monday."))
    assert _has(evs, "COERCE", ["BOL"], ["PER"])


def test_protest_without_a_target_is_aimed_at_the_home_government(extract):
    evs = _events(extract("Romanian teachers staged a strike on Monday over unpaid wages."))
    assert _has(evs, "PROTEST", ["ROU"], ["ROU"])


def test_protest_act_takes_the_target_of_the_demonstrations(extract):
    evs = _events(extract("Lebanese students threw stones during demonstrations against the French embassy."))
    assert _has(evs, "PROTEST", ["LBN"], ["FRA"])


def test_statement_demanding_is_a_request_of_its_issuer(extract):
    evs = _events(extract("Ghana issued a statement demanding that Togo reopen the border."))
    assert _has(evs, "REQUEST", ["GHA"], ["TGO"])


def test_protesters_protesting_keep_their_own_subject(extract):
    evs = _events(extract("Chilean police dispersed miners protesting pay cuts in Santiago."))
    assert not _has(evs, "ACCUSE", ["CHL"])


def test_person_country_from_an_appositive(extract):
    evs = _events(extract("Maria Kovacs, Hungary's best-known environmental activist, staged a hunger strike on Monday."))
    assert _has(evs, "PROTEST", ["HUN"])


def test_person_code_from_an_international_title(extract):
    evs = _events(extract("The bombing was condemned on Monday by NATO Secretary-General Lars Eriksen."))
    assert any(c == "ACCUSE" and s == ["IGO"] for c, s, _ in evs)


def test_blockading_a_city_targets_its_country(extract):
    evs = _events(extract("Italian truckers said they would blockade Rome next week."))
    assert _has(evs, "THREATEN", ["ITA"], ["ITA"])


def test_eu_partners_are_the_union(extract):
    evs = _events(extract("Denmark criticized its European Union partners on Monday."))
    assert _has(evs, "ACCUSE", ["DNK"], ["IGO"])


def test_mobilizing_civil_groups_is_not_a_military_mobilization(extract):
    evs = _events(extract("Venezuela has mobilized pressure groups in Colombia to back its candidate."))
    assert not _has(evs, "MOBILIZE")


def test_mobilizing_troops_is_a_mobilization(extract):
    evs = _events(extract("Armenia mobilized troops along the border with Azerbaijan on Monday."))
    assert _has(evs, "MOBILIZE", ["ARM"])


def test_participle_with_a_by_phrase_is_not_the_clause_subjects_act(extract):
    evs = _events(extract("Officials said Peru keeps selling copper below the quota agreed to by exporters last year."))
    assert not any(e[0] == "AGREE" and e[1] == ["PER"] for e in evs)


def test_warning_coordinated_inside_a_reported_clause_is_the_speakers(extract):
    facts = extract("Bolivian Foreign Minister Ana Rojas said that Chile was arming the rebels and warned "
                    "of the consequences Santiago would face.")
    threats = [e for e in facts.events if e.category == "THREATEN"]
    assert threats and [s.code for s in threats[0].sources] == ["BOL"]
    assert [t.code for t in threats[0].targets] == ["CHL"]


def test_purpose_of_an_act_only_considered_is_not_an_event(extract):
    evs = _events(extract("Diplomats said Iran was considering sending drones to Syria to support its campaign."))
    assert not any(e[0] == "SUPPORT" for e in evs)


def test_country_of_a_place_address_is_not_a_recipient(extract):
    evs = _events(extract("Trade ministers failed to agree on a statement at talks in Mombasa, Kenya, on Friday."))
    assert not any("KEN" in e[2] for e in evs)


def test_stepping_back_with_the_particle_parsed_as_an_adverb(extract):
    evs = _events(extract("Poland said it would step back from the grain accord with Ukraine."))
    assert any(e[0] == "CONCEDE" and e[1] == ["POL"] for e in evs)


def test_promise_to_continue_a_war_is_a_threat(extract):
    evs = _events(extract("The Armenian president pledged to continue the war with Azerbaijan."))
    assert [e[0] for e in evs] == ["THREATEN"]


def test_postponed_visit_targets_the_host_country(extract):
    evs = _events(extract("Austrian Chancellor Karl Weber postponed a planned trip to Ankara."))
    assert ("REJECT", ["AUT"], ["TUR"]) in evs


def test_release_of_a_titled_person_targets_the_person_not_the_title_word(extract):
    facts = extract("Chinese mediators secured the release of NBA star Ken Moore, an American citizen.")
    retreat = [e for e in facts.events if e.category == "RETREAT"]
    assert retreat and [t.text for t in retreat[0].targets] == ["Ken Moore"]


def test_coordinated_country_name_and_demonym_are_both_sources(extract):
    evs = _events(extract("U.S. and Mexican negotiators urged Venezuela to release the prisoners."))
    assert ("REQUEST", ["MEX", "USA"], ["VEN"]) in evs


def test_noun_trigger_needs_its_modifier(extract):
    assert [e[0] for e in _events(extract("The Sudanese army launched a military campaign in Darfur."))] == ["ASSAULT"]
    assert not _events(extract("The Sudanese party launched an election campaign in Darfur."))


def test_participle_after_a_document_noun_is_not_the_subjects_act(extract):
    evs = _events(extract("Officials said Cuba and Laos were the only states to oppose a resolution by the "
                          "assembly condemning the attacks on Israel."))
    assert not any(e[0] == "ACCUSE" and ("CUB" in e[1] or "LAO" in e[1]) for e in evs)


def test_exercises_alone_are_a_show_of_force_and_with_a_partner_cooperation(extract):
    assert [e[0] for e in _events(extract("Iranian warships held three days of live-fire drills in the Gulf."))] \
        == ["MOBILIZE"]
    assert ("COOPERATE", ["EGY"], ["GRC"]) in _events(extract("The Egyptian navy held joint drills with Greece."))


def test_reaction_to_an_act_named_by_a_definite_noun_targets_its_author(extract):
    evs = _events(extract("Peru expelled Bolivia's ambassador on Monday. Bolivia's government condemned the decision."))
    assert ("ACCUSE", ["BOL"], ["PER"]) in evs


def test_endorsing_a_package_of_sanctions_is_a_sanction(extract):
    evs = _events(extract("Canada on Friday adopted a new package of sanctions against Belarus."))
    assert ("SANCTION", ["CAN"], ["BLR"]) in evs


def test_a_capital_inside_a_treaty_name_is_no_recipient(extract):
    evs = _events(extract("Chile urged Argentina to respect the Vienna Convention on consular relations."))
    assert all("AUT" not in e[2] for e in evs)


def test_will_start_withdrawing_is_an_announced_retreat(extract):
    evs = _events(extract("Rwanda will start withdrawing its troops from Burundi next month."))
    assert evs and evs[0][0] == "CONCEDE" and evs[0][1] == ["RWA"]


def test_promised_retaliatory_measures_are_a_threat(extract):
    evs = _events(extract("Venezuela's Foreign Ministry said Caracas would take retaliatory measures."))
    assert [e[0] for e in evs] == ["THREATEN"] and evs[0][1] == ["VEN"]


def test_condemning_an_attack_targets_the_attacker_not_the_victim(extract):
    assert ("ACCUSE", ["NER"], ["MLI"]) in _events(extract("Niger condemned the attack by Malian gunmen on a Togolese convoy."))
    assert all("TGO" not in e[2] for e in _events(extract("Niger condemned the attack on a Togolese convoy.")))


def test_a_speakers_own_state_in_the_warning_is_no_recipient(extract):
    evs = _events(extract("Indian Foreign Ministry spokesman Ravi Das warned that India would take all necessary "
                          "measures to defend its borders."))
    assert evs and evs[0][0] == "THREATEN" and "IND" not in evs[0][2]


def test_vowing_to_retaliate_is_a_threat_not_an_agreement(extract):
    evs = _events(extract("Armenia vowed to retaliate against Azerbaijan."))
    assert ("THREATEN", ["ARM"], ["AZE"]) in evs and not any(e[0] == "AGREE" for e in evs)


def test_missiles_striking_a_target_assault_not_a_labour_strike(extract):
    evs = _events(extract("Iranian drones struck an oil terminal in Basra on Monday."))
    assert [e[0] for e in evs] == ["ASSAULT"] and evs[0][1] == ["IRN"]
    evs = _events(extract("Portuguese dock workers struck on Monday over pay."))
    assert [e[0] for e in evs] == ["PROTEST"]


def test_blocking_a_decision_is_a_rejection(extract):
    evs = _events(extract("Poland blocked the Commission's proposal on migrant quotas."))
    assert [e[0] for e in evs] == ["REJECT"] and evs[0][1] == ["POL"]


def test_protesters_gathering_take_the_country_of_the_city_and_aim_at_the_mission(extract):
    evs = _events(extract("Hundreds of protesters gathered outside the French embassy in Bamako on Friday."))
    assert ("PROTEST", ["MLI"], ["FRA"]) in evs
    assert not _events(extract("Hundreds of residents gathered in Bamako for the festival."))


def test_forces_put_on_alert_mobilize(extract):
    evs = _events(extract("Pakistan placed its air force on high alert after the border clash."))
    assert [e[0] for e in evs] == ["MOBILIZE"] and evs[0][1] == ["PAK"]


def test_withdrawal_out_of_a_foreign_town_targets_its_country(extract):
    evs = _events(extract("Ethiopia pulled its troops out of the Somali town of Beledweyne."))
    assert ("RETREAT", ["ETH"], ["SOM"]) in evs


def test_tear_gas_on_a_local_crowd_is_crowd_control_on_the_place(extract):
    facts = extract("Riot police fired tear gas at students in Dhaka on Sunday.")
    assert ("ASSAULT", ["BGD"], ["BGD"]) in _events(facts)
    assert facts.events[0].mode == "crowd-control"


def test_investigators_of_an_organization_are_the_organization(extract):
    evs = _events(extract("UN inspectors blamed Syria for the attack on the town."))
    assert ("ACCUSE", ["IGO"], ["SYR"]) in evs


def test_rescue_team_sent_abroad_is_aid(extract):
    evs = _events(extract("Greece dispatched a rescue team to Albania after the floods."))
    assert ("AID", ["GRC"], ["ALB"]) in evs


def test_idioms_of_an_event_verb_are_no_event(extract):
    assert not _events(extract("The Chilean envoy struck a conciliatory tone on Monday."))
    evs = _events(extract("Chile and Peru struck a deal on fishing rights."))
    assert [e[0] for e in evs] == ["AGREE"]


def test_subject_the_parser_split_keeps_the_named_group(extract):
    evs = _events(extract("Sudan's paramilitary Rapid Support Forces attacked a camp near Nyala."))
    assert ("ASSAULT", ["SDN"], ["SDN"]) in evs


def test_pardoned_prisoners_are_the_actor_own_people(extract):
    evs = _events(extract("Belarus pardoned 37 political prisoners on Wednesday."))
    assert ("CONCEDE", ["BLR"], ["BLR"]) in evs
    evs = _events(extract("Armenia withdrew its troops from the village."))
    assert all(e[2] != ["ARM"] for e in evs)


def test_removal_from_a_terror_list_concedes(extract):
    evs = _events(extract("Canada removed Libya from its list of state sponsors of terrorism."))
    assert ("CONCEDE", ["CAN"], ["LBY"]) in evs


def test_sanction_lexicon_bans_revocations_and_ruling_out(extract):
    assert ("SANCTION", ["JPN"], ["CHN"]) in _events(extract("Japan banned imports of Chinese seafood."))
    assert [e[0] for e in _events(extract("Chad revoked its defence pact with France."))] == ["SANCTION"]
    assert [e[0] for e in _events(extract("Greece ruled out talks with Turkey on the islands."))] == ["REJECT"]


def test_released_prisoners_of_war_are_not_the_actor_own_people(extract):
    evs = _events(extract("Eritrea released 40 prisoners of war on Friday."))
    assert evs and evs[0][0] == "RETREAT" and evs[0][2] != ["ERI"]


def test_a_violation_told_by_another_state_is_its_accusation(extract):
    assert ("ACCUSE", ["EST"], ["BLR"]) in _events(extract("Estonia said Belarus had violated the airspace agreement."))
    # told of oneself, it stays the act itself
    assert [e[0] for e in _events(extract("Belarus said it had breached the quota by mistake."))] == ["REJECT"]


def test_troops_pulled_back_from_a_region_of_a_country(extract):
    evs = _events(extract("Ethiopia pulled its soldiers back from the Tigray region of Eritrea."))
    assert ("RETREAT", ["ETH"], ["ERI"]) in evs


def test_memoranda_money_pledges_and_export_controls(extract):
    assert ("AGREE", ["IRL"], ["NZL"]) in _events(extract("Ireland signed a memorandum of understanding with New Zealand."))
    assert ("AID", ["DNK"], ["SOM"]) in _events(extract("Denmark pledged 40 million dollars in relief for Somalia."))
    assert ("SANCTION", ["NLD"], ["CHN"]) in _events(extract("The Netherlands tightened export controls on lasers to China."))


def test_a_participle_after_a_relative_clause_is_the_predicate_the_parser_missed(extract):
    evs = _events(extract("Chilean President Ana Rojas, who leads the bloc this year, called on rich nations "
                          "to double their climate finance."))
    assert [(e[0], e[1]) for e in evs] == [("REQUEST", ["CHL"])]
    # a participle naming a thing still is none: "the cap agreed last year"
    assert _events(extract("The price cap agreed by the ministers last year remains in force.")) == []


def test_aid_given_with_a_with_phrase_or_approved_as_a_package(extract):
    assert ("AID", ["NOR"], ["MOZ"]) in _events(extract("Norway supplied Mozambique with emergency food aid in March."))
    assert ("AID", ["CAN"], ["POL"]) in _events(extract("Canada approved a military aid package for Poland."))
    # materiel and training handed over are aid too
    assert ("AID", ["KOR"], ["PHL"]) in _events(extract("South Korea provided the Philippines with three coast guard vessels."))
    assert ("AID", ["FRA"], ["BEN"]) in _events(extract("France gave Benin drones and training for its border units."))
    # approving a plan is still support
    assert [e[0] for e in _events(extract("Canada approved Poland's plan for the summit."))] == ["SUPPORT"]


def test_turning_down_and_going_on_strike(extract):
    assert ("REJECT", ["CHL"], ["BOL"]) in _events(extract("Chile turned down a Bolivian request for sea access."))
    assert [e[0] for e in _events(extract("Nigerian nurses went on strike over unpaid salaries."))] == ["PROTEST"]


def test_warplanes_sent_towards_a_country_and_drills_staged_alone(extract):
    assert ("MOBILIZE", ["RUS"], ["JPN"]) in _events(extract("Russia sent bombers and warships toward Japan on Friday."))
    assert [e[0] for e in _events(extract("Pakistan staged naval drills in the Arabian Sea."))] == ["MOBILIZE"]


def test_weapons_that_hit_a_place_are_an_assault_by_their_country(extract):
    assert ("ASSAULT", ["IRN"], ["IRQ"]) in _events(extract("Iranian drones hit a camp in the Kurdistan region of Iraq."))
    # the economy being hit is no attack
    assert _events(extract("Higher prices hit Egypt's economy in the second quarter.")) == []


def test_the_country_word_on_a_condemned_attack_is_the_target(extract):
    assert ("ACCUSE", ["GEO"], ["RUS"]) in _events(extract("Georgia condemned the Russian bombing of the pipeline."))


def test_receiving_a_visitor_and_arriving_for_talks_are_consultations(extract):
    assert ("CONSULT", ["EGY"], ["JOR"]) in _events(extract("The Egyptian president received the Jordanian foreign minister."))
    assert _events(extract("Ghana received a letter from Togo's president.")) == []
    assert ("CONSULT", ["ITA"], ["TUN"]) in _events(extract("The Italian prime minister arrived in Tunis for talks on migration."))


def test_the_two_governments_as_subject_are_the_pair_named_before(extract):
    evs = _events(extract("Chile and Peru clashed again. The two governments signed a memorandum on fishing."))
    assert ("AGREE", ["CHL", "PER"], []) in evs


def test_what_a_denied_accusation_says_is_not_its_target(extract):
    evs = _events(extract("Qatar denied accusations that it funds militant groups in Libya."))
    assert evs == [("REJECT", ["QAT"], [])]


def test_a_threat_is_aimed_at_the_doer_of_its_condition(extract):
    assert ("THREATEN", ["IND"], ["PAK"]) in _events(extract("India threatened to suspend the water treaty if Pakistan shelters militants."))
    assert ("THREATEN", ["TUR"], ["GRC"]) in _events(extract("Turkey warned it would retaliate if Greece armed the islands."))


def test_the_owner_of_a_welcomed_or_rejected_thing_is_the_target(extract):
    assert ("SUPPORT", ["NOR"], ["FIN"]) in _events(extract("Norway welcomed President Niinisto's latest proposal on Arctic fishing."))
    # "its forces": the actor's own, no target
    assert ("RETREAT", ["ARM"], ["ARM"]) not in _events(extract("Armenia pulled its forces back from the disputed villages."))


def test_a_foreign_office_speaks_for_its_state(extract):
    assert ("ACCUSE", ["BGD"], ["MMR"]) in _events(extract("Bangladesh's foreign office accused Myanmar of shelling border villages."))


def test_air_defences_moved_territory_handed_back_and_action_threatened(extract):
    assert [e[0] for e in _events(extract("Belarus moved air defence systems to its northern border."))] == ["MOBILIZE"]
    assert ("RETREAT", ["KGZ"], ["TJK"]) in _events(extract("Kyrgyzstan handed back two villages to Tajikistan."))
    assert ("THREATEN", ["IRN"], ["ISR"]) in _events(extract("Iran said it would take military action against Israel."))


def test_armed_men_of_no_named_country_act_for_the_country_where_they_act(extract):
    assert ("ASSAULT", ["MLI"]) in [(e[0], e[1]) for e in _events(extract("Armed fighters attacked a market in Menaka, Mali, on Sunday."))]


def test_a_big_city_the_tagger_missed_is_a_place(extract):
    assert ("ASSAULT", ["RUS"], ["UKR"]) in _events(extract("Russian drones struck Odesa overnight."))


def test_money_announced_or_allocated_as_aid(extract):
    assert ("AID", ["NOR"], ["SDN"]) in _events(extract("Norway announced 20 million dollars in humanitarian aid for Sudan."))
    assert ("AID", ["KOR"], ["LAO"]) in _events(extract("South Korea allocated 30 million dollars to Laos for rural roads."))
    # announced sanctions stay sanctions
    assert [e[0] for e in _events(extract("Norway announced new sanctions against Belarus."))] == ["SANCTION"]


def test_talks_offered_at_home_have_no_host_to_aim_at(extract):
    assert _events(extract("Chile's President Rosa Vidal offered to hold talks in Santiago.")) == [("AGREE", ["CHL"], [])]
    assert _events(extract("Chile's President Rosa Vidal postponed a trip to Lima.")) == [("REJECT", ["CHL"], ["PER"])]


def test_declining_to_comment_is_no_rejection(extract):
    assert _events(extract("Peru declined to comment on the report.")) == []
    assert _events(extract("Peru refused to comment.")) == []
    assert _events(extract("Peru declined to sign the accord.")) == [("REJECT", ["PER"], [])]


def test_a_past_verb_the_parser_joins_to_an_infinitive_keeps_the_main_subject(extract):
    evs = _events(extract("Peru told reporters that the envoys had two days to leave and accused Chile of spying."))
    assert ("ACCUSE", ["PER"], ["CHL"]) in evs


def test_diplomats_ordered_out_are_expelled(extract):
    assert _events(extract("Peru ordered three Chilean diplomats to leave the country.")) == [("SANCTION", ["PER"], ["CHL"])]


def test_troops_sent_to_the_border_are_mobilized(extract):
    assert _events(extract("Peru sent 500 more soldiers to the border on Monday.")) == [("MOBILIZE", ["PER"], [])]


def test_the_actors_own_body_named_as_owner_is_no_recipient(extract):
    evs = _events(extract("Poland has many NATO allies. NATO Secretary General Mark Rutte spoke with Polish "
                          "President Andrzej Duda by phone and expressed the alliance's solidarity with Poland."))
    assert [e[2] for e in evs if e[0] == "SUPPORT"] == [["POL"]]


def test_people_of_an_international_body_act_for_it(extract):
    assert _events(extract("Foreign ministers of the African Union urged Sudan to end the fighting.")) == [
        ("REQUEST", ["IGO"], ["SDN"])]


def test_cutting_is_a_sanction_only_when_something_owed_to_others_is_cut(extract):
    assert _events(extract("Peru cut its emissions by a third last year.")) == []
    assert _events(extract("Peru cut aid to Bolivia on Monday.")) == [("SANCTION", ["PER"], ["BOL"])]


def test_calling_a_thing_a_milestone_or_a_breakthrough_is_support(extract):
    assert _events(extract("Chile described the accord as a milestone.")) == [("SUPPORT", ["CHL"], [])]
    assert _events(extract("Chile called the talks a real breakthrough.")) == [("SUPPORT", ["CHL"], [])]


def test_brussels_acting_is_the_eu_and_a_meeting_there_is_in_belgium(extract):
    assert _events(extract("Brussels imposed new sanctions on Peru on Monday.")) == [("SANCTION", ["IGO"], ["PER"])]
    f = extract("Peru's President Rosa Vidal met Chile's President Juan Soto in Brussels on Monday.")
    assert [(m.place, [p.code for p in m.participants]) for m in f.meetings] == [("place/2800866", ["PER", "CHL"])]
    f = extract("Talks\n\nBRUSSELS, May 2 (Reuters) - Peru and Chile held talks on Monday.")
    assert "org/european-union" not in f.actors


def test_responding_in_kind_is_retaliation_and_threatened_when_warned(extract):
    assert [e[0] for e in _events(extract("Peru warned that Lima would respond in kind."))] == ["THREATEN"]
    assert ("THREATEN", ["ARG"], ["CHL"]) in _events(extract("Argentina vowed to react in kind to Chile's new tariffs."))
    assert _events(extract("Peru said it would respond to the letter.")) == []


def test_a_demand_in_the_subjunctive_is_a_request_of_the_clause_subject(extract):
    assert ("REQUEST", ["GEO"], ["RUS"]) in _events(extract("Georgia insisted that Russia withdraw its troops."))
    assert [e[0] for e in _events(extract("Georgia insisted that Russia has no troops there."))] == []
    noun = _events(extract("Georgian President Salome Zourabichvili repeated her demand that Russia withdraw its troops."))
    assert ("REQUEST", ["GEO"], ["RUS"]) in noun
