"""Who is who: entity mentions per article, and one canonical entity per person, organization or place.

Mentions come from the shared parse, corrected by gazetteers (:mod:`.mentions`, :mod:`.gazetteer`); names are keyed
so that spellings of one name meet (:mod:`.names`); roles are read around person mentions (:mod:`.roles`) and
references such as "the spokesperson" resolved (:mod:`.coref`). Stages exported: ``find_mentions`` (per article) and
``canonicalize_entities`` (corpus).
"""

from __future__ import annotations

from crosswire.entities.canonical import canonicalize_entities
from crosswire.entities.mentions import find_mentions

__all__ = ["canonicalize_entities", "find_mentions"]
