"""Keys that make spellings of one name compare equal: folding, transliteration variants, nicknames, initials.

Canonicalization never compares all pairs of names; it groups names by these keys (blocking) and compares only
within a group. Each key therefore has to be cheap, deterministic and *general*: it encodes a spelling rule
(diacritics, romanization habits, nickname relations from a maintained dataset), never a list of particular people.

- :func:`fold` removes case, diacritics (anyascii) and punctuation: "Erdoğan" and "Erdogan" fold alike.
- :func:`translit_key` also erases the choices romanization systems make differently for Slavic and Turkic names
  (-y/-i/-iy/-yy endings, ey/ei, ks/x, zh/j, kh/h, doubled letters): Sergey/Sergei, Yury/Yuri, Nikolay/Nikolai,
  Dmitry/Dmitri, Zelensky/Zelenskyy get one key.
- :func:`skeleton` keeps the first letter and the consonants: the block in which misspellings ("Salevan" for
  "Sullivan") are looked for. Sharing a skeleton is never enough to merge; the caller needs corroboration.
- :func:`first_names_compatible` uses the ``nicknames`` dataset (a maintained list of English names and their
  nicknames) so "Bill" matches "William".
- :func:`initials` gives the acronym of a multi-word name, skipping function words, so "WSJ" can meet
  "Wall Street Journal".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from anyascii import anyascii

# Lower-case particles that belong to a surname ("bin Salman", "van der Berg", "de la Cruz").
SURNAME_PARTICLES = frozenset(
    {"bin", "ibn", "al", "el", "van", "von", "der", "den", "de", "la", "le", "da", "di", "du"}
)
# Words skipped when taking an organization's initials ("Foreign Intelligence Service" -> FIS, not FoIS).
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "&"})
# Honorifics and titles that may be glued to a name by the tagger ("President Putin" as one PERSON span).
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "prof", "president", "minister", "senator", "gen"})

_NON_LETTER = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r"\s+")
_DOUBLE = re.compile(r"(.)\1+")
_POSSESSIVE = re.compile(r"(?:'|’)s?$")

# Romanization variants, applied in order to a folded single word. Each rule maps both spellings to one form.
_TRANSLIT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:iy|yy|ij|ii|yi)$"), "y"),  # Zelenskiy, Zelenskyy, Zelenskij -> zelensky
    (re.compile(r"y$"), "i"),  # Sergey/Yury/Dmitry -> -i, as Sergei/Yuri/Dmitri
    (re.compile(r"ey"), "ei"),  # Alexey/Aleksei
    (re.compile(r"ay"), "ai"),  # Nikolay/Nikolai
    (re.compile(r"oy"), "oi"),
    (re.compile(r"ks"), "x"),  # Aleksandr/Alexandr
    (re.compile(r"zh"), "j"),  # Zhukov/Jukov
    (re.compile(r"kh"), "h"),  # Khodorkovsky/Hodorkovsky
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),  # Romanized Slavic -ow/-ov
    (re.compile(r"^ye"), "e"),  # Yevgeny/Evgeny
    (re.compile(r"^yu"), "iu"),
    (re.compile(r"^ya"), "ia"),
    (re.compile(r"j"), "i"),  # Yuriy/Jurij after the endings above
    (re.compile(r"y"), "i"),
)


def fold(text: str) -> str:
    """Lower-case ASCII letters and single spaces: diacritics, punctuation and possessives removed."""
    text = unicodedata.normalize("NFC", text).strip()
    text = _POSSESSIVE.sub("", text)
    ascii_text = anyascii(text).lower().replace("-", " ")
    ascii_text = _NON_LETTER.sub("", ascii_text)
    return _SPACES.sub(" ", ascii_text).strip()


@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """One key for the romanization variants of a single name word (see the module docstring)."""
    key = fold(word).replace(" ", "")
    for pattern, replacement in _TRANSLIT_RULES:
        key = pattern.sub(replacement, key)
    return _DOUBLE.sub(r"\1", key)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """First letter plus the following consonants, doubled letters collapsed: the misspelling block."""
    key = translit_key(word)
    if not key:
        return ""
    rest = re.sub(r"[aeiou]", "", key[1:])
    return _DOUBLE.sub(r"\1", key[0] + rest)


def initials(name: str) -> str:
    """Upper-case initials of the content words of ``name`` ("Wall Street Journal" -> "WSJ")."""
    words = [w for w in re.split(r"[\s\-]+", anyascii(name)) if w and w.lower() not in FUNCTION_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def is_acronym(text: str) -> bool:
    """All capitals (dots allowed), 2-7 letters: "SVR", "U.S.", "NSC"."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


@dataclass(frozen=True)
class PersonName:
    """A person's name split into the parts canonicalization keys on."""

    text: str
    first: str  # "" when only a surname was written
    surname: str
    tokens: int

    @property
    def surname_key(self) -> str:
        return " ".join(translit_key(part) for part in self.surname.split())

    @property
    def first_key(self) -> str:
        return translit_key(self.first) if self.first else ""

    @property
    def is_full(self) -> bool:
        return bool(self.first)


def parse_person(text: str) -> PersonName:
    """Split a PERSON surface form into first name and surname; titles and particles handled."""
    words = [w for w in text.replace("’", "'").split() if w]
    while len(words) > 1 and fold(words[0]) in HONORIFICS:
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    if len(words) <= 1 or words[0].lower() in SURNAME_PARTICLES:
        return PersonName(text, "", " ".join(words) if words else text, len(words))
    # The surname starts at the first lower-case particle after the first name, else it is the last word.
    start = len(words) - 1
    for index in range(1, len(words) - 1):
        if words[index].lower() in SURNAME_PARTICLES:
            start = index
            break
    return PersonName(text, words[0], " ".join(words[start:]), len(words))


@cache
def _nicknamer() -> object:
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=65536)
def formal_first_names(first: str) -> frozenset[str]:
    """The formal names (folded) ``first`` is a nickname of, per the ``nicknames`` dataset; empty if none."""
    namer = _nicknamer()
    return frozenset(fold(name) for name in namer.canonicals_of(fold(first)))  # type: ignore[attr-defined]


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """Whether the ``nicknames`` dataset knows ``word`` as a given name or a nickname ("Nathan", "Lois"; not "Mill")."""
    namer = _nicknamer()
    key = fold(word)
    return bool(namer.nicknames_of(key) or namer.canonicals_of(key))  # type: ignore[attr-defined]


def is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[:1].isalpha()


def first_names_compatible(a: str, b: str) -> bool:
    """Same first name up to transliteration, one a nickname of the other, or an initial of the other."""
    if not a or not b:
        return False
    if translit_key(a) == translit_key(b):
        return True
    if is_initial(a) or is_initial(b):
        return fold(a)[:1] == fold(b)[:1]
    return fold(b) in formal_first_names(a) or fold(a) in formal_first_names(b)


def slug(text: str) -> str:
    """ASCII slug for stable ids: "William Burns" -> "william-burns"."""
    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-") or "x"


_LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:plc|p\.l\.c\.|inc|incorporated|ltd|limited|llc|llp|corp|corporation|co|s\.?a|n\.?v|ag|se|gmbh|"
    r"s\.?p\.?a|b\.?v|oyj|asa|ab|pjsc|ojsc|jsc))+\.?$",
    re.IGNORECASE,
)


def strip_legal_form(text: str) -> str:
    """A company's name without its legal form ("BP Plc" -> "BP"); unchanged when nothing would be left."""
    stripped = _LEGAL_SUFFIX.sub("", text).strip(" ,")
    return stripped or text
