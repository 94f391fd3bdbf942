"""What an event takes from its sentence (its date, its actors' country), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.pipeline import Pipeline, Resources
from wirecoder.schema import Article

PUBLISHED = date(2026, 11, 20)  # a Friday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Resources.load())


def _events(pipeline: Pipeline, text: str) -> list[dict]:
    article = Article(id=Article.make_id(text), text=text, published=PUBLISHED)
    return [e.to_dict() for ca in pipeline.code_articles([article]) for e in ca.events]


def test_a_request_is_dated_when_made_not_when_the_requested_act_is_due(pipeline):
    events = _events(pipeline, "The UN envoy urged both sides to return to talks in Vienna next month.")
    request = next(e for e in events if e["event_type"] == "REQUEST")
    assert request["date"] == "2026-11-20"


def test_the_events_own_time_expression_dates_it(pipeline):
    events = _events(pipeline, "Kurdish forces routed Islamic State militants in Qamishli on Monday.")
    assault = next(e for e in events if e["event_type"] == "ASSAULT")
    assert assault["date"] == "2026-11-16" and assault["date_text"] == "Monday"


@pytest.mark.parametrize("text,trigger,date_text", [
    # a possessive date belongs to its noun: the election, not the rejection of its results
    ("Thousands of opposition supporters marched to reject the results of last month's election.", "reject", None),
    ("Western governments questioned the official results of Sunday's presidential election.", "questioned",
     None),
    # a subject's date is its act's ("Sunday's attack killed...")
    ("Sunday's attack killed five soldiers near the border.", "killed", "Sunday"),
    # a time ahead hung on something else does not date a done act
    ("He has proposed a referendum on a new constitution after parliamentary elections next year.", "proposed",
     None),
    # a date in a parenthetical on a noun describes the noun
    ("The ruling party, in power since independence in 1975, rejected the fraud allegations on Monday.",
     "rejected", "Monday"),
])
def test_a_date_that_belongs_to_a_noun_does_not_date_the_act(pipeline, text, trigger, date_text):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert event["date_text"] == date_text and event["modality"] != "historical"


def test_where_people_came_from_gives_the_sentences_actors_no_country(pipeline):
    text = ("ATHENS, Dec 14 - Five migrants died after a boat capsized off Crete, the Greek coast guard said. "
            "Coast guard vessels rescued 39 people who had set off from the Libyan port of Tobruk.")
    rescue = next(e for e in _events(pipeline, text) if e["trigger"] == "rescued")
    assert [a["country"] for a in rescue["actor"]] == ["GRC"]


def test_actors_without_a_country_take_their_sentences_not_the_articles(pipeline):
    # The article is mostly about Mali; the Lagos sentence's protesters are Nigerian.
    text = ("Soldiers in northern Mali killed five militants near Gao on Sunday. Mali's army said more "
            "operations near Timbuktu and Mopti would follow.\n\n"
            "Police in Lagos arrested 40 protesters who had marched on the state assembly.")
    events = _events(pipeline, text)
    coerce = next(e for e in events if e["event_type"] == "COERCE")
    assert [r["country"] for r in coerce["recipient"]] == ["NGA"]
    assault = next(e for e in events if e["event_type"] == "ASSAULT")
    assert [r["country"] for r in assault["recipient"]] == ["MLI"]


def _by_type(events: list[dict], event_type: str) -> dict:
    return next(e for e in events if e["event_type"] == event_type)


def test_a_deed_in_a_sentence_naming_no_place_happened_where_the_paragraphs_last_deed_did(pipeline):
    text = ("Hundreds of people protested against bread prices in Kisumu on Monday. "
            "Police fired tear gas to disperse the crowd.")
    coerce = _by_type(_events(pipeline, text), "COERCE")
    assert coerce["location"]["name"] == "Kisumu"


def test_a_new_paragraph_or_a_new_place_is_a_new_scene(pipeline):
    text = ("Hundreds of people protested against bread prices in Kisumu on Monday.\n\n"
            "Police fired tear gas to disperse the crowd.")
    assert _by_type(_events(pipeline, text), "COERCE")["location"] is None
    text = ("Hundreds of people protested against bread prices in Kisumu on Monday. Ministers met in Nairobi. "
            "Police fired tear gas to disperse the crowd.")
    assert _by_type(_events(pipeline, text), "COERCE")["location"] is None


def test_a_sentence_that_tells_of_no_event_leaves_the_scene(pipeline):
    text = ("Kurdish fighters clashed with militiamen in Qamishli on Wednesday. The city near the border with "
            "Turkey is mostly held by the YPG. A gun battle at a prison in the city ended with the surrender of "
            "40 militiamen.")
    event = next(e for e in _events(pipeline, text) if e["trigger"] == "gun battle")
    assert event["location"]["name"] == "Al Qāmishlī"


def test_a_statement_takes_no_place_from_the_sentence_before(pipeline):
    text = ("Hundreds of people protested against bread prices in Kisumu on Monday. "
            "The opposition accused the government of starving the poor.")
    assert _by_type(_events(pipeline, text), "ACCUSE")["location"] is None


def test_strikes_that_hit_something_are_attacks_not_walkouts(pipeline):
    events = _events(pipeline, "The strikes hit a building near the port and a car on the coastal road.")
    assert "PROTEST" not in {e["event_type"] for e in events}
    assert "ASSAULT" in {e["event_type"] for e in events}
    events = _events(pipeline, "Dock workers in Mombasa went on strike on Monday over unpaid wages.")
    assert "PROTEST" in {e["event_type"] for e in events}


def _names(refs: list[dict]) -> list[str]:
    return [r.get("name") or r.get("text") or "" for r in refs]


def test_the_wire_agency_in_a_dateline_is_not_the_actor(pipeline):
    events = _events(pipeline, "MOGADISHU, March 4 (Reuters) - Al-Shabaab militants stormed an army post near "
                               "Jowhar on Tuesday, a regional official said.")
    storming = next(e for e in events if e["trigger"] == "stormed")
    names = _names(storming["actor"])
    assert "Reuters" not in names and any("Shabaab" in n for n in names), names


def test_a_verb_coordinated_with_an_intention_verb_is_no_intention(pipeline):
    # "set" governs a plan only as "set to"; here it is the first of two things the gunmen did
    events = _events(pipeline, "Gunmen set fire to a clinic in Bamenda and abducted three nurses, a local "
                               "official said.")
    abduction = next(e for e in events if "abduct" in e["mode"])
    assert abduction["event_type"] == "ASSAULT" and abduction["modality"] == "reported"
    assert abduction["location"]["text"] == "Bamenda"


def test_a_verbal_act_aimed_at_a_capital_did_not_happen_there(pipeline):
    events = _events(pipeline, "Armenia's foreign ministry accused Baku of shelling border villages.")
    accusation = next(e for e in events if e["event_type"] == "ACCUSE")
    assert accusation["location"] is None or accusation["location"]["text"] != "Baku"
    # a place inside the addressee's phrase is still where it happened
    events = _events(pipeline, "Poland's foreign ministry summoned Russia's ambassador in Warsaw on Friday to "
                               "protest against the drone incursion.")
    summons = next(e for e in events if e["event_type"] in ("ACCUSE", "CONSULT", "SANCTION"))
    assert summons["location"]["text"] == "Warsaw"


@pytest.mark.parametrize("text", [
    # the tagger takes "Sagaing" for a verb: its clause is still the bombing's
    "Myanmar jets bombed a market near the Sagaing bridge on Friday.",
    # the name and its kind ("Sagaing region") are the preposition's object together, as "in Myanmar" is
    "Soldiers torched homes in Sagaing region in Myanmar on Friday.",
])
def test_the_division_named_beats_the_country_around_it(pipeline, text):
    strike = next(e for e in _events(pipeline, text) if e["event_type"] == "ASSAULT")
    assert strike["location"]["text"] == "Sagaing"


def test_the_story_after_an_agency_dateline_is_coded(pipeline):
    # the parser hangs "fighters" on the dateline and "killed" on them, as if it described them
    events = _events(pipeline, "OUAGADOUGOU (AFP) - Jihadist fighters killed at least 30 soldiers in an attack "
                               "near Djibo.")
    killing = next(e for e in events if e["trigger"] == "killed")
    assert killing["event_type"] == "ASSAULT"
    assert "fighter" in _names(killing["actor"]) and "soldier" in _names(killing["recipient"])


def test_a_town_placed_by_a_bearing_from_another_is_the_scene(pipeline):
    events = _events(pipeline, "Two civilians were killed by shelling in Kostiantynivka, about 25 kilometers "
                               "(15 miles) south of Kramatorsk, local officials said.")
    killing = next(e for e in events if e["trigger"] == "killed")
    assert killing["location"]["text"] == "Kostiantynivka"


def test_they_who_issued_the_statement_call_for_restraint(pipeline):
    events = _events(pipeline, "The United States, Britain and Germany issued a joint statement saying they were "
                               "deeply concerned by the violence and called for restraint.")
    request = next(e for e in events if e["event_type"] == "REQUEST")
    assert "USA" in [a["country"] for a in request["actor"]]


def test_the_town_people_fled_is_no_actor(pipeline):
    # "Djibo" is also the surname of a former head of state of Niger
    events = _events(pipeline, "Thousands of residents have fled Djibo for the regional capital Ouahigouya in "
                               "recent months, aid agencies said.")
    flight = next(e for e in events if e["trigger"] == "fled")
    assert not flight["actor"] and flight["location"]["text"] == "Djibo"


def test_a_finite_adverbial_clause_does_not_borrow_the_main_subject(pipeline):
    # the parser makes "an attack" the object of "after", leaving "killed" without a subject
    events = _events(pipeline, "Iraqi security forces arrested 12 suspected militants in raids in Kirkuk province, "
                               "a day after an attack on an army post near Hawija killed four soldiers.")
    killing = next(e for e in events if e["trigger"] == "killed")
    assert not any("forces" in (a.get("text") or "") for a in killing["actor"])


@pytest.mark.parametrize("text,trigger,country", [
    # the parser hangs the verb on the dateline, and the soldiers on it as a conjunct
    ("BAMAKO, March 2 (Reuters) - Malian soldiers and foreign fighters killed at least 20 civilians in a village "
     "near Timbuktu last week, local officials said.", "killed", "MLI"),
    # the agency and the subject both hang on the dateline; the subject is the one after the dash
    ("BANGKOK (Reuters) - A Myanmar military air strike on a village in western Rakhine state killed at least "
     "18 people, a rebel group said.", "killed", "MMR"),
    # the parser makes the dateline the subject of a verb above the killing
    ("BAMAKO, March 2 (Reuters) - Malian soldiers and foreign fighters believed to be from Russia's Wagner Group "
     "killed at least 20 civilians in a village near the northern city of Timbuktu last week, local officials and a "
     "rights group said.", "killed", "MLI"),
])
def test_the_subject_after_the_dateline_is_the_actor(pipeline, text, trigger, country):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert country in [a["country"] for a in event["actor"]]
    dateline = text.split()[0].strip(",")
    assert not any(a.get("name") == "Reuters" or dateline in (a.get("text") or "") for a in event["actor"])


@pytest.mark.parametrize("text,trigger,place", [
    ("Tens of thousands of people rallied in the Georgian capital on Saturday.", "rallied", "Tbilisi"),
    ("Shelling killed five people in the Sudanese capital, residents said.", "killed", "Khartoum"),
    # what a place owns that is a part of it is there
    ("Government forces shelled Aleppo's eastern districts on Monday.", "shelled", "Aleppo"),
])
def test_scenes_named_without_a_toponym_of_their_own(pipeline, text, trigger, place):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert event["location"]["name"] == place


def test_the_capital_of_an_ambiguous_adjective_is_not_guessed(pipeline):
    # "Congolese" names two countries and two capitals
    event = next(e for e in _events(pipeline, "Police arrested ten activists in the Congolese capital.")
                 if e["trigger"] == "arrested")
    assert event["location"] is None


def test_ordering_diplomats_out_is_expelling_them(pipeline):
    events = _events(pipeline, "Russia ordered two British diplomats to leave within a week.")
    order = next(e for e in events if e["trigger"] == "ordered")
    assert order["event_type"] == "SANCTION" and order["mode"] == ["expel"]
    assert [r["country"] for r in order["recipient"]] == ["GBR"]


def test_the_speaker_after_a_dateline_is_the_actor_it_speaks_for(pipeline):
    events = _events(pipeline, "DUBAI, Jan 12 (Reuters) - Yemen's Houthi movement said on Friday it had fired "
                               "missiles at a British oil tanker in the Gulf of Aden.")
    firing = next(e for e in events if e["trigger"] == "fired")
    assert firing["attribution"]["name"] == "Houthis" and [a["name"] for a in firing["actor"]] == ["Houthis"]


@pytest.mark.parametrize("text,second,event_type", [
    ("The opposition rejected the election results and accused the electoral commission of fraud.",
     "accused", "ACCUSE"),
    ("The rebel spokesman condemned the raid and called on the army to free the detained villagers.",
     "called on", "REQUEST"),
])
def test_a_second_act_coordinated_with_a_verbal_act_is_its_own_event(pipeline, text, second, event_type):
    # the second verb is a separate act of the same speaker, not the content of the first
    event = next(e for e in _events(pipeline, text) if e["trigger"] == second)
    assert event["event_type"] == event_type and event["actor"]


def test_calling_for_something_to_be_done_is_a_request_not_a_phone_call(pipeline):
    events = _events(pipeline, "Student leaders called for the curfew to be lifted.")
    assert [e["event_type"] for e in events] == ["REQUEST"]
    assert events[0]["trigger"] == "called for"


def test_a_place_closing_an_organisations_name_is_no_scene(pipeline):
    events = _events(pipeline, "The Press Union of West Africa condemned the arrest of the two reporters.")
    condemn = next(e for e in events if e["trigger"] == "condemned")
    assert condemn["location"] is None


def test_the_weapon_a_passive_fired_is_no_recipient(pipeline):
    events = _events(pipeline, "Rockets were fired from Syria towards the Israeli town of Metula.")
    firing = next(e for e in events if e["trigger"] == "fired")
    assert [(r["name"], r["sectors"]) for r in firing["recipient"]] == [("Israel", [])]


def test_a_month_is_no_object_of_the_verb(pipeline):
    # "in March" once matched the row for suspending a march (a CONCEDE that then swallowed the attack)
    events = _events(pipeline, "The president suspended a truce with the rebels in March after they "
                               "attacked an army post in the north.")
    assert {e["trigger"]: e["event_type"] for e in events} == {"suspended": "SANCTION", "attacked": "ASSAULT"}


@pytest.mark.parametrize("text,trigger,place", [
    # a decision taken after an attack was not taken where the attack was
    ("The government suspended peace talks with the rebels after they ambushed a convoy near Tumaco.",
     "suspended", None),
    # an arrest after an attack most often was
    ("Police arrested 20 men after rioters attacked a mosque in Southport.", "arrested", "Southport"),
    # nor was an accusation made where a coordinated demand is to take effect
    ("The premier accused Belgrade of arming the gunmen and urged the EU to impose sanctions on Serbia.",
     "accused", None),
    # sanctions imposed on a country are imposed from elsewhere
    ("The European Union imposed sanctions on Belarus after the disputed election.", "imposed", None),
    # leaving a city happens there
    ("With talks on hold, the rebel delegation left Doha on Sunday.", "left", "Doha"),
    # each of several coordinated subjects is an actor, not a scene
    ("Denmark, Norway and Sweden imposed travel bans on the junta's ministers.", "imposed", None),
    # a place named with its kind ("the X strait") is as much the object of "near" as "the strait of X",
    # and beats a place in a relative clause describing the actor
    ("The Houthis, who control much of northern Yemen, attacked a freighter near the Bab al-Mandab strait.",
     "attacked", "Bab al-Mandab"),
    # the parties a mediator goes between are no scene
    ("Qatar, which has mediated between Kinshasa and the rebels, urged restraint.", "mediated", None),
    # a union to join is no scene
    ("Students have marched for three days since the cabinet dropped its bid to join the European Union.",
     "marched", None),
    # an accusation takes no place from a relative clause on a noun inside it
    ("The minister accused Tehran of arming the militia, which has launched raids in Kirkuk province.",
     "accused", None),
    # a dateline abroad is no scene for a state's own act
    ("SEOUL, Oct 31 - North Korea fired a ballistic missile into the sea on Thursday.", "fired", None),
    # a union of states has no country of its own: it acts where it files from
    ("BRUSSELS - The European Union on Monday imposed new sanctions on Belarus, freezing the assets of 19 "
     "officials.", "imposed", "BRUSSELS"),
    # a resignation or a brokering takes no scene from the others named
    ("The prime minister resigned after supporters of the ruling party attacked students in Novi Sad.",
     "resigned", None),
    ("The United States, which brokered the deal with France, said the ceasefire was holding.",
     "brokered", None),
    # the words of another statement give no scene: the parser hangs "warned" on "killed"
    ("Sudan's army said the drone strikes killed six women and children and warned that Chad would face "
     "consequences.", "killed", None),
    # a fronted place the parser hangs on a speech verb that follows the report is the report's scene
    ("In Kherson, a shelling attack damaged a school and wounded two teachers, the regional governor said.",
     "wounded", "Kherson"),
    # the neighbour across a border is no scene
    ("Soldiers clashed with the raiders near the border with Chad, the governor said.", "clashed", None),
    # where a party comes from is no scene, unless the act takes it out of there
    ("A roadside bomb wounded three engineers from Pakistan on Tuesday.", "wounded", None),
    ("Soldiers evacuated 40 families from Bunia on Tuesday.", "evacuated", "Bunia"),
    # a coordinated clause with a doer of its own tells of another event
    ("The militia pulled out of the market, and shopkeepers fled toward Bunia.", "pulled out", None),
    # the reason cited for an act is no scene
    ("Washington suspended military aid, citing the junta's crackdown on protesters in Niamey.", "suspended", None),
    # who leads, backs or houses a party is no scene
    ("The Saudi-led coalition said its jets struck a camp, and the Tehran-backed militia denied losses.",
     "denied", None),
    # a deployment happens where it goes, not where the forces left from
    ("Kenyan police were flown from their base in Nairobi to reinforce the mission.", "flown", None),
    # where a road leads is no scene
    ("Truckers blocked the highway to Lusaka with their lorries for a second day.", "blocked", None),
    # a possessive place is a party: the next place the sentence names is the scene
    ("Yemen's Houthi group has detained nine aid workers in areas it controls, including the capital Sanaa, "
     "officials said.", "detained", "Sanaa"),
    # the act a request or a summons is for happens elsewhere
    ("The prime minister called on the European Union to impose sanctions on Serbia.", "called on", None),
    # the neighbour across a border crossing is no scene either
    ("Farmers blocked two border crossings with Slovakia on Monday.", "blocked", None),
    # a country says least: a division the event's own words reach is the scene
    ("YANGON, March 9 - A Myanmar military air strike killed at least 12 people in a village in Chin state's "
     "Zarvoro township on Saturday, the Chin National Front said.", "killed", "Chin"),
    # a list's later members are as much the preposition's objects as its first
    ("Strikes hit homes in Zarvoro and Nabatieh, and a shop on the outskirts of Tyre, the ministry said.", "hit",
     "Nabatieh"),
    # a place naming whose office a person holds is no scene
    ("U.S. Secretary of State Antony Blinken condemned the attack.", "condemned", None),
    # a march "through" a town is there, not in a town the marchers' demand is about
    ("Police detained 30 people after crowds marched through central Tbilisi to demand an inquiry into a fire "
     "at a nightclub in Batumi.", "detained", "central Tbilisi"),
    # a place opening the name of a party is no scene; one opening a venue's is
    ("Jets struck fighters of the Kurdistan Democratic Party of Iran overnight.", "struck", None),
    ("Two journalists were beaten at Harare Central police station.", "beaten", "Harare"),
    # witnesses on the spot tell of what happened where they are
    ("In Kadugli, residents said artillery fire had killed four children on Sunday.", "killed", "Kadugli"),
    ("Residents of Kadugli said artillery fire had killed four children on Sunday.", "killed", "Kadugli"),
    # a deed at a border or in a compass part of the land is not at the wire dateline
    ("BANGKOK, Jan 5 - Thai and Burmese troops exchanged fire at several points along the border on Sunday.",
     "exchanged", None),
    ("ISLAMABAD, May 2 - Pakistani forces killed nine militants in a raid on a hideout in the northwest.",
     "killed", None),
    # an attack is where its target is, not at a dateline in the attacker's country
    ("BANGKOK, July 24 - Thai jets struck Cambodian military positions on Thursday.", "struck", None),
    ("KYIV, July 24 - Ukrainian drones hit a Russian oil refinery overnight, officials said.", "hit", None),
    # the dateline is where a state's own act at home was done, however the parser hangs it
    ("NAIROBI, June 2 - Kenya's government ordered the closure of two radio stations on Monday.", "ordered",
     "NAIROBI"),
    # what an office is for is no scene
    ("The African Union envoy for Libya, a former diplomat, called on both sides to hold talks.", "called on",
     None),
    # the country whose leaders act is a party
    ("The leaders of Armenia and Azerbaijan signed an agreement on Friday.", "signed", None),
    # who did what a noun names is a party, not a scene
    ("Iran seized a tanker in retaliation for the confiscation of its oil by the United States last year.",
     "confiscation", None),
    # a compass part of a country is a region of it
    ("Kosovo police raided five offices in the Serb-majority north of Kosovo on Friday.", "raided",
     "north of Kosovo"),
    # an act told in a relative clause took place inside it, or at the noun it describes
    ("The junta, which seized power in 2022, has expelled French troops and turned to Russia for help.", "seized",
     None),
    ("The rebels, who seized Goma in January, attacked Bukavu on Sunday.", "seized", "Goma"),
    # a bearing after a place and its kind says where that place lies
    ("Rebels captured a police post in Pauktaw township, about 25 km east of Sittwe, on Monday.", "captured",
     "Pauktaw"),
    # where people were carried to is not where they were carried from
    ("UN peacekeepers evacuated wounded civilians to a hospital in Bouar on Thursday.", "evacuated", None),
    # where a thing shot down was launched from is not where it was shot down
    ("Ukraine's air force said it had shot down 79 drones launched overnight from the Russian regions of Kursk "
     "and Bryansk.", "shot down", None),
    # a verbal act in a clause on a place by "where" was done there
    ("The envoy travelled to Doha on Sunday, where he urged Hamas to accept the deal.", "urged", "Doha"),
    # a dateline the parser hangs on the speech verb is a candidate scene like any other
    ("BISSAU, Nov 26 - Army officers said on Wednesday they had taken control of the country.", "taken",
     "BISSAU"),
    # an apposition telling what a place is only says where it lies
    ("The militia has besieged El Fasher, the army's last stronghold in the Darfur region, since May.", "besieged",
     "El Fasher"),
    # a place closing an organisation's name is its reach, where the model ends the name before "of" too
    ("The Law Society of Kenya condemned the police action.", "condemned", None),
    # the party a verbal act is aimed at is no scene for another act in the sentence
    ("The Congolese government accused Rwanda of backing the rebels, a charge Kigali denies.", "denies", None),
    # the purpose of an agreement is no scene
    ("The two sides signed an accord aimed at ending fighting in Darfur.", "signed", None),
    # a country ready to act is a party, not a scene
    ("Maduro said the two sides had agreed to work together on migration and that Venezuela was ready to accept "
     "deportation flights.", "agreed", None),
    # the country a clause says it happened across
    ("DHAKA, July 18 - Student protesters clashed with police in Dhaka on Thursday, and at least 25 people were "
     "killed across the country, hospitals said.", "killed", "across the country"),
    # nor what it holds a party to account for, for it or an act coordinated with it
    ("India has blamed Pakistan for the attack near Pahalgam and suspended a water-sharing treaty.", "suspended",
     None),
    ("Cambodia accused Thailand of using excessive force near the Ta Muen Thom temple.", "accused", None),
    ("The International Criminal Court issued arrest warrants on Tuesday for the Taliban's leader, accusing him "
     "of persecuting women and girls in Afghanistan.", "issued", None),
    # what is discussed is no scene, nor where a party named in a phrase is based; the actor's own base is
    ("The two leaders discussed the reconstruction of Syria and the lifting of Western sanctions.", "discussed",
     None),
    ("The president discussed security with his Kenyan counterpart in Nairobi.", "discussed", "Nairobi"),
    ("OUAGADOUGOU, April 21 - The junta said it had arrested army officers and people based in neighbouring Ivory "
     "Coast over a coup plot.", "arrested", "OUAGADOUGOU"),
    ("The Palestinian Authority, based in Ramallah, suspended security coordination with Israel.", "suspended",
     "Ramallah"),
    # the denier hung on the charge is a party, no scene
    ("Thailand accused Cambodian troops of violating the truce, a charge Phnom Penh denied.", "denied", None),
    # what a denial says did not happen is no scene of the denial
    ("DUBAI, May 14 - Iran denied on Tuesday that it had attacked a tanker in the Gulf of Oman.", "denied", None),
    # where people fled to is no scene of what drove them
    ("Rebel groups have stepped up attacks in the region since December, forcing thousands of people to seek "
     "refuge in neighbouring Chad.", "attacks", None),
    # what an act decided apart is against is no scene
    ("The European Union adopted a package of sanctions against Russia on Monday, banning imports of Russian "
     "aluminium.", "banning", None),
    # what talks are about is not where they are held
    ("CAIRO, Feb 20 - Talks on extending the Gaza ceasefire stalled on Thursday.", "Talks", "CAIRO"),
    # the parties to an act are not where it happened, also where the parser hangs them on the dateline
    ("KUALA LUMPUR, July 28 - Thailand and Cambodia agreed on Monday to a ceasefire, Malaysia's prime minister "
     "said.", "agreed", None),
    # nor the neighbour across the border, where the parser hangs "with Mali" on the verb
    ("The army said its aircraft had struck the fighters as they withdrew towards the border with Mali.", "struck",
     None),
    # nor is the cause an act claims to serve
    ("The rebel group has attacked dozens of ships since November 2023 in what it says is solidarity with "
     "Palestinians in Gaza.", "attacked", None),
    # nor where an act decided at home takes someone from
    ("Thailand recalled its ambassador from Phnom Penh and expelled Cambodia's envoy.", "recalled", None),
    # nor where a later clause under the act is set
    ("SEOUL, Nov 5 - North Korea fired a ballistic missile toward the sea on Tuesday, hours before polls opened "
     "in the U.S. presidential election.", "fired", None),
    # nor where the speaker's own appeal, hung by the parser on what the speaker reports, is to be heeded
    ("The president said the vote had been falsified and called on supporters to rally in Tbilisi on Monday.",
     "falsified", None),
    # nor the party another act is done with
    ("Iranian authorities have arrested dozens of people accused of collaborating with Israel.", "arrested", None),
    # nor a foreign dateline, where an act with no actor befalls another state's people
    ("DUBAI, June 16 - Two Iranian dissidents were sentenced to death on Monday, their lawyer said.", "sentenced",
     None),
    # nor the reason a "be" gives for the act, whatever the parser hangs on it
    ("The Houthis say their attacks on shipping are in solidarity with Palestinians in Gaza.", "attacks", None),
    # nor where the speaker rules, as a relative clause on the speaker tells it
    ("The Houthis, who control most of northern Yemen, said they had attacked a cargo ship.", "attacked", None),
    # nor whose rulers an appeal is made to
    ("The bloc's envoy called on the juntas in Guinea, Mali and Niger to hold elections.", "called on", None),
    # nor what a protest is about, where the sentence names the scene
    ("Police fired water cannon at farmers who blocked a road in Athens on Monday, the latest in weeks of protests "
     "over a fertiliser plant explosion in Volos.", "fired", "Athens"),
    # a place that is itself the "over" phrase's object may be the scene
    ("Air defences shot down eight drones over Crimea on Sunday, the ministry said.", "shot down", "Crimea"),
    # a town near a city is the scene, not the city it is near
    ("The army said rebel drones had hit three sites in the east, including a market in Sake near Goma, "
     "killing 11 people.", "killing", "Sake"),
])
def test_the_scene_of_an_event(pipeline, text, trigger, place):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert (event["location"] or {}).get("text") == place


def test_the_act_answered_lends_neither_its_place_nor_its_weapon(pipeline):
    events = _events(pipeline, "The militia said it shelled the airport in response to a drone strike that "
                               "killed three of its commanders near Kidal.")
    shelling = next(e for e in events if e["trigger"] == "shelled")
    assert shelling["location"] is None and "drone" not in shelling["mode"]


@pytest.mark.parametrize("text,trigger,mode", [
    ("Soldiers raided the village hours after gunmen fired rockets at a checkpoint.", "raided", "heavy-weapons"),
    # gunmen the act is aimed at lend it no weapon
    ("The military said it had struck a cell of gunmen from the air.", "struck", "firearms"),
    # a coordinated clause with a subject of its own is another act
    ("Army units fought rebels outside Goma on Monday, and drone strikes hit a market nearby, residents said.",
     "fought", "drone"),
])
def test_a_weapon_in_a_clause_of_its_own_is_not_the_acts(pipeline, text, trigger, mode):
    act = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert mode not in act["mode"]


def test_a_past_tense_the_parser_hung_on_an_infinitive_is_the_speakers_own_act(pipeline):
    events = _events(pipeline, "The foreign minister accused Moscow of trying to starve the country's ports and "
                               "urged allies to send more air defence systems.")
    urge = next(e for e in events if e["trigger"] == "urged")
    assert urge["event_type"] == "REQUEST" and urge["modality"] == "asserted" and urge["actor"]


def test_an_accusation_the_accused_denies_is_still_coded(pipeline):
    events = _events(pipeline, "Pakistan has accused the Taliban of sheltering militants, a charge Kabul denies.")
    assert {"ACCUSE", "REJECT"} <= {e["event_type"] for e in events}


@pytest.mark.parametrize("text,trigger,actor,recipient", [
    ("Police said officers had been deployed to rescue the hostages.", "rescue", "officer", "hostage"),
    ("The prisoners were due to be released on Monday.", "released", None, "prisoner"),
])
def test_who_does_a_passives_purpose_and_who_undergoes_its_complement(pipeline, text, trigger, actor, recipient):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert [a["name"] for a in event["actor"]] == ([actor] if actor else [])
    assert [r["name"] for r in event["recipient"]] == [recipient]


def test_a_relative_pronoun_under_a_reporting_verb_stands_for_its_noun(pipeline):
    events = _events(pipeline, "The rebels, who United Nations experts say are backed by neighbouring Rwanda, "
                               "seized the town.")
    backing = next(e for e in events if e["trigger"] == "backed")
    assert [a["country"] for a in backing["actor"]] == ["RWA"] and backing["recipient"]


def test_a_relative_clause_on_the_speaker_gives_its_words_no_place(pipeline):
    events = _events(pipeline, "Angola, which has mediated between Congo and Rwanda, called for a ceasefire.")
    assert next(e for e in events if e["trigger"] == "called for")["location"] is None


def test_a_refusal_does_not_negate_a_promise_the_parser_hung_on_it(pipeline):
    events = _events(pipeline, "The president said he would not seek a third term and promised a national dialogue.")
    promise = next(e for e in events if e["trigger"] == "promised")
    assert promise["modality"] == "asserted" and promise["event_type"] == "AGREE"


def test_a_relative_clause_lends_no_actor_to_the_noun_it_describes(pipeline):
    events = _events(pipeline, "The deal ends years of hostility between the two rivals, which have backed "
                               "opposing sides in conflicts from Yemen to Libya.")
    assert all(r["country"] not in ("YEM", "LBY") for e in events for r in e["recipient"])


def test_a_round_of_sanctions_has_its_target_not_its_date_as_recipient(pipeline):
    events = _events(pipeline, "Washington on Tuesday imposed a fresh round of sanctions on Venezuela.")
    imposed = next(e for e in events if e["trigger"] == "imposed")
    assert [r["country"] for r in imposed["recipient"]] == ["VEN"]


def test_the_user_of_a_means_acts_and_the_means_is_its_mode(pipeline):
    events = _events(pipeline, "The army used drones to attack the town on Monday.")
    attack = next(e for e in events if e["trigger"] == "attack")
    assert [a["name"] for a in attack["actor"]] != ["drone"] and attack["actor"] and "drone" in attack["mode"]


def test_the_attack_repelled_is_the_other_sides(pipeline):
    events = _events(pipeline, "Ukrainian forces beat back a Russian assault near the town on Sunday.")
    assert sorted(a["country"] for e in events if e["event_type"] == "ASSAULT" for a in e["actor"]) == ["RUS", "UKR"]


def test_the_party_to_a_pact_or_to_ties_is_no_scene(pipeline):
    for text in ("Seoul suspended a military pact with Pyongyang last week.",
                 "Bahrain cut ties with Tehran in 2016."):
        event = next(e for e in _events(pipeline, text) if e["event_type"] == "SANCTION")
        assert event["location"] is None, text


@pytest.mark.parametrize("text,trigger,event_type,mode", [
    # heavy weapons are heavy weapons
    ("Border guards attacked the army's positions with heavy weapons.", "attacked", "ASSAULT", ["heavy-weapons"]),
    # retaking a palace or a bridge is seizing it again
    ("The army said it had retaken the presidential palace from the paramilitary forces.", "retaken", "COERCE",
     ["seize"]),
    ("Troops recaptured the bridge linking the two cities on Tuesday.", "recaptured", "COERCE", ["seize"]),
    # vowing to keep fighting threatens, as vowing to fight does
    ("The rebels vowed to keep fighting until the government fell.", "vowed", "THREATEN", None),
    # repeating a demand makes it again
    ("Azerbaijan repeated a demand that Armenia change its constitution.", "demand", "REQUEST", None),
    # flying a bomber over a place shows force; it is no journey
    ("The U.S. flew a B-1B bomber over the Korean peninsula on Wednesday.", "flew", "MOBILIZE", ["weapons"]),
    # dropping bombs is an air raid
    ("Government jets dropped bombs on a market in the rebel-held town.", "dropped", "ASSAULT", None),
    # "a week of" something is no date that keeps "for" from the verb
    ("The opposition leader called for a week of strikes from his hiding place abroad.", "called for", "REQUEST",
     None),
    # retaking ground is seizing it
    ("Government troops retook the airport from the rebels on Sunday.", "retook", "COERCE", ["seize"]),
    ("The army recaptured the town of Kidal on Tuesday.", "recaptured", "COERCE", ["seize"]),
    ("Rebels regained control of the border crossing overnight.", "regained", "COERCE", ["seize"]),
    # besieging a town restricts it
    ("Rebel fighters besieged the garrison town for three months.", "besieged", "COERCE", ["restrict"]),
    ("Insurgents laid siege to the district headquarters on Monday.", "laid siege", "COERCE", ["restrict"]),
    ("Militia forces pressed their siege of the provincial capital.", "pressed", "COERCE", ["restrict"]),
    # pressing an offensive, or repelling one, is fighting (mode not checked: None)
    ("Russian forces pressed their offensive toward Pokrovsk, the Ukrainian military said.", "pressed", "ASSAULT",
     None),
    ("Government troops repelled an attack on the garrison overnight.", "repelled", "ASSAULT", None),
    ("Ukrainian forces beat back a Russian assault near the town.", "beat back", "ASSAULT", None),    # handing hostages over is releasing them
    ("The militants handed four hostages to the Red Cross in Khan Younis on Sunday.", "handed", "RETREAT",
     ["release"]),
    # ramming is an attack
    ("Troops and armoured vehicles rammed the door of the presidential palace.", "rammed", "ASSAULT", None),
    # ordering a foreign force out expels it
    ("Burkina Faso's junta ordered French troops to leave the country.", "ordered", "SANCTION", ["expel"]),
    # armed men fleeing retreat
    ("The gunmen fled into nearby forests after the attack.", "fled", "RETREAT", ["withdraw"]),
    # countermeasures one says one will take are a threat
    ("China said it would take resolute countermeasures.", "take countermeasures", "THREATEN", None),
    # calling in air support or the army, and ordering one's troops somewhere, deploy them
    ("Dozens of attackers were killed when the army called in air support.", "called in", "MOBILIZE", ["weapons"]),
    ("The president ordered troops to the border on Tuesday.", "ordered", "MOBILIZE", ["troops"]),
    # pressing on with a raid is fighting
    ("Israeli forces pressed on with a raid on the refugee camp on Tuesday.", "pressed", "ASSAULT", None),
    # equipment and people sent to help are aid, here aid promised
    ("New Zealand said it would send an aircraft and engineers to help with the rescue.", "send", "AGREE", None),
])
def test_a_trigger_phrase_codes_its_type_and_mode(pipeline, text, trigger, event_type, mode):
    found = [e for e in _events(pipeline, text) if e["trigger"] == trigger]
    assert found and found[0]["event_type"] == event_type
    assert mode is None or found[0]["mode"] == mode


def test_a_backer_glued_to_a_participle_is_not_the_actor(pipeline):
    event = next(e for e in _events(pipeline, "The Iran-aligned group has attacked ships in the Red Sea.")
                 if e["trigger"] == "attacked")
    assert all(a["country"] != "IRN" for a in event["actor"])


def test_where_an_agreement_is_signed_is_no_party_to_it(pipeline):
    events = _events(pipeline, "The two presidents signed an agreement at the White House on Friday.")
    event = next(e for e in events if e["trigger"] == "signed")
    assert event["recipient"] == []


def test_a_surname_is_the_person_the_text_named_in_full_before(pipeline):
    text = ("Police cleared road blockades set up by supporters of former president Evo Morales on Monday. "
            "Morales denied any involvement.")
    event = next(e for e in _events(pipeline, text) if e["trigger"] == "denied")
    assert [(a["name"], a["country"]) for a in event["actor"]] == [("Evo Morales", "BOL")]


def test_a_surname_inside_another_full_name_is_not_the_person_named_before(pipeline):
    text = ("The district commissioner, Abdi Hassan, said the militants had withdrawn. President Hassan Sheikh "
            "Mohamud has vowed to drive the militants out of the country.")
    event = next(e for e in _events(pipeline, text) if e["trigger"] == "vowed")
    assert [a["name"] for a in event["actor"]] == ["Hassan Sheikh Mohamud"]


def test_the_subject_after_a_dateline_with_country_and_date_acts(pipeline):
    text = "KADUNA, Nigeria, March 7 - Gunmen abducted more than 200 pupils from a school on Thursday."
    event = next(e for e in _events(pipeline, text) if e["trigger"] == "abducted")
    assert [(a["name"], a["sectors"]) for a in event["actor"]] == [("gunman", ["UAF"])]


def test_a_sea_is_a_scene_on_the_map(pipeline):
    event = next(e for e in _events(pipeline, "Iran's navy seized an oil tanker in the Gulf of Oman on Thursday.")
                 if e["trigger"] == "seized")
    assert event["location"]["name"] == "Gulf of Oman" and event["location"]["lat"] is not None


@pytest.mark.parametrize("text,modality", [
    ("A drone strike killed at least 20 civilians on Sunday.", "asserted"),
    ("A drone strike killed at least 20 civilians at a market on Sunday, residents said.", "reported"),
])
def test_a_main_verb_the_parser_hangs_on_its_subject_is_still_the_act(pipeline, text, modality):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == "killed")
    assert (event["event_type"], event["mode"], event["modality"]) == ("ASSAULT", ["drone"], modality)
    assert [r["sectors"] for r in event["recipient"]] == [["CVL"]]


def test_an_attack_named_as_the_subject_gives_the_verb_its_mode(pipeline):
    event = next(e for e in _events(pipeline, "An air strike killed 20 civilians in a village.")
                 if e["trigger"] == "killed")
    assert event["mode"] == ["aerial"]


@pytest.mark.parametrize("text,actors", [
    # who fired a weapon named as the doer did the attack
    ("A missile fired by Yemen's Houthis struck near the airport terminal on Sunday.", [("Houthis", "YEM")]),
    # a weapon of no named user or country is nobody's, not the country the story is about
    ("ERBIL, Iraq, July 16 - A drone struck an oil field in the Kurdistan region on Wednesday.", []),
    # crewed aircraft are an air force's, most often the story's own country's
    ("KHARTOUM, May 3 - Fighter jets struck rebel positions in the Bahri district on Monday.",
     [("fighter jet", "SDN")]),
])
def test_the_user_of_a_weapon_named_as_the_doer_is_the_actor(pipeline, text, actors):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == "struck")
    assert [(a["name"], a["country"]) for a in event["actor"]] == actors


def test_a_deployment_stands_beside_fighting_told_as_background(pipeline):
    text = ("Uganda has deployed 1,000 more troops to Bunia, the army said. Ugandan soldiers have been fighting "
            "the rebels in eastern Congo since 2021.")
    assert any(e["event_type"] == "MOBILIZE" for e in _events(pipeline, text))


@pytest.mark.parametrize("text,trigger,country", [
    ("RAMALLAH - The Israeli military said troops had arrested 20 wanted suspects in the West Bank town of Jenin.",
     "arrested", "ISR"),
    ("KYIV - Russia's defence ministry said soldiers had captured a village in Donetsk region.", "captured", "RUS"),
    ("GOMA - Burundi's army spokesman said his troops had only fought M23 rebels near the Rusizi river.", "fought",
     "BDI"),
])
def test_an_armys_bare_troops_are_its_own(pipeline, text, trigger, country):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert [a["country"] for a in event["actor"]] == [country]


def test_a_contrasting_clause_is_no_content_of_the_verbal_act_before_it(pipeline):
    text = ("China accused the Philippines of ramming a Chinese vessel, while Manila said Chinese coast guard "
            "personnel had boarded its boats and seized rifles.")
    assert any(e["trigger"] == "seized" for e in _events(pipeline, text))


def test_cutting_internet_access_restricts_it(pipeline):
    events = _events(pipeline, "The government cut mobile internet access across the country on Sunday.")
    assert [(e["event_type"], e["mode"]) for e in events if e["trigger"] == "cut"] == [("COERCE", ["restrict"])]


@pytest.mark.parametrize("text,event_type", [
    # naming a place is no phone call
    ("Separatists have fought since 2017 to create a state they call Ambazonia in the west.", "CONSULT"),
    # "armed" as a description is no military aid
    ("The patrol was surrounded by about 300 people, some of them armed, in the rural district.", "AID"),
    # a call on a weekday is no call on somebody
    ("The president, whom the envoy called on Monday, later agreed to the plan.", "REQUEST"),
    # modifiers the tagger takes for verbs: this "Aid" opening the sentence, this "allied" coordinated with "army"
    ("Aid groups say access to the north remains blocked.", "AID"),
    ("The army and allied armed groups said they had repelled an assault.", "COOPERATE"),
    # taking place somewhere is no seizure
    ("The meeting took place in the North Waziristan district on Friday.", "COERCE"),
    # what a thing is used for is no event
    ("Protesters rallied against a law that critics say is modelled on one used to silence dissent.", "COERCE"),
    # what a restriction keeps from happening does not happen
    ("The junta restricted visits by foreign monitors to the prisons.", "CONSULT"),
    # taking the oath of office is no pledge to anybody
    ("The general was sworn in as interim president on Monday.", "AGREE"),
    # a warning of escalation voices concern, it threatens nothing
    ("Egypt condemned the raids and warned of a dangerous escalation.", "THREATEN"),
    # guarding a border is no support for anyone
    ("The ministry says its troops are defending the border against militias.", "SUPPORT"),
    # a collapse kills nobody on purpose
    ("Protests began after a station canopy collapsed in Novi Sad, killing 15 people.", "ASSAULT"),
    # also where the parser reads "since" as a preposition and leaves the killing without its subject
    ("Tens of thousands of people marched through Novi Sad on Saturday to mark three months since the collapse "
     "of a railway station canopy killed 15 people.", "ASSAULT"),
    # taking refuge in a city is no seizure of it
    ("Many of the displaced took refuge in the city of Cucuta.", "COERCE"),
    # a missile flying is no visit
    ("The defence minister said the missile flew for 86 minutes.", "CONSULT"),
    # ramming a bill through is no attack
    ("The ruling party rammed the bill through parliament.", "ASSAULT"),
    # a crowd watching is no meeting
    ("Crowds gathered in the main square to watch the handover on giant screens.", "CONSULT"),
    # live-fire drills hold no fire
    ("South Korea's military held live-fire drills in response on Friday.", "RETREAT"),
    # forces backed by militias after a dateline are described, not supported in a new act
    ("MOGADISHU, Sept 9 - Somali government forces backed by clan militias recaptured the town on Monday.",
     "SUPPORT"),
    # jets sent to strike are the sender's own, no aid to anybody
    ("Thailand sent fighter jets to bomb rebel camps on Monday.", "AID"),
    # going back home visits nobody, nor does being flown somewhere
    ("The envoy flew back to Washington with the freed men.", "CONSULT"),
    ("The released servicemen were being flown to Moscow for medical treatment.", "CONSULT"),
    # firing a predecessor dismisses him
    ("The council fired his predecessor on Sunday.", "ASSAULT"),
    # aid groups suspending their work hold no fire
    ("Aid groups said the fighting had forced them to suspend operations in the territory.", "RETREAT"),
    # warships sent to encircle an island are deployed, no aid to anybody
    ("China's military staged exercises around Taiwan, sending warships and fighter jets to encircle the island.",
     "AID"),
])
def test_a_reading_that_is_no_event_of_the_type(pipeline, text, event_type):
    assert not any(e["event_type"] == event_type for e in _events(pipeline, text))


def test_the_possessor_of_an_arrest_is_the_one_arrested(pipeline):
    events = _events(pipeline, "The ministry doubled the reward for information leading to the rebel "
                               "leader's arrest.")
    assert not any(e["event_type"] == "COERCE" and e["actor"] for e in events)


def test_being_unable_to_act_is_no_refusal(pipeline):
    events = _events(pipeline, "The Red Cross said it had been unable to deliver medicine to Marib.")
    delivery = next(e for e in events if e["trigger"] == "deliver")
    assert (delivery["event_type"], delivery["modality"]) == ("AID", "negated")


def test_the_parties_a_mediator_goes_between_are_its_recipients(pipeline):
    events = _events(pipeline, "Qatar, which has mediated between Kinshasa and the rebels, urged restraint.")
    mediation = next(e for e in events if e["trigger"] == "mediated")
    assert "COD" in {r["country"] for r in mediation["recipient"]}


def test_coordinated_nationalities_are_one_actor_each(pipeline):
    events = _events(pipeline, "French and Malian troops raided a camp near Gao.")
    raid = next(e for e in events if e["trigger"] == "raided")
    assert [(a["country"], a["sectors"]) for a in raid["actor"]] == [("FRA", ["MIL"]), ("MLI", ["MIL"])]


@pytest.mark.parametrize("text,trigger", [
    # a flag of convenience names no party
    ("Pirates fired on a Panamanian-flagged bulk carrier off Somalia.", "fired"),
    # a town near the thing hijacked is where, not whom
    ("Gunmen hijacked a truck near Kandahar.", "hijacked"),
    # so is a town naming the station retaken
    ("The army retook the Omdurman radio station on Sunday.", "retook"),
])
def test_a_flag_or_a_nearby_town_is_no_recipient(pipeline, text, trigger):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert event["recipient"] == []


def test_a_past_tense_hung_on_a_when_clause_is_the_speakers_own_act(pipeline):
    events = _events(pipeline, "The opposition leader said he would not concede until the count ends and "
                               "accused the commission of fraud.")
    accusation = next(e for e in events if e["trigger"] == "accused")
    assert accusation["modality"] == "asserted" and accusation["actor"]


@pytest.mark.parametrize("text,trigger,actor", [
    ("The army launched an operation to retake the town.", "retake", "army"),
    ("Opposition supporters massed in the square for a march to demand the president's resignation.",
     "demand", "opposition supporters"),
])
def test_an_infinitive_on_an_undertaking_is_the_purpose_of_those_who_undertake_it(pipeline, text, trigger,
                                                                                   actor):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert [a["text"].lower().removeprefix("the ") for a in event["actor"]] == [actor]


def test_a_public_place_a_towns_possessive_names_is_the_scene(pipeline):
    events = _events(pipeline, "Thousands of opposition supporters rallied in Bamako's main stadium on Friday.")
    rally = next(e for e in events if e["trigger"] == "rallied")
    assert rally["location"]["text"] == "Bamako"


@pytest.mark.parametrize("text,trigger", [
    # power seized is no body
    ("The army seized power in a coup on Wednesday.", "seized"),
    # "Latin American" is no American
    ("Caracas cut diplomatic ties with several Latin American governments.", "cut"),
])
def test_no_party_in_an_abstract_noun_or_a_continents_adjective(pipeline, text, trigger):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert all(r["country"] != "USA" and r["name"] != "power" for r in event["recipient"])
    assert event["recipient"] == [] or trigger == "cut"


def test_an_ultimatum_codes_no_coup_and_no_resignation_yet(pipeline):
    events = _events(pipeline, "The regional bloc gave the coup leaders a week to step down.")
    assert not any(e["event_type"] == "COERCE" for e in events)
    resignation = next(e for e in events if e["trigger"] == "step down")
    assert resignation["modality"] == "hypothetical" and resignation["actor"]


@pytest.mark.parametrize("text,event_type", [
    ("Rebels marched into the centre of Bukavu on Sunday.", "MOBILIZE"),
    ("Thousands of students marched through the centre of Dhaka on Sunday.", "PROTEST"),
])
def test_armed_men_marching_into_a_town_advance_crowds_protest(pipeline, text, event_type):
    march = next(e for e in _events(pipeline, text) if e["trigger"] == "marched")
    assert march["event_type"] == event_type


def test_the_one_convicted_of_a_killing_did_it(pipeline):
    events = _events(pipeline, "Iran on Monday hanged a man convicted of killing two police officers.")
    by_trigger = {e["trigger"]: e for e in events}
    assert by_trigger["hanged"]["event_type"] == "ASSAULT"
    killing = by_trigger["killing"]
    assert [a["text"] for a in killing["actor"]] == ["man"] and [r["text"] for r in killing["recipient"]] == [
        "two police officers"]


def test_a_party_named_after_a_thing_acted_on_is_the_recipient(pipeline):
    events = _events(pipeline, "Washington suspended some aid programmes to Mali after the coup.")
    suspension = next(e for e in events if e["trigger"] == "suspended")
    assert [r["country"] for r in suspension["recipient"]] == ["MLI"] and suspension["location"] is None


def test_a_party_blamed_is_the_recipient_not_the_scene(pipeline):
    events = _events(pipeline, "The junta blamed the riots on hostile foreign enemies, including France and Belgium.")
    blame = next(e for e in events if e["trigger"] == "blamed")
    assert [r["country"] for r in blame["recipient"]] == ["FRA"] and blame["location"] is None


def test_a_subject_the_parser_gave_to_the_object_before_it_acts(pipeline):
    events = _events(pipeline, "Germany summoned Iran's ambassador and the European Union said it would impose "
                               "new sanctions.")
    summons = next(e for e in events if e["trigger"] == "summoned")
    sanctions = next(e for e in events if e["trigger"] == "impose")
    assert [r["country"] for r in summons["recipient"]] == ["IRN"]
    assert [a["name"] for a in sanctions["actor"]] == ["European Union"]


def test_a_verb_the_parser_made_a_modifier_still_acts(pipeline):
    # the parser reads "scrambled" as an adjective of "jets" with Poland as its subject
    events = _events(pipeline, "Ukraine's air force said it shot down ten drones overnight.\n\nPoland scrambled "
                               "fighter jets as Russian aircraft struck targets in western Ukraine.")
    assert any(e["event_type"] == "MOBILIZE" and [a["country"] for a in e["actor"]] == ["POL"] for e in events)


def test_the_speaker_after_a_dateline_is_not_the_dateline(pipeline):
    events = _events(pipeline, "BANGKOK, Jan 6 - An alliance of ethnic rebel armies said on Saturday it had captured "
                               "the town of Laukkai.")
    capture = next(e for e in events if e["trigger"] == "captured")
    assert capture["actor"] and all(a["country"] != "THA" for a in capture["actor"] + [capture["attribution"]])


def test_a_hyphenated_dateline_and_a_countrys_capital(pipeline):
    events = _events(pipeline, "PORT-AU-PRINCE, June 25 - Two hundred Kenyan police officers arrived in Haiti's "
                               "capital on Tuesday.")
    arrival = next(e for e in events if e["trigger"] == "arrived")
    assert [a["country"] for a in arrival["actor"]] == ["KEN"]
    assert arrival["location"]["name"] == "Port-au-Prince"


@pytest.mark.parametrize("text,trigger", [
    # the troops sent are the sender's own, and so are ships named with their service
    ("The army sent 3,000 troops to the region on Monday.", "sent"),
    ("China had deployed about 90 navy and coast guard ships in waters near Japan.", "deployed"),
    # a city after "in" inside the object is where the road is, not whom it belongs to
    ("Students blocked a major highway intersection in Belgrade on Monday.", "blocked"),
    # the base stormed, not the stormers
    ("Al Shabaab fighters attacked a base on Saturday. The militants detonated a car bomb at the gate before "
     "storming it.", "storming"),
])
def test_no_recipient_in_ones_own_forces_a_locative_or_a_pronoun_for_oneself(pipeline, text, trigger):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert event["recipient"] == []


def test_strikes_carried_out_by_a_state_are_attacks(pipeline):
    events = _events(pipeline, "Israel carried out strikes across southern Lebanon on Monday.")
    assert [e["event_type"] for e in events if e["trigger"] == "strikes"] == ["ASSAULT"]


def test_what_a_statement_says_is_reported_by_its_author(pipeline):
    events = _events(pipeline, "Al Shabaab claimed in a statement that it had killed 20 soldiers.")
    killing = next(e for e in events if e["trigger"] == "killed")
    assert [a["name"] for a in killing["actor"]] == ["Al-Shabaab"] and killing["modality"] == "reported"


@pytest.mark.parametrize("text,trigger", [
    ("The National Liberation Army attacked an army base on Friday. The group killed five soldiers.", "killed"),
    ("The National Liberation Army attacked an army base on Friday. Later the rebel group burned two trucks.",
     "burned"),
])
def test_the_group_re_mentions_the_last_named_body(pipeline, text, trigger):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert [a["name"] for a in event["actor"]] == ["National Liberation Army (Colombia)"]


def test_the_militants_are_no_un_mission(pipeline):
    events = _events(pipeline, "The United Nations mission said it would send troops to Beni, where the militants "
                               "have stepped up attacks.")
    attacks = next(e for e in events if e["trigger"] == "attacks")
    assert all(a["name"] != "United Nations" for a in attacks["actor"])


def test_a_state_shutting_the_internet_and_blocking_roads_restricts_twice(pipeline):
    events = _events(pipeline, "Authorities suspended mobile internet in the capital and blocked roads with "
                               "shipping containers.")
    assert sorted((e["trigger"], e["event_type"], tuple(e["mode"])) for e in events) == [
        ("blocked", "COERCE", ("restrict",)), ("suspended", "COERCE", ("censor",))]


@pytest.mark.parametrize("text,trigger,recipients", [
    # a withdrawal of one's own troops is from the countries left
    ("France has withdrawn its troops from Mali and Niger.", "withdrawn", ["MLI", "NER"]),
    # soldiers released are still the recipients
    ("Rebels released 28 soldiers they had held for two days.", "released", [None]),
])
def test_who_a_withdrawal_or_a_release_is_aimed_at(pipeline, text, trigger, recipients):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert [r["country"] for r in event["recipient"]] == recipients


def test_a_leaders_supporters_are_not_the_leader(pipeline):
    events = _events(pipeline, "Police fired tear gas at thousands of supporters of jailed former prime minister "
                               "Imran Khan in Islamabad.")
    firing = next(e for e in events if e["trigger"] == "fired")
    assert [(r["name"], r["country"]) for r in firing["recipient"]] == [("supporters of Imran Khan", "PAK")]


def test_declaring_a_state_of_emergency_is_coercion(pipeline):
    events = _events(pipeline, "The government declared a six-month state of emergency in the region.")
    assert [(e["event_type"], e["mode"]) for e in events] == [("COERCE", ["martial-law"])]


def test_a_deed_after_which_a_demand_came_is_not_its_content(pipeline):
    events = _events(pipeline, "The opposition leader called on supporters to stage a strike, after police killed "
                               "18 protesters.")
    assert any(e["event_type"] == "ASSAULT" and e["trigger"] == "killed" for e in events)


def test_talks_on_a_subject_are_not_with_it(pipeline):
    events = _events(pipeline, "Seoul and Washington held talks on their response to Pyongyang's deployment of "
                               "troops to Russia.")
    talks = next(e for e in events if e["event_type"] == "CONSULT")
    deployment = next(e for e in events if e["event_type"] == "MOBILIZE")
    assert talks["recipient"] == [] and [r["country"] for r in deployment["recipient"]] == ["RUS"]


def test_forces_sent_belong_to_their_own_side(pipeline):
    events = _events(pipeline, "Some 11,000 North Korean soldiers have been sent to the front.")
    sending = next(e for e in events if e["trigger"] == "sent")
    assert [a["country"] for a in sending["actor"]] == ["PRK"] and sending["recipient"] == []


def test_going_on_strike_to_demand_is_no_future(pipeline):
    events = _events(pipeline, "Fishermen went on strike to demand action.")
    assert next(e for e in events if e["trigger"] == "demand")["modality"] == "asserted"


def test_an_apposition_naming_nobody_known_leaves_the_mention_as_it_was(pipeline):
    # "the famous actress" resolves to nobody, and the name to a person without a known entry
    events = _events(pipeline, "The famous actress, Pamela Anderson, arrived in Athens on Monday.")
    assert [e["trigger"] for e in events] == ["arrived"]


def test_what_a_deal_did_is_background(pipeline):
    events = _events(pipeline, "The militants freed two hostages on Sunday, the first releases under a ceasefire "
                               "deal that halted 15 months of war.")
    assert [e["trigger"] for e in events] == ["freed"]


def test_a_relative_clause_on_coordinated_names_is_about_all_of_them(pipeline):
    events = _events(pipeline, "Qatar and Egypt, which mediated the agreement alongside the United States, "
                               "welcomed the release.")
    mediation = next(e for e in events if e["trigger"] == "mediated")
    assert [a["country"] for a in mediation["actor"]] == ["QAT", "EGY"] and mediation["location"] is None


def test_the_army_deployed_is_no_recipient(pipeline):
    events = _events(pipeline, "The president deployed the military to the capital on Tuesday.")
    assert next(e for e in events if e["trigger"] == "deployed")["recipient"] == []


@pytest.mark.parametrize("text,trigger,role,key,expected", [
    # the subject after a two-word dateline acts
    ("PORT MORESBY, May 2 - Australian soldiers trained local recruits near Lae.",
     "trained", "actor", "country", ["AUS"]),
    # suspending a partnership is aimed at the partner
    ("Canada suspended its defence partnership with Niger after the coup.",
     "suspended", "recipient", "country", ["NER"]),
    # those killed in clashes with somebody were killed by them
    ("Four Kenyan peacekeepers were killed in clashes with the rebels last week.",
     "killed", "actor", "text", ["rebels"]),
    # "they" after coordinated speakers is every speaker
    ("Serbia and Kosovo said on Monday they had agreed to a plan on car licence plates.",
     "agreed", "actor", "country", ["SRB", "KOS"]),
    # an apposition's proper name beats a common noun
    ("Khan's party, Pakistan Tehreek-e-Insaf, denied the accusation.",
     "denied", "actor", "name", ["Pakistan Tehreek-e-Insaf"]),
    # whoever a passive governing verb is about does its infinitive's act
    ("The minister is expected to visit Kyiv next week.", "visit", "actor", "text", ["minister"]),
    # an armed group's "its fighters" are the group; a state's "its units" are of that state, the speaker's
    ("Hezbollah said its fighters had targeted an Israeli army base near Safed.",
     "targeted", "actor", "name", ["Hezbollah"]),
    ("Ukraine's air force said Russia fired 40 drones overnight and its units shot down 30 of them.",
     "shot", "actor", "country", ["UKR"]),
    # with nobody speaking, the subject named before it in the sentence
    ("The ELN did not claim the attack but its commanders have threatened to hit oil pipelines.",
     "threatened", "actor", "name", ["National Liberation Army (Colombia)"]),
    # rulers "in" a list of countries are each country's rulers
    ("The bloc's envoy called on the juntas in Guinea, Mali and Niger to hold elections.", "called on",
     "recipient", "country", ["GIN", "MLI", "NER"]),
    # a directive or pledge coordinated with what a speaker reports is the speaker's own
    ("A Houthi spokesman said Saudi jets struck the port first and urged the United Nations to intervene.",
     "urged", "actor", "name", ["Houthis"]),
    ("The president said the rebels had chosen war and ordered the army to retake the town.", "ordered",
     "actor", "text", ["president"]),
    # a reported party's second act under its own "had" stays its own
    ("The ministry said the rebels had seized the town and had ordered residents to leave.", "ordered",
     "actor", "text", ["rebels"]),
    # a name the parser hangs on the first conjunct, right after the second, names the second
    ("The African Union and the West African bloc ECOWAS condemned the takeover.", "condemned", "actor", "name",
     ["African Union", "Economic Community of West African States"]),
    # a side taken ("pro-Western") is no region the actor is from
    ("TBILISI, Oct 27 - Georgia's ruling party won the election, a result the pro-Western opposition refused to "
     "recognise.", "refused", "actor", "country", ["GEO"]),
    # an appeal with an object of its own shares no passive: the speaker makes it
    ("The president said the vote had been falsified and called on supporters to rally in Tbilisi on Monday.",
     "called on", "actor", "text", ["president"]),
    # "it" in what a speaker no actor resolved says stands for that speaker, not for an earlier actor
    ("The Ugandan army said the activist had been arrested lawfully. The Law Society said it would sue the "
     "government.", "sue", "actor", "name", []),
    # a speaker an actor resolved is still "it"
    ("The Ugandan army said it had arrested the activist lawfully.", "arrested", "actor", "country", ["UGA"]),
    # the side an act is taken against is no actor
    ("The anti-terrorist operations targeted militants near the border, the ministry said.", "targeted", "actor",
     "name", []),
    # an unknown person who shares a word with a known one belongs to the article's country, not the namesake's
    ("PESHAWAR, Pakistan - Troops raided a hideout of the Hafiz Gul Bahadur group in North Waziristan.", "raided",
     "recipient", "country", ["PAK"]),
    # an object pronoun points back, never ahead to the speaker; a subject pronoun may
    ("Students blocked the highway, and police fired tear gas to disperse them, witnesses said.", "disperse",
     "recipient", "name", ["student"]),
    ("They had withdrawn from the town before dawn, the rebels said.", "withdrawn", "actor", "name", ["rebel"]),
    # a noun possessor that points back ("the group's") owns its people as "its" does
    ("Al Shabaab attacked a base near Kismayo on Sunday. A spokesman said the group's fighters had withdrawn "
     "before dawn.", "withdrawn", "actor", "name", ["Al-Shabaab"]),
    # the body an official speaks for is named too, for "the bloc" to point back to
    ("The European Union's foreign policy chief said the bloc condemned the violence.",
     "condemned", "actor", "name", ["European Union"]),
    # an object's apposition the parser takes for the next verb's subject does not act
    ("Pakistan closed the crossing, the main trade route between the two countries, and summoned the Afghan "
     "envoy.", "summoned", "actor", "country", ["PAK"]),
    # a phrase ends where the words the parse cuts from it begin: "outside parliament" is no part of it
    ("Georgian riot police fired water cannon and tear gas at thousands of protesters outside parliament in "
     "Tbilisi overnight.",
     "fired", "recipient", "name", ["protester"]),
    # a body whose name ends in an event noun ("Forces") is a party all the same
    ("The army blamed the Rapid Support Forces for the attacks.", "blamed", "recipient", "name",
     ["Rapid Support Forces"]),
    # whom one calls or summons is reached out to: the infinitive after is the caller's purpose
    ("Egypt's foreign minister called his Sudanese counterpart to express support for Sudan's sovereignty.",
     "express", "actor", "country", ["EGY"]),
    # what someone is accused of is no part of who they are
    ("A Houthi official accused the detainees of spying for the United States and Israel.", "accused",
     "recipient", "name", ["detainee"]),
    # an apposition saying what a place is names no actor
    ("Gunmen killed the mayor of Chilpancingo, the capital of the southern state of Guerrero.", "killed",
     "recipient", "name", ["mayor"]),
    # "the group" on the far side of a clause is not its own actor
    ("U.S. forces carried out air strikes against Islamic State fighters in Somalia on Saturday. Puntland forces "
     "launched a ground offensive against the group in the mountains in December.", "ground offensive",
     "recipient", "name", ["Islamic State"]),
    ("Gunmen abducted 25 schoolgirls from a boarding school in Kebbi state on Monday.", "abducted", "recipient",
     "name", ["schoolgirl"]),
    # a military's bare units are its own, whatever kind of unit
    ("Russia's defence ministry said air defence units had destroyed 64 Ukrainian drones over eight regions.",
     "destroyed", "actor", "country", ["RUS"]),
    # every country of "the leaders of A and B" is a party, as a speaker's "they" too
    ("The leaders of Armenia and Azerbaijan initialled a peace agreement at the White House on Friday.",
     "initialled", "actor", "country", ["ARM", "AZE"]),
    ("The military governments of Niger, Mali and Burkina Faso said they were leaving the Economic Community of "
     "West African States.", "leaving", "actor", "country", ["NER", "MLI", "BFA"]),
    # a name a bank bears is no force: "Sepah" alone is the Revolutionary Guards
    ("A hacking group said it had attacked Iran's state-owned Bank Sepah.", "attacked", "recipient", "name",
     ["Iran"]),
    # whoever came under fire killed nobody
    ("A U.N. helicopter came under fire near the town, killing a crew member.", "killing", "actor", "name", []),
    # a subject the parser hangs on the auxiliary is still the verb's
    ("The army said it had targeted members of the militant group.", "targeted", "actor", "name", ["army"]),
    # whoever backs a group from abroad is not the group; forces are a party, not an event
    ("Turkish-backed factions have been fighting Kurdish-led forces around the town.", "fighting", "actor", "name",
     ["faction"]),
    ("Rebels have been fighting government forces near Manbij.", "fighting", "recipient", "name",
     ["government forces"]),
    ("Gunmen ambushed a military convoy near Gao on Sunday.", "ambushed", "recipient", "name", ["military"]),
    # a faction is of what it is a faction of
    ("Soldiers found 19 bodies after a gunfight between rival cartel factions near Culiacan.", "gunfight", "actor",
     "sectors", [["CRM"]]),
    # "the court" points back to the court named before
    ("The International Criminal Court issued arrest warrants for the Taliban's supreme leader. The Taliban said "
     "they did not recognise the court.", "recognise", "recipient", "name", ["International Criminal Court"]),
    # who faces or stands trial is tried, no accuser
    ("The two men would face trial in The Hague.", "trial", "recipient", "name", ["man"]),
    ("The former president will stand trial in Kinshasa next month.", "stand trial", "actor", "name", []),
    ("Thousands of dockworkers went on strike on Wednesday.", "went", "actor", "sectors", [["LAB"]]),
    # what is discussed is no party to the talks
    ("The two leaders discussed the reconstruction of Syria on Sunday.", "discussed", "recipient", "name", []),
    # the party a seizure takes from
    ("Somali government forces recaptured the town of Adan Yabaal from al Shabaab on Monday.", "recaptured",
     "recipient", "name", ["Al-Shabaab"]),
    # the sides of fighting that "broke out between" them
    ("Fighting broke out between M23 rebels and pro-government Wazalendo militias in North Kivu province on "
     "Tuesday.", "Fighting", "actor", "name", ["March 23 Movement", "Wazalendo"]),
    # a machine denies nothing: the speaker does, where the parser gives the denial the clause's subject
    ("The junta said the helicopter had crashed because of bad weather and denied it had been hit.", "denied",
     "actor", "name", ["junta"]),
    ("The ministry said the army had denied any involvement.", "denied", "actor", "name", ["army"]),
    # a participle describing the subject that the parser makes the main verb
    ("Earlier this month, jihadists linked to al Qaeda attacked a military police school in Bamako.", "attacked",
     "actor", "name", ["jihadist"]),
    # a verb with an object of its own shares no passive: the speaker accused
    ("The attorney general said more than 1,200 people had been arrested during the protests and accused "
     "opposition leaders of inciting violence.", "accused", "actor", "name", ["attorney general"]),
    # a charge denied in a trailing clause the parser makes the sentence's head was still made
    ("Thailand accused Cambodian troops of violating the truce, a charge Phnom Penh denied.", "accused", "actor",
     "country", ["THA"]),
    # the charge a gerund the parser read as an adjective opens is no part of whom it is made against
    ("Village leaders accused soldiers of mistreating residents during the raid.", "accused", "recipient", "name",
     ["soldier"]),
    # a relative clause without its pronoun acts on its noun
    ("Russia has expelled a British diplomat it accused of spying, the FSB said.", "accused", "recipient", "country",
     ["GBR"]),
    # an accusation the parser hung on a clause of time inside what was said is the speaker's
    ("The interior ministry said 293 people had been detained since the protests began and accused demonstrators "
     "of attacking police with fireworks.", "accused", "actor", "text", ["interior ministry"]),
    ("KUALA LUMPUR, Aug 4 - Defence officials from Cambodia and Thailand met in Kuala Lumpur on Monday.", "met",
     "actor", "country", ["KHM", "THA"]),
    # coordinated nationalities after a dateline the model folds into its date
    ("SRINAGAR, April 29 - Indian and Pakistani soldiers exchanged small arms fire along the Line of Control.",
     "exchanged", "actor", "country", ["IND", "PAK"]),
    # no past tense coordinates with a modal's participle: the speaker called for calm
    ("Prime Minister Sheikh Hasina said those responsible for the killings would be punished and called for calm.",
     "called for", "actor", "name", ["Sheikh Hasina"]),
    # the verb after a participle the parser read as a past tense has the subject
    ("Ugandan troops deployed in the province under a bilateral agreement with Kinshasa drove the rebels out "
     "of the town by Monday morning, a Ugandan army spokesman said.", "drove out", "actor", "country", ["UGA"]),
    # bare officers after the police are police
    ("Police fired tear gas at protesters in Tbilisi. Journalists said officers had beaten them.", "beaten", "actor",
     "sectors", [["COP"]]),
    # another country's ship is its crew, not the speaker
    ("China's coast guard said the Philippine ship had deliberately collided with its vessel after ignoring "
     "repeated warnings.", "ignoring", "actor", "country", ["PHL"]),
    # an accusation in the same breath as a report is the speaker's
    ("Pakistan's foreign office said the strikes targeted hideouts of militants and accused Kabul of "
     "sheltering them.", "accused", "actor", "country", ["PAK"]),
    # a past tense coordinated with a reported progressive goes with the verb of saying
    ("Fishing communities in northern Sri Lanka say Indian trawlers are destroying their livelihoods, and "
     "protested in Jaffna on Monday.", "protested", "actor", "country", ["LKA"]),
    # where a speaker spoke gives the quoted fighters no country
    ("Mozambican police said insurgents attacked a village in Cabo Delgado. \"We repelled the attackers,\" "
     "a Rwandan colonel told reporters in Kigali.", "repelled", "recipient", "country", ["MOZ"]),
    # a country word covers a second noun with a common modifier
    ("About 300 Myanmar soldiers and border guards fled across the border into India on Sunday.", "fled", "actor",
     "country", ["MMR", "MMR"]),
    # a "that" of content before the real object is no relative pronoun
    ("The broadcasters reported on a rights group's findings that soldiers had executed at least 40 herders.",
     "executed", "recipient", "name", ["herder"]),
    # where something was said is no recipient
    ("Opposition leader Moussa Mara criticised the decision on social media.", "criticised", "recipient", "name",
     []),
    # a mediation's parties are between, its co-mediators with
    ("Qatar, which has mediated between Israel and Hamas with Egypt and the United States, said talks were "
     "continuing in Doha.", "mediated", "recipient", "country", ["ISR", "PSE"]),
    # a subject with its participle the parser read as a clause is the subject
    ("Kenyan police leading a U.N.-backed security mission have been deployed in the capital since June.",
     "deployed", "actor", "country", ["KEN"]),
    # a deed a relative clause tells of is whoever claimed it
    ("The Gran Grif gang claimed responsibility for the attack, which forced some 6,000 residents of "
     "Pont-Sonde to flee.",
     "flee", "actor", "name", ["gang"]),
    # the two mediators are the two who mediate
    ("Egypt and Qatar have been trying to broker a ceasefire. The two mediators will host a new round of "
     "talks in Cairo next week.",
     "host", "actor", "country", ["EGY", "QAT"]),
    # whose the targets struck are is the recipient
    ("Turkish warplanes struck 32 targets belonging to Kurdish militants in northern Iraq and Syria on "
     "Wednesday night, the defence ministry said.",
     "struck", "recipient", "name", ["Kurdistan Workers' Party"]),
    # "he" opening a sentence goes on with the speaker, not a man the speaker told of
    ("ANKARA - Interior Minister Ali Yerlikaya said the two attackers, a man and a woman, had been killed by "
     "security forces. He blamed the PKK for the attack.",
     "blamed", "actor", "name", ["Ali Yerlikaya"]),
    # a pronoun doing the act is none of those it acts on
    ("Albania severed diplomatic ties with Iran in 2022 after a cyberattack on government websites that it "
     "blamed on Tehran.",
     "blamed", "actor", "country", ["ALB"]),
    # "they" in a clause timing the act are not the source cited after
    ("In Uvira, soldiers fired into the air and looted shops as they retreated, according to a local group.",
     "retreated", "actor", "sectors", [["MIL"]]),
    # a town advanced towards is no party
    ("M23 rebels advanced south from Bukavu towards Uvira on Wednesday, residents said.",
     "advanced", "recipient", "name", []),
    # calling for someone's arrest is aimed at them
    ("President Nicolas Maduro called for Machado's arrest on Monday.",
     "called for", "recipient", "name", ["Maria Corina Machado"]),
    # condemning a speech is aimed at who gave it
    ("Taiwanese President Lai Ching-te gave a National Day speech that Beijing condemned.",
     "condemned", "recipient", "name", ["Lai Ching-te"]),
    # storming someone's residence is aimed at them
    ("DHAKA - Sheikh Hasina resigned on Monday as protesters stormed her official residence in Dhaka.",
     "stormed", "recipient", "name", ["Sheikh Hasina"]),
    # the three juntas are the three named before
    ("The military governments of Niger, Mali and Burkina Faso announced on Sunday that they were "
     "withdrawing from ECOWAS. In a joint statement, the three juntas accused the bloc of imposing "
     "illegal sanctions.",
     "accused", "actor", "country", ["NER", "MLI", "BFA"]),
    # "him" after a letter to someone is the one written to
    ("The chief minister of Tamil Nadu wrote to Prime Minister Narendra Modi, urging him to raise the issue "
     "with Colombo.",
     "urging", "recipient", "name", ["Narendra Modi"]),
    # a weapon used to push people back is used on them
    ("Riot police in Nairobi used tear gas to push protesters back from the presidential palace.",
     "tear gas", "recipient", "name", ["protester"]),
])
def test_who_acts_and_who_is_acted_on(pipeline, text, trigger, role, key, expected):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert [x[key] for x in event[role]] == expected


@pytest.mark.parametrize("text,trigger,role,expected", [
    # where people flee or fall back to is no party: neither the cause of the flight nor whom a withdrawal leaves
    ("Villagers fled toward the Ugandan border after the raid.", "fled", "actor", []),
    ("The army withdrew its troops from Rutshuru toward Goma.", "withdrew", "recipient", []),
    # one surrenders to somebody
    ("Hundreds of soldiers surrendered to U.N. peacekeepers.", "surrendered", "recipient", ["UNO"]),
    # the country fled is no cause of the flight
    ("The former president fled the country on Monday.", "fled", "actor", []),
    # nor is the border on the way ("on the Egyptian border" is no Egyptian act)
    ("Thousands of displaced people fled toward the town on the Egyptian border.", "fled", "actor", []),
    # the host of an event acts; nobody is swapped in as its guest
    ("The Qatari emir hosted the signing on Friday.", "hosted", "actor", ["QAT"]),
    # what an act is over is no party to it, nor is the neighbour across a border
    ("Russia's defence ministry said its air defences had shot down 49 Ukrainian drones over Crimea.",
     "shot down", "recipient", []),
    ("The army said its aircraft had struck the fighters as they withdrew towards the border with Mali.",
     "withdrew", "recipient", []),
    # nor is the place a relative pronoun stands for ("from which" they fled)
    ("Fighting has emptied the district of Kirundu, from which 40,000 people have fled since May.", "fled",
     "actor", []),
    # a square named after a person is no person
    ("The soldiers withdrew from Plaza Murillo on Wednesday.", "withdrew", "recipient", []),
    # where a convoy was carrying food to is no party to its looting
    ("A convoy carrying food to El Fasher was looted by armed men near Mellit.", "looted", "recipient", []),
    # a speaker set off by a comma is no part of what was set on fire
    ("Ukrainian drones struck an oil depot in Russia's Bryansk region, setting fuel tanks on fire, a source in "
     "Ukraine's SBU security service said.", "setting on fire", "recipient", []),
])
def test_places_and_events_are_not_parties(pipeline, text, trigger, role, expected):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert [x["country"] for x in event[role]] == expected


def test_a_dateline_the_parser_takes_for_a_passive_subject_is_not_who_was_hurt(pipeline):
    killing = next(e for e in _events(pipeline, "KABUL, Oct 3 - Five policemen were killed in a suicide bombing.")
                   if e["trigger"] == "killed")
    assert [r["text"] for r in killing["recipient"]] == ["Five policemen"]


@pytest.mark.parametrize("text,speaker", [
    ("NAIROBI, May 2 - Somali officials said on Friday that al Shabaab fighters had attacked a base near Baidoa.",
     "Somali officials"),
    ("DUBAI, Feb 12 - Yemen's Houthi movement said on Monday it had attacked a tanker.", "Yemen's Houthi movement"),
    # a hyphen inside a name or a word is no dateline's dash
    ("Army chief General Waker-Uz-Zaman said troops had attacked a police station.",
     "Army chief General Waker-Uz-Zaman"),
])
def test_the_attribution_leaves_out_the_dateline(pipeline, text, speaker):
    attack = next(e for e in _events(pipeline, text) if e["trigger"] == "attacked")
    assert attack["attribution"]["text"] == speaker


def test_a_pronoun_in_a_speakers_condition_is_not_the_speaker(pipeline):
    events = _events(pipeline, "The gang leader said his men would fight the foreign force if it attacked their "
                               "neighbourhoods.")
    attack = next(e for e in events if e["trigger"] == "attacked")
    assert attack["event_type"] != "THREATEN" and attack["actor"] == []


def test_the_attribution_is_the_phrase_the_article_attributes_to(pipeline):
    events = _events(pipeline, "The opposition delegation will quit the talks in Geneva on Friday, a source close "
                               "to the High Negotiations Committee and a Western diplomat said.")
    quitting = next(e for e in events if e["trigger"] == "quit")
    assert quitting["attribution"]["text"].startswith("a source close to the High Negotiations Committee")
    # a source near the committee commits it to nothing: a future walkout, no threat
    assert (quitting["event_type"], quitting["modality"]) == ("SANCTION", "future")


def test_a_bearing_in_nautical_miles_from_a_named_port_is_a_point_at_sea(pipeline):
    events = _events(pipeline, "Pirates attacked a cargo ship 60 nautical miles east of the port of Mombasa.")
    boarding = next(e for e in events if e["location"])
    assert boarding["location"]["precision"] == "point"
    # about 111 km east: the point lies well out at sea, east of the town (39.7 E)
    assert 40.5 < boarding["location"]["lon"] < 40.9


def test_an_adjective_of_readiness_agrees_only_to_something(pipeline):
    assert not _events(pipeline, "The minister said most shops had stayed open during the strike.")
    assert [e["event_type"] for e in _events(pipeline, "The rebels said they were open to talks.")] == ["AGREE"]


@pytest.mark.parametrize("text,trigger,event_type", [
    # the reason given is no object: the coordination was suspended, not a protest
    ("The authority suspended security coordination with its neighbour in protest.", "suspended", "SANCTION"),
    # an object the act is aimed at beats a circumstance: the strike was suspended, not the talks
    ("The unions suspended the strike after talks with the ministry.", "suspended", "CONCEDE"),
    # scrapping a pact with somebody cuts cooperation with them
    ("The junta revoked its defence pact with France on Friday.", "revoked", "SANCTION"),
    # soldiers or fighters gathering deploy; ministers gathering meet
    ("Soldiers and armoured vehicles gathered in the main square on Wednesday.", "gathered", "MOBILIZE"),
    ("Foreign ministers gathered in Brussels on Wednesday.", "gathered", "CONSULT"),
    # fireworks thrown at police are an attack; barricades built block the street
    ("Protesters threw fireworks at police on Saturday.", "threw", "ASSAULT"),
    ("Protesters built barricades on the main avenue.", "built", "PROTEST"),
    # destroying incoming drones intercepts them; leaving a community of states withdraws from it
    ("U.S. forces destroyed two drones over the Red Sea.", "destroyed", "MOBILIZE"),
    ("Niger said it was leaving the Economic Community of West African States.", "leaving", "SANCTION"),
    ("The two presidents initialled a peace agreement on Friday.", "initialled", "SUPPORT"),
    # announcing sanctions imposes them
    ("Britain announced sanctions against Russia on Monday.", "sanctions", "SANCTION"),
    ("South Africa closed its main border post with Mozambique on Thursday.", "closed", "COERCE"),
    ("The peacekeepers returned fire and forced the attackers to retreat.", "returned fire", "ASSAULT"),
    # captors freeing captives release them; police freeing victims aid them
    ("Hamas freed three Israeli women held in Gaza on Sunday.", "freed", "RETREAT"),
])
def test_what_kind_of_act_the_object_or_the_doer_makes_it(pipeline, text, trigger, event_type):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert event["event_type"] == event_type


def test_a_surname_after_the_full_name_is_that_person(pipeline):
    # the KB knows another Morales by the surname alone; the article has named its own
    text = ("Supporters of former president Evo Morales blocked roads on Monday. Morales supporters have "
            "blocked the highway to the capital for two weeks, and police arrested Morales's spokesman.")
    blocks = [e for e in _events(pipeline, text) if e["trigger"] == "blocked"]
    assert [[a["name"] for a in e["actor"]] for e in blocks] == [["supporters of Evo Morales"]] * 2


def test_a_bearing_split_at_its_hyphen_is_still_a_bearing(pipeline):
    events = _events(pipeline, "Gunmen attacked a convoy about 40 kilometres south-east of Gao on Saturday.")
    attack = next(e for e in events if e["trigger"] == "attacked")
    assert attack["location"]["precision"] == "point"
    assert attack["location"]["lat"] < 16.27 and attack["location"]["lon"] > 0.04  # Gao: 16.27 N, 0.04 W


@pytest.mark.parametrize("text,modes", [
    # the most specific row a weapon word fits says what it is: a suicide bomber is no aircraft
    ("A suicide bomber killed 14 people at a market on Saturday.", ["suicide-attack"]),
    ("Russian bombers killed 14 people at a market on Saturday.", ["aerial"]),
    # the verb's air raid is the states'; an armed group bombs with explosives
    ("Rebels bombed an oil pipeline in Arauca province on Friday.", ["explosives"]),
    # a plural opening the story after its dateline is still the weapon it names
    ("CAIRO, May 6 - Drones struck a fuel depot in Port Sudan on Tuesday.", ["drone"]),
])
def test_weapons_say_how_an_attack_was_made(pipeline, text, modes):
    assault = next(e for e in _events(pipeline, text) if e["event_type"] == "ASSAULT")
    assert assault["mode"] == modes


def test_a_deed_in_the_town_a_new_paragraph_does_not_name_happened_in_the_last_town(pipeline):
    text = ("Gunmen killed nine people at a market in Gwoza on Saturday.\n\n"
            "A second blast hit a clinic in the town hours later.\n\n"
            "Soldiers later arrested two suspects.")
    events = _events(pipeline, text)
    assert (_by_trigger(events, "hit")["location"] or {}).get("name") == "Gwoza"
    # no "the town": a new paragraph is a new scene
    assert _by_trigger(events, "arrested")["location"] is None


def _by_trigger(events: list[dict], trigger: str) -> dict:
    return next(e for e in events if e["trigger"] == trigger)


def test_the_wire_dateline_gives_no_country_to_actors_without_one(pipeline):
    # the reporter files from Bangkok; the military of a story set in Myanmar is not Thailand's
    text = ("BANGKOK, Aug 21 - The Arakan Army said it had seized the town of Zorbadaw after weeks of fighting "
            "with the military. The army's jets bombed a market in Sittwe and a school in Kyaukphyu on Monday, "
            "residents said.")
    fighting = next(e for e in _events(pipeline, text) if e["trigger"] == "fighting")
    assert [a["country"] for a in fighting["actor"]] != ["THA"]


@pytest.mark.parametrize("opening,country", [
    # "In Somalia," sets the sentence's scene: its troops are Somali, whatever the story began with
    ("In Somalia,", "SOM"),
    # a country that acts sets none, and "In Somalia and Kenya" names two: the article's country stands
    ("Somalia said", "ETH"),
    ("In Somalia and Kenya,", "ETH"),
])
def test_a_country_the_sentence_is_set_in_gives_its_actors_their_country(pipeline, opening, country):
    text = ("ADDIS ABABA, May 2 - Federal troops fought militiamen near Bahir Dar in the Amhara region on Monday, "
            "and a hospital in Bahir Dar said 12 people had died.\n\n"
            f"{opening} soldiers clashed with clan fighters near the village of Ceel Garoowe on Tuesday.")
    clash = next(e for e in _events(pipeline, text) if e["trigger"] == "clashed")
    assert clash["actor"] and {a["country"] for a in clash["actor"]} == {country}


def test_a_speakers_own_appeal_hung_on_what_it_reports_is_asserted(pipeline):
    events = _events(pipeline, "Kenya's human rights commission said it was investigating reports that 20 civilians "
                               "were killed in drone strikes and called on all parties to protect civilians.")
    appeal = next(e for e in events if e["trigger"] == "called on")
    assert appeal["modality"] == "asserted" and [a["country"] for a in appeal["actor"]] == ["KEN"]


def test_those_who_set_fire_to_homes_forcing_residents_to_flee_did_force_them(pipeline):
    events = _events(pipeline, "Gunmen stormed the town on Thursday and set fire to homes, forcing thousands of "
                               "residents to flee.")
    flight = next(e for e in events if e["trigger"] == "flee")
    assert flight["modality"] == "asserted" and [a["text"] for a in flight["actor"]] == ["Gunmen"]


def test_a_dateline_is_no_causer(pipeline):
    text = ("PORT-AU-PRINCE, March 31 - Armed gangs stormed the town of Mirebalais on Monday, freeing 500 inmates "
            "from its prison and forcing thousands of residents to flee, officials said.")
    flight = next(e for e in _events(pipeline, text) if e["trigger"] == "flee")
    assert [a["text"] for a in flight["actor"]] == ["Armed gangs"]


def test_what_a_noun_is_for_has_not_happened(pipeline):
    events = _events(pipeline, "Officials from both countries will meet next month to discuss ways to ease "
                               "tensions. Spain became the first country to recognize the new state.")
    assert _by_trigger(events, "ease")["modality"] == "hypothetical"
    assert _by_trigger(events, "recognize")["modality"] == "asserted"


def test_the_capital_the_story_named_is_the_scene(pipeline):
    text = ("VALMORA, May 16 - Thousands of protesters marched through Yerevan on Sunday.\n\n"
            "Police detained 151 people after protesters blocked streets in the capital, the ministry said.")
    events = _events(pipeline, text)
    assert _by_trigger(events, "detained")["location"]["name"] == "Yerevan"
    # the capital of a country no earlier place names is not guessed
    alone = _events(pipeline, "Police detained 151 people after protesters blocked streets in the capital.")
    assert _by_trigger(alone, "detained")["location"] is None


def test_a_periods_start_or_a_past_act_lends_no_date(pipeline):
    text = ("Protesters marched into Islamabad on Tuesday.\n\n"
            "Authorities suspended mobile internet in Islamabad and blocked roads. More than 4,000 party workers "
            "have been detained in Islamabad since Sunday, police said.")
    events = _events(pipeline, text)
    assert _by_trigger(events, "suspended")["date_text"] is None
    assert _by_trigger(events, "detained")["date_text"] == "Sunday"
    events = _events(pipeline, "The rebels, who seized Goma in August 2021, have arrested dozens of journalists in "
                               "Goma.")
    assert _by_trigger(events, "arrested")["date_text"] is None


@pytest.mark.parametrize("text,trigger,event_type,actor", [
    # a support verb whose row names its object carries the object's event
    ("The Velmari militia committed a massacre in the village.", "massacre", "ASSAULT", "militia"),
    ("President William Ruto ordered the deployment of the military.", "deployment", "MOBILIZE", "William Ruto"),
    ("Iraq's prime minister ordered an investigation into the fire.", "investigation", "ACCUSE", "Iraq"),
])
def test_a_support_verb_with_its_object_carries_the_objects_event(pipeline, text, trigger, event_type, actor):
    event = _by_trigger(_events(pipeline, text), trigger)
    assert event["event_type"] == event_type and [a["name"] for a in event["actor"]] == [actor]
    if event_type == "MOBILIZE":
        assert event["recipient"] == []  # the forces a deployment moves are no recipient


def test_calling_protests_treasonous_is_no_protest(pipeline):
    events = _events(pipeline, "President William Ruto called the protests treasonous.")
    assert not any(e["event_type"] == "PROTEST" for e in events)


@pytest.mark.parametrize("text,trigger", [
    ("Talks on extending the ceasefire stalled on Thursday.", "ceasefire"),
    ("The command said the drills tested its forces' ability to seize power and carry out joint attacks.",
     "attacks"),
])
def test_what_talks_are_about_or_what_forces_are_able_to_do_is_not_done(pipeline, text, trigger):
    assert _by_trigger(_events(pipeline, text), trigger)["modality"] == "hypothetical"


def test_a_participle_of_what_followed_shares_its_day(pipeline):
    events = _events(pipeline, "Protesters set fire to the broadcaster's offices and stormed a prison on Tuesday, "
                               "freeing hundreds of inmates, police said.")
    assert _by_trigger(events, "freeing")["date"] == "2026-11-17"


def test_who_is_called_on_to_act_is_the_recipient(pipeline):
    events = _events(pipeline, "The opposition party called for Prime Minister Sheikh Hasina to resign.")
    assert [r["name"] for r in _by_trigger(events, "called for")["recipient"]] == ["Sheikh Hasina"]


def test_conveying_concerns_and_crushing_unrest(pipeline):
    events = _events(pipeline, "Japan's government spokesman said Tokyo had conveyed its concerns to Beijing. "
                               "President William Ruto vowed to crush the unrest.")
    conveyed = _by_trigger(events, "conveyed")
    assert conveyed["event_type"] == "ACCUSE" and [a["country"] for a in conveyed["actor"]] == ["JPN"]
    assert _by_trigger(events, "vowed")["event_type"] == "THREATEN"


def test_a_backer_glued_by_a_hyphen_is_no_event(pipeline):
    events = _events(pipeline, "GOMA, Jan 27 (Wire) - Rwanda-backed M23 rebels said on Monday they had captured Goma.")
    assert [e["trigger"] for e in events] == ["captured"]


def test_seeking_to_mediate_asks_nobody(pipeline):
    events = _events(pipeline, "The Colombian president, who has sought to mediate in the crisis, said he would "
                               "not attend.")
    assert not any(e["event_type"] == "REQUEST" for e in events)


def test_the_group_in_its_spokesmans_words_is_the_spokesmans(pipeline):
    text = ("The Houthi-run Al Masirah television reported nine deaths. Houthi military spokesman Yahya Saree said "
            "the group had fired two missiles at Tel Aviv.")
    fired = _by_trigger(_events(pipeline, text), "fired")
    assert [(a["country"], a["sectors"]) for a in fired["actor"]] == [("YEM", ["REB"])]


@pytest.mark.parametrize("text,trigger,place", [
    # a march is where it went; an evacuation or a withdrawal is where it took people from
    ("Students marched for two days from Belgrade to Novi Sad.", "marched", "Novi Sad"),
    ("Peacekeepers evacuated aid workers from Malakal to Juba, the mission said.", "evacuated", "Malakal"),
])
def test_where_a_journey_happened(pipeline, text, trigger, place):
    event = _by_trigger(_events(pipeline, text), trigger)
    assert event["location"]["name"] == place
    assert not any(r.get("name") == "Novi Sad" for r in event["recipient"])


def test_the_town_fled_from_is_no_causer_but_a_country_that_drove_them_out_is(pipeline):
    assert _by_trigger(_events(pipeline, "Refugees fled from Goma to Gisenyi."), "fled")["actor"] == []
    events = _events(pipeline, "Azerbaijan retook the region in 2023, prompting almost all of its residents to "
                               "flee to Armenia.")
    assert [a["country"] for a in _by_trigger(events, "flee")["actor"]] == ["AZE"]


def test_an_agency_suspending_its_operations_holds_no_fire(pipeline):
    events = _events(pipeline, "The World Food Programme said it had suspended its operations in the area.")
    assert not any(e["event_type"] == "RETREAT" for e in events)


def test_who_is_released_after_a_passive_gerund_is_the_recipient(pipeline):
    events = _events(pipeline, "Venezuelan security forces detained opposition leader Maria Corina Machado. Machado "
                               "was intercepted by men on motorcycles and was forced to record several videos "
                               "before being released, her campaign said.")
    released = _by_trigger(events, "released")
    assert released["actor"] == [] and [r["name"] for r in released["recipient"]] == ["Maria Corina Machado"]


def test_a_charge_listed_after_a_noun_is_no_act(pipeline):
    events = _events(pipeline, "Police detained the city's mayor on Wednesday on charges including corruption and "
                               "aiding a terrorist group.")
    assert [e["event_type"] for e in events] == ["COERCE"]


def test_a_day_said_before_the_reported_subject_dates_the_report(pipeline):
    events = _events(pipeline, "The opposition party said on Monday it would boycott the new parliament.")
    assert _by_trigger(events, "boycott")["date"] == "2026-11-16"


def test_the_subject_before_a_participle_the_parser_made_the_main_verb_acts(pipeline):
    text = ("BAMAKO, May 14 - The junta dissolved all political parties on Tuesday.\n\n"
            "Separately, jihadists linked to al Qaeda attacked an army camp in central Mali on Saturday, killing "
            "41 soldiers, the group said in a statement.")
    attack = _by_trigger(_events(pipeline, text), "attacked")
    assert [a["name"] for a in attack["actor"]] == ["jihadist"]


def test_ready_to_respond_with_full_force_threatens(pipeline):
    events = _events(pipeline, "The defence minister said Pakistan was ready to respond with full force.")
    assert _by_trigger(events, "ready")["event_type"] == "THREATEN"


def test_a_town_the_parser_split_off_the_subject_is_the_scene_not_the_actor(pipeline):
    events = _events(pipeline, "Youths in the state capital Jos blocked roads on Tuesday to protest against the "
                               "killings.")
    blocked = _by_trigger(events, "blocked")
    assert [a["name"] for a in blocked["actor"]] == ["youth"] and blocked["location"]["name"] == "Jos"


def test_what_an_escalation_threatens_is_no_threat(pipeline):
    events = _events(pipeline, "Jordan warned that the escalation threatened to undermine the ceasefire. The rebels "
                               "threatened to attack the city.")
    assert [e["trigger"] for e in events if e["event_type"] == "THREATEN"] == ["threatened"]
    assert [a["name"] for a in _by_trigger(events, "threatened")["actor"]] == ["rebel"]


def test_protesters_gathering_and_scuffling_with_troops(pipeline):
    events = _events(pipeline, "Hundreds of protesters gathered outside parliament and scuffled with troops.")
    assert _by_trigger(events, "gathered")["event_type"] == "PROTEST"
    scuffle = _by_trigger(events, "scuffled")
    assert scuffle["event_type"] == "ASSAULT" and [a["name"] for a in scuffle["actor"]] == ["protester", "troops"]


def test_what_a_war_with_someone_did_is_background(pipeline):
    events = _events(pipeline, "The paramilitary group formed a rival government, two years into a war with the "
                               "army that has killed tens of thousands of people and uprooted 13 million.")
    assert not any(e["trigger"] in ("killed", "uprooted") for e in events)


def test_the_subject_the_parser_hung_on_since_is_the_actor(pipeline):
    events = _events(pipeline, "More than 70,000 ethnic Armenians have fled Nagorno-Karabakh for Armenia since "
                               "Azerbaijan retook the breakaway region last week, the Armenian government said.")
    assert [a["country"] for a in _by_trigger(events, "retook")["actor"]] == ["AZE"]
    assert _by_trigger(events, "fled")["actor"] == []  # the region fled from is no causer


def test_those_who_say_so_are_not_in_the_list_of_victims(pipeline):
    events = _events(pipeline, "Gunmen stormed a primary school in Kaduna state on Thursday and abducted at least "
                               "287 pupils and teachers, residents and local officials said.")
    assert [r["name"] for r in _by_trigger(events, "abducted")["recipient"]] == ["pupil", "teacher"]


def test_people_killed_when_a_depot_exploded_were_not_attacked(pipeline):
    events = _events(pipeline, "At least 170 people were killed on Monday when a fuel depot exploded near the city. "
                               "Five soldiers were killed when a car bomb exploded near the base.")
    assert [e["recipient"][0]["name"] for e in events if e["trigger"] == "killed"] == ["soldier"]


def test_the_subject_after_a_datelines_date_acts(pipeline):
    text = ("Colombia suspends talks with ELN\n\nBOGOTA, Jan 17 (Wire) - Colombian President Gustavo Petro suspended "
            "peace talks with the National Liberation Army (ELN) on Friday, accusing the rebel group of war crimes.")
    assert [a["name"] for a in _by_trigger(_events(pipeline, text), "suspended")["actor"]] == ["Gustavo Petro"]


def test_troops_ordered_somewhere_are_deployed_whatever_the_sentences_other_country(pipeline):
    text = ("CARACAS, Venezuela (AP) - Venezuelan President Nicolas Maduro ordered troops to the border with Guyana "
            "on Tuesday and said he would create a new state in the disputed Essequibo region.")
    assert _by_trigger(_events(pipeline, text), "ordered")["event_type"] == "MOBILIZE"


def test_an_order_after_a_passive_gerund_is_the_speakers(pipeline):
    events = _events(pipeline, "Lebanese Prime Minister Nawaf Salam warned against being dragged into a new war and "
                               "ordered the army to find those responsible.")
    order = _by_trigger(events, "ordered")
    assert [a["name"] for a in order["actor"]] == ["Nawaf Salam"] and [r["name"] for r in order["recipient"]] == ["army"]


def test_who_a_speaker_calls_responsible_is_accused_by_the_speaker(pipeline):
    events = _events(pipeline, "Israel's defence minister Israel Katz said Beirut was responsible for any fire from "
                               "its territory.")
    accusation = _by_trigger(events, "responsible")
    assert [a["country"] for a in accusation["actor"]] == ["ISR"]
    assert [r["country"] for r in accusation["recipient"]] == ["LBN"]


@pytest.mark.parametrize("text,trigger,modality", [
    # a past tense the tagger made a participle under "would" is the speaker's own act
    ("The president said he would not give in to pressure and accused foreign intelligence services of "
     "organising the protests.", "accused", "asserted"),
    # a gerund under a noun "no" denies, and a subject "neither" or "no" denies
    ("The prime minister told parliament that Ethiopia had no intention of invading Eritrea.", "invading", "negated"),
    ("Neither warring party was invited to the conference.", "invited", "negated"),
    # a plan that had been made, and an act a deadline is set for, have not happened
    ("The minister said the plotters had planned to attack the presidency on April 16.", "attack", "hypothetical"),
    ("Israeli troops have remained at five hilltop positions despite the deadline for their withdrawal under the "
     "truce.", "withdrawal", "hypothetical"),
    # what an announcement came after is not the announcer's word
    ("Ecuador's President Daniel Noboa declared an internal armed conflict on Tuesday after masked gunmen "
     "stormed a television studio in Guayaquil.",
     "stormed", "asserted"),
    # what launchers are used for has not happened
    ("Israel's military said it had hit Hezbollah weapons depots and launchers used to fire at Israeli "
     "communities.",
     "fire", "hypothetical"),
    # a charge the parser made the denial's fronted object does not report the accusation
    ("Islamabad has repeatedly accused Afghanistan's Taliban rulers of allowing the Pakistani Taliban to use "
     "Afghan soil to plan attacks, a charge Kabul denies.",
     "accused", "asserted"),
])
def test_what_the_words_around_an_act_say_of_whether_it_happened(pipeline, text, trigger, modality):
    assert _by_trigger(_events(pipeline, text), trigger)["modality"] == modality


def test_a_place_in_a_clause_on_another_doers_act_is_not_the_scene(pipeline):
    text = ("CARACAS, July 18 (Wire) - Venezuela released 10 Americans on Friday in exchange for migrants whom the "
            "United States had deported to a prison in El Salvador, officials said.")
    events = _events(pipeline, text)
    assert _by_trigger(events, "released")["location"]["name"] == "Caracas"
    assert _by_trigger(events, "deported")["location"]["name"] == "El Salvador"


def test_a_participle_after_a_speakers_aside_is_the_speakers_act(pipeline):
    text = ("The freed Americans landed in Texas on a flight from Caracas, U.S. Secretary of State Marco Rubio said, "
            "thanking Salvadoran President Nayib Bukele for his help.")
    assert [a["name"] for a in _by_trigger(_events(pipeline, text), "thanking")["actor"]] == ["Marco Rubio"]


def test_he_in_what_a_ministry_says_is_not_the_ministry(pipeline):
    events = _events(pipeline, "The interior ministry said he had been detained for assaulting a police officer. "
                               "The minister said he would resign.")
    assert _by_trigger(events, "assaulting")["actor"] == []
    assert [a["name"] for a in _by_trigger(events, "resign")["actor"]] == ["minister"]


def test_the_network_said_is_the_network_named_before_not_the_armed_group_between(pipeline):
    text = ("Militia fighters shelled a market in Nyala on Friday, according to a local medical network that counts "
            "the dead. \"The fighters targeted families,\" the network said.")
    events = _events(pipeline, text)
    shelled = next(e for e in events if e["trigger"] == "shelled")
    targeted = next(e for e in events if e["trigger"] == "targeted")
    assert targeted["attribution"]["name"] == shelled["attribution"]["name"] != shelled["actor"][0]["name"]


def test_the_purpose_of_a_journey_yet_to_come_is_yet_to_come(pipeline):
    events = _events(pipeline, "The Qatari foreign minister will travel to Kigali next week to meet President "
                               "Paul Kagame.")
    meet = next(e for e in events if e["trigger"] == "meet")
    assert (meet["event_type"], meet["modality"]) == ("AGREE", "future")


def test_a_practice_someone_called_an_abuse_is_no_phone_call(pipeline):
    events = _events(pipeline, "The rebels promised to stop recruiting children, a practice the government's "
                               "envoy, Ana Torres, called \"the worst abuse\" of the war.")
    assert [e["event_type"] for e in events] == ["AGREE"]


@pytest.mark.parametrize("text,trigger,event_type,mode", [
    ("Government troops pushed the rebels out of two villages near Kindu on Monday.", "pushed out",
     "ASSAULT", []),
    # the parser reads the avenue as a modifier of the parliament; the avenue is what was blocked
    ("Hundreds of students blocked the main avenue outside parliament on Monday.", "blocked",
     "PROTEST", ["obstruct"]),
    ("The Red Cross distributed food parcels in Goma on Tuesday.", "distributed", "AID", []),
    ("Heavy fighting forced 5,000 people to leave their homes last week.", "leave", "SANCTION", ["expel"]),
    # a unit's own word says whose it is; bare units stay the police's
    ("Ethiopia deployed army units to the border on Monday.", "deployed", "MOBILIZE", ["troops"]),
    ("A police spokesman said tactical units had been deployed to the area.", "deployed", "MOBILIZE", ["police"]),
    ("The army said it had cleared the last rebel pockets from the southern suburbs.", "cleared", "ASSAULT", []),
    ("India sent the soldiers back to Myanmar on Monday.", "sent back", "SANCTION", ["expel"]),
    # regretting another's decision disapproves of it (regretting deaths apologises)
    ("The bloc said it regretted the decision.", "regretted", "ACCUSE", ["disapprove"]),
    # a chargé d'affaires summoned is a protest
    ("The foreign ministry summoned Pakistan's charge d'affaires in Kabul on Monday.", "summoned", "ACCUSE",
     ["disapprove"]),
])
def test_more_words_for_acts(pipeline, text, trigger, event_type, mode):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert (event["event_type"], event["mode"]) == (event_type, mode)
    assert event["trigger"] != "blocked" or event["recipient"] == []


def test_civilians_arriving_somewhere_visit_nobody(pipeline):
    events = _events(pipeline, "About 3,000 people have arrived in the border town of Renk since Sunday, the "
                               "agency said.")
    assert not any(e["event_type"] == "CONSULT" for e in events)


def test_a_government_saying_its_army_will_attack_threatens(pipeline):
    attack = next(e for e in _events(pipeline, "The Malian president said the army would attack the jihadists "
                                               "in Menaka.") if e["trigger"] == "attack")
    assert attack["event_type"] == "THREATEN"
    assert [(r["name"], r["country"]) for r in attack["recipient"]] == [("jihadist", "MLI")]


def test_a_speakers_aside_the_parser_hung_on_a_later_clause_still_reports_the_act(pipeline):
    text = ("Turkish drones struck several villages in northern Iraq on Monday, killing at least five people, the "
            "regional health ministry said, hours before a Turkish envoy was due to arrive in Baghdad for talks.")
    struck = next(e for e in _events(pipeline, text) if e["trigger"] == "struck")
    assert struck["modality"] == "reported" and struck["attribution"]["text"] == "the regional health ministry"


def test_it_said_goes_on_with_the_last_speaker(pipeline):
    text = ("The Israeli military said its jets struck Hezbollah depots near Tyre. It said Hezbollah had launched "
            "30 rockets at Haifa.")
    launched = next(e for e in _events(pipeline, text) if e["trigger"] == "launched")
    assert launched["attribution"]["country"] == "ISR"


@pytest.mark.parametrize("text,trigger", [
    ("Eritrea ordered a mobilisation of its reserve forces in February, according to two diplomats in Asmara.",
     "mobilisation"),
    ("The United States, a treaty ally of the Philippines, condemned the collision.", "condemned"),
    # nor is where those a noun names came from
    ("Greece has deployed additional patrol vessels to the area after a sharp rise in arrivals from Libya this "
     "year.", "deployed"),
])
def test_where_the_source_is_or_what_the_actor_is_is_not_the_scene(pipeline, text, trigger):
    assert next(e for e in _events(pipeline, text) if e["trigger"] == trigger)["location"] is None


def test_states_an_including_list_names_are_the_actors_not_the_scene(pipeline):
    text = "Governments across the region, including Brazil, Chile and Colombia, condemned the attempt."
    condemned = next(e for e in _events(pipeline, text) if e["trigger"] == "condemned")
    assert [a["country"] for a in condemned["actor"]] == ["BRA", "CHL", "COL"] and condemned["location"] is None


def test_those_released_are_not_who_releases(pipeline):
    events = _events(pipeline, "The release of 22 Indian fishermen came after talks.")
    assert not any(a["country"] == "IND" for e in events for a in e["actor"])


@pytest.mark.parametrize("text", [
    "Two peacekeepers were wounded on Friday when an Israeli tank fired at their post near Naqoura.",
    "Two peacekeepers were wounded when an Israeli tank fired at a watchtower.",
])
def test_who_fired_when_people_were_wounded_wounded_them(pipeline, text):
    wounded = next(e for e in _events(pipeline, text) if e["trigger"] == "wounded")
    assert [a["country"] for a in wounded["actor"]] == ["ISR"]


def test_a_distance_with_its_conversion_in_brackets_places_the_deed(pipeline):
    struck = next(e for e in _events(pipeline, "Drones struck a fuel depot about 40 km (25 miles) west of Port "
                                               "Sudan on Tuesday.") if e["trigger"] == "struck")
    assert struck["location"]["precision"] == "point" and struck["location"]["lon"] < 37.0


def test_a_facility_of_a_capital_is_no_government(pipeline):
    suspended = next(e for e in _events(pipeline, "Flights at Port Sudan's airport were suspended on Sunday.")
                     if e["trigger"] == "suspended")
    assert suspended["recipient"] == []


def test_the_province_again_is_the_province_named_before(pipeline):
    text = ("Gunmen killed a community leader in the southwestern province of Cauca on Sunday. Indigenous groups "
            "staged a march in the town of Toribio on Monday. Rights groups say 20 leaders have been killed in "
            "the province this year.")
    killed = [e for e in _events(pipeline, text) if e["trigger"] == "killed"]
    assert [e["location"]["precision"] for e in killed] == ["admin1", "admin1"]


def test_where_a_barred_deployment_would_go_is_neither_the_scene_nor_whose_the_government_is(pipeline):
    text = "NAIROBI, Jan 26 - A Kenyan court on Friday barred the government from deploying police officers to Haiti."
    barred = next(e for e in _events(pipeline, text) if e["trigger"] == "barred")
    assert barred["location"]["country"] == "KEN" and [r["country"] for r in barred["recipient"]] == ["KEN"]


def test_a_deed_that_did_not_happen_sets_no_scene(pipeline):
    text = ("Houthi spokesman Yahya Saree said the group would continue its attacks until Israel ended its "
            "offensive in Gaza. The Houthis have targeted dozens of merchant vessels since November.")
    targeted = next(e for e in _events(pipeline, text) if e["trigger"] == "targeted")
    assert targeted["location"] is None


@pytest.mark.parametrize("text", [
    # the parser hangs the sentence on the subject and makes "called" a participle on it
    "The Palestinian Authority presidency called on the United States to intervene to stop what it called a "
    "dangerous escalation.",
    # a day the parser takes for what someone is called names nothing
    "An official newspaper called Thursday on Arab states to unite against the plan.",
])
def test_a_call_on_someone_the_parser_misread_is_still_a_request(pipeline, text):
    assert "REQUEST" in [e["event_type"] for e in _events(pipeline, text)]


def test_a_strike_called_in_protest_is_no_call_in(pipeline):
    events = _events(pipeline, "The bar association called a general strike of lawyers on Monday in protest.")
    assert [e["event_type"] for e in events] == ["PROTEST"]


@pytest.mark.parametrize("text", [
    "More than 600,000 Sudanese have sought shelter in camps near Adre since 2023.",
    "President Alassane Ouattara, who is seeking a fourth term, has said the courts are independent.",
])
def test_people_seeking_shelter_or_a_term_ask_nobody(pipeline, text):
    assert not any(e["event_type"] == "REQUEST" for e in _events(pipeline, text))


def test_border_guards_put_on_alert_are_the_actors_own(pipeline):
    alert = next(e for e in _events(pipeline, "India put its border guards on high alert on Monday.")
                 if e["event_type"] == "MOBILIZE")
    assert alert["recipient"] == []


@pytest.mark.parametrize("text,trigger,role,expected", [
    # an apposition names the two
    ("Both countries bordering the war, Egypt and Chad, have called for an immediate truce.", "called for",
     "actor", [("EGY", []), ("TCD", [])]),
    # the two who acted together in the sentence before, as governments where the phrase says leaders
    ("Armenia and Azerbaijan agreed on Monday to open a road link. The two leaders signed the deal in Tbilisi.",
     "signed", "actor", [("ARM", ["GOV"]), ("AZE", ["GOV"])]),
    # between whom talks stalled are the two sides
    ("Talks between Belgrade and Pristina have stalled. Britain said both sides should return to the dialogue.",
     "return", "recipient", [("SRB", ["GOV"]), ("KOS", ["GOV"])]),
    # each other are the actors themselves
    ("Ethiopia and Eritrea ended their war in 2018. Both countries have since accused each other of arming "
     "rebels.", "accused", "recipient", [("ETH", []), ("ERI", [])]),
])
def test_both_countries_and_the_two_sides_are_the_pair_the_article_named(pipeline, text, trigger, role, expected):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert [(x["country"], x["sectors"]) for x in event[role]] == expected


def test_two_states_someone_acted_on_are_not_both_countries(pipeline):
    text = ("Guyana asked Brazil and the United States to watch the border. Regional leaders called on both "
            "countries to talk.")
    called = next(e for e in _events(pipeline, text) if e["trigger"] == "called on")
    assert not {r["country"] for r in called["recipient"]} & {"BRA", "USA"}


def test_an_apposition_naming_the_pair_is_not_the_scene(pipeline):
    text = "Both countries bordering the war, Egypt and Chad, have called for an immediate truce."
    assert next(e for e in _events(pipeline, text) if e["trigger"] == "called for")["location"] is None


def test_those_a_participle_read_as_the_main_verb_describes_underwent_both_acts(pipeline):
    text = "Students detained on Friday in Dhaka were released on Sunday, their lawyers said."
    events = _events(pipeline, text)
    for trigger in ("detained", "released"):
        event = next(e for e in events if e["trigger"] == trigger)
        assert event["actor"] == [] and [r["name"] for r in event["recipient"]] == ["student"]


def test_who_completes_a_withdrawal_withdraws_and_the_troops_are_their_own(pipeline):
    text = "Thailand and Cambodia have completed the withdrawal of troops from the disputed temple area."
    event = next(e for e in _events(pipeline, text) if e["trigger"] == "withdrawal")
    assert [a["country"] for a in event["actor"]] == ["THA", "KHM"] and event["recipient"] == []


def test_a_valley_the_gazetteer_lacks_is_in_the_country_not_the_filing_city(pipeline):
    text = "NEW DELHI, Oct 21 (Reuters) - In 2020, clashes in the Galwan valley killed 20 Indian soldiers."
    killed = next(e for e in _events(pipeline, text) if e["trigger"] == "killed")
    assert (killed["location"]["country"], killed["location"]["precision"]) == ("IND", "country")


def test_outside_parliament_is_where_not_a_foreign_parliament(pipeline):
    text = "Protesters rallied outside parliament in Yerevan on Monday."
    rallied = next(e for e in _events(pipeline, text) if e["trigger"] == "rallied")
    assert [(r["country"], r["sectors"]) for r in rallied["recipient"]] == [("ARM", ["LEG"])]


def test_giving_an_ambassador_days_to_leave_expels_and_the_junta_is_that_government(pipeline):
    text = ("NIAMEY, Aug 5 - Niger's military government on Friday gave France's ambassador 48 hours to leave "
            "the country.\n\nThe junta also suspended French broadcasters RFI and France 24.")
    events = _events(pipeline, text)
    gave = next(e for e in events if e["event_type"] == "SANCTION" and e["trigger"].startswith("gave"))
    assert [a["country"] for a in gave["actor"]] == ["NER"] and [r["country"] for r in gave["recipient"]] == ["FRA"]
    suspended = next(e for e in events if e["trigger"] == "suspended")
    # the kind of thing the names are says what suspending them is; a broadcaster's name is no scene
    assert (suspended["event_type"], suspended["mode"]) == ("COERCE", ["censor"])
    assert [a["country"] for a in suspended["actor"]] == ["NER"] and suspended["location"] is None


def test_an_aside_on_the_events_own_verb_before_a_coordinated_clause_reports_it(pipeline):
    text = "Israeli troops pushed deeper into Gaza City, residents said, and tanks were seen near Rafah."
    pushed = next(e for e in _events(pipeline, text) if e["trigger"] == "pushed into")
    assert (pushed["event_type"], pushed["modality"], pushed["attribution"]["text"]) == (
        "ASSAULT", "reported", "residents")


def test_a_name_running_on_through_de_is_not_its_first_words(pipeline):
    text = "LIMA - Police arrested 45 gang members in raids in San Juan de Lurigancho on Monday."
    arrested = next(e for e in _events(pipeline, text) if e["trigger"] == "arrested")
    assert arrested["location"]["name"] == "Lima"


def test_a_sentence_closing_on_its_speaker_reports_what_it_told_whatever_the_parse(pipeline):
    text = ("In the southern city of Mykolaiv, a drone hit an apartment block, killing two people, regional "
            "governor Vitaliy Kim said.")
    for event in (e for e in _events(pipeline, text) if e["trigger"] in ("hit", "killing")):
        # (the town opening the sentence is still the scene, not where the governor spoke)
        assert (event["modality"], event["location"]["name"]) == ("reported", "Mykolayiv")


def test_a_charge_denied_after_the_accusation_does_not_report_it():
    text = "The Congolese government accused Rwanda of backing the rebels, a charge Kigali denies."
    events = Pipeline(Resources.load()).code_text(text, PUBLISHED)
    assert next(e for e in events if e.trigger == "accused").modality == "asserted"


def test_placing_someone_under_house_arrest_arrests_them(pipeline):
    text = "DAKAR - Security forces placed opposition leader Ousmane Sonko under house arrest on Friday."
    event = next(e for e in _events(pipeline, text) if e["event_type"] == "COERCE")
    assert event["mode"] == ["arrest"] and [r["name"] for r in event["recipient"]] == ["Ousmane Sonko"]


def test_gunmen_killed_or_arrested_are_the_recipients_and_the_groups_leader_is_theirs(pipeline):
    text = ("GUSAU, Nigeria - Nigerian soldiers killed 19 gunmen in Zamfara state on Monday. Troops seized 20 "
            "rifles and arrested the group's alleged leader.")
    events = _events(pipeline, text)
    for trigger in ("killed", "arrested"):
        event = next(e for e in events if e["trigger"] == trigger)
        assert [(r["name"], r["sectors"]) for r in event["recipient"]] == [("gunman", ["UAF"])]


@pytest.mark.parametrize("text,trigger,absent", [
    # who brokered a deal did so; the release did not happen there
    ("Israel released 90 Palestinian prisoners on Sunday under a truce brokered by Qatar, Egypt and the United "
     "States.", "released", {"QAT", "EGY", "USA"}),
    # the deed after which the fighting broke out happened elsewhere
    ("Culiacan has been rocked by violence since September, when fighting broke out between rival factions of "
     "the cartel after the arrest of its co-founder in the United States.", "fighting", {"USA"}),
])
def test_who_did_a_passive_or_a_deed_the_event_came_after_is_not_its_scene(pipeline, text, trigger, absent):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert event["location"] is None or event["location"]["country"] not in absent


def test_a_when_clause_on_a_month_is_dated_that_month(pipeline):
    text = "Sinaloa has been rocked by violence since September, when fighting broke out between cartel factions."
    fighting = next(e for e in _events(pipeline, text) if e["trigger"] == "fighting")
    assert (fighting["date"], fighting["date_precision"]) == ("2026-09-01", "month")


def test_deaths_in_an_accident_the_parser_split_from_its_verb_are_no_attack(pipeline):
    text = ("Thousands blocked bridges in Novi Sad on Saturday, three months after the collapse of a railway "
            "station canopy killed 15 people.")
    assert not [e for e in _events(pipeline, text) if e["event_type"] == "ASSAULT"]


def test_forming_a_pact_with_someone_is_a_formal_agreement(pipeline):
    text = "Mali and Burkina Faso formed a defence pact with Niger in September."
    formed = next(e for e in _events(pipeline, text) if e["trigger"] == "formed")
    assert formed["event_type"] == "SUPPORT" and [r["country"] for r in formed["recipient"]] == ["NER"]


def test_the_sides_of_fighting_are_its_actors_not_the_speakers_it_is_hung_on(pipeline):
    text = ("A drone strike killed at least 30 people at a market in Ethiopia's Amhara region on Sunday, two "
            "residents told Reuters, as fighting between the federal army and Fano militiamen intensified.")
    events = _events(pipeline, text)
    fighting = next(e for e in events if e["trigger"] == "fighting")
    assert [a["sectors"] for a in fighting["actor"]] == [["MIL"], ["REB"]]
    # the region the strike's own verb names is no side of the strike
    assert next(e for e in events if e["trigger"] == "killed")["actor"] == []


@pytest.mark.parametrize("text,trigger,event_type,modality", [
    # what a speaker did not explain happened all the same
    ("CODECO militiamen freed 40 hostages in Ituri. The militia did not say why it had released them.",
     "released", "RETREAT", "asserted"),
    # whether it did is left open
    ("The army did not say whether troops had killed the suspects.", "killed", "ASSAULT", "hypothetical"),
    # what a speaker did not say happened is still denied
    ("The army did not say that troops had killed the suspects.", "killed", "ASSAULT", "negated"),
])
def test_a_question_a_speaker_left_unanswered_is_not_denied(pipeline, text, trigger, event_type, modality):
    events = [e for e in _events(pipeline, text) if e["trigger"] == trigger]
    assert (events[-1]["event_type"], events[-1]["modality"]) == (event_type, modality)


def test_which_country_did_it_names_nobody(pipeline):
    text = "The commander did not say which country had carried out the air strikes."
    strikes = next(e for e in _events(pipeline, text) if e["trigger"] == "air strikes")
    assert strikes["actor"] == []


def test_flying_balloons_over_a_border_is_no_visit(pipeline):
    text = "North Korea has flown at least 260 balloons carrying trash across the border into South Korea."
    assert not [e for e in _events(pipeline, text) if e["event_type"] == "CONSULT"]


def test_governments_across_a_region_are_of_no_one_country_and_it_is_not_the_scene(pipeline):
    text = "LA PAZ - Troops stormed the palace in La Paz. Governments across Latin America condemned the attempt."
    condemned = next(e for e in _events(pipeline, text) if e["trigger"] == "condemned")
    assert [a["country"] for a in condemned["actor"]] == [None] and condemned["location"] is None


def test_he_after_a_sentence_that_only_quotes_someone_is_that_speaker(pipeline):
    text = ("Army commander General Juan Jose Zuniga said the military wanted to restructure democracy. He was "
            "arrested hours later.")
    arrested = next(e for e in _events(pipeline, text) if e["trigger"] == "arrested")
    assert [(r["country"], r["sectors"]) for r in arrested["recipient"]] == [(None, ["MIL"])]


def test_helping_with_a_task_aids_nobody(pipeline):
    text = "A resident said he had helped bury 26 bodies in Finote Selam."
    assert not [e for e in _events(pipeline, text) if e["trigger"] == "helped"]


def test_an_attack_by_hackers_or_on_data_systems_is_a_cyber_operation(pipeline):
    text = "Cyber attackers targeted the data systems of Montenegro's parliament on Monday, officials said."
    targeted = next(e for e in _events(pipeline, text) if e["trigger"] == "targeted")
    assert (targeted["event_type"], targeted["mode"]) == ("COERCE", ["cyber"])


@pytest.mark.parametrize("text", [
    "Officials said an Iran-based hacking group calling itself Homeland Justice had claimed the attack.",
    # what a speaker calls a decision is no act of its own
    "Arevalo called the decision a coup attempt by corrupt politicians and judges.",
])
def test_a_kind_of_band_or_a_name_for_something_is_no_event(pipeline, text):
    assert not [e for e in _events(pipeline, text) if e["event_type"] == "COERCE"]


def test_the_speakers_a_closing_verb_of_saying_lost_to_the_object_before_it(pipeline):
    text = ("Police opened fire on protesters in Nairobi on Tuesday as lawmakers passed a bill that would raise "
            "taxes, witnesses and medics said.")
    fire = next(e for e in _events(pipeline, text) if e["trigger"] == "opened fire")
    assert fire["modality"] == "reported" and fire["attribution"]["text"] == "witnesses"


def test_protests_hijacked_by_others_abduct_nobody(pipeline):
    text = "President William Ruto said the protests had been hijacked by dangerous people."
    assert not [e for e in _events(pipeline, text) if e["event_type"] == "ASSAULT"]


def test_a_named_person_hanged_is_executed(pipeline):
    text = "Gholamreza Rasaei was hanged in Kermanshah prison in western Iran on Tuesday."
    assert [(e["event_type"], e["mode"]) for e in _events(pipeline, text)] == [("ASSAULT", ["targeted"])]


def test_it_after_a_thing_the_sentence_named_is_that_thing(pipeline):
    text = ("NAIROBI - Amnesty International called for an inquiry. On Wednesday, Ruto said he would not sign the "
            "bill and withdrew it.")
    withdrew = next(e for e in _events(pipeline, text) if e["trigger"] == "withdrew")
    # withdrawing a bill is a concession, and the bill is nobody
    assert withdrew["event_type"] == "CONCEDE" and withdrew["recipient"] == []


def test_the_village_of_a_name_is_no_person_of_that_name(pipeline):
    text = "The junta said it had recaptured the village of Djibo after a week-long operation."
    recaptured = next(e for e in _events(pipeline, text) if e["trigger"] == "recaptured")
    assert recaptured["recipient"] == [] and recaptured["location"]["name"] == "Djibo"


def test_clashes_between_two_groups_that_killed_people_are_the_groups_deed(pipeline):
    text = ("Clashes between two armed groups in the Libyan capital Tripoli killed 27 people and wounded more "
            "than 100 on Tuesday, medics said.")
    events = [e for e in _events(pipeline, text) if e["event_type"] == "ASSAULT"]
    # one deed told by its verbs (the clashes are no second event), by the armed groups, not by Libya
    assert sorted(e["trigger"] for e in events) == ["killed", "wounded"]
    assert all([a["sectors"] for a in e["actor"]] == [["REB"]] for e in events)


def test_diplomats_from_many_countries_are_of_none_of_them(pipeline):
    text = "CARACAS - Venezuela expelled diplomats from seven Latin American countries on Monday."
    expelled = next(e for e in _events(pipeline, text) if e["trigger"] == "expelled")
    assert [(r["country"], r["sectors"]) for r in expelled["recipient"]] == [(None, ["GOV"])]


def test_the_date_of_a_participle_read_as_the_main_verb_is_not_the_real_main_verbs(pipeline):
    text = ("Rwandan troops deployed in the province since 2021 helped Mozambican forces repel the attack after two "
            "days of fighting, a Rwandan army spokesman said.")
    repel = next(e for e in _events(pipeline, text) if e["trigger"] == "repel")
    assert not repel["date"].startswith("2021")


def test_where_a_move_drew_protests_from_is_not_where_it_happened(pipeline):
    text = ("Kosovo police on Monday shut down five municipal offices run by Serbia in the Serb-majority north, in "
            "a move that drew protests from Belgrade.")
    shut = next(e for e in _events(pipeline, text) if e["trigger"] == "shut down")
    assert shut["location"] is None or shut["location"]["name"] != "Belgrade"


def test_what_a_speaker_calls_an_act_holds_no_act_of_its_own(pipeline):
    text = "Serbia's office for Kosovo called the closures a violent act aimed at expelling Serbs."
    assert not [e for e in _events(pipeline, text) if e["trigger"] == "expelling"]


def test_burning_tyres_a_road_was_blocked_with_are_no_attack(pipeline):
    text = "Demonstrators blocked the Kisumu-Kakamega highway with burning tyres and rocks early in the morning."
    assert [e["event_type"] for e in _events(pipeline, text)] == ["PROTEST"]


def test_a_charge_the_parser_hung_on_the_object_before_still_leaves_the_accusation_and_its_denier(pipeline):
    text = "The interior minister accused the Emirates of funding the militia, a charge Abu Dhabi has long denied."
    events = _events(pipeline, text)
    assert next(e for e in events if e["trigger"] == "accused")["event_type"] == "ACCUSE"
    denial = next(e for e in events if e["trigger"] == "denied")
    assert [a["country"] for a in denial["actor"]] == ["ARE"]


@pytest.mark.parametrize("text", [
    # an occupied territory named after an article and an adjective occupies nothing today
    "Soldiers killed two men in a raid on a camp in the southern occupied West Bank on Monday, officials said.",
    # lorries backed up at a closed crossing support nobody
    "Drivers said lorries were backed up for miles after the crossing was shut.",
])
def test_a_modifier_or_a_queue_the_parser_read_as_an_act_is_none(pipeline, text):
    assert not [e for e in _events(pipeline, text) if e["event_type"] in ("COERCE", "SUPPORT")]


def test_a_verb_read_as_a_participle_on_the_object_of_its_subjects_participle_acts(pipeline):
    text = "Kenyan police leading a security mission clashed with gangs in the capital on Friday."
    clash = next(e for e in _events(pipeline, text) if e["trigger"] == "clashed")
    assert "KEN" in {a["country"] for a in clash["actor"]}


def test_helpers_of_an_assault_are_its_actors_too(pipeline):
    text = "Ugandan soldiers helped Congolese troops drive the gunmen out of the village on Sunday."
    drive = next(e for e in _events(pipeline, text) if e["event_type"] == "ASSAULT")
    assert {a["country"] for a in drive["actor"]} == {"UGA", "COD"}


@pytest.mark.parametrize("text,recipient", [
    ("Militants downed a Nigerian air force jet over Zamfara on Tuesday.", "NGA"),
    ("Air defences downed 30 drones overnight, the ministry said.", None),
])
def test_downing_a_craft_attacks_its_owner_and_downing_drones_intercepts_them(pipeline, text, recipient):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == "downed")
    if recipient is None:
        assert event["event_type"] == "MOBILIZE"
    else:
        assert event["event_type"] == "ASSAULT" and [r["country"] for r in event["recipient"]] == [recipient]


@pytest.mark.parametrize("text,place", [
    # a feeling the speaker states is voiced where it speaks, not where what it feels about happened
    ("In Nairobi, the African Union commission said it was dismayed by reports that soldiers had shot "
     "protesters in Kampala.", "Nairobi"),
    ("\"We are deeply concerned about the shelling of Sumy,\" the envoy said at a briefing in Vienna.", "Vienna"),
])
def test_a_feeling_a_speaker_states_is_where_it_speaks(pipeline, text, place):
    feeling = next(e for e in _events(pipeline, text) if e["event_type"] == "ACCUSE")
    assert (feeling["location"] or {}).get("text") == place


def test_a_place_inside_the_story_subject_the_parser_hung_on_the_dateline_is_the_scene(pipeline):
    text = ("BANGKOK, Jan 9 (Wire) - A Myanmar military air strike on a church in the village of Kan Gyi in Chin "
            "state killed at least eight people sheltering there, local media said on Thursday.")
    events = _events(pipeline, text)
    strike = next(e for e in events if e["trigger"] == "killed")
    assert strike["location"]["text"] == "Chin"
    # (those killed are its recipients, though the parser made them the subject of "sheltering"; and people
    # taking shelter aid nobody)
    assert [r["name"] for r in strike["recipient"]] == ["people"]
    assert "AID" not in {e["event_type"] for e in events}


def test_a_place_of_a_coordinated_verb_is_not_the_first_verbs_when_it_names_its_own(pipeline):
    text = "Rioters also torched the Lagos state assembly offices and fought police in Kano and Kaduna, witnesses said."
    torched, fought = (next(e for e in _events(pipeline, text) if e["trigger"] == t) for t in ("torched", "fought"))
    assert (torched["location"]["text"], fought["location"]["text"]) == ("Lagos", "Kano")


@pytest.mark.parametrize("text,trigger,event_type", [
    # crowds chanting for a leader's resignation demand it; nobody resigned
    ("Crowds in Dhaka chanted for the prime minister's resignation on Sunday.", "chanted for", "REQUEST"),
    # ordering one's army deployed deploys it
    ("The president ordered the army deployed to the capital's streets.", "ordered", "MOBILIZE"),
])
def test_demands_chanted_and_orders_to_deploy(pipeline, text, trigger, event_type):
    events = _events(pipeline, text)
    assert next(e for e in events if e["trigger"] == trigger)["event_type"] == event_type
    assert "RETREAT" not in {e["event_type"] for e in events}


def test_attacks_named_to_time_another_clause_are_no_new_event(pipeline):
    text = "Shipping insurers said premiums had tripled since the attacks began."
    assert not [e for e in _events(pipeline, text) if e["event_type"] == "ASSAULT"]


def test_whose_deployed_forces_are_is_no_recipient_and_the_use_of_force_is_no_party(pipeline):
    deployed = next(e for e in _events(pipeline, "Fighters of the Wagner Group were deployed to Bangui in 2018.")
                    if e["event_type"] == "MOBILIZE")
    assert [a["name"] for a in deployed["actor"]] == ["Wagner Group"]
    assert "Wagner Group" not in [r["name"] for r in deployed["recipient"]]
    condemned = next(e for e in _events(pipeline, "The bloc condemned the use of force against demonstrators.")
                     if e["event_type"] == "ACCUSE")
    assert all(r["sectors"] != ["MIL"] for r in condemned["recipient"])


@pytest.mark.parametrize("text,trigger,place", [
    # a verbal act the speaker states of itself is done where it says it
    ("The opposition leader told reporters in Caracas that she would not step down.", "step down", "Caracas"),
    ("The Foreign Office said in London that it condemned the detention of the journalists.", "condemned",
     "London"),
    # people fleeing were driven from where they fled, not from where they went
    ("About 3,000 people fled from Kalehe to Goma, aid workers said.", "fled", "Kalehe"),
])
def test_where_a_stated_act_or_a_flight_happened(pipeline, text, trigger, place):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert (event["location"] or {}).get("text") == place


@pytest.mark.parametrize("text,trigger,speaker", [
    # the parser splits the sentence at the comma before its speaker
    ("CARACAS, Aug 3 (Wire) - Venezuelan security forces detained at least seven opposition campaign workers in "
     "the western state of Zulia on Friday, the opposition said, as protests over the disputed presidential "
     "election continued.\n\nOpposition leader Edmundo Gonzalez said he was in hiding.", "detained", "the opposition"),
    # or hangs the verb of saying on the clause after it
    ("LA PAZ, May 4 (Wire) - Bolivian police arrested at least nine miners in the southern department of "
     "Potosi on Friday, the miners' union said, as road blockades over fuel shortages continued.", "arrested",
     "the miners' union"),
])
def test_a_sentence_closing_on_its_speaker_before_an_as_clause_is_their_report(pipeline, text, trigger, speaker):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert (event["modality"], (event["attribution"] or {}).get("text")) == ("reported", speaker)


def test_a_pipeline_to_a_port_leads_there_and_a_statement_urging_is_its_issuers_request(pipeline):
    text = "Chad's government halted crude exports through a pipeline to the Cameroonian port of Kribi on Monday."
    halted = next(e for e in _events(pipeline, text) if e["trigger"] == "halted")
    assert (halted["location"] or {}).get("text") != "Kribi"
    text = "Kenya and Uganda issued a joint statement urging Sudan's army to accept a truce."
    urging = next(e for e in _events(pipeline, text) if e["trigger"] == "urging")
    assert urging["event_type"] == "REQUEST"
    assert {a["country"] for a in urging["actor"]} == {"KEN", "UGA"}


def test_government_supporters_are_civilians_not_the_government(pipeline):
    text = "Thousands of government supporters rallied in Minsk on Saturday."
    rally = next(e for e in _events(pipeline, text) if e["trigger"] == "rallied")
    assert [a["sectors"] for a in rally["actor"]] == [["CVL"]]


def test_summoning_a_charge_d_affaires_to_protest_is_a_protest(pipeline):
    text = "Egypt's foreign ministry summoned the Israeli charge d'affaires in Cairo to protest the raid."
    summons = next(e for e in _events(pipeline, text) if e["trigger"] == "summoned")
    assert (summons["event_type"], summons["mode"]) == ("ACCUSE", ["disapprove"])


def test_a_subject_the_parser_hung_on_a_datelines_country_is_the_actor_alone(pipeline):
    text = ("BUKAVU, Congo, March 3 (Wire) - Twirwaneho fighters clashed with Burundian troops and allied "
            "militias near the town of Minembwe on Monday, local sources said.")
    events = _events(pipeline, text)
    clash = next(e for e in events if e["trigger"] == "clashed")
    assert "Bukavu" not in [a["name"] for a in clash["actor"]]
    assert "COOPERATE" not in {e["event_type"] for e in events}


def test_a_speaker_coordinated_with_the_main_verb_reports_it_and_gunmen_rounding_up_kidnap(pipeline):
    text = ("The kidnappers, who arrived in pickup trucks, rounded up the farmers during the harvest and marched "
            "them into a nearby forest, a farmer who escaped told Wire.")
    events = _events(pipeline, text)
    event = next(e for e in events if e["trigger"] == "rounded up")
    assert (event["event_type"], event["mode"], event["modality"]) == ("ASSAULT", ["abduct"], "reported")
    # (arriving in trucks visits nobody; marching captives into a forest is no protest)
    assert {e["event_type"] for e in events} == {"ASSAULT"}


def test_troops_to_defend_against_a_foe_or_withdrawn_back_home_back_nobody(pipeline):
    events = _events(pipeline, "Uganda says its soldiers are in Ituri to defend against the ADF rebels.")
    assert "SUPPORT" not in {e["event_type"] for e in events}
    text = "Rwanda, which has soldiers in Cabo Delgado, said it would not pull them out before the elections."
    refusal = next(e for e in _events(pipeline, text) if e["event_type"] in ("REJECT", "RETREAT"))
    assert refusal["recipient"] == []


def test_a_deed_a_party_blamed_on_another_set_after_it_is_an_accusation(pipeline):
    text = ("Two of the candidate's aides were shot dead in their car in Beira last week, a killing the opposition "
            "blamed on the police.")
    blame = next(e for e in _events(pipeline, text) if e["trigger"] == "blamed")
    assert blame["event_type"] == "ACCUSE" and [r["sectors"] for r in blame["recipient"]] == [["COP"]]


def test_those_forced_to_leave_are_driven_out_and_it_in_a_relative_clause_is_the_speaker(pipeline):
    forced = next(e for e in _events(pipeline, "Soldiers stormed the camp and forced the families to leave.")
                  if e["trigger"] == "forced")
    assert (forced["event_type"], forced["mode"]) == ("SANCTION", ["expel"])
    text = ("The army said it had arrested 30 militants in the raid, including a local imam, whom it accused of "
            "recruiting fighters for the group.")
    accused = next(e for e in _events(pipeline, text) if e["trigger"] == "accused")
    assert [a["sectors"] for a in accused["actor"]] == [["MIL"]]


@pytest.mark.parametrize("text,trigger,absent", [
    # a state of emergency answers unrest; it is not declared where the unrest broke out
    ("Peru's president declared a state of emergency on Monday after gangs attacked two police stations in the "
     "northern city of Trujillo.", "declared", "Trujillo"),
    # where someone arrested was then driven is not where they were arrested
    ("The opposition leader was arrested and flown back to Harare, his lawyer said.", "arrested", "Harare"),
    # nor is the province refugees crossed into where they fled from
    ("Thousands of residents crossed into Thailand's Tak province to escape the fighting, Thai media reported.",
     "escape", "Tak"),
])
def test_places_an_act_answered_or_led_to_are_not_its_scene(pipeline, text, trigger, absent):
    event = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)
    assert (event["location"] or {}).get("text") not in (absent, "Thailand")


def test_withdrawing_after_talks_is_a_retreat_and_a_firm_halting_work_sanctions_nobody(pipeline):
    withdrawal = next(e for e in _events(pipeline, "The garrison withdrew from the town after negotiations.")
                      if e["trigger"] == "withdrew")
    assert withdrawal["event_type"] == "RETREAT"
    text = "The mining company suspended work at its copper project after the attack."
    assert not [e for e in _events(pipeline, text) if e["event_type"] == "SANCTION"]


def test_the_country_of_the_headline_is_the_storys_though_a_neighbour_is_named_more(pipeline):
    text = ("Rebels seize border post in Myanmar's Kachin state\n\n"
            "An ethnic armed group said on Sunday it had captured a border post in Kachin state, on the frontier "
            "with China.\n\nChina urged both sides to stop fighting. Hundreds of villagers fled into China's Yunnan "
            "province, Chinese media said.\n\nThe army said soldiers had withdrawn from the post after heavy "
            "fighting.")
    withdrawal = next(e for e in _events(pipeline, text) if e["trigger"] == "withdrawn")
    assert [a["country"] for a in withdrawal["actor"]] == ["MMR"]
    capture = next(e for e in _events(pipeline, text) if e["trigger"] == "captured")
    assert "CHN" not in [r["country"] for r in capture["recipient"]]


def test_a_headline_kept_apart_from_the_text_still_names_the_storys_country(pipeline):
    body = ("An ethnic armed group said on Sunday it had captured a border post in Kachin state, on the frontier "
            "with China.\n\nChina urged both sides to stop fighting. Hundreds of villagers fled into China's "
            "Yunnan province, Chinese media said.\n\nThe army said soldiers had withdrawn from the post after "
            "heavy fighting.")
    article = Article(id=Article.make_id(body), text=body, title="Rebels seize border post in Myanmar's Kachin state",
                      published=PUBLISHED)
    events = [e.to_dict() for ca in pipeline.code_articles([article]) for e in ca.events]
    withdrawal = next(e for e in events if e["trigger"] == "withdrawn")
    assert [a["country"] for a in withdrawal["actor"]] == ["MMR"]


def test_a_verb_that_speaks_only_of_a_statement_reports_nothing_else(pipeline):
    # "released" is a verb of saying only with a statement for its object: the freed soldiers report no blame
    events = _events(pipeline, "Two soldiers were released on Monday after being held for two days by residents of a "
                               "village in the province of Cauca, the defence ministry said, blaming a local militia "
                               "for the standoff.")
    blame = next(e for e in events if e["trigger"] == "blaming")
    assert blame["attribution"] is None or blame["attribution"]["text"] == "the defence ministry"


def test_an_interception_stands_beside_the_same_sides_strike(pipeline):
    events = _events(pipeline, "Russian missiles struck an energy facility in Ukraine's Lviv region overnight, the "
                               "governor said.\n\nRussia's defence ministry said its forces had destroyed 27 "
                               "Ukrainian drones over Kursk region.")
    assert [e["event_type"] for e in events if e["trigger"] == "destroyed"] == ["MOBILIZE"]


def test_armed_men_occupying_a_town_seize_it(pipeline):
    events = _events(pipeline, "The army retook the coastal town of Mucojo, which insurgents had briefly occupied.")
    assert [(e["event_type"], e["mode"]) for e in events if e["trigger"] == "occupied"] == [("COERCE", ["seize"])]


@pytest.mark.parametrize("text", [
    # the parser hangs the speaker on the victims as an apposition...
    "Government jets bombed a market in the town of Wad Madani on Sunday, killing at least 30 people, a spokesman "
    "for the Sudan Doctors Network said.",
    # ...or (with the next paragraph in view) makes the victims the subject of "said"
    "SITTWE, Jan 9 (Reuters) - Myanmar military aircraft bombed a village in western Rakhine state on Wednesday, "
    "killing at least 40 people, a spokesman for the Arakan Army rebel group said.\n\nThe Arakan Army, one of the "
    "most powerful ethnic armed groups, has seized most of Rakhine's townships.",
])
def test_the_speaker_closing_a_sentence_is_no_victim_and_the_victims_no_speaker(pipeline, text):
    killing = next(e for e in _events(pipeline, text) if e["trigger"] == "killing")
    assert [r["sectors"] for r in killing["recipient"]] == [["CVL"]]
    assert killing["attribution"]["text"].startswith("a spokesman for the ")


def test_the_towns_a_place_possesses_lie_there(pipeline):
    seizure = next(e for e in _events(pipeline, "The Arakan Army has seized most of Rakhine's 17 townships over the "
                                                "past year.") if e["trigger"] == "seized")
    assert seizure["location"]["text"] == "Rakhine"


def test_a_move_to_a_country_no_attack_is_told_in_is_no_part_of_one(pipeline):
    events = _events(pipeline, "North Korea fired a ballistic missile into the sea on Thursday, Seoul said.\n\n"
                               "Pyongyang has sent thousands of troops to Russia, according to South Korean "
                               "intelligence.")
    sending = [e for e in events if e["trigger"] == "sent"]
    assert [e["event_type"] for e in sending] == ["MOBILIZE"]
    assert all(r["sectors"] != ["MIL"] for r in sending[0]["recipient"])  # the troops are its own


@pytest.mark.parametrize("text,trigger,event_type", [
    ("Students blocked a motorway interchange in Kragujevac for 15 hours.", "blocked", "PROTEST"),
    ("The army said its troops had eliminated 14 militants near the border.", "eliminated", "ASSAULT"),
    ("Soldiers went house to house to flush out militants hiding in the old town.", "flush out", "ASSAULT"),
    ("The National Assembly voted on Tuesday to impeach the deputy president.", "impeach", "ACCUSE"),
])
def test_more_ways_to_say_it(pipeline, text, trigger, event_type):
    assert [e["event_type"] for e in _events(pipeline, text) if e["trigger"] == trigger] == [event_type]


@pytest.mark.parametrize("text", [
    # the parser hangs the purpose on the noun here and on the verb there
    "The army launched an operation to retake the town of Mucojo.",
    "Government troops launched an operation to retake the town of Mucojo on Sunday.",
])
def test_an_operation_launched_to_take_a_town_is_under_way(pipeline, text):
    events = _events(pipeline, text)
    assert [(e["event_type"], e["modality"]) for e in events
            if e["trigger"] == "operation"] == [("ASSAULT", "asserted")]
    assert [e["modality"] for e in events if e["trigger"] == "retake"] == ["hypothetical"]


def test_where_a_verbal_act_is_made_says_nothing_of_whose_government_it_addresses(pipeline):
    events = _events(pipeline, "DHAKA, July 20 - Police fired tear gas at students in Dhaka on Saturday.\n\nIn Geneva, "
                               "UN human rights chief Volker Turk called on the government to release detained "
                               "protesters.")
    call = next(e for e in events if e["trigger"] == "called on")
    assert [r["country"] for r in call["recipient"]] == ["BGD"]


@pytest.mark.parametrize("text", [
    "Floodwaters from a burst dam swept through the town of Mokwa, killing at least 100 people and forcing 3,000 "
    "from their homes, officials said.",
    "The earthquake forced thousands of villagers to flee their homes.",
])
def test_nature_attacks_and_coerces_nobody(pipeline, text):
    assert not [e for e in _events(pipeline, text) if e["event_type"] in ("ASSAULT", "COERCE", "SANCTION")]


def test_an_aside_set_against_a_statement_is_the_writers(pipeline):
    events = _events(pipeline, "Britain announced similar measures on Monday, while the United States has already "
                               "blacklisted the airline.")
    listing = next(e for e in events if e["trigger"] == "blacklisted")
    assert listing["attribution"] is None and listing["modality"] == "asserted"


def test_the_year_of_the_event_something_happened_in_dates_it(pipeline):
    events = _events(pipeline, "Twenty Indian soldiers and four Chinese troops were killed in the 2020 clash.")
    killing = next(e for e in events if e["trigger"] == "killed")
    assert killing["date"] == "2020-01-01" and killing["modality"] == "historical"


def test_a_province_troops_are_sent_to_is_where_not_whom(pipeline):
    events = _events(pipeline, "The government has sent an additional 600 troops to Sinaloa.")
    sending = next(e for e in events if e["trigger"] == "sent")
    assert sending["recipient"] == [] and sending["location"]["text"] == "Sinaloa"


def test_the_noun_a_passive_infinitive_hangs_on_undergoes_it(pipeline):
    events = _events(pipeline, "He became the first deputy president to be impeached since 2010.")
    impeaching = next(e for e in events if e["trigger"] == "impeached")
    assert impeaching["actor"] == [] and impeaching["recipient"]


def test_people_held_hostage_are_what_is_handed_over_not_who_held_anyone(pipeline):
    events = _events(pipeline, "Hamas handed over three Israeli women held hostage in Gaza to the Red Cross on Sunday, "
                               "the Israeli military said.")
    handover = next(e for e in events if e["trigger"] == "handed over")
    assert (handover["event_type"], [a["country"] for a in handover["actor"]]) == ("RETREAT", ["PSE"])
    assert [r["country"] for r in handover["recipient"]] == ["ISR"]
    assert all(e["actor"] == [] for e in events if e["trigger"] == "held")
    # (hostages rescued stay the object: "18 hostages" is no state they were kept in)
    rescue = next(e for e in _events(pipeline, "Soldiers rescued 18 hostages in Katsina state, the army said.")
                  if e["trigger"] == "rescued")
    assert [r["sectors"] for r in rescue["recipient"]] == [["CVL"]]


def test_a_participle_set_off_by_commas_with_its_doers_reports_their_act(pipeline):
    events = _events(pipeline, "The ceasefire, mediated by Qatar, Egypt and the United States, took effect on Sunday.")
    mediation = next(e for e in events if e["trigger"] == "mediated")
    assert [a["country"] for a in mediation["actor"]] == ["QAT", "EGY", "USA"]


def test_whose_weapon_struck_is_who_struck(pipeline):
    events = _events(pipeline, "The RSF said its drones had struck the presidential palace, killing several soldiers.")
    assert all([a["name"] for a in e["actor"]] == ["Rapid Support Forces"] for e in events
               if e["trigger"] in ("struck", "killing"))


def test_vehicles_arriving_visit_nobody(pipeline):
    events = _events(pipeline, "Buses carrying the freed prisoners arrived in the town of Beitunia, where crowds "
                               "cheered.")
    assert not [e for e in events if e["event_type"] == "CONSULT"]


def test_a_relative_clause_on_a_name_inside_the_speakers_phrase_is_no_part_of_its_words(pipeline):
    events = _events(pipeline, "The African Union mission in Somalia, which is due to be replaced by a new force in "
                               "January, said it stood ready to support Somali security forces.")
    assert {e["attribution"]["text"] for e in events if e["attribution"]} == {"The African Union mission in Somalia"}


def test_the_year_of_what_an_anniversary_marks_does_not_date_the_act(pipeline):
    events = _events(pipeline, "Tunisian police used tear gas to disperse hundreds of protesters in central Tunis on "
                               "Thursday who were demonstrating against President Kais Saied on the anniversary of his "
                               "seizure of broad powers in 2021.")
    rally = next(e for e in events if e["trigger"] == "demonstrating")
    assert rally["modality"] != "historical" and rally["date"] != "2021-01-01"


def test_what_a_deal_lays_down_is_yet_to_come_and_the_other_sides_clause_no_scene(pipeline):
    events = _events(pipeline, "Under the deal, Rwanda is to withdraw its troops from Congolese territory within 90 "
                               "days, while Kinshasa is to stop supporting the FDLR militia.")
    withdrawal = next(e for e in events if e["trigger"] == "withdraw")
    assert withdrawal["event_type"] == "CONCEDE" and withdrawal["location"] is None


def test_a_subject_beside_a_closing_speakers_is_the_deed_the_parser_made_a_participle(pipeline):
    events = _events(pipeline, "BEIRUT, Jan 26 (Reuters) - Lebanese army troops deployed in several villages in "
                               "southern Lebanon on Sunday as Israeli forces pulled back, a day before a deadline for "
                               "their withdrawal under a ceasefire deal, the army said.")
    assert [e["event_type"] for e in events if e["trigger"] == "deployed"] == ["MOBILIZE"]


def test_a_plan_cited_according_to_a_text_keeps_its_source(pipeline):
    events = _events(pipeline, "Under the deal, both sides are to halt attacks from midnight and pull their fighters "
                               "back from the town of Kaga-Bandoro, according to a copy of the text.")
    halt = next(e for e in events if e["trigger"] == "halt")
    assert halt["modality"] == "future" and halt["attribution"]["text"] == "a copy of the text"


@pytest.mark.parametrize("text,trigger,wrong", [
    # a place in a phrase of a later time
    ("North Korea fired artillery shells into the sea near the maritime border on Friday, South Korea's military "
     "said, days before the U.S. presidential election.", "fired", "USA"),
    # whose citizens people are
    ("Police said they had arrested 40 mercenaries, including citizens of Colombia and Spain.", "arrested", "COL"),
    # what a sentence is passed for
    ("BAGHDAD, Feb 11 - An Iraqi court sentenced a former Islamic State official to death on Tuesday for his role in "
     "the 2014 massacre of army recruits at Camp Speicher near Tikrit, the judiciary said.", "sentenced", "Tikrīt"),
    # where witnesses phone from, having left the scene
    ("BAMAKO, Feb 28 - Malian soldiers killed 24 civilians near the town of Niono in central Mali last week, officials "
     "said.\n\nThe soldiers rounded up men in the village of Welingara and executed them, two residents told Reuters "
     "by phone from the nearby town of Segou.", "executed", "Segou"),
    # the other side of a war
    ("Hezbollah, which fought a 14-month war with Israel, said it held Israel responsible.", "fought", "ISR"),
])
def test_places_the_sentence_names_that_are_no_scene_of_the_event(pipeline, text, trigger, wrong):
    where = next(e for e in _events(pipeline, text) if e["trigger"] == trigger)["location"]
    assert where is None or wrong not in (where["country"], where["name"], where["text"])
