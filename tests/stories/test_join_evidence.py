"""What a developing story's join may rest on: publication dates on both sides, and shared principals.

Two distinct stories in one country and one month share its places (the country, its cities, its people's name)
without being one affair; one affair told in stages weeks apart shares the companies, people and forces it is about.
A date a text mentions is when something happened, not when the report was written, so it never brings two stories
together. Each corpus below holds the stories of several domains at once, as a day's news would.
"""

from __future__ import annotations

from datetime import date

from crosswire.model import Article, Mention, Timex
from crosswire.stories.clustering import Params, cluster
from crosswire.stories.developing import join_developing
from crosswire.stories.features import StoryItem

# (surface, entity id, type) of every name the passages below use.
_NAMES = [
    ("France", "e-france", "GPE"),
    ("Paris", "e-paris", "GPE"),
    ("Lyon", "e-lyon", "GPE"),
    ("French", "e-french", "NORP"),
    ("SNCF", "e-sncf", "ORG"),
    ("Sophie Binet", "e-binet", "PERSON"),
    ("Meteo-France", "e-meteo", "ORG"),
    ("Gregory Doucet", "e-doucet", "PERSON"),
    ("Brazil", "e-brazil", "GPE"),
    ("Rio de Janeiro", "e-rio", "GPE"),
    ("Sao Paulo", "e-saopaulo", "GPE"),
    ("Brazilian", "e-brazilian", "NORP"),
    ("Flamengo", "e-flamengo", "ORG"),
    ("Palmeiras", "e-palmeiras", "ORG"),
    ("Banco Aurora", "e-aurora", "ORG"),
    ("Lucas Prado", "e-prado", "PERSON"),
    ("Kenya", "e-kenya", "GPE"),
    ("Nairobi", "e-nairobi", "GPE"),
    ("Mombasa", "e-mombasa", "GPE"),
    ("Kenyan", "e-kenyan", "NORP"),
    ("Electoral Commission", "e-commission-ke", "ORG"),
    ("Amina Otieno", "e-otieno", "PERSON"),
    ("Eliud Kipchoge", "e-kipchoge", "PERSON"),
    ("Athletics Kenya", "e-athletics-ke", "ORG"),
    ("Harbor Foods", "e-harbor", "ORG"),
    ("Norrland Dairy", "e-norrland", "ORG"),
    ("Maria Lind", "e-lind", "PERSON"),
    ("European Commission", "e-eu-commission", "ORG"),
    ("Sweden", "e-sweden", "GPE"),
    ("Velka", "e-velka", "GPE"),
    ("Ardenian Army", "e-ardenian-army", "ORG"),
    ("Petr Halas", "e-halas", "PERSON"),
    ("Northern Brigade", "e-northern-brigade", "ORG"),
    ("Eastport Rovers", "e-rovers", "ORG"),
    ("Tom Hale", "e-hale", "PERSON"),
    ("Luis Romero", "e-romero", "PERSON"),
    ("Orion Motors", "e-orion", "ORG"),
    ("Hana Weiss", "e-weiss", "PERSON"),
    ("Stuttgart", "e-stuttgart", "GPE"),
    ("Bremen", "e-bremen", "GPE"),
    ("IG Metall", "e-igmetall", "ORG"),
    ("Federal Motor Transport Authority", "e-kba", "ORG"),
    ("Pulsar", "e-pulsar", "PRODUCT"),
    ("Frankfurt", "e-frankfurt", "GPE"),
    ("Deka Investment", "e-deka", "ORG"),
]

# Two stories in one country and one month: different affairs, the same places.
_APART = {
    "strike": "A strike by SNCF rail workers halted trains between Paris and Lyon, union leader Sophie Binet said, "
    "as French commuters crowded the few buses running across France.",
    "flood": "Floods closed roads around Lyon and Paris after Meteo-France warned of record rain, Lyon mayor Gregory "
    "Doucet said, as French rescuers reached villages across France.",
    "final": "Flamengo beat Palmeiras in the cup final in Rio de Janeiro, and Brazilian fans celebrated in Sao Paulo "
    "and across Brazil until dawn.",
    "bank": "Banco Aurora agreed to buy a rival lender, chief executive Lucas Prado said in Sao Paulo, creating the "
    "largest Brazilian bank outside Rio de Janeiro and the third largest in Brazil.",
    "recount": "The Electoral Commission began a recount of the presidential vote in Nairobi and Mombasa, chair Amina "
    "Otieno said, as Kenyan voters waited for results across Kenya.",
    "marathon": "Eliud Kipchoge won the Nairobi marathon a month after Mombasa, Athletics Kenya said, and Kenyan fans "
    "lined the streets of the capital of Kenya.",
}

# One affair each, told in two stages worded so differently that placement splits them.
_STAGES = {
    "merger": (
        "Harbor Foods agreed to buy Norrland Dairy for 2 billion euros, chief executive Maria Lind said in Sweden, "
        "promising no cuts at Norrland Dairy plants.",
        "The European Commission opened an in-depth investigation into the Harbor Foods takeover of Norrland Dairy, "
        "fearing higher milk prices; Maria Lind said Harbor Foods would cooperate.",
    ),
    "war": (
        "The Ardenian Army shelled Velka for a third day, General Petr Halas said, as the Northern Brigade dug "
        "trenches on the hills above Velka.",
        "A ceasefire held around Velka on Sunday after the Ardenian Army and the Northern Brigade signed a truce; "
        "General Petr Halas ordered his guns silent.",
    ),
    "season": (
        "Eastport Rovers sacked manager Luis Romero after a fifth straight defeat, chairman Tom Hale said, leaving "
        "Eastport Rovers third from bottom.",
        "Tom Hale named a successor to Luis Romero at Eastport Rovers, promising fans that the club would stay up "
        "and that the new manager would get money for players.",
    ),
}


# One company's month: six different stories, each about Orion Motors and its chief executive.
_BEAT = {
    "recall": "Orion Motors recalled 40,000 cars over faulty brakes, chief executive Hana Weiss said in Stuttgart, "
    "after the Federal Motor Transport Authority found the fault.",
    "profit": "Orion Motors posted record quarterly profit on strong sales of luxury saloons, Hana Weiss told analysts "
    "in Stuttgart, and raised its dividend.",
    "walkout": "Workers at the Orion Motors plant in Bremen walked out over pay, IG Metall said, in a dispute "
    "Hana Weiss called costly for Stuttgart.",
    "launch": "Orion Motors unveiled the Pulsar, its first electric pickup, at a show where Hana Weiss promised "
    "deliveries from Stuttgart next spring.",
    "lawsuit": "Shareholders led by Deka Investment sued Orion Motors in Frankfurt, accusing Hana Weiss of hiding "
    "losses at the company's Stuttgart headquarters.",
    "hiring": "Orion Motors will hire 2,000 software engineers, Hana Weiss said in Stuttgart, to write the code for "
    "its cars in house.",
}


def _article(article_id: str, text: str, published: date | None, mentioned: date | None = None) -> Article:
    mentions = []
    for surface, entity, label in _NAMES:
        start = text.find(surface)
        if start >= 0:
            mentions.append(Mention(start=start, end=start + len(surface), text=surface, entity=entity, label=label))
    timexes = []
    if mentioned is not None:  # a date the text names, as the time stage would resolve it
        text = f"{text} It happened on {mentioned:%B} {mentioned.day}."
        start = text.rindex("on ") + 3
        timexes.append(Timex(start=start, end=len(text) - 1, text=text[start:-1], type="DATE", value=str(mentioned)))
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        text=text,
        published=str(published) if published else None,
        mentions=mentions,
        timexes=timexes,
    )


def _stories(articles: list[Article]) -> tuple[int, dict[str, str]]:
    """The number of stories placement makes (strict, so every affair's stages are split), and each article's
    story after the join."""
    items = [
        StoryItem(id=a.id, text=a.text, entities=[m.entity for m in a.mentions if m.entity], day=None) for a in articles
    ]
    clustering = cluster(items, Params(threshold=0.9, embedding_weight=0.0))
    before = len(clustering.stories)
    types = {entity: label for _, entity, label in _NAMES}
    join_developing(clustering, {a.id: a for a in articles}, types)
    return before, clustering.assignment


def _twice(key: str, text: str, day: date | None, mentioned: date | None = None) -> list[Article]:
    """Two near-copies of one report (two outlets), so every story has more than one article."""
    return [
        _article(f"{key}-1", text, day, mentioned),
        _article(f"{key}-2", text + " More follows.", day, mentioned),
    ]


def _month(texts: dict[str, str], start: date, step: int, *, dated: bool = True) -> list[Article]:
    """Two reports of each text, a story every ``step`` days from ``start``: published then, or (``dated`` false)
    undated, naming that day in their text instead."""
    articles: list[Article] = []
    for n, (key, text) in enumerate(texts.items()):
        day = date.fromordinal(start.toordinal() + step * n)
        articles += _twice(key, text, day) if dated else _twice(key, text, None, day)
    return articles


def test_stories_sharing_a_country_and_a_month_stay_apart() -> None:
    _, story = _stories(_month(_APART, date(2025, 3, 3), 3))
    for a, b in (("strike", "flood"), ("final", "bank"), ("recount", "marathon")):
        assert story[f"{a}-1"] == story[f"{a}-2"] and story[f"{b}-1"] == story[f"{b}-2"]
        assert story[f"{a}-1"] != story[f"{b}-1"], (a, b)


def test_stories_about_one_company_in_one_month_stay_apart() -> None:
    """A company and its chief executive are the principals of every story of its beat: when many stories of the
    same weeks are about them, sharing them does not make two stories one."""
    before, story = _stories(_month(_BEAT, date(2025, 9, 1), 4))
    assert before == len(_BEAT) and len(set(story.values())) == len(_BEAT)


def test_one_affair_in_stages_weeks_apart_is_one_story() -> None:
    start = date(2025, 5, 5)
    articles: list[Article] = []
    for n, (key, (first, later)) in enumerate(_STAGES.items()):
        day = date.fromordinal(start.toordinal() + n)
        articles += _twice(f"{key}-a", first, day) + _twice(f"{key}-b", later, date.fromordinal(day.toordinal() + 19))
    _, story = _stories(articles)
    for key in _STAGES:
        assert story[f"{key}-a-1"] == story[f"{key}-b-1"] == story[f"{key}-b-2"], key
    assert len({story[f"{key}-a-1"] for key in _STAGES}) == len(_STAGES)


def test_dates_the_text_names_join_nothing() -> None:
    """Undated reports naming days of one month (as a season's news does) stay the stories placement made, even the
    two stages of one affair, which share their principals: the day an event happened is not the day it was
    reported, so it cannot say that two stories are close in time."""
    stages = {f"{key}-{stage}": text for key, texts in _STAGES.items() for stage, text in zip("ab", texts, strict=True)}
    before, story = _stories(_month(stages, date(2025, 3, 10), 5, dated=False))
    assert before == len(stages) and len(set(story.values())) == before
