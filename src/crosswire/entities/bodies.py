"""Boards, committees, departments and panels of organizations (part of the per-article mentions stage).

A board, committee, department or panel "of" an organization ("The Board of Governors of the Westmark Reserve
Bank", "the Audit Committee of Hensley Foods") is that organization's mention, trimmed to its name, so what the
board says is the organization's; a name whose "of" part is no organization ("International Committee of the Red
Cross") stays whole. A body named after its organization in the possessive ("Hensley Foods' Audit Committee", "the
bank's Monetary Policy Committee") is the organization's too (:func:`_owned_body`).
"""

from __future__ import annotations

import re

from crosswire.entities import recover
from crosswire.model import Mention

# A body of an organization: "The Board of Governors of", "The Audit Committee of", "the Consular Department of".
# Units that act as bodies of their own ("the General Political Bureau of the Korean People's Army", "the FBI's
# Criminal Investigative Division") are left out: a bureau, division, office or unit stays a name of its own.
_BODY_NOUNS = r"(?:Board|Committee|Department|Panel)"
_BODY = re.compile(rf"(?:[A-Z][\w-]* ){{0,3}}{_BODY_NOUNS}(?: of [A-Z][\w-]*(?: [A-Z][\w-]*){{0,2}})?")
_OF = re.compile(r" of (?:the )?")
# The owner before a body's name in the possessive: "the bank's", "its parent company's", "Hensley Foods'".
_BODY_OWNER = re.compile(
    r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+)?(?P<noun>[a-z]+)['’]s|(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})"
    r"(?:['’]s|(?<=s)['’]))\s+$"
)


def _is_organization_name(name: str) -> bool:
    """A name an organization's head noun ends before any "of" ("Central Bank" of "Central Bank of Estavia",
    "Hensley Foods"): an institution's or a company's."""
    words = name.split(" of ")[0].split()
    if len(words) < 2 and not (len(words) == 1 and " of " in name):
        return False
    head = words[-1]
    return head.lower() in recover.HEADS_ALONE or recover.is_company_head(head, words[:-1])


def _bodies_of_organizations(text: str, mentions: list[Mention]) -> list[Mention]:
    """A board, committee or department "of" an organization ("The Board of Governors of the Westmark Reserve Bank",
    "the Audit Committee of Hensley Foods") is no organization of its own in the dossier: its mention is the
    organization's, trimmed to that name, and a body tagged apart from the name after it goes. A name whose "of" part
    is no organization ("International Committee of the Red Cross", "Department of Defense") stays whole."""
    out: list[Mention] = []
    for i, mention in enumerate(mentions):
        if mention.label != "ORG":
            out.append(mention)
            continue
        parent = _parent_of_body(mention.text)
        if parent is not None:
            out.append(Mention(start=mention.end - len(parent), end=mention.end, text=parent, label="ORG"))
            continue
        after = _OF.match(text, mention.end) if _BODY.fullmatch(mention.text) else None
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            after is not None
            and following is not None
            and following.start == after.end()
            and following.label == "ORG"
            and _is_organization_name(following.text)
        ):
            continue  # "Board of Governors" tagged before "the Westmark Reserve Bank"
        out.append(mention)
    return out


def _owned_body(text: str, body: Mention, before: list[Mention]) -> bool:
    """Whether a body's name follows its organization in the possessive: a name the article tagged ("Hensley Foods'
    Audit Committee") or an organization's head noun ("the bank's Monetary Policy Committee") that heads or ends an
    organization's name the article gave before ("Reserve Bank of Estavia")."""
    owner = _BODY_OWNER.search(text, max(0, body.start - 60), body.start)
    if owner is None:
        return False
    if owner.group("noun") is None:
        return any(m.label == "ORG" and m.end == owner.start("name") + len(owner.group("name")) for m in before)
    noun = owner.group("noun").lower()
    organizations = [m for m in before if m.label == "ORG"]
    if noun in ("company", "firm"):
        # "the company's": the one company the article named before
        companies = {m.text for m in organizations if _is_organization_name(m.text)}
        return len(companies) == 1
    if noun not in recover.HEADS_ALONE:
        return False
    return any(noun in (w.lower() for w in m.text.split()) for m in organizations)


def _parent_of_body(name: str) -> str | None:
    """The organization's name ending ``name`` when ``name`` is a body "of" it (see
    :func:`_bodies_of_organizations`), or None."""
    for of in _OF.finditer(name):
        rest = name[of.end() :]
        if _BODY.fullmatch(name[: of.start()]) and rest[:1].isupper() and _is_organization_name(rest):
            return rest
    return None
