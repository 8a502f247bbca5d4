"""find_duplicates / mark_duplicates on Articles written for these tests."""

from __future__ import annotations

import pytest

from crosswire.context import Context
from crosswire.model import Article, Dossier
from crosswire.stories import duplicates
from crosswire.stories.duplicates import THRESHOLD, find_duplicates, mark_duplicates, signature

FIRST = (
    "CIA Director William Burns met Sergei Naryshkin, the head of Russia's Foreign Intelligence Service, in "
    "Ankara on Monday, officials in Washington and Ankara said."
)
ORIGINAL = f"""{FIRST}

The meeting, hosted by Turkey's intelligence agency, was the highest-level face-to-face contact between the two \
governments since Russia invaded Ukraine in February.

A spokesperson for the National Security Council said Burns was not conducting negotiations of any kind and had not \
discussed a settlement of the war in Ukraine.

Instead, the spokesperson said, Burns conveyed a message on the consequences of the use of nuclear weapons by Russia \
and the risks of escalation to strategic stability.

He also raised the cases of American citizens detained in Russia, including the basketball player Brittney Griner \
and the former Marine Paul Whelan.

Kremlin spokesman Dmitry Peskov at first said he could neither confirm nor deny the report, which first appeared in \
the Moscow newspaper Kommersant.

Later in the day Peskov told reporters that the contact had taken place at the request of the American side and \
that he would not discuss what was said.

Turkish officials later confirmed that the meeting had taken place and said Ankara would continue its efforts to \
bring the two sides together for peace.

The talks came as leaders of the Group of 20 gathered in Bali, where Russia was represented by Foreign Minister \
Sergei Lavrov rather than by President Vladimir Putin."""

# A wire copy: re-topped with a new first sentence and a few words changed.
EDITED = (
    ORIGINAL.replace(
        FIRST,
        "The heads of the American and Russian spy agencies held talks in the Turkish capital this week, "
        "according to several officials.",
    )
    .replace("highest-level", "most senior")
    .replace("basketball player", "basketball star")
    .replace("at first", "initially")
)

# The same event, reported independently.
OTHER_REPORT = """Russia's foreign intelligence chief travelled to the Turkish capital at the start of the week for a \
meeting with his American counterpart, Moscow media reported.

Kommersant, citing a source, wrote that Sergei Naryshkin flew to Ankara aboard a government plane usually reserved \
for the foreign minister. Flight trackers spotted the aircraft landing early in the morning.

Washington did not hide the visit. The White House told reporters that the CIA chief was there to warn Moscow \
against any use of nuclear arms in Ukraine and to press for the release of jailed Americans.

The Kremlin's spokesman declined at first to comment, then acknowledged that contacts had taken place at the \
request of the United States.

Analysts in Moscow said the talks signalled that both sides wanted to keep a channel open even as fighting in \
Ukraine continued and the front line moved near Kherson."""


def art(article_id: str, text: str, published: str | None = None) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text, published=published)


def test_fixture_texts_measure_as_intended() -> None:
    assert signature(ORIGINAL).jaccard(signature(EDITED)) >= THRESHOLD + 0.05
    assert signature(ORIGINAL).jaccard(signature(OTHER_REPORT)) < 0.15


def test_exact_copy_points_at_the_earlier_one() -> None:
    found = find_duplicates([art("copy", ORIGINAL, "2022-11-15"), art("orig", ORIGINAL, "2022-11-14")])
    assert found == {"copy": "orig"}


def test_exact_copy_ignores_case_and_punctuation() -> None:
    shouted = ORIGINAL.upper().replace(",", " ,").replace("\n\n", "\n")
    assert find_duplicates([art("orig", ORIGINAL, "2022-11-14"), art("copy", shouted, "2022-11-15")]) == {
        "copy": "orig"
    }


def test_lightly_edited_copy_points_at_the_earlier_published() -> None:
    # Listed first, published later: still the copy.
    found = find_duplicates([art("wire", EDITED, "2022-11-15"), art("orig", ORIGINAL, "2022-11-14")])
    assert found == {"wire": "orig"}


def test_undated_copy_points_at_the_dated_article() -> None:
    assert find_duplicates([art("undated", EDITED), art("dated", ORIGINAL, "2022-11-14")]) == {"undated": "dated"}


def test_same_date_first_listed_is_the_original() -> None:
    found = find_duplicates([art("a", EDITED, "2022-11-14"), art("b", ORIGINAL, "2022-11-14")])
    assert found == {"b": "a"}


def test_different_reports_of_the_same_event_stay_apart() -> None:
    found = find_duplicates([art("one", ORIGINAL, "2022-11-14"), art("two", OTHER_REPORT, "2022-11-14")])
    assert found == {}


def test_empty_texts_are_never_duplicates() -> None:
    assert find_duplicates([art("a", "", "2022-11-14"), art("b", "  \n", "2022-11-15")]) == {}


def test_group_points_at_the_original_not_at_another_copy() -> None:
    articles = [
        art("orig", ORIGINAL, "2022-11-14"),
        art("exact", ORIGINAL, "2022-11-15"),
        art("wire", EDITED, "2022-11-16"),
        art("other", OTHER_REPORT, "2022-11-14"),
    ]
    found = find_duplicates(articles)
    assert found == {"exact": "orig", "wire": "orig"}
    assert set(found.values()).isdisjoint(found), "a duplicate must never be the target of another"


def test_exact_copy_of_a_near_duplicate_points_at_the_original() -> None:
    articles = [
        art("orig", ORIGINAL, "2022-11-14"),
        art("wire", EDITED, "2022-11-15"),
        art("wire-again", EDITED, "2022-11-16"),
    ]
    assert find_duplicates(articles) == {"wire": "orig", "wire-again": "orig"}


def test_mark_duplicates_sets_duplicate_of() -> None:
    dossier = Dossier(
        articles=[
            art("orig", ORIGINAL, "2022-11-14"),
            art("wire", EDITED, "2022-11-15"),
            art("other", OTHER_REPORT, "2022-11-14"),
        ]
    )
    dossier.articles[2].duplicate_of = "stale"
    mark_duplicates(dossier, Context())
    assert [a.duplicate_of for a in dossier.articles] == [None, "orig", None]


class _Signature:
    """Stands for a MinHash: every pair measures 0.9 except the two originals, 0.1 apart."""

    def __init__(self, text: str) -> None:
        self.text = text

    def jaccard(self, other: _Signature) -> float:
        return 0.1 if {self.text, other.text} == {"first original", "second original"} else 0.9


class _LSH:
    """Stands for MinHashLSH: every inserted key is a candidate, in insertion order or reversed."""

    reverse = False

    def __init__(self, **_: object) -> None:
        self.keys: list[str] = []

    def insert(self, key: str, _signature: object) -> None:
        self.keys.append(key)

    def query(self, _signature: object) -> list[str]:
        return list(reversed(self.keys)) if self.reverse else list(self.keys)


@pytest.mark.parametrize("reverse", [False, True])
def test_a_copy_as_close_to_two_originals_points_at_the_earlier_whatever_order_lsh_gives(
    monkeypatch: pytest.MonkeyPatch, reverse: bool
) -> None:
    monkeypatch.setattr(duplicates, "signature", _Signature)
    monkeypatch.setattr(duplicates, "MinHashLSH", _LSH)
    monkeypatch.setattr(_LSH, "reverse", reverse)
    articles = [
        art("later", "second original", "2022-11-15"),
        art("copy", "a copy of both", "2022-11-16"),
        art("earlier", "first original", "2022-11-14"),
    ]
    assert find_duplicates(articles) == {"copy": "earlier"}
