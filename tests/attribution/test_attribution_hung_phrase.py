"""A cue verb after a noun phrase set off by a comma, which the parser hung on the noun before it: "... the port of
Dara, a military official told the Post". Without a subject of its own the verb used to take the subject of the
clause it was chained to, so the report's own subject seemed to confirm it. The parses are written out here (the
parser makes this mistake only on some sentences); one real sentence runs through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc

from crosswire.analyze import analyze
from crosswire.attribution.cue_parse import phrase_hung_before, subject_of

# word, tag, part of speech, head (index), dependency
Row = tuple[str, str, str, int, str]

_VOCAB = spacy.blank("en").vocab


def _doc(rows: list[Row]) -> Doc:
    words = [row[0] for row in rows]
    spaces = [index + 1 < len(words) and words[index + 1] not in {",", "."} for index in range(len(words))]
    return Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        tags=[row[1] for row in rows],
        pos=[row[2] for row in rows],
        heads=[row[3] for row in rows],
        deps=[row[4] for row in rows],
    )


def _speaker_of(doc: Doc, word: str) -> str | None:
    verb = next(token for token in doc if token.text == word)
    span = subject_of(verb)
    return doc.text[span[0] : span[1]] if span else None


# War: "Troops shelled the port of Dara, a military official told the Post." with "official" hung on "Dara" and
# "told" a conjunct of "shelled".
WAR: list[Row] = [
    ("Troops", "NNS", "NOUN", 1, "nsubj"),
    ("shelled", "VBD", "VERB", 1, "ROOT"),
    ("the", "DT", "DET", 3, "det"),
    ("port", "NN", "NOUN", 1, "dobj"),
    ("of", "IN", "ADP", 3, "prep"),
    ("Dara", "NNP", "PROPN", 4, "pobj"),
    (",", ",", "PUNCT", 5, "punct"),
    ("a", "DT", "DET", 9, "det"),
    ("military", "JJ", "ADJ", 9, "amod"),
    ("official", "NN", "NOUN", 5, "appos"),
    ("told", "VBD", "VERB", 1, "conj"),
    ("the", "DT", "DET", 12, "det"),
    ("Post", "NNP", "PROPN", 10, "dobj"),
    (".", ".", "PUNCT", 1, "punct"),
]

# Trial: "The court adjourned the trial of Tom Reyes, two people at the hearing told the Herald." with "told" a
# complement of "adjourned".
TRIAL: list[Row] = [
    ("The", "DT", "DET", 1, "det"),
    ("court", "NN", "NOUN", 2, "nsubj"),
    ("adjourned", "VBD", "VERB", 2, "ROOT"),
    ("the", "DT", "DET", 4, "det"),
    ("trial", "NN", "NOUN", 2, "dobj"),
    ("of", "IN", "ADP", 4, "prep"),
    ("Tom", "NNP", "PROPN", 7, "compound"),
    ("Reyes", "NNP", "PROPN", 5, "pobj"),
    (",", ",", "PUNCT", 7, "punct"),
    ("two", "CD", "NUM", 10, "nummod"),
    ("people", "NNS", "NOUN", 7, "appos"),
    ("at", "IN", "ADP", 10, "prep"),
    ("the", "DT", "DET", 13, "det"),
    ("hearing", "NN", "NOUN", 11, "pobj"),
    ("told", "VBD", "VERB", 2, "ccomp"),
    ("the", "DT", "DET", 16, "det"),
    ("Herald", "NNP", "PROPN", 14, "dobj"),
    (".", ".", "PUNCT", 2, "punct"),
]

# Coordination: "The minister met the envoy, and told reporters." The verb shares the minister.
JOINED: list[Row] = [
    ("The", "DT", "DET", 1, "det"),
    ("minister", "NN", "NOUN", 2, "nsubj"),
    ("met", "VBD", "VERB", 2, "ROOT"),
    ("the", "DT", "DET", 4, "det"),
    ("envoy", "NN", "NOUN", 2, "dobj"),
    (",", ",", "PUNCT", 2, "punct"),
    ("and", "CC", "CCONJ", 2, "cc"),
    ("told", "VBD", "VERB", 2, "conj"),
    ("reporters", "NNS", "NOUN", 7, "dobj"),
    (".", ".", "PUNCT", 2, "punct"),
]

# A list of acts without "and": "The striker scored twice, thanked the fans, praised the coach." The verb after
# a noun with no comma between them is not a phrase set off before it.
LISTED: list[Row] = [
    ("The", "DT", "DET", 1, "det"),
    ("striker", "NN", "NOUN", 2, "nsubj"),
    ("scored", "VBD", "VERB", 2, "ROOT"),
    ("twice", "RB", "ADV", 2, "advmod"),
    (",", ",", "PUNCT", 2, "punct"),
    ("thanked", "VBD", "VERB", 2, "conj"),
    ("the", "DT", "DET", 7, "det"),
    ("fans", "NNS", "NOUN", 5, "dobj"),
    (",", ",", "PUNCT", 5, "punct"),
    ("praised", "VBD", "VERB", 5, "conj"),
    ("the", "DT", "DET", 11, "det"),
    ("coach", "NN", "NOUN", 9, "dobj"),
    (".", ".", "PUNCT", 2, "punct"),
]


def test_a_phrase_hung_on_the_noun_before_is_the_conjunct_cue_s_speaker() -> None:
    assert _speaker_of(_doc(WAR), "told") == "a military official"


def test_a_phrase_hung_on_the_noun_before_is_the_complement_cue_s_speaker() -> None:
    assert _speaker_of(_doc(TRIAL), "told") == "two people at the hearing"


def test_a_conjunct_joined_by_and_keeps_the_first_verb_s_subject() -> None:
    doc = _doc(JOINED)
    assert phrase_hung_before(doc[7]) is None
    assert _speaker_of(doc, "told") == "The minister"


def test_verbs_in_a_list_keep_the_first_verb_s_subject() -> None:
    doc = _doc(LISTED)
    assert phrase_hung_before(doc[9]) is None
    assert _speaker_of(doc, "praised") == "The striker"


def test_a_participle_is_never_given_a_hung_phrase() -> None:
    rows = list(WAR)
    rows[10] = ("telling", "VBG", "VERB", 1, "advcl")
    assert phrase_hung_before(_doc(rows)[10]) is None


def test_the_official_who_told_a_broadcaster_is_the_source_not_the_company(tmp_path: Path) -> None:
    # A sentence the parser gets wrong this way: "an EU official" hung on "Rotterlink", "told" a conjunct of "offered".
    text = (
        "Danish shipping group Nordhavn has offered to sell its Baltic feeder business to win approval for its"
        " takeover of Rotterlink, an EU official told Radio North on Friday.\n"
    )
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    dossier = analyze([str(source)], tmp_path / "out").dossier
    told = [s for s in dossier.statements if s.cue == "told"]
    assert [(s.speaker_text, s.source_type) for s in told] == [("an EU official", "anonymous")]
