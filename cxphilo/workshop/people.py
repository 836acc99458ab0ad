"""Who is in the room, and which of them a name from elsewhere means.

A list of ideas from a file names people as they wrote themselves down:
`mei` for the room's `Mei (support lead)`, `Jonas` for `Jonas Berg`. A name
is the same person when it matches once case, spacing and a role in
brackets are set aside; when only a leading name matches, the workshop asks;
a name nobody in the room has is asked about too. Pure: no terminal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cxphilo.locale import Words, words

_ROLE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


def person_key(name: str) -> str:
    """How names are compared: no role in brackets, no case, single spaces."""
    bare = _ROLE.sub("", name.strip()) or name
    return " ".join(bare.casefold().strip(" .,;:").split())


@dataclass(frozen=True)
class Match:
    """Which room members a name may mean; `sure` when there is no doubt."""

    name: str
    candidates: tuple[str, ...]
    sure: bool

    @property
    def person(self) -> str | None:
        """The room member it is, when sure."""
        return self.candidates[0] if self.sure and self.candidates else None


def match(name: str, room: Sequence[str]) -> Match:
    """The room members `name` may mean."""
    key = person_key(name)
    exact = [person for person in room if person_key(person) == key]
    if len(exact) == 1:
        return Match(name, (exact[0],), True)
    if exact:
        return Match(name, tuple(exact), False)
    first = key.split(" ")[0] if key else ""
    leading = [
        person
        for person in room
        if first
        and (person_key(person).split(" ")[0] == first)
        and (" " in key or " " in person_key(person))
    ]
    return Match(name, tuple(leading), False)


def same_person(a: str, b: str) -> bool:
    """True when two names are surely the same person."""
    return person_key(a) == person_key(b)


def newcomers(names: Sequence[str], room: Sequence[str]) -> list[str]:
    """The `names` of people not on the `room` list yet, in their order."""
    return [n for n in names if not any(same_person(n, person) for person in room)]


def check_room(answer_names: Sequence[str], t: Words | None = None) -> str | None:
    """Why a room list cannot be used, or None: at least one name, nobody twice.

    The reason is in `t`'s words (English when no language is given).
    """
    t = t or words("en")
    if not answer_names:
        return t("Type at least one name (separate names with ;).")
    seen: dict[str, str] = {}
    for name in answer_names:
        key = person_key(name)
        if key in seen:
            return t(
                "“{first}” and “{second}” are the same person: name each person once.",
                first=seen[key],
                second=name,
            )
        seen[key] = name
    return None
