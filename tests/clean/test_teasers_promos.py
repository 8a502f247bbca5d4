"""Teasers, promo blocks and caption galleries inside a flattened story, written for each construction."""

from __future__ import annotations

import pytest

from crosswire.clean.lines import is_call_to_action, is_photo_credit, is_teaser
from crosswire.clean.text import clean_plain_text

TITLE = "Vineyard owners count losses after late frost"
STORY = [
    "A late frost swept across the hillside vineyards of the Moravec valley on Sunday night, destroying young "
    "buds on thousands of vines just weeks before flowering was due to begin.",
    "Growers said the temperature fell to minus four degrees shortly before dawn, and that fires lit between the "
    "rows had done little to protect the lower slopes where cold air collects.",
    "The regional growers' association estimated that a third of this year's harvest had been lost, although it "
    "said a full count would take several weeks.",
    "Insurance covers only part of the damage, the association said, and many smaller estates had not renewed "
    "their policies after two poor seasons in a row.",
    "The agriculture ministry said it would consider emergency loans once the association had submitted its "
    "estimate, a process that usually takes about a month.",
]


def cleaned(*inserted: tuple[int, list[str]]) -> tuple[str, list[str]]:
    lines = [TITLE, ""]
    for index, paragraph in enumerate(STORY):
        lines += [paragraph, ""]
        for at, extra in inserted:
            if at == index:
                lines += [*extra, ""]
    result = clean_plain_text("\n".join(lines))
    return result.text, result.boilerplate


@pytest.mark.parametrize(
    "teaser",
    [
        "EXPLAINER How frost insurance works",
        "WATCH: Firefighters battle blaze near the port",
        "FARM LOBBY WARNS OF PRICE RISES AFTER POOR SPRING",
        "Money blog: Savings rates cut again",
    ],
)
def test_a_teaser_inside_the_story_is_boilerplate(teaser: str) -> None:
    text, removed = cleaned((1, [teaser]))
    assert teaser not in text
    assert teaser in removed
    assert STORY[2] in text


def test_a_run_of_headlines_between_paragraphs_is_a_teaser_box() -> None:
    box = ["Rail strike called off after late-night talks", "Full list of branch closures announced"]
    text, _ = cleaned((2, box))
    assert all(line not in text for line in box)
    assert STORY[3] in text


def test_a_single_subhead_stays() -> None:
    text, _ = cleaned((2, ["Counting the cost"]))
    assert "Counting the cost" in text


def test_a_promo_block_goes_with_its_call_to_action() -> None:
    promo = [
        "Before you plan your next trip, you'll want to read this.",
        "Our editors have picked the ten quietest beaches in the region for the summer season ahead.",
        "See The Ten Beaches Here",
        "Get This Free Guide",
        "Link copied to clipboard.",
    ]
    text, _ = cleaned((4, promo))
    assert all(line not in text for line in promo)
    assert STORY[4] in text


def test_an_app_plug_goes() -> None:
    text, _ = cleaned((3, ["Install the Valdera News app for free"]))
    assert "Install the Valdera News app" not in text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Get This Free Report", True),
        ("Download our app for breaking news alerts", True),
        ("See you in court, the farmer told the inspector.", False),
        ("Get out of here, she said.", False),
    ],
)
def test_calls_to_action(line: str, expected: bool) -> None:
    assert is_call_to_action(line) is expected


def test_a_quoted_headline_like_line_is_not_a_teaser() -> None:
    assert not is_teaser("Growers fear the worst")
    assert not is_teaser("NATO allies meet in Brussels")


def test_a_caption_gallery_line_is_a_credit() -> None:
    gallery = " ".join(
        ["A grower inspects frozen buds in the Moravec valley on Monday. (AP Photo/Jan Novak) Photo: ASSOCIATED PRESS"]
        * 4
    )
    assert is_photo_credit(gallery + " Previous Next")
    assert is_photo_credit("Frozen buds on a vine. Credit: Jan Novak-Valdera Daily")
    assert not is_photo_credit(STORY[0])
