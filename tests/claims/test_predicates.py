"""Predicates: two propositions about one party that say different things of it are two claims."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from crosswire.claims.merge import SAME_CLAIM, cluster
from crosswire.claims.predicates import Predicate, PredicateReader, different_deeds, predicate_in, stem
from crosswire.claims.propositions import Proposition


@pytest.fixture(scope="module")
def reader() -> PredicateReader:
    return PredicateReader()


def test_stems_fold_a_verb_and_its_nouns() -> None:
    assert stem("betting") == stem("bet")
    assert stem("involvement") == stem("involve")
    assert stem("transfers") == stem("transfer")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # A trial: the defendant's denial, his being a victim and his being lied to are three claims.
        ("The defendant never bribed the judge.", "The defendant is considered a victim of fraud."),
        ("The defendant never bribed the judge.", "The defendant had been lied to by his accountant."),
        # A merger: a bid and the absence of one, a board's review and a chief's departure.
        ("Acme is in early talks to acquire Borealis.", "Acme has no intention of making an offer for Borealis."),
        ("Borealis is reviewing the offer.", "Borealis fired its chief executive."),
        # A war: a strike and a withdrawal by one army.
        ("The army shelled the port overnight.", "The army withdrew from the northern villages."),
        # Sport: a player's suspension and his transfer.
        ("The striker was suspended for three matches.", "The striker signed a new contract with the club."),
    ],
)
def test_different_deeds_of_one_party(reader: PredicateReader, left: str, right: str) -> None:
    assert different_deeds(reader.of(left), reader.of(right))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # The same deed in other words, negated or not: one claim to confirm or deny.
        ("He never bet on sports.", "I want everyone to know he had zero involvement in betting."),
        ("I do want to make it clear that I never bet on sports.", "He bet on baseball games."),
        ("Acme is in talks to buy Borealis.", "Acme is not in talks with Borealis."),
        ("The army shelled the port overnight.", "The port was shelled by the army."),
        ("The striker was suspended for three matches.", "The league suspended the striker."),
        # What the agent or object of the deed did is part of it ("discovered by a resident who found it").
        ("The painting was discovered by a farmer who found it in his barn.", "The painting was found in a barn."),
        ("The ferry was sunk by a submarine that torpedoed it at dawn.", "A submarine torpedoed the ferry."),
    ],
)
def test_one_deed_in_other_words(reader: PredicateReader, left: str, right: str) -> None:
    assert not different_deeds(reader.of(left), reader.of(right))


def test_a_fragment_is_never_told_apart(reader: PredicateReader) -> None:
    assert not different_deeds(reader.of("Lukra bridge"), reader.of("The army shelled the port overnight."))


def _proposition(article: str, text: str, entities: set[str], event: str | None = "ev-1") -> Proposition:
    return Proposition(
        article=article,
        start=0,
        end=len(text),
        text=text,
        stance="reports",
        statement=None,
        source=None,
        source_text=article,
        source_type="media",
        root_key=f"outlet:{article}",
        party_key=f"outlet:{article}",
        entities=frozenset(entities),
        event=event,
    )


def _vectors(similarity: float) -> np.ndarray:
    """Two unit vectors this close."""
    return np.array([[1.0, 0.0], [similarity, (1 - similarity**2) ** 0.5]], dtype=np.float32)


def test_two_deeds_of_one_party_stay_two_claims_short_of_near_identity() -> None:
    """A trial: both sentences report the hearing and embed alike, yet say different things of the defendant."""
    propositions = [
        _proposition("t1", "The defendant never bribed the judge.", {"e-defendant"}),
        _proposition("t2", "The defendant is considered a victim of fraud.", {"e-defendant"}),
    ]
    assert cluster(propositions, _vectors(0.75), ["story", "story"]) == [[0], [1]]
    # Near-identical wording still says one thing, whatever the parse reads.
    assert cluster(propositions, _vectors(SAME_CLAIM + 0.05), ["story", "story"]) == [[0, 1]]


def test_one_deed_or_two_parties_are_left_to_the_other_tests() -> None:
    same_deed = [
        _proposition("m1", "Acme is in talks to buy Borealis.", {"e-acme"}),
        _proposition("m2", "Acme is holding talks with Borealis about a deal.", {"e-acme"}),
    ]
    assert cluster(same_deed, _vectors(0.75), ["story", "story"]) == [[0, 1]]
    # No party named by both: the predicate says nothing of whether they are one claim about one subject.
    other_parties = [
        _proposition("w1", "Divers planted the explosives in June.", {"e-navy"}),
        _proposition("w2", "The pipelines were destroyed by blasts in September.", {"e-pipeline"}),
    ]
    assert cluster(other_parties, _vectors(0.75), ["story", "story"]) == [[0, 1]]


# Short articles in three domains; each proposition below is a stretch of one of them.
MERGER = (
    "Acme is in early talks to acquire Borealis, which is reviewing the offer. "
    '"We have never sold a subsidiary to a rival," the Borealis chairman said on Monday.'
)
TRIAL = (
    "The defendant bribed the judge and his accountant hid the payments offshore. "
    "Prosecutors said the accountant had destroyed the ledgers."
)
WAR = (
    "The army shelled the port overnight, a spokesman said, and the rebels withdrew from the northern villages. "
    "There is no evidence that the militia planted the mines."
)


@pytest.fixture(scope="module")
def parsed() -> dict[str, object]:
    from crosswire.nlp.spacy_model import load_pipeline

    nlp = load_pipeline()
    return {text: nlp(text) for text in (MERGER, TRIAL, WAR)}


def _in(parsed: dict[str, object], article: str, stretch: str) -> frozenset[str]:
    start = article.index(stretch)
    return predicate_in(parsed[article], start, start + len(stretch)).words  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("article", "stretch", "alone"),
    [
        # A clause of a coordinated sentence reads its own deed, not the other clause's.
        (TRIAL, "The defendant bribed the judge", "The defendant bribed the judge."),
        (TRIAL, "his accountant hid the payments offshore", "His accountant hid the payments offshore."),
        # Reported speech: the verb hangs from "said" outside the stretch.
        (TRIAL, "the accountant had destroyed the ledgers", "The accountant had destroyed the ledgers."),
        # A quote's verb hangs from the "said" after it.
        (MERGER, "We have never sold a subsidiary to a rival", "We have never sold a subsidiary to a rival."),
        # The denied clause of a frame of absent evidence.
        (WAR, "the militia planted the mines", "The militia planted the mines."),
        (WAR, "the rebels withdrew from the northern villages", "The rebels withdrew from the northern villages."),
    ],
)
def test_a_stretch_of_the_article_reads_as_the_clause_alone(
    parsed: dict[str, object], reader: PredicateReader, article: str, stretch: str, alone: str
) -> None:
    words = _in(parsed, article, stretch)
    assert words, f"no predicate read for {stretch!r}"
    assert words == reader.of(alone).words


def test_the_stretch_bounds_the_deed(parsed: dict[str, object]) -> None:
    """The clause before "and" is read without the clause after it, which the sentence's parse coordinates with it."""
    whole = _in(parsed, TRIAL, "The defendant bribed the judge and his accountant hid the payments offshore")
    first = _in(parsed, TRIAL, "The defendant bribed the judge")
    assert first < whole
    assert stem("hid") not in first and stem("payments") not in first


def test_a_relative_clause_about_a_name_is_read_as_its_own_proposition(parsed: dict[str, object]) -> None:
    """The clause splitter makes "Borealis is reviewing the offer" of "..., Borealis, which is reviewing the offer":
    its stretch in the article is the name and the clause, whose verb is the deed; the main clause is read without
    it."""
    relative = _in(parsed, MERGER, "Borealis, which is reviewing the offer")
    assert relative == {stem("review"), stem("offer")}
    main = _in(parsed, MERGER, "Acme is in early talks to acquire Borealis, which is reviewing the offer")
    assert not main & relative
    assert different_deeds(Predicate(relative), Predicate(main))


def test_an_attribution_inside_the_stretch_is_no_deed(parsed: dict[str, object], reader: PredicateReader) -> None:
    """ "The army shelled the port overnight, a spokesman said": the sentence's root may be "said"; the deed is the
    shelling either way."""
    words = _in(parsed, WAR, "The army shelled the port overnight, a spokesman said")
    assert words == reader.of("The army shelled the port overnight.").words


@pytest.mark.parametrize(
    ("text", "tail", "clause", "verb"),
    [
        # A merger: "[The board called] the offer 'a serious undervaluation', while ...".
        (
            "The board called the offer \u201ca serious undervaluation,\u201d while the bidder accused the board of "
            "stalling.",
            "the offer \u201ca serious undervaluation,\u201d while the bidder accused the board of stalling",
            "the bidder accused the board of stalling",
            "accused",
        ),
        # A war: "[The ministry demanded] answers following reports that ...".
        (
            "The ministry demanded answers following reports that the army had shelled the port.",
            "answers following reports that the army had shelled the port",
            "the army had shelled the port",
            "shelled",
        ),
    ],
)
def test_a_stretch_opening_on_the_object_of_a_verb_before_it_is_a_fragment(
    text: str, tail: str, clause: str, verb: str
) -> None:
    """The tail of a clause whose deed is outside the stretch: a verb after the opening object is a subordinate
    clause's or a preposition's, not the proposition's; as the tail parsed alone, a fragment. A stretch that opens on
    its own subject reads its verb."""
    from crosswire.nlp.spacy_model import load_pipeline

    doc = load_pipeline()(text)
    start = text.index(tail)
    assert predicate_in(doc, start, start + len(tail)).words == frozenset()
    start = text.index(clause)
    assert stem(verb) in predicate_in(doc, start, start + len(clause)).words


def test_a_stretch_without_a_verb_has_no_predicate(parsed: dict[str, object]) -> None:
    assert _in(parsed, WAR, "the northern villages") == frozenset()
    assert not different_deeds(Predicate(_in(parsed, WAR, "the northern villages")), Predicate(frozenset({"shell"})))


def test_propositions_carry_the_predicate_read_off_their_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """The claims stage's propositions carry their deed words, read off the article's own parse: clustering them
    parses no proposition text again."""
    from crosswire.claims import merge
    from crosswire.claims.propositions import extract
    from crosswire.model import Article, Dossier
    from crosswire.nlp.parse import doc_of

    articles = [Article(id=f"a{n}", source=f"a{n}.txt", text=text) for n, text in enumerate((MERGER, TRIAL, WAR))]
    for article in articles:
        doc_of(article)
    spans = {article.id: [(0, len(article.text), "ev-1")] for article in articles}
    propositions, _ = extract(articles, Dossier(articles=articles), spans)
    assert propositions and all(proposition.deed is not None for proposition in propositions)
    by_text = {proposition.text: proposition.deed for proposition in propositions}
    shelled = next(deed for text, deed in by_text.items() if text.startswith("The army shelled"))
    assert stem("shelled") in shelled

    def no_parse(self: PredicateReader, texts: object) -> None:
        if list(texts):  # type: ignore[call-overload]
            raise AssertionError(f"parsed again: {texts}")

    compared: list[tuple[Predicate, Predicate]] = []

    def counted(left: Predicate, right: Predicate) -> bool:
        compared.append((left, right))
        return different_deeds(left, right)

    monkeypatch.setattr(PredicateReader, "read", no_parse)
    monkeypatch.setattr(merge, "different_deeds", counted)
    # Every pair 0.7 apart (short of SAME_CLAIM) and naming one party: every pair's predicates are compared.
    size = len(propositions)
    vectors = np.hstack([np.full((size, 1), 0.7**0.5), np.eye(size) * 0.3**0.5]).astype(np.float32)
    tied = [replace(proposition, entities=frozenset({"e-party"})) for proposition in propositions]
    claims = merge.cluster(tied, vectors, ["story"] * size)
    assert compared
    # The shelling and the withdrawal are told apart by their predicates.
    texts = [[tied[index].text for index in claim] for claim in claims]
    assert not any(
        any(text.startswith("The army shelled") for text in claim) and any("withdrew" in text for text in claim)
        for claim in texts
    )
