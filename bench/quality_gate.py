"""Quality gate: pinned minimum dev-set scores, so accuracy never silently regresses.

Each measure runs only where its development set is present (``../shared/data``); a user's clone without it
skips them. Raise a floor when a change lifts the score; never lower one without saying why in CHANGELOG.md.

    .venv/bin/python bench/quality_gate.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import emergent_stance
import fnc1_stance
import html_extraction
import polnear
import realworld
import stories
import tempeval
import train_boilerplate
import train_timex_tagger

# (name, data folder, measure, {metric: floor}); floors sit just under the scores measured when they were pinned.
GATES: list[tuple[str, Path, Callable[[], dict[str, float]], dict[str, float]]] = [
    (
        # All 45 pages through `crosswire analyze` (~2 min), scored by the set's scorer: every layer on all seven
        # stories, and the total on the two frozen stories that no rule is written against (bench/realworld.py).
        "real stories (realworld-dev: all stories per layer; frozen stories s3 and s6)",
        realworld.DATA,
        realworld.measure,
        {
            "all.articles": 0.98,
            "all.dates": 0.98,
            "tuning.dates": 0.97,
            "frozen.dates": 0.96,
            "all.entities": 0.95,
            # Raised with quotation dashes, closing cue clauses and speakers through the document (159/175). Raised
            # with non-answers read from what is said: deflection, unverifiability hedges, restated positions (162/175).
            # Raised with reported clauses run on to the end of the quote they open (164/175), one check of margin.
            "all.statements": 0.930,
            "all.events": 0.85,
            # Lowered from 0.55 when issues 14-17 met: restored leads join the Nord Stream reports into one story,
            # where rival attributions were merged into one claim (see CHANGELOG); propositions naming different
            # doers of one deed are now never one claim (117/214). Raised with the claim-identity model, negative
            # claims and reactions answering reported claims (131/214; frozen stories 31/58). Raised with clauses
            # (two claims in one sentence, relative clauses, report frames) and the speaker's name for a pronoun
            # (135/214; frozen stories 31/58). Raised with own-voice lines two articles state, dates as one answer
            # each, short clauses that are no reactions, and denials moved to the claim they deny (148/214; frozen
            # stories 33/58). Raised with predicates: two propositions naming one party whose predicates share no
            # word are two claims (155/214; frozen stories 35/58). Raised with reactions read for the object they
            # name, relative clauses on the deed's objects, and background lines that add no source of their own
            # (159/214; frozen stories 35/58). Raised with an article's own relay of a claim it tells a party's
            # answer to, "zero" and "unaware" read as negative, and a party named by its head noun ("the
            # administration") confirming as that party (167/214; frozen stories 35/58). Raised with absent evidence
            # ("there is no evidence that P") read as a denial of P (168/214; frozen stories 35/58). Raised with a
            # quote told round its speaker read without its attribution and a verdict on something said elsewhere
            # ("It is frivolous fabrication") read as a reaction (173/214; frozen stories 38/58), one check of margin:
            # one of the checks gained (a Norwegian officer's "frivolous fabrication" on the accusation, scored as the
            # White House's denial) passes through the attribution layer's speaker link for that quote. Raised with
            # numbers in names that are no figures, dates a claim is measured against that do not date it, statements
            # in a relative clause that leave the sentence the narrator's, and a quoted "he" read as the person the
            # article is about (177/214; frozen stories 38/58); the check that passed through a wrong speaker link
            # went with that link's fix (176/214). Raised with a claim read without the attribution its sentence
            # carries ("..., Murillo said, and were checking"; 177/214; frozen stories 39/58). Raised with the twelfth
            # round: deeds on a condition or held possible apart from deeds done, denials answering lines that name
            # what they deny, one confirmation and two more sources corroborating (179/214; frozen stories 41/58), one
            # check of margin.
            "all.claims": 0.831,
            # Raised when a restated position stopped reading as an assertion (5/6; total 592/666).
            "all.contradictions": 0.83,
            "all.stories": 0.97,
            # Raised with the claims and stance changes together (599/666), one check of margin. Raised with absent
            # evidence read as a denial of the clause it frames (600/666), one check of margin. Raised with quotes
            # read without their attribution and verdicts read as reactions (605/666), one check of margin. Raised
            # with the claims of issue 15 part B (609/666), one check of margin. Raised with claims read without
            # their attribution (610/666), one check of margin. Raised with reported clauses run on to the end of the
            # quote they open (611/666), one check of margin. Raised with the events battery's entity names and the
            # run-on (612/666), one check of margin. Raised with the twelfth round's claims (614/666), one check of
            # margin.
            "all.total": 0.920,
            # Raised with the attribution tagger's statements (36/48; frozen total 131/168), one check of margin.
            # Raised with reported clauses run on to the end of the quote they open (37/48), one check of margin.
            "frozen.statements": 0.749,
            # Raised with quotes read without their attribution (38/58; frozen total 130/168, one check of margin).
            # Raised with claims read without the attribution their sentence carries (39/58; frozen total 132/168),
            # one check of margin. Raised with the twelfth round's claims (41/58; frozen total 136/168), one check of
            # margin.
            "frozen.claims": 0.689,
            # Raised with reported clauses run on to the end of the quote they open (133/168), one check of margin.
            # Raised with the events battery's entity names and the run-on together (134/168), one check of margin.
            # Raised with the twelfth round's claims (136/168), one check of margin.
            "frozen.total": 0.803,
        },
    ),
    (
        "HTML main text (trafilatura-eval snippet checks)",
        html_extraction.DATA,
        html_extraction.measure,
        {"crosswire": 0.915},
    ),
    (
        "flattened-text boilerplate (trafilatura-eval, held-out fifth)",
        train_boilerplate.DATA,
        train_boilerplate.measure,
        {"whole": 0.80, "cropped": 0.855},
    ),
    (
        # The frozen fifth of TempEval-3 train (52 documents chosen by a hash of their names, bench/tempeval.py): no
        # rule is written and no model trained against them, so this predicts the held-out TempEval-3 platinum set.
        # Value raised with the narrative time carried across paragraphs and the reference-time mechanisms (0.8381).
        # Strict raised with the article of a noun a time compound modifies left out ("third-quarter": 0.8877).
        "time expressions (TempEval-3 train: TimeBank + AQUAINT, frozen fifth)",
        tempeval.DATA,
        tempeval.measure,
        {"strict_f1": 0.887, "relaxed_f1": 0.945, "type_f1": 0.929, "value_f1": 0.837},
    ),
    (
        # Domain shift of the learned edges (~1.5 min): the tagger trained on one source corpus's tuning documents
        # and read on the other's (bench/train_timex_tagger.py --cross). Edges are annotation convention; the
        # confidence guard keeps a tagger from moving edges the other convention does not draw.
        # Raised with the rules' edges of the third round of issue 16 (the article of a noun a time compound modifies
        # left out, titles' words dropped): 0.8462 and 0.8510.
        "time expression edges across corpora (TempEval-3 tuning part, TimeBank <-> AQUAINT, strict F1)",
        tempeval.DATA,
        train_timex_tagger.measure_cross,
        {"AQUAINT_to_TimeBank_strict_f1": 0.846, "TimeBank_to_AQUAINT_strict_f1": 0.850},
    ),
    (
        # Words and lead embeddings, no entities (entity extraction would take minutes): the clustering function on
        # the FNC-1 dev half; the leads' embeddings are cached in build/bench-stories after the first run.
        "story clustering (FNC-1 train bodies, dev half, words and lead embeddings, B-cubed)",
        stories.DATA,
        # Raised when an article left alone in its story came to be placed again against the stories as they ended
        # (P 0.9641, R 0.9254 -> 0.9395, F1 0.9444 -> 0.9517).
        stories.measure,
        {"precision": 0.955, "recall": 0.935, "f1": 0.950},
    ),
    (
        # The same half through `crosswire analyze` (~3 min), run afresh: the path the held-out stories are scored by.
        # Pinned when the developing stories' join was found to cost it precision 0.9760 -> 0.9096 (F1 0.9178, P
        # 0.9096, R 0.9263; docs/stories.md "Quality"): a floor against a further fall, a little under the figure.
        # Raised when the join came to need publication dates and a shared distinctive principal, and plain-text
        # records stopped guessing a headline below their story's first sentence (P 0.9760, R 0.9303, F1 0.9526).
        # Raised with articles placed again, transcripts' speaker labels dropped, and the join's look back and content
        # floor (P 0.9760, R 0.9439, F1 0.9597).
        "stories through analyze (FNC-1 train bodies, dev half, crosswire analyze, B-cubed)",
        stories.DATA,
        stories.measure_pipeline,
        {"precision": 0.97, "recall": 0.94, "f1": 0.957},
    ),
    (
        # All 84 dev articles through the per-article stages (~30 s); content-span match as in shared/data/README.
        # Raised when a clause coordinated with a cue stopped reading as what the cue reports (P 0.739, R 0.683,
        # F1 0.710). Raised with the attribution token tagger on the sentences the rules leave (P 0.7395, R 0.698,
        # F1 0.718; speaker accuracy 0.902 against its floor of 0.90). Raised with the cues read without a verb of
        # saying, possessed nouns of stance above all (P 0.7394, R 0.6989, F1 0.7186; speaker accuracy 0.9014).
        # Raised with the meaning score of verbs the training articles never used (P 0.7387, R 0.7030, F1 0.7204,
        # direct 0.9140; speaker accuracy 0.9020; the recall and F1 floors a thousandth under, for other CPUs).
        # Raised with the speaker phrases' relative clauses, citing relays and wire leads (P 0.7408, R 0.7039,
        # F1 0.7219, indirect 0.6805; speaker accuracy 0.9015). Speaker floor raised with object contents cut before
        # their asides and citing phrases that name no source (P 0.7403, R 0.7035, F1 0.7214; speaker accuracy 0.9034).
        # Raised with reported clauses run on to the quote they open (P 0.7417, R 0.7048, F1 0.7228; the floors a
        # thousandth under, for other CPUs). Speaker floor set to 0.902: accuracy is a share of the matched
        # statements, and the run-on matched 3 more gold statements (1,542 -> 1,545) with 1 more right speaker
        # (1,393 -> 1,394), so the share fell (0.9034 -> 0.9023) while no count of right speakers did.
        "attribution (PolNeAR dev, content-span P/R/F1 and speaker accuracy)",
        polnear.DATA / "dev",
        polnear.measure,
        {"precision": 0.740, "recall": 0.703, "f1": 0.721, "direct_f1": 0.91, "speaker_accuracy": 0.902},
    ),
    (
        # The 337 dev bodies of the body split (9,689 pairs) through check_pairs (~4 min: one embedding per sentence).
        # The refutes floor is the 0.50 itself: the model and its reading are deterministic (0.5015 measured,
        # the same on every run), and one pair moves it by ~0.004.
        "stance (FNC-1 train, dev bodies, FNC-1 score, macro-F1 and refutes F1)",
        fnc1_stance.DATA,
        fnc1_stance.measure,
        {"fnc": 0.876, "macro_f1": 0.733, "f1_refutes": 0.50},
    ),
    (
        # The headline model retrained per fold of claims and read on the claims it never saw (~1 min).
        "headline stance (emergent-dev, 5-fold cross-validation by claim, accuracy)",
        emergent_stance.DATA,
        emergent_stance.measure,
        {"accuracy": 0.83, "macro_f1": 0.84},
    ),
]


def main() -> int:
    failed = False
    for name, data, measure, floors in GATES:
        if not data.exists():
            print(f"skip  {name}: {data} not found")
            continue
        scores = measure()
        for metric, floor in floors.items():
            value = scores[metric]
            ok = value >= floor
            failed |= not ok
            print(f"{'ok   ' if ok else 'FAIL '} {name}: {metric} {value:.4f} (floor {floor:.4f})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
