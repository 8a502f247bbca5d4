"""Stable fragment names for the objects of a dossier, e.g. ``#story-ec64a6d9bb7e``, ``#article-white-house-briefing``.

Pages that show part of a dossier link to each other with these fragments, so they depend only on the object's id:
ids made of letters, digits, ``-`` and ``_`` are kept as they are; any other id is reduced to those characters and
given a short hash of the original, so the fragment needs no escaping anywhere (HTML attribute, CSS selector, URL).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

_SAFE = re.compile(r"^[A-Za-z0-9_-]+$")
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9_-]+")


@lru_cache(maxsize=1 << 16)
def slug(identifier: str) -> str:
    """``identifier`` as a name that is safe in an HTML id, a CSS selector and a URL fragment."""
    if _SAFE.match(identifier):
        return identifier
    digest = hashlib.sha1(identifier.encode("utf-8", errors="replace")).hexdigest()[:8]
    cleaned = _UNSAFE_RUN.sub("_", identifier).strip("_")[:60]
    return f"{cleaned}-{digest}" if cleaned else digest


def anchor(prefix: str, identifier: str) -> str:
    """The fragment name of an object, ``prefix-slug``; an id starting with ``prefix-`` is not prefixed again."""
    name = slug(identifier)
    return name if name.startswith(f"{prefix}-") else f"{prefix}-{name}"


def story_anchor(story_id: str) -> str:
    return anchor("story", story_id)


def article_anchor(article_id: str) -> str:
    return anchor("article", article_id)


def statement_anchor(statement_id: str) -> str:
    return anchor("st", statement_id)


def claim_anchor(claim_id: str) -> str:
    return anchor("claim", claim_id)


def event_anchor(event_id: str) -> str:
    return anchor("event", event_id)


def entity_token(entity_id: str) -> str:
    return anchor("e", entity_id)


def outlet_token(outlet: str) -> str:
    return anchor("o", outlet.strip().lower())


# Highlight tokens (``data-k`` on marked spans) and the anchors of single pieces of evidence. Slugs never contain
# ".", so the numbered forms cannot collide with another object's token.


def claim_token(claim_id: str) -> str:
    return anchor("cl", claim_id)


def event_token(event_id: str) -> str:
    return anchor("ev", event_id)


def event_evidence_anchor(event_id: str, number: int) -> str:
    return f"{event_token(event_id)}.{number}"


def contradiction_anchor(contradiction_id: str) -> str:
    return anchor("contradiction", contradiction_id)


def contradiction_token(contradiction_id: str, value_number: int) -> str:
    return f"{anchor('cx', contradiction_id)}.{value_number}"


def contradiction_evidence_anchor(contradiction_id: str, value_number: int, number: int) -> str:
    return f"{contradiction_token(contradiction_id, value_number)}.{number}"


def claim_cell_token(claim_id: str, source_key: str, stance: str) -> str:
    """The statements behind one cell of the claims matrix: one source's stances of one kind on one claim."""
    return f"{claim_token(claim_id)}.{slug(f'{source_key}|{stance}')}"
