"""Canonical entities from hand-made mentions (no spaCy): spellings that must merge and names that must not."""

from __future__ import annotations

import re

import pytest
from entities_support import article, entity_of, run

from crosswire.entities import gazetteer
from crosswire.model import Dossier


def test_transliterations_merge_across_articles() -> None:
    d = run(
        article(
            "a",
            "Sergey Shoigu met Yuriy Borisov and Volodymyr Zelenskyy.",
            {"Sergey Shoigu": "PERSON", "Yuriy Borisov": "PERSON", "Volodymyr Zelenskyy": "PERSON"},
        ),
        article(
            "b",
            "Sergei Shoygu, Yuri Borisov and Volodymyr Zelensky spoke.",
            {"Sergei Shoygu": "PERSON", "Yuri Borisov": "PERSON", "Volodymyr Zelensky": "PERSON"},
        ),
        article(
            "c",
            "Aleksei Navalny and Alexei Navalnyy are one man; so are Zelenskiy's aides.",
            {"Aleksei Navalny": "PERSON", "Alexei Navalnyy": "PERSON"},
        ),
    )
    assert entity_of(d, "Sergey Shoigu") is entity_of(d, "Sergei Shoygu")
    assert entity_of(d, "Yuriy Borisov") is entity_of(d, "Yuri Borisov")
    assert entity_of(d, "Volodymyr Zelenskyy") is entity_of(d, "Volodymyr Zelensky")
    assert entity_of(d, "Aleksei Navalny") is entity_of(d, "Alexei Navalnyy")
    assert sum(e.type == "PERSON" for e in d.entities) == 4


def test_nicknames_merge_from_the_dataset() -> None:
    d = run(
        article("a", "Robert Gates and Katherine Tai met.", {"Robert Gates": "PERSON", "Katherine Tai": "PERSON"}),
        article("b", "Bob Gates told Kathy Tai he agreed.", {"Bob Gates": "PERSON", "Kathy Tai": "PERSON"}),
    )
    gates = entity_of(d, "Bob Gates")
    assert gates is entity_of(d, "Robert Gates")
    assert gates.name == "Robert Gates"
    assert gates.id == "person:robert-gates"
    assert entity_of(d, "Kathy Tai") is entity_of(d, "Katherine Tai")


def test_shared_first_names_or_surnames_never_merge() -> None:
    d = run(
        article(
            "a",
            "Sergei Lavrov, Sergei Naryshkin and Sergei Ryabkov arrived. Vladimir Putin met Vladimir Zelensky.",
            {
                "Sergei Lavrov": "PERSON",
                "Sergei Naryshkin": "PERSON",
                "Sergei Ryabkov": "PERSON",
                "Vladimir Putin": "PERSON",
                "Vladimir Zelensky": "PERSON",
            },
        ),
        article(
            "b",
            "Hunter Biden and Joe Biden. Later Sergei said nothing; Biden left.",
            {"Hunter Biden": "PERSON", "Joe Biden": "PERSON", "Sergei": "PERSON", "Biden": "PERSON"},
        ),
    )
    ids = {entity_of(d, n).id for n in ("Sergei Lavrov", "Sergei Naryshkin", "Sergei Ryabkov")}
    assert len(ids) == 3
    assert entity_of(d, "Vladimir Putin") is not entity_of(d, "Vladimir Zelensky")
    assert entity_of(d, "Hunter Biden") is not entity_of(d, "Joe Biden")
    # Ambiguous short forms stay on their own rather than join the wrong person.
    assert entity_of(d, "Sergei").aliases == ["Sergei"]
    assert entity_of(d, "Biden").aliases == ["Biden"]


def test_surname_only_attaches_in_article_first_then_when_unambiguous() -> None:
    d = run(
        article(
            "a",
            "Dmitry Peskov spoke. Peskov added more. Kirill Dmitriev came; his name is Kirill.",
            {"Dmitry Peskov": "PERSON", "Peskov": "PERSON", "Kirill Dmitriev": "PERSON", "Kirill": "PERSON"},
        ),
        article("b", "Later Peskov denied it.", {"Peskov": "PERSON"}),
        article(
            "c",
            "Mark Smith and Anna Smith met. Smith said no.",
            {"Mark Smith": "PERSON", "Anna Smith": "PERSON", "Smith": "PERSON"},
        ),
    )
    peskov = entity_of(d, "Dmitry Peskov")
    assert peskov.mention_count == 3 and peskov.articles == ["a", "b"]
    assert entity_of(d, "Kirill") is entity_of(d, "Kirill Dmitriev")
    assert entity_of(d, "Smith").aliases == ["Smith"]


def test_misspelling_merges_only_with_corroboration() -> None:
    d = run(
        article("a", "US national security adviser Jake Sullivan spoke.", {"Jake Sullivan": "PERSON", "US": "GPE"}),
        article("b", "U.S. National Security Adviser Jake Salevan said so.", {"Jake Salevan": "PERSON", "U.S.": "GPE"}),
        article("c", "Tom Burns spoke to the press.", {"Tom Burns": "PERSON"}),
        article("d", "Tom Barnes, a farmer, spoke too.", {"Tom Barnes": "PERSON"}),
    )
    sullivan = entity_of(d, "Jake Salevan")
    assert sullivan is entity_of(d, "Jake Sullivan")
    assert sullivan.name == "Jake Sullivan"
    assert "national security adviser" in sullivan.roles
    # Same first name and a similar surname, but nothing corroborates: two people.
    assert entity_of(d, "Tom Burns") is not entity_of(d, "Tom Barnes")


def test_misspelled_first_name_in_same_surname_block() -> None:
    d = run(
        article("a", "Anthony Blinken flew in.", {"Anthony Blinken": "PERSON"}),
        article("b", "Antony Blinken flew out.", {"Antony Blinken": "PERSON"}),
    )
    assert entity_of(d, "Anthony Blinken") is entity_of(d, "Antony Blinken")


def test_acronyms_from_text_and_initials() -> None:
    d = run(
        article(
            "a",
            "The Foreign Intelligence Service, or SVR, declined. The SVR said nothing.",
            {"Foreign Intelligence Service": "ORG", "SVR": "ORG"},
        ),
        article(
            "b",
            "The National Security Council (NSC) met. The Associated Press and the Wall Street Journal reported it.",
            {"National Security Council": "ORG", "NSC": "ORG", "Associated Press": "ORG", "Wall Street Journal": "ORG"},
        ),
        article(
            "c", "The NSC, AP and WSJ all called. The SVR too.", {"NSC": "ORG", "AP": "ORG", "WSJ": "ORG", "SVR": "ORG"}
        ),
    )
    svr = entity_of(d, "SVR")
    assert svr is entity_of(d, "Foreign Intelligence Service")
    assert svr.name == "Foreign Intelligence Service" and svr.mention_count == 4
    assert entity_of(d, "NSC") is entity_of(d, "National Security Council")
    assert entity_of(d, "AP") is entity_of(d, "Associated Press")
    assert entity_of(d, "WSJ") is entity_of(d, "Wall Street Journal")


def test_places_diacritics_and_renamings() -> None:
    d = run(
        article(
            "a",
            "Türkiye hosted talks as Erdoğan flew to Kiev. The Kremlin in Moscow was silent.",
            {"Türkiye": "PERSON", "Erdoğan": "PERSON", "Kiev": "PERSON", "Kremlin": "ORG", "Moscow": "GPE"},
        ),
        article(
            "b",
            "Turkey said Recep Tayyip Erdogan visited Kyiv.",
            {"Turkey": "GPE", "Recep Tayyip Erdogan": "PERSON", "Kyiv": "GPE"},
        ),
    )
    turkey = entity_of(d, "Türkiye")
    assert turkey is entity_of(d, "Turkey") and turkey.type == "GPE"
    assert entity_of(d, "Kiev") is entity_of(d, "Kyiv")
    assert entity_of(d, "Kiev").type == "GPE"
    assert entity_of(d, "Erdoğan") is entity_of(d, "Recep Tayyip Erdogan")
    kremlin, moscow = entity_of(d, "Kremlin"), entity_of(d, "Moscow")
    assert kremlin is not moscow and kremlin.type == "ORG" and moscow.type == "GPE"
    # Mentions carry the corrected label and the entity id.
    first = d.articles[0].mentions[0]
    assert first.text == "Türkiye" and first.label == "GPE" and first.entity == turkey.id


def test_corpus_vote_and_surname_evidence_fix_labels() -> None:
    d = run(
        article("a", "Sergei Lavrov spoke. Lavrov left.", {"Sergei Lavrov": "PERSON", "Lavrov": "ORG"}),
        article("b", "Lavrov was absent; Lavrov's deputy came.", {"Lavrov": "ORG"}),
        article("c", "Acme Corp grew. Acme Corp and Acme Corp again.", {"Acme Corp": "ORG"}),
        article("d", "Acme Corp is in the news.", {"Acme Corp": "PERSON"}),
    )
    lavrov = entity_of(d, "Lavrov")
    assert lavrov.type == "PERSON" and lavrov is entity_of(d, "Sergei Lavrov")
    assert entity_of(d, "Acme Corp").type == "ORG"


def test_a_person_introduced_as_a_group_is_an_organization() -> None:
    """An insurgency and a crime story: the tagger reads "Boko Haram" and "Los Zetas" as people, but an article
    introduces each with a group noun; a person named right after "the group's leader" stays a person."""
    d = run(
        article(
            "a",
            "The militant group Boko Haram said it would free the girls. Boko Haram fighters attacked.",
            {"Boko Haram": "PERSON"},
        ),
        article("b", "Boko Haram denied the truce.", {"Boko Haram": "PERSON"}),
        article("c", "The drug cartel Los Zetas was blamed. Los Zetas denied it.", {"Los Zetas": "PERSON"}),
        article("d", "The group's leader Ahmed Musa said the cartel Los Zetas was gone.", {"Ahmed Musa": "PERSON"}),
    )
    assert entity_of(d, "Boko Haram").type == "ORG"
    assert entity_of(d, "Los Zetas").type == "ORG"
    assert entity_of(d, "Ahmed Musa").type == "PERSON"
    assert all(m.label == "ORG" for m in d.articles[1].mentions)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a merger: a company's kind before its name, at a sentence's start and after "by"
        ("Danish shipping group Nordhavn has offered to sell a unit.", "Nordhavn"),
        ("The takeover of the port by Dutch freight operator Rotterlink was blocked.", "Rotterlink"),
        # a strike: a union named before and after its noun
        ("The dockworkers' union FNV Havens said 800 jobs were at risk.", "FNV Havens"),
        ("The airline reached a deal with the SEPLA pilots' union on Sunday.", "SEPLA"),
        # sport and aviation
        ("Fans of the Estonian club Levadia protested.", "Levadia"),
        ("Pilots at Spanish airline Skyra will return to work.", "Skyra"),
    ],
)
def test_a_person_introduced_by_an_organizations_noun_is_an_organization(text: str, name: str) -> None:
    d = run(article("a", text, {name: "PERSON"}), article("b", f"{name} said nothing.", {name: "PERSON"}))
    assert entity_of(d, name).type == "ORG"


@pytest.mark.parametrize(
    "text",
    [
        "The union leader Jan Smit said the strike would go on.",
        "The company's founder Maria Lopes said the plant would stay open.",
        "A club captain, Tom Reed, said the fans were right.",
    ],
)
def test_a_person_after_an_organizations_role_stays_a_person(text: str) -> None:
    name = re.search(r"(?:Jan Smit|Maria Lopes|Tom Reed)", text)
    assert name is not None
    d = run(article("a", text, {name.group(0): "PERSON"}))
    assert entity_of(d, name.group(0)).type == "PERSON"


def test_ids_are_stable_and_unique() -> None:
    def make() -> Dossier:
        return run(
            article(
                "a",
                "William Burns met Bill Burns and Burns.",
                {"William Burns": "PERSON", "Bill Burns": "PERSON", "Burns": "PERSON"},
            ),
            article("b", "CIA and the Kremlin.", {"CIA": "ORG", "Kremlin": "ORG"}),
        )

    first, second = make(), make()
    assert [e.model_dump() for e in first.entities] == [e.model_dump() for e in second.entities]
    assert len({e.id for e in first.entities}) == len(first.entities)
    assert entity_of(first, "Bill Burns").id == "person:william-burns"


def test_all_caps_dateline_place_is_the_same_place() -> None:
    d = run(
        article("a", "MOSCOW, Nov 17 - Officials in Moscow said little.", {"MOSCOW": "GPE", "Moscow": "GPE"}),
        article("b", "WASHINGTON - The talks in Washington went on.", {"WASHINGTON": "GPE", "Washington": "GPE"}),
    )
    assert entity_of(d, "MOSCOW") == entity_of(d, "Moscow")
    assert entity_of(d, "WASHINGTON").id != entity_of(d, "Moscow").id


def test_a_corpus_outlet_named_in_a_dateline_is_an_organization() -> None:
    wire = article("a", "MOSCOW, Nov 17 (Eurasia Wire) - The Kremlin spoke.", {"Eurasia Wire": "PERSON"})
    wire.outlet = "Eurasia Wire"
    other = article("b", "A report by Eurasia Wire was cited.", {"Eurasia Wire": "PERSON"})
    d = run(wire, other)
    assert entity_of(d, "Eurasia Wire").type == "ORG"


def test_a_name_introduced_as_an_outlet_or_a_place_takes_that_kind() -> None:
    """A casting story and a sports story: the tagger reads an outlet as a person or a place and a home town as an
    organization, but some article introduces each with an outlet's noun or as where somebody is from."""
    d = run(
        article("a", "The entertainment site Screenwire first reported the casting.", {"Screenwire": "ORG"}),
        article("b", "As Screenwire reported, the actor signed.", {"Screenwire": "PERSON"}),
        article("c", "Weeks later Screenwire said the deal was done.", {"Screenwire": "GPE"}),
        article("d", "The 19-year-old, from Kerrimuir, kept the ball.", {"Kerrimuir": "GPE"}),
        article("e", "Kerrimuir gave the striker a parade.", {"Kerrimuir": "ORG"}),
        article("f", "The singer flew back to his Dunmore home.", {"Dunmore": "ORG"}),
        article("g", "A teenager from Calloway Heights made millions.", {"Calloway Heights": "ORG"}),
        article("h", "Data from Acme showed the fall.", {"Acme": "ORG"}),
    )
    assert entity_of(d, "Screenwire").type == "ORG"
    assert all(m.label == "ORG" for a in d.articles[:3] for m in a.mentions)
    assert entity_of(d, "Kerrimuir").type == "GPE"
    assert entity_of(d, "Dunmore").type == "GPE"
    assert entity_of(d, "Calloway Heights").type == "GPE"
    assert entity_of(d, "Acme").type == "ORG"  # "data from Acme": a source, not a home town


def test_two_surnames_written_without_the_first_name_are_the_same_person() -> None:
    """A Mexican prosecutor and a Brazilian judge: a second mention drops the first name and keeps both surnames;
    a different person sharing only the last surname stays apart."""
    d = run(
        article(
            "a",
            "Attorney General Jesús Murillo Karam said the graves held 28 bodies. Murillo Karam said tests would take"
            " weeks.",
            {"Jesús Murillo Karam": "PERSON", "Murillo Karam": "PERSON"},
        ),
        article("b", "Murillo Karam told reporters the suspects had confessed.", {"Murillo Karam": "PERSON"}),
        article(
            "c",
            "Judge Ana Lúcia Pereira Santos opened the case. Pereira Santos declined to comment.",
            {"Ana Lúcia Pereira Santos": "PERSON", "Pereira Santos": "PERSON"},
        ),
        article("d", "Lawyer Pedro Alves Santos filed the appeal.", {"Pedro Alves Santos": "PERSON"}),
    )
    prosecutor = entity_of(d, "Murillo Karam")
    assert prosecutor is entity_of(d, "Jesús Murillo Karam") and prosecutor.name == "Jesús Murillo Karam"
    judge = entity_of(d, "Pereira Santos")
    assert judge is entity_of(d, "Ana Lúcia Pereira Santos")
    assert entity_of(d, "Pedro Alves Santos") is not judge


def test_a_name_after_a_trade_only_people_have_is_a_person() -> None:
    """A film story and a health story: the tagger reads a director as a facility and a researcher as an
    organization, but some article writes each after a trade only a person has; an organization's name after such a
    word ("director General Motors" does not occur; "lawyer Acme Legal Services" ends in an organization's noun)
    stays what it is."""
    d = run(
        article("a", "The epic was made by director Ridley Scott in Spain.", {"Ridley Scott": "PERSON"}),
        article("b", "Ridley Scott's epic opens in December.", {"Ridley Scott": "FAC"}),
        article("c", "Ridley Scott's studio declined to comment.", {"Ridley Scott": "FAC"}),
        article("d", "Rona Peligal said the data were clear.", {"Rona Peligal": "ORG"}),
        article("e", "The study was led by researcher Rona Peligal.", {"Rona Peligal": "ORG"}),
        article("f", "The firm hired lawyer Acme Legal Services.", {"Acme Legal Services": "ORG"}),
    )
    assert entity_of(d, "Ridley Scott").type == "PERSON"
    assert entity_of(d, "Rona Peligal").type == "PERSON"
    assert entity_of(d, "Acme Legal Services").type == "ORG"


def test_a_surname_that_is_also_a_town_somewhere_is_the_person_named_in_full() -> None:
    """A football story and a trial: the tagger reads a manager's and a witness's surname as a place (a town of that
    name exists), but the article named each in full; where an article writes the word as a place, it stays one."""
    d = run(
        article(
            "a",
            "United manager Pedro Salgado welcomed him. Salgado declined to say more.",
            {"Pedro Salgado": "PERSON", "Salgado": "GPE"},
        ),
        article(
            "b",
            "The court heard from Maria Lisboa. Lisboa said she saw the car.",
            {"Maria Lisboa": "PERSON", "Lisboa": "GPE"},
        ),
        article(
            "c",
            "Anna Salgado flew home. Floods hit homes in Salgado on Friday.",
            {"Anna Salgado": "PERSON", "Salgado": "GPE"},
        ),
    )
    manager = entity_of(d, "Pedro Salgado")
    assert [m.entity for m in d.articles[0].mentions] == [manager.id, manager.id]
    assert manager.type == "PERSON"
    witness = entity_of(d, "Maria Lisboa")
    assert d.articles[1].mentions[1].entity == witness.id
    town = next(m for m in d.articles[2].mentions if m.text == "Salgado")
    assert town.label == "GPE" and town.entity != entity_of(d, "Anna Salgado").id


def test_an_institutions_head_written_alone_is_the_name_it_opens() -> None:
    """A rate decision and an appeal: "the Bank" and "the Court" are the one institution named "Bank of ..." or
    "Court of ..." in the same article; a head that opens two such names, or none, stays apart."""
    d = run(
        article(
            "a",
            "The Bank of England cut rates, and the European Central Bank held. The Bank's governor spoke.",
            {"Bank of England": "ORG", "European Central Bank": "ORG", "Bank": "ORG"},
        ),
        article(
            "b",
            "The Court of Appeal upheld the verdict. The Court said the trial was fair.",
            {"Court of Appeal": "ORG", "Court": "ORG"},
        ),
        article(
            "c",
            "The Council of Europe and the Council of Ministers met. The Council said little.",
            {"Council of Europe": "ORG", "Council of Ministers": "ORG", "Council": "ORG"},
        ),
    )
    assert entity_of(d, "Bank") is entity_of(d, "Bank of England")
    assert entity_of(d, "Bank") is not entity_of(d, "European Central Bank")
    assert entity_of(d, "Court") is entity_of(d, "Court of Appeal")
    council = entity_of(d, "Council")
    assert council is not entity_of(d, "Council of Europe") and council is not entity_of(d, "Council of Ministers")


def test_a_club_and_the_city_of_its_dateline_stay_apart() -> None:
    """A transfer saga: the tagger reads the dateline's city and the club's short name as people (the mention stage
    has typed the club by the last word of its name); the dateline's city is the city, named as a sentence writes
    it, and the short name is the club."""
    d = run(
        article(
            "a",
            "MANCHESTER, England — Manchester United signed Lucas Moura. United paid £40 million.",
            {"MANCHESTER": "ORG", "Manchester United": "ORG", "United": "PERSON", "Lucas Moura": "PERSON"},
        ),
        article("b", "LEEDS, England — Leeds Rovers lost again.", {"LEEDS": "PERSON", "Leeds Rovers": "ORG"}),
        article("c", "Dutch Shell said profits rose. Shell paid more.", {"Dutch Shell": "ORG", "Shell": "PERSON"}),
        article(
            "d",
            "Anna Shell met Dutch Shell staff. Shell said little.",
            {"Anna Shell": "PERSON", "Dutch Shell": "ORG", "Shell": "PERSON"},
        ),
    )
    assert entity_of(d, "United") is entity_of(d, "Manchester United")
    assert entity_of(d, "United").name == "Manchester United"
    club = entity_of(d, "Manchester United")
    assert club.type == "ORG" and entity_of(d, "MANCHESTER") is not club
    assert entity_of(d, "MANCHESTER").type == "GPE" and entity_of(d, "MANCHESTER").name == "Manchester"
    assert entity_of(d, "LEEDS").name == "Leeds"
    assert d.articles[2].mentions[1].entity == entity_of(d, "Dutch Shell").id
    assert d.articles[3].mentions[2].entity == entity_of(d, "Anna Shell").id


def test_a_dateline_state_abbreviation_is_the_state() -> None:
    """Two US datelines and a state named in full: the agencies' abbreviations are one place, under its name; a
    word that is also an abbreviation stays what it is where nothing tags it a place."""
    d = run(
        article(
            "a",
            "CAMBRIDGE, Mass. - A biotech company said its trial met its goal.",
            {"CAMBRIDGE": "GPE", "Mass": "GPE"},
        ),
        article("b", "Boston, Massachusetts, is where the firm is based.", {"Boston": "GPE", "Massachusetts": "GPE"}),
        article("c", "SACRAMENTO, Calif. - The wildfire grew overnight.", {"SACRAMENTO": "GPE", "Calif": "GPE"}),
        article("d", "After Mass on Sunday, the mayor spoke.", {"Mass": "EVENT"}),
        article(
            "e",
            "PORTLAND, Ore. - Oregon's governor and New York's mayor met.",
            {"Ore": "GPE", "Oregon": "GPE", "New York": "GPE"},
        ),
    )
    state = entity_of(d, "Massachusetts")
    assert state.name == "Massachusetts" and "Mass" in state.aliases
    assert entity_of(d, "Calif").name == "California"
    assert entity_of(d, "Ore") is entity_of(d, "Oregon")  # the state, not the town of Oregon, Ohio
    assert gazetteer.region_or_place("New York") == gazetteer.city("New York")  # the city, as before
    assert [(e.name, e.type) for e in d.entities if "Mass" in e.aliases and e is not state] == [("Mass", "EVENT")]


def test_an_institutions_head_alone_is_the_name_it_ends_in_its_article() -> None:
    """A merger review and a data breach in one corpus: "the Commission" is, in each article, the one commission that
    article names; an article naming two, or none, leaves it a name of its own."""
    d = run(
        article(
            "merger",
            "The European Commission opened an inquiry. The Commission said it had concerns.",
            {"European Commission": "ORG", "Commission": "ORG"},
        ),
        article(
            "breach",
            "The Data Protection Commission was told. The Commission confirmed it on Friday.",
            {"Data Protection Commission": "ORG", "Commission": "ORG"},
        ),
        article(
            "both",
            "The European Commission and the Data Protection Commission met; the Commission declined to comment.",
            {"European Commission": "ORG", "Data Protection Commission": "ORG", "Commission": "ORG"},
        ),
        article("club", "The club's supporters' trust wrote to the Police after the match.", {"Police": "ORG"}),
    )
    european = next(e for e in d.entities if e.name == "European Commission")
    protection = next(e for e in d.entities if e.name == "Data Protection Commission")
    assert "merger" in european.articles and "Commission" in european.aliases
    assert "breach" in protection.articles and "Commission" in protection.aliases
    alone = next(e for e in d.entities if e.name == "Commission")
    assert alone.articles == ["both"]
    assert any(e.name == "Police" for e in d.entities)


def test_a_city_the_tagger_typed_an_organization_is_a_place_where_only_places_stand() -> None:
    """A bank's branches, a wildfire and a carmaker: a known city written only where a place stands is the city; a
    company that shares a city's name and is written where companies stand stays the company."""
    d = run(
        article("a", "Customers queued outside the branches in Limerick on Wednesday.", {"Limerick": "ORG"}),
        article("b", "The fire burned near Tralee overnight.", {"Tralee": "ORG"}),
        article("c", "Toyota said sales rose, and a fund raised its stake in Toyota.", {"Toyota": "ORG"}),
        article("d", "Investors bought shares in Nokia on Monday.", {"Nokia": "ORG"}),
    )
    assert entity_of(d, "Limerick").type == "GPE"
    assert entity_of(d, "Tralee").type == "GPE"
    assert entity_of(d, "Toyota").type == "ORG"
    assert entity_of(d, "Nokia").type == "ORG"


def test_a_name_set_off_after_a_trade_is_a_person_in_every_article() -> None:
    """A club takeover told by a wire and a radio transcript: the tagger reads the bidder's chairman as an
    organization where nothing introduces him; the wire's "Brandt's chairman, Marcus Hale," says he is a person."""
    d = run(
        article(
            "wire", "Brandt's chairman, Marcus Hale, told the BBC the talks were advanced.", {"Marcus Hale": "ORG"}
        ),
        article(
            "radio",
            "REPORTER: Marcus Hale told City Sport Radio his group would keep the team.",
            {"Marcus Hale": "ORG"},
        ),
    )
    hale = entity_of(d, "Marcus Hale")
    assert hale.type == "PERSON" and sorted(hale.articles) == ["radio", "wire"]


def test_a_club_named_first_in_an_article_is_no_place() -> None:
    """A transfer story opening on a club that shares a city's name: an article's first word is no dateline."""
    d = run(
        article("a", "Napoli, Juventus and AC Milan all bid for the striker.", {"Napoli": "ORG", "Juventus": "ORG"})
    )
    assert entity_of(d, "Napoli").type == "ORG"
