"""The per-article mention stage: spans trimmed to the name, labels corrected by evidence."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from crosswire.context import Context
from crosswire.entities.gazetteer import country
from crosswire.entities.mentions import correct_label, find_mentions, mentions_from_spans, spans_of, trim_span
from crosswire.model import Article


def test_trim_span_cuts_article_possessive_and_credit() -> None:
    text = "said the White House's spokesman; Joe Biden's aide; Sergei Fadeichev / TASS; Dmitriev’s Role"
    for raw, expected in [
        ("the White House's", "White House"),
        ("Joe Biden's", "Joe Biden"),
        ("Sergei Fadeichev / TASS", "Sergei Fadeichev"),
        ("Dmitriev’s Role", "Dmitriev"),
    ]:
        start = text.index(raw)
        s, e = trim_span(text, start, start + len(raw))
        assert text[s:e] == expected


def test_a_leading_indefinite_article_adverb_or_quote_set_possessive_is_cut() -> None:
    """ "an Academy Award", "Hopefully Apple will ...", "Business Insider‘s list": the name alone."""
    text = "won an Academy Award. Hopefully Apple will ship. Finally, Acme agreed. On Business Insider‘s list."
    for raw, expected in [
        ("an Academy Award", "Academy Award"),
        ("Hopefully Apple", "Apple"),
        ("Finally, Acme", "Acme"),
        ("Business Insider‘s", "Business Insider"),
    ]:
        start = text.index(raw)
        s, e = trim_span(text, start, start + len(raw))
        assert text[s:e] == expected
    for name in ("Emily Brown", "Beverly Hills", "Kelly Holmes"):
        assert trim_span(name, 0, len(name)) == (0, len(name))


def test_abbreviation_dot_is_kept() -> None:
    text = "officials in the U.S. said"
    start = text.index("the U.S.")
    s, e = trim_span(text, start, start + len("the U.S."))
    assert text[s:e] == "U.S."


def test_country_tagged_person_or_org_becomes_gpe() -> None:
    assert correct_label("Türkiye", "PERSON", "hosted by ") == "GPE"
    assert correct_label("Türkiye", "ORG", "") == "GPE"
    assert correct_label("Kremlin", "ORG", "the ") == "ORG"


def test_two_letter_acronyms_are_not_countries() -> None:
    # An ISO alpha-2 code in running text is an acronym far more often than a country.
    assert country("ER") is None  # the emergency room, not Eritrea
    assert country("IT") is None
    assert country("CA") is None  # "Palo Alto, CA" is California
    assert correct_label("ER", "ORG", "was taken to the ") == "ORG"
    # The codes written for countries in prose stay countries.
    for written, code in [("US", "US"), ("U.S.", "US"), ("UK", "GB"), ("USA", "US"), ("GBR", "GB"), ("RUS", "RU")]:
        found = country(written)
        assert found is not None and found.code == code, written


def test_time_zone_after_clock_time_is_dropped() -> None:
    assert correct_label("GMT", "ORG", "arrived at around 8:30 a.m. ") is None
    assert correct_label("GMT", "ORG", "at 14:00 ") is None
    # Without a clock time before it an acronym stays an organization.
    assert correct_label("GMT", "ORG", "the company ") == "ORG"


def test_lower_case_spans_are_noise() -> None:
    text = "the un-announced meeting with Putin"
    found = mentions_from_spans(text, [(4, 6, "ORG"), (30, 35, "PERSON"), (0, 3, "CARDINAL")])
    assert [(m.text, m.label) for m in found] == [("Putin", "PERSON")]


def test_find_mentions_uses_the_shared_parse() -> None:
    text = (
        "Kremlin spokesperson Dmitry Peskov said on Monday that talks in Ankara with CIA director "
        "William Burns had taken place. A plane landed at 8:30 a.m. GMT."
    )
    article = Article(id="a", source="a.txt", text=text)
    find_mentions(article, Context())
    found = {(m.text, m.label) for m in article.mentions}
    assert ("Dmitry Peskov", "PERSON") in found
    assert ("William Burns", "PERSON") in found
    assert ("Ankara", "GPE") in found
    assert not any(m.text == "GMT" for m in article.mentions)
    for mention in article.mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.entity is None


def test_empty_text_has_no_mentions() -> None:
    article = Article(id="a", source="a.txt", text="  ")
    find_mentions(article, Context())
    assert article.mentions == []


def _tagged(text: str, *pieces: tuple[str, str]) -> list[str]:
    spans = [(text.index(piece), text.index(piece) + len(piece), label) for piece, label in pieces]
    return [f"{m.text}/{m.label}" for m in mentions_from_spans(text, spans)]


def test_a_bracket_or_quote_left_open_is_cut_from_the_name() -> None:
    """A science agency, a boxer's nickname and a bank: the tagger stopped inside an aside."""
    text = "Experts at the Nicaraguan Institute of Earth Studies (Ineter) said the crater was fresh."
    assert _tagged(text, ("Nicaraguan Institute of Earth Studies (Ineter", "ORG")) == [
        "Nicaraguan Institute of Earth Studies/ORG"
    ]
    text = "The promoter, Frank “The Hammer” Doyle, said the fight was off."
    assert _tagged(text, ("Frank “The Hammer", "PERSON")) == ["Frank/PERSON"]
    text = "Shares of Banco Uno (BU) fell."  # the closing bracket falls with the edge punctuation
    assert _tagged(text, ("Banco Uno (BU)", "ORG")) == ["Banco Uno/ORG"]


def test_a_word_opening_an_abbreviated_rank_is_no_person() -> None:
    text = "Pentagon press secretary Rear Adm. John Kirby said the raid failed, and Vice Adm. Brad Cooper agreed."
    assert _tagged(text, ("Rear", "PERSON"), ("John Kirby", "PERSON"), ("Vice", "PERSON")) == ["John Kirby/PERSON"]
    text = "Senator Mark Kelly spoke to Dan Olsen Sr. on Monday."
    assert _tagged(text, ("Mark Kelly", "PERSON"), ("Dan Olsen", "PERSON")) == ["Mark Kelly/PERSON", "Dan Olsen/PERSON"]


def test_a_surname_left_untagged_after_the_full_name_is_the_person() -> None:
    """A transfer saga, a trial and a relief effort: the tagger named each person in full once and missed the
    surname alone later; a surname inside another capitalised name stays untouched."""
    text = "The club's president, Nuno Carvalho, refused. Carvalho met Omar Berrada in Lisbon the next day."
    assert _tagged(text, ("Nuno Carvalho", "PERSON"), ("Omar Berrada", "PERSON"), ("Lisbon", "GPE")) == [
        "Nuno Carvalho/PERSON",
        "Carvalho/PERSON",
        "Omar Berrada/PERSON",
        "Lisbon/GPE",
    ]
    text = "Judge Ruth Okafor heard the case. The jury agreed with Okafor's reading, said Mr. Okafor."
    assert _tagged(text, ("Ruth Okafor", "PERSON")) == ["Ruth Okafor/PERSON", "Okafor/PERSON", "Okafor/PERSON"]
    text = "Aid came from Tom Ricci. Crews cleared Ricci Street while Anna Ricci waited."
    assert _tagged(text, ("Tom Ricci", "PERSON")) == ["Tom Ricci/PERSON"]
    text = "Singer Elton John spoke. Fans call the rival ‘Rocket John’ now."
    assert _tagged(text, ("Elton John", "PERSON")) == ["Elton John/PERSON"]


def test_a_club_tagged_as_a_person_is_an_organization() -> None:
    """Football and rugby: a name ending in a word no person's name ends in ("United", "Rovers", "FC")."""
    text = "Manchester United beat Bristol Rovers, and Celtic FC drew with Mark Albion-Smith's side."
    pieces = [("Manchester United", "PERSON"), ("Bristol Rovers", "PERSON"), ("Celtic FC", "PERSON")]
    assert _tagged(text, *pieces, ("Mark Albion-Smith", "PERSON")) == [
        "Manchester United/ORG",
        "Bristol Rovers/ORG",
        "Celtic FC/ORG",
        "Mark Albion-Smith/PERSON",
    ]


def test_a_place_ending_in_an_institutions_noun_is_an_organization() -> None:
    """A trial and a planning row: the tagger reads a police force and a council as places."""
    text = "West Yorkshire Police arrested him, and Leeds City Council objected, in South Yorkshire."
    pieces = [("West Yorkshire Police", "GPE"), ("Leeds City Council", "GPE"), ("South Yorkshire", "GPE")]
    assert _tagged(text, *pieces) == ["West Yorkshire Police/ORG", "Leeds City Council/ORG", "South Yorkshire/GPE"]


def test_a_name_after_a_role_noun_the_tagger_missed_is_a_person() -> None:
    """A merger review, a ferry verdict and a strike: the tagger missed the holder of a role named as a title or set
    off by a comma, or took the title's first word for a person; a weekday, a ministry or a place after a role stays
    unnamed."""
    text = "Rotterdam's mayor, Jan de Vries, told reporters on Thursday that he feared job losses."
    assert _tagged(text, ("Rotterdam", "GPE")) == ["Rotterdam/GPE", "Jan de Vries/PERSON"]
    text = "The mayor of Naxos, Giorgos Lianos, said the island would never forget."
    assert _tagged(text, ("Naxos", "GPE")) == ["Naxos/GPE", "Giorgos Lianos/PERSON"]
    text = "Pilots returned after Labour Minister Ana Ruiz brokered an agreement."
    assert _tagged(text, ("Labour", "PERSON")) == ["Ana Ruiz/PERSON"]
    text = "The spokesman Monday Morning said, and the minister, Foreign Affairs, agreed with the envoy in New York."
    assert _tagged(text, ("New York", "GPE")) == ["New York/GPE"]


def test_a_name_after_a_role_noun_tagged_an_organization_is_a_person() -> None:
    """A local politician, a club's coach and a court: the tagger took an unfamiliar person's name for an
    organization; the role noun before it says it is a person. A company after a role noun stays one."""
    text = "Local councillor Aoife Daly said the bank had left its customers in the dark."
    assert _tagged(text, ("Aoife Daly", "ORG")) == ["Aoife Daly/PERSON"]
    text = "The club's coach, Tiago Ndiaye, said the squad was tired."
    assert _tagged(text, ("Tiago Ndiaye", "ORG")) == ["Tiago Ndiaye/PERSON"]
    text = "The judge, Harriet Osei, adjourned the hearing until Monday."
    assert _tagged(text, ("Harriet Osei", "ORG")) == ["Harriet Osei/PERSON"]
    text = "A spokesman for Kestrel Bank said the lender had been notified."
    assert _tagged(text, ("Kestrel Bank", "ORG")) == ["Kestrel Bank/ORG"]


def _doc(sentences: list[list[tuple[str, str, str]]]) -> Doc:
    """A parsed text built by hand: (word, fine tag, entity IOB tag) per token, one list per sentence."""
    tokens = [token for sentence in sentences for token in sentence]
    starts = [index == 0 for sentence in sentences for index in range(len(sentence))]
    return Doc(
        Vocab(),
        words=[word for word, _, _ in tokens],
        tags=[tag for _, tag, _ in tokens],
        sent_starts=starts,
        ents=[ent for _, _, ent in tokens],
    )


def test_a_common_noun_capitalised_by_its_place_is_no_name() -> None:
    """A drug trial, a storm, a retailer: a tagged one-word "name" that opens a sentence as a common noun is kept
    only when the text writes it with a capital inside a sentence too."""
    swelling = _doc(
        [
            [("Brain", "NN", "B-ORG"), ("swelling", "VBG", "O"), ("occurred", "VBD", "O"), (".", ".", "O")],
            [("It", "PRP", "O"), ("was", "VBD", "O"), ("mild", "JJ", "O"), (".", ".", "O")],
        ]
    )
    assert spans_of(swelling) == []
    retailer = _doc(
        [
            [("Target", "NN", "B-ORG"), ("reported", "VBD", "O"), ("sales", "NNS", "O"), (".", ".", "O")],
            [("Shares", "NNS", "O"), ("of", "IN", "O"), ("Target", "NNP", "B-ORG"), ("rose", "VBD", "O")],
        ]
    )
    assert [label for _, _, label in spans_of(retailer)] == ["ORG", "ORG"]
    named = _doc([[("Meta", "NNP", "B-ORG"), ("was", "VBD", "O"), ("fined", "VBN", "O"), (".", ".", "O")]])
    assert [label for _, _, label in spans_of(named)] == ["ORG"]


def test_a_place_head_noun_alone_is_no_place() -> None:
    """A live blog's time stamp before "County clerk ...": the tagger took the head noun for a place."""
    text = "11:15 a.m. - County clerk Maria Lopez said about 600 ballots were found in Harlan County."
    assert _tagged(text, ("County", "GPE"), ("Maria Lopez", "PERSON"), ("Harlan County", "GPE")) == [
        "Maria Lopez/PERSON",
        "Harlan County/GPE",
    ]


def test_a_title_before_a_name_keeps_it_a_person_and_a_trade_after_it_makes_a_company() -> None:
    """A health minister, a toy recall and a park: a name ending in a place's head noun is a person's after a
    courtesy title or a role ("Mr Alan Park", "Health Secretary Alan Park", whose "Health" is no name), a place
    otherwise; a "person" ending in a trade's plural ("Brightwave Toys") is a company."""
    text = "Mr Alan Park visited the ward, then Health Secretary Alan Park spoke in Gorky Park."
    spans = [("Alan Park", "PERSON"), ("Health", "ORG"), ("Gorky Park", "PERSON")]
    found = [(text.index(p), text.index(p) + len(p), label) for p, label in spans]
    second = text.index("Alan Park", text.index("Health"))
    found.append((second, second + len("Alan Park"), "PERSON"))
    assert [f"{m.text}/{m.label}" for m in mentions_from_spans(text, found)] == [
        "Alan Park/PERSON",
        "Alan Park/PERSON",
        "Gorky Park/LOC",
    ]
    text = "Brightwave Toys recalled 40,000 drones on Tuesday."
    assert _tagged(text, ("Brightwave Toys", "PERSON")) == ["Brightwave Toys/ORG"]
