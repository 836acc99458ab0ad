"""Names from a file matched against the room: case, a role in brackets, a leading name."""

from __future__ import annotations

import pytest

from cxphilo.workshop.people import Match, check_room, match, person_key

ROOM = ["Ingrid (CEO)", "Mei (support lead)", "Jonas Berg", "Ana"]


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Mei", "Mei (support lead)"),
        ("mei", "Mei (support lead)"),
        ("  MEI  ", "Mei (support lead)"),
        ("Mei (support)", "Mei (support lead)"),  # another wording of the role
        ("ingrid", "Ingrid (CEO)"),
        ("jonas  berg", "Jonas Berg"),
        ("Ana", "Ana"),
    ],
)
def test_sure_matches(name: str, person: str) -> None:
    assert match(name, ROOM) == Match(name, (person,), True)


@pytest.mark.parametrize(
    ("name", "candidates"),
    [
        ("Jonas", ("Jonas Berg",)),  # a leading name: asked
        ("Ana Lima", ("Ana",)),
        ("Tom", ()),  # nobody: asked
        ("", ()),
    ],
)
def test_unsure_matches_name_their_candidates(name: str, candidates: tuple[str, ...]) -> None:
    found = match(name, ROOM)
    assert found.candidates == candidates
    assert not found.sure and found.person is None


def test_two_people_with_the_same_name_are_asked_about() -> None:
    found = match("Ana", ["Ana (sales)", "Ana (product)"])
    assert found.candidates == ("Ana (sales)", "Ana (product)") and not found.sure


def test_person_key() -> None:
    assert person_key("Mei (support lead)") == "mei"
    assert person_key("Dr. Ruiz [CFO]") == "dr. ruiz"
    assert person_key("(CEO)") == "(ceo)"  # nothing but a role: keep it as the name


def test_the_room_list_names_each_person_once() -> None:
    assert check_room(["Mei", "Tom"]) is None
    assert check_room([]) == "Type at least one name (separate names with ;)."
    assert check_room(["Mei (support lead)", "mei"]) == (
        "“Mei (support lead)” and “mei” are the same person: name each person once."
    )
