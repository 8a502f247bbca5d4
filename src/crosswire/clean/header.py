"""The page header of a text dump: date line, title, byline, dateline and source line.

A page flattened to text keeps what a reader saw above the story, in a handful of shapes that recur across sites:

- a **metadata block** (``date 2022-11-14 ...``, ``Published: Nov 14, 2022``, ``title: ...``, ``source: ...``) whose
  date line often carries the headline or the lead paragraph *on the same line*: what follows the date is sorted into
  a title (a headline with function words), the story's first paragraph (a sentence), a byline (``By ...``), a site
  name (``Example.com``) or keywords (a bag of words), and nothing of the story is lost;
- **byline lines** under the headline: a publication date in any common format (``Published Monday, November 14,
  2022 10:53AM EST``, ``Created: 14-11-2022 15:40 IST``, ``9:00 JST, March 9, 2023``, ``09th February, 2023``,
  ``11/14/2022``), an author with an outlet (``Jane Doe, The Associated Press``), a source line whose fields are
  split by bars (``Reuters | Moscow | Updated: ...``);
- a **dateline** opening the first paragraph that names the agency and sometimes the date: ``WASHINGTON (AP) —``,
  ``ZURICH (Example News / Agency - 09th February, 2023)``, ``NEW YORK, March 7. /TASS/.``, ``Jan. 8 (UPI) --``.

Dates are read by ``dateparser`` (a maintained library) and only when the text gives a full day, month and year:
"42 minutes ago" or "Monday" never become a publication date. Numeric dates follow the separator's convention:
slashes are read month first (US), dots and hyphens day first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_LABEL = (
    r"date|dated|published(?:\s+on)?|first\s+published(?:\s+on)?|posted(?:\s+on)?|created(?:\s+on)?|pubdate|"
    r"updated(?:\s+on)?|last\s+(?:updated|modified)(?:\s+on)?|modified"
)
# "date 2022-11-14 keywords", "Published: Nov 14, 2022 | 4:30 PM", "Updated on 14.11.2022" opening a line.
_LABELLED = re.compile(rf"^\s*({_LABEL})\b\s*[:=]?\s*(.*)$", re.IGNORECASE)
_ISO_AT_START = re.compile(rf"^({_ISO})\b\s*(.*)$")
# "title: ...", "source: ...", "url: ..." lines of a metadata block.
_FIELD = re.compile(r"^\s*(title|headline|source|outlet|site|url|link|author|by|keywords|tags)\s*:\s*(.+)$", re.I)
_FIELD_KEYS = {"headline": "title", "source": "outlet", "site": "outlet", "link": "url", "by": "author"}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}([./-])\d{1,2}\1\d{4}\b")
_TOKEN = re.compile(r"\S+")
# A run of words that may end a written date: a number, a clock's "PM", a time zone ("EST", "IST", "GMT").
_DATE_END = re.compile(r"\d|[AaPp]\.?[Mm]\.?$|^[A-Z]{2,4}T?$")
# Words that make a run of words a sentence or a headline rather than a list of keywords.
_FUNCTION_WORDS = _words(
    "the a an to in on of for with at by from and or but is are was were be been has have had will would can could "
    "says said say not no as after over into about than that this its it his her their who what why how"
)
_SITE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co|info|news|tv|pk|in|uk|au|ca|de|fr|ru|tr)$", re.I)
_BY = re.compile(r"^\s*By\s+([A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|al|bin)){0,4})\s*$")
# Words that make a name an outlet's: "The Associated Press", "Example News", "Daily Herald", "Harbor Times".
_MEDIA_WORDS = _words(
    "press news times post journal herald tribune gazette telegraph guardian chronicle observer daily weekly "
    "agency wire reuters afp ap upi bloomberg tass xinhua sputnik dpa anadolu efe ansa kyodo yonhap pti ani ians "
    "network broadcasting radio tv television magazine media review star sun mail express standard independent "
    "today record dispatch bulletin courier examiner monitor reporter insider"
)
# "Jane Doe, The Associated Press", "Jane Doe and John Roe | Example Daily"
_AUTHOR_OUTLET = re.compile(
    r"^\s*(?:By\s+)?([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}(?:\s+and\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})?)"
    r"\s*[,|–—-]\s*((?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s*$"
)
# Dateline with an agency: "CITY (Agency) -", "CITY, Nov 17 (Agency) -", "Jan. 8 (UPI) --",
# "CITY (Agency / Wire - date)".
_DATELINE_PARENS = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,[^()\n]{0,30})?|"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*\(([^()\n]{2,80})\)\s*(?:[-–—:]+|(?=[A-Z]))"
)
# A dateline of a place alone: a city in capitals, maybe its country or state, maybe the day it was filed, and a dash
# ("SANA, Yemen —", "LONDON, March 10 —", "NEW YORK, Aug. 4 —", "LAGOS, Nigeria, May 2, 2025 —"), the day also
# written before the month, as press releases do ("COPENHAGEN, 12 March 2025 -").
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
_PLACE_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,2}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"(?:,?\s*(?:" + _MONTH_NAME + r"\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+" + _MONTH_NAME + r"(?:,?\s*\d{4})?))?"
    r"\s*(?:[—–]|--?\s)(?=\s*[A-Z“\"])"
)
# A live blog entry's time stamp, then a dash ("4:05 p.m. - ", "11:15 a.m. — ", "14:32 GMT – ", "09.10 -").
_ENTRY_STAMP = re.compile(
    r"^\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)?(?:\s+(?:[A-Z]{2,4}|local\s+time))?"
    r"\s*(?:[—–]|--?\s)(?=\s*[A-Z“\"])"
)
# "NEW YORK, March 7. /TASS/."
_DATELINE_SLASHES = re.compile(r"^\s*[A-Z][A-Z.'’ -]+,[^/\n]{0,30}/\s*([A-Z][\w&.' -]{1,30}?)\s*/")
_WORD = re.compile(r"[A-Za-z][\w&.'’-]*")
_SECTION_WORDS = _words(
    "news world nation national local politics business economy markets money sport sports opinion home latest live "
    "video videos tech technology science health entertainment lifestyle culture travel weather region regional us "
    "uk europe asia africa americas middle east international breaking top stories more menu"
)
_SECTION_GLUE = frozenset({"&", "and", "|", "/", "-", "–", "—", ">", "›", "»", "·"})


@dataclass(frozen=True)
class HeaderDate:
    """A publication date read from a header line: ISO date, the label it had ("created", "updated", ...)."""

    value: str
    label: str


@cache
def _dateparser() -> Any:
    import dateparser  # type: ignore[import-untyped]

    return dateparser


def parse_date(value: str) -> str | None:
    """The ISO day of a written date that names day, month and year; None otherwise (never "today" or "Monday").

    An ISO timestamp is kept whole ("2022-11-14T10:30:00Z"); any other written time is dropped.
    """
    value = " ".join(value.replace("|", " ").split()).strip(" ,;:-–—()")
    if not value or not _YEAR.search(value) or len(value) > 60:
        return None
    match = re.fullmatch(_ISO, value)
    if match:
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value).isoformat()
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            return value  # a full timestamp is kept as written
        except ValueError:
            return None
    if not _MONTH.search(value):
        return None
    numeric = _NUMERIC_DATE.search(value)
    order = "MDY" if numeric and numeric.group(1) == "/" else "DMY"
    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": order,
        "PREFER_DATES_FROM": "past",
    }
    try:
        parsed = _dateparser().parse(value, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if parsed is not None else None


def date_prefix(text: str, *, max_tokens: int = 9) -> tuple[str, int] | None:
    """The date that opens ``text`` and how many characters it takes: the longest run of words that parses."""
    text = text.rstrip()
    iso = _ISO_AT_START.match(text.lstrip())
    if iso:
        parsed = parse_date(iso.group(1))
        return (parsed, len(text) - len(text.lstrip()) + len(iso.group(1))) if parsed else None
    tokens = list(_TOKEN.finditer(text))
    for count in range(min(max_tokens, len(tokens)), 0, -1):
        end = tokens[count - 1].end()
        candidate = text[:end]
        if "|" in candidate:
            continue
        if not _DATE_END.search(tokens[count - 1].group(0)):
            continue
        parsed = parse_date(candidate)
        if parsed:
            return parsed, end
    return None


def date_line(line: str) -> HeaderDate | None:
    """A line that states when the page was published or updated, with its label; None for any other line.

    ``Published: Nov 14, 2022``, ``Reuters | Moscow | Updated: 14-11-2022 16:02 IST | Created: 14-11-2022 15:40
    IST`` (the creation date wins over the update), or a bare ``9:00 JST, March 9, 2023``.
    """
    if len(line) > 200 or not _YEAR.search(line):
        return None
    found: list[HeaderDate] = []
    for field in (part.strip() for part in line.split("|")):
        match = _LABELLED.match(field)
        if match:
            parsed = parse_date(re.sub(r"\bat\b", " ", match.group(2)))
            if parsed:
                found.append(HeaderDate(parsed, " ".join(match.group(1).lower().split())))
                continue
        if len(_TOKEN.findall(field)) <= 9:
            parsed = parse_date(field)
            if parsed:
                found.append(HeaderDate(parsed, "date"))
    if not found:
        return None
    fields = [part.strip() for part in line.split("|")]
    dated = len(found)
    # Every field is a date, a label-less short name (the outlet, a place), or a time: otherwise it is prose.
    if len(fields) == 1 and not _LABELLED.match(line) and len(_TOKEN.findall(line)) > 9:
        return None
    if len(fields) > 1 and dated + sum(1 for f in fields if len(_TOKEN.findall(f)) <= 4) < len(fields):
        return None
    created = [d for d in found if not d.label.startswith(("updated", "last", "modified"))]
    return (created or found)[0]


def source_of_line(line: str) -> str | None:
    """The outlet a bar-separated source line names first: "Reuters | Moscow | Updated: ..." -> "Reuters"."""
    fields = [part.strip() for part in line.split("|")]
    if len(fields) < 2 or date_line(line) is None:
        return None
    first = fields[0]
    if _LABELLED.match(first) or parse_date(first) or not first[:1].isupper() or len(first.split()) > 5:
        return None
    from crosswire.entities import gazetteer

    return None if gazetteer.place(first) is not None else first


def byline(line: str) -> tuple[str | None, str | None] | None:
    """(author, outlet) of a byline: "By Jane Doe", "Jane Doe, The Associated Press"; None for other lines."""
    match = _BY.match(line)
    if match:
        return match.group(1), None
    match = _AUTHOR_OUTLET.match(line)
    if match and is_outlet_name(match.group(2)) and not is_outlet_name(match.group(1)):
        return match.group(1), match.group(2)
    return None


def is_outlet_name(name: str) -> bool:
    """A name that says it is a news outlet: it holds a media word ("Press", "Times", "News", "Reuters")."""
    return any(word.lower().strip(".'’") in _MEDIA_WORDS for word in name.split())


def is_site_name(text: str) -> bool:
    """A bare domain name standing for the site ("Example.com")."""
    return bool(_SITE.match(text.strip()))


def is_navigation(line: str) -> bool:
    """A section menu or breadcrumb: only section words ("Nation & World News", "Business | Markets")."""
    tokens = line.replace("›", " › ").replace("»", " » ").split()
    if not 1 <= len(tokens) <= 8 or line.rstrip().endswith((".", "?", "!", '"', "”")):
        return False
    words = [t.lower().strip(",:") for t in tokens if t not in _SECTION_GLUE]
    return bool(words) and all(w in _SECTION_WORDS for w in words) and any(t[:1].isupper() for t in tokens)


def rest_kind(rest: str) -> str:
    """What follows the date on a date line: "lead", "title", "byline", "site", "navigation" or "keywords"."""
    rest = rest.strip()
    words = rest.split()
    if not words:
        return "keywords"
    if byline(rest):
        return "byline"
    if is_site_name(rest):
        return "site"
    if is_navigation(rest):
        return "navigation"
    function_words = sum(1 for w in words if w.lower().strip(",.:;\"'“”‘’") in _FUNCTION_WORDS)
    if len(words) >= 12 and function_words >= 2:
        return "lead"
    if re.search(r"[.!?][\"'”’)]*$", rest) and len(words) >= 6 and function_words >= 1:
        return "lead"
    if 3 <= len(words) <= 25 and function_words >= 1 and (rest[:1].isupper() or rest[:1] in "\"“‘'"):
        return "title"
    return "keywords"


@dataclass
class MetadataBlock:
    """What the metadata block at the top of a dump holds."""

    used: int
    fields: dict[str, str]
    # Story text found on a date line, to put back at the top of the body.
    lead: str | None = None


def read_metadata_block(lines: list[str]) -> MetadataBlock:
    """Read a metadata block at the top: the lines it occupies and its fields (published, title, outlet, ...)."""
    fields: dict[str, str] = {}
    used = 0
    lead: str | None = None
    for index, line in enumerate(lines[:8]):
        if not line.strip():
            if fields:
                used = index + 1
            continue
        labelled = _LABELLED.match(line)
        if labelled and "published" not in fields:
            prefix = date_prefix(labelled.group(2))
            if prefix is None:
                break
            fields["published"] = prefix[0]
            rest = labelled.group(2)[prefix[1] :].strip(" |-–—:")
            kind = rest_kind(rest)
            if kind in {"lead", "title"}:
                lead = rest
                if kind == "title":
                    fields["title"] = rest
            elif kind == "byline":
                found = byline(rest)
                if found and found[0]:
                    fields["author"] = found[0]
                if found and found[1]:
                    fields["outlet"] = found[1]
            elif kind == "site":
                fields["outlet"] = rest
            elif kind == "navigation":
                fields["section"] = rest
            elif rest:
                fields.setdefault("keywords", rest)
            used = index + 1
            if lead is not None:
                break
            continue
        field_match = _FIELD.match(line)
        if field_match and len(line) < 300:
            key = field_match.group(1).lower()
            fields.setdefault(_FIELD_KEYS.get(key, key), field_match.group(2).strip())
            used = index + 1
            continue
        break
    if lead is not None and fields.get("title") == lead:
        lead = None  # a title on the date line is the headline, not body text
    return MetadataBlock(used, fields, lead)


def dateline_end(line: str) -> int | None:
    """Where a dateline opening ``line`` ends ("LONDON (AP) — ...", "NEW YORK, March 7. /TASS/."), or None."""
    match = _DATELINE_PARENS.match(line) or _DATELINE_SLASHES.match(line)
    return match.end() if match else None


def place_dateline_end(line: str) -> int | None:
    """Where a dateline of a place alone opening ``line`` ends ("SANA, Yemen — An American ...", "KANSAS CITY, Mo.
    -Research Medical Center said ..."), or None."""
    match = _PLACE_DATELINE.match(line)
    return match.end() if match else None


def stamp_end(line: str) -> int | None:
    """Where the time stamp opening a live blog's entry ends ("4:05 p.m. - The recount is over.", "14:32 GMT — ..."),
    or None."""
    match = _ENTRY_STAMP.match(line)
    return match.end() if match else None


def any_dateline_end(line: str) -> int | None:
    """Where a wire dateline, a place dateline or a live blog's time stamp opening ``line`` ends, or None."""
    return dateline_end(line) or place_dateline_end(line) or stamp_end(line)


def dateline(line: str) -> tuple[str | None, str | None]:
    """(outlet, ISO date) a dateline names: "ZURICH (Example News / Agency - 09th February, 2023) The ..."."""
    match = _DATELINE_PARENS.match(line)
    if match:
        inside = match.group(1)
        parts = [p.strip() for p in re.split(r"\s+[/|]\s+|\s+[-–—]\s+|/", inside) if p.strip()]
        date = None
        names = []
        for part in parts:
            parsed = parse_date(part)
            if parsed:
                date = parsed
            elif part[:1].isupper() and not re.search(r"\d", part):
                names.append(part)
        outlet = names[0] if names else None
        if outlet is not None and _is_place_phrase(outlet):
            outlet = None
        return outlet, date
    match = _DATELINE_SLASHES.match(line)
    if match:
        return match.group(1).strip(), None
    return None, None


def _is_place_phrase(text: str) -> bool:
    """ "PORTLAND, Ore." or "Kyiv": a place in parentheses, not an agency."""
    from crosswire.entities import gazetteer

    head = text.split(",")[0].strip()
    if "," in text and head.isupper():
        return True
    return gazetteer.place(head.title() if head.isupper() else head) is not None and not is_outlet_name(text)


_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^@/]*@)?([^/:?#]+)", re.IGNORECASE)
# Host labels that are not the site's name: "www", "edition", "m", country and generic second-level labels.
_HOST_NOISE = frozenset({"www", "www2", "m", "mobile", "amp", "edition", "news", "en", "english", "uk", "us", "int"})
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "go", "ne", "or"})


def outlet_from_url(url: str | None) -> str | None:
    """The site a page's address names, as its registrable domain: "https://www.example.co.uk/x" -> "example.co.uk"."""
    if not url:
        return None
    match = _URL_HOST.match(url.strip())
    if not match:
        return None
    labels = [label for label in match.group(1).lower().rstrip(".").split(".") if label]
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return None
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])
