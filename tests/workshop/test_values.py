"""Step 3: ideas with who said them, suggested values, merges, dot voting, and the whole trail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cxphilo.workshop import values
from cxphilo.workshop.asker import Note, Table
from cxphilo.workshop.scripted import BACK, DEFAULT
from tests.workshop.conftest import MakeRun

ROOM = ["Ana", "Ben", "Cem", "Dan"]


def seeded(*options: str, participants: list[str] = ROOM, **extra: Any) -> dict[str, Any]:
    """A document whose brainstorm already has the room and one idea per option."""
    return {
        "company": {"name": "Acme"},
        "brainstorm": {
            "participants": participants,
            "ideas": [
                {"text": o, "by": participants[i % len(participants)]}
                for i, o in enumerate(options)
            ],
            **extra,
        },
    }


def test_typed_ideas_with_speakers_and_suggested_values(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("Who is in the room", "Maya; Jonas; Priya"),
            ("What next", "type"),
            ("Idea 1", "We want customers to believe what we tell them is true"),
            ("Who said it", DEFAULT),  # the first in the room
            ("core value", DEFAULT),  # the suggestion: Honesty
            ("Idea 2", "They fixed it the first time"),
            ("Who said it", DEFAULT),  # round the room: Jonas
            ("core value", "Get it right"),  # the team edits the suggestion
            ("Idea 3", "Speed"),  # a value already: no translation asked
            ("Who said it", "Nobody in particular"),
            ("Idea 4", ""),
            ("What next", "done"),
            ("Value 1", DEFAULT),
            ("Value 2", "Right the first time"),
            ("Value 3", DEFAULT),
        ]
    )
    values.run(run.session)
    assert run.asker.remaining == 0
    doc = run.saved()
    bs = doc.brainstorm
    assert bs is not None
    assert bs.question == values.QUESTION
    assert bs.participants == ["Maya", "Jonas", "Priya"]
    assert [(i.text, i.by, i.value) for i in bs.ideas] == [
        ("We want customers to believe what we tell them is true", "Maya", "Honesty"),
        ("They fixed it the first time", "Jonas", "Get it right"),
        ("Speed", None, None),
    ]
    assert bs.rounds == []  # three options: no vote needed
    assert [v.name for v in doc.values] == ["Honesty", "Right the first time", "Speed"]
    assert "3 options: five or fewer, so no vote is needed." in run.screen.text()


def test_someone_else_joins_the_room(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("room", "Ana"),
            ("What next", "type"),
            ("Idea 1", "Kind"),
            ("Who said it", "Someone else"),
            ("Their name", "Eva"),
            ("Idea 2", ""),
            ("What next", "leave"),
        ]
    )
    values.run(run.session)
    bs = run.saved().brainstorm
    assert bs is not None
    assert bs.participants == ["Ana", "Eva"]
    assert bs.ideas[0].by == "Eva"
    assert run.saved().values == []  # left before the vote: nothing chosen yet


def ballot(person: str, picks: Any) -> list[Any]:
    """The handover to `person`, then their picks (or Ctrl-C at the handover)."""
    if picks is KeyboardInterrupt:
        return [(f"Next ballot: {person}", KeyboardInterrupt)]
    return [(f"Next ballot: {person}", DEFAULT), (person, picks)]


def ballots(pairs: list[tuple[str, list[str]]]) -> list[Any]:
    return [item for person, picks in pairs for item in ballot(person, picks)]


VOTE_ROUND_ONE = [
    ("Ana", ["A", "B"]),
    ("Ben", ["A", "C"]),
    ("Cem", ["B", "D"]),
    ("Dan", ["E", "F"]),
]


def test_dot_voting_with_a_revote_at_the_cut_keeps_the_whole_trail(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("room", DEFAULT),
            ("What next", DEFAULT),  # ideas exist: "Done" is the default
            ("mean the same", []),  # nothing to merge
            ("Secret ballots", DEFAULT),
            ("Votes per person", DEFAULT),  # a third of seven: 2
            *ballots(VOTE_ROUND_ONE),
            ("Merge options", DEFAULT),  # no
            # A 2, B 2, then C D E F 1 each: C-F tie for the last three places.
            *ballot("Ana", ["C", "D", "E"]),
            *ballot("Ben", ["C", "D", "F"]),
            *ballot("Cem", ["C", "E", "F"]),
            *ballot("Dan", ["D", "E", "C"]),
            *[("Value", DEFAULT)] * 5,
        ],
        seeded(*"ABCDEFG"),
    )
    values.run(run.session)
    assert run.asker.remaining == 0
    doc = run.saved()
    bs = doc.brainstorm
    assert bs is not None
    first, revote = bs.rounds
    assert first.options == list("ABCDEFG")
    assert first.votes_per_person == 2
    assert [(b.by, b.options) for b in first.votes] == [(n, o) for n, o in VOTE_ROUND_ONE]
    assert first.kept == ["A", "B"]
    assert not first.revote
    assert revote.revote is True
    assert revote.options == ["C", "D", "E", "F"]
    assert revote.votes_per_person == 3
    assert revote.kept == ["C", "D", "E"]
    assert [v.name for v in doc.values] == ["A", "B", "C", "D", "E"]


def test_tallies_stay_hidden_until_everyone_has_voted(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("room", DEFAULT),
            ("What next", DEFAULT),
            ("mean the same", []),
            ("Secret ballots", DEFAULT),
            ("Votes per person", DEFAULT),
            *ballots(VOTE_ROUND_ONE[:3]),
            *ballot("Dan", KeyboardInterrupt),
        ],
        seeded(*"ABCDEFG"),
    )
    with pytest.raises(KeyboardInterrupt):
        values.run(run.session)
    shown = run.screen.blocks
    assert not [b for b in shown if isinstance(b, Table) and "tally" in b.title.lower()]
    notes = [b for b in shown if isinstance(b, Note)]
    voted = [n for n in notes if n.text == "Voted:"][-1]
    still = [n for n in notes if n.text == "Still to vote:"][-1]
    assert (voted.items, still.items) == (("Ana", "Ben", "Cem"), ("Dan",))
    progress = [n.text for n in notes if "ballots are in" in n.text]
    assert progress[-1] == "Round 1: 3 of 4 ballots are in."  # who, never how many votes
    assert not [n for n in notes if any(o in n.items for o in "ABCDEFG")]


def test_ctrl_c_mid_vote_then_resume_asks_only_who_has_not_voted(make_run: MakeRun) -> None:
    stopped = make_run(
        [
            ("room", DEFAULT),
            ("What next", DEFAULT),
            ("mean the same", []),
            ("Secret ballots", DEFAULT),
            ("Votes per person", "2"),
            *ballots(VOTE_ROUND_ONE[:2]),
            *ballot("Cem", KeyboardInterrupt),
        ],
        seeded(*"ABCDEFG"),
    )
    with pytest.raises(KeyboardInterrupt):
        values.run(stopped.session)
    saved = stopped.saved().brainstorm
    assert saved is not None
    assert [b.by for b in saved.rounds[0].votes] == ["Ana", "Ben"]

    resumed = make_run(
        [
            *ballots(VOTE_ROUND_ONE[2:]),
            ("Merge options", DEFAULT),
            ("Ana", KeyboardInterrupt),  # the re-vote: stop again
        ]
    )
    with pytest.raises(KeyboardInterrupt):
        values.run(resumed.session)
    bs = resumed.saved().brainstorm
    assert bs is not None
    assert [b.by for b in bs.rounds[0].votes] == ROOM
    assert bs.rounds[0].kept == ["A", "B"]
    assert bs.rounds[1].options == ["C", "D", "E", "F"]


def test_merging_after_the_reveal_adds_the_votes(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("room", DEFAULT),
            ("What next", DEFAULT),
            ("mean the same", []),
            ("Secret ballots", DEFAULT),
            ("Votes per person", "1"),
            *ballot("Ana", ["Speed"]),
            *ballot("Ben", ["Quick"]),
            *ballot("Cem", ["Honest"]),
            *ballot("Dan", ["Kind"]),
            ("Merge options", True),
            ("mean the same", ["Speed", "Quick"]),
            ("Keep which name", "Speed"),
            ("mean the same", []),
            *[("Value", DEFAULT)] * 3,
        ],
        seeded("Speed", "Quick", "Honest", "Kind", "Fair", "Warm", "Clear"),
    )
    values.run(run.session)
    doc = run.saved()
    bs = doc.brainstorm
    assert bs is not None
    assert [(m.into, m.merged) for m in bs.merges] == [("Speed", ["Quick"])]
    tallies = [b for b in run.screen.blocks if isinstance(b, Table) and "tally" in b.title.lower()]
    assert tallies[-1].rows[0] == ("Speed", "2")
    assert bs.rounds[0].kept == ["Speed", "Honest", "Kind"]
    assert [v.name for v in doc.values] == ["Speed", "Honest", "Kind"]


def test_merging_before_the_vote_and_several_rounds(make_run: MakeRun) -> None:
    twelve = [f"V{n:02d}" for n in range(1, 13)]
    run = make_run(
        [
            ("room", DEFAULT),
            ("What next", DEFAULT),
            ("mean the same", ["V11", "V12"]),
            ("Keep which name", "A new name"),
            ("Name of the merged", "V11+"),
            ("mean the same", []),
            ("Secret ballots", DEFAULT),
            ("Round 1: 11 options", "4"),
            # V01 4, V02-V04 3, V05 2, V06 1: six got votes, six go through
            *ballot("Ana", ["V01", "V02", "V03", "V04"]),
            *ballot("Ben", ["V01", "V02", "V03", "V05"]),
            *ballot("Cem", ["V01", "V02", "V04", "V06"]),
            *ballot("Dan", ["V01", "V03", "V04", "V05"]),
            ("Merge options", DEFAULT),
            ("Round 2: 6 options", DEFAULT),  # a third: 2
            *ballot("Ana", ["V01", "V02"]),
            *ballot("Ben", ["V01", "V03"]),
            *ballot("Cem", ["V04", "V05"]),
            *ballot("Dan", ["V01", "V02"]),
            ("Merge options", DEFAULT),
            *[("Value", DEFAULT)] * 5,
        ],
        seeded(*twelve),
    )
    values.run(run.session)
    assert run.asker.remaining == 0
    doc = run.saved()
    bs = doc.brainstorm
    assert bs is not None
    assert [(m.into, m.merged) for m in bs.merges] == [("V11+", ["V11", "V12"])]
    assert len(bs.rounds[0].options) == 11
    assert bs.rounds[0].options[-1] == "V11+"
    assert bs.rounds[0].kept == ["V01", "V02", "V03", "V04", "V05", "V06"]
    assert bs.rounds[1].options == bs.rounds[0].kept
    assert bs.rounds[1].votes_per_person == 2
    assert bs.rounds[1].kept == ["V01", "V02", "V03", "V04", "V05"]
    assert [v.name for v in doc.values] == ["V01", "V02", "V03", "V04", "V05"]


def test_a_revote_that_ties_again_can_be_settled_by_the_room(make_run: MakeRun) -> None:
    data = seeded(*"ABCDEFG", participants=["Ana", "Ben"])
    run = make_run(
        [
            ("room", DEFAULT),
            ("What next", DEFAULT),
            ("mean the same", []),
            ("Secret ballots", DEFAULT),
            ("Votes per person", "3"),
            *ballot("Ana", ["A", "B", "C"]),
            *ballot("Ben", ["D", "E", "F"]),
            ("Merge options", DEFAULT),
            # everything tied at 1: a re-vote for five places among six
            *ballot("Ana", ["A", "B", "C", "D", "E"]),
            *ballot("Ben", ["A", "B", "C", "D", "F"]),
            ("settle it", "decide"),
            ("Which 1", ["F"]),
            *[("Value", DEFAULT)] * 5,
        ],
        data,
    )
    values.run(run.session)
    bs = run.saved().brainstorm
    assert bs is not None
    assert len(bs.rounds) == 2
    assert bs.rounds[1].kept == ["A", "B", "C", "D", "F"]
    assert [v.name for v in run.saved().values] == ["A", "B", "C", "D", "F"]


def test_importing_ideas_from_csv_adds_people_and_translates(
    make_run: MakeRun, tmp_path: Path
) -> None:
    csv_file = tmp_path / "wall.csv"
    csv_file.write_text(
        "participant,idea\nLea,They told me the truth about the repair\nMo,Fast\n", encoding="utf-8"
    )
    run = make_run(
        [
            ("room", "Ana"),
            ("What next", "import"),
            ("File", str(tmp_path / "missing.csv")),
            ("What next", "import"),
            ("File", str(csv_file)),
            ("names “Lea”", DEFAULT),  # nobody in the room: a new person is offered
            ("names “Mo”", DEFAULT),
            ("core value", DEFAULT),  # Honesty, suggested
            ("What next", "done"),
            ("Value 1", DEFAULT),
            ("Value 2", DEFAULT),
        ]
    )
    values.run(run.session)
    doc = run.saved()
    bs = doc.brainstorm
    assert bs is not None
    assert bs.participants == ["Ana", "Lea", "Mo"]
    assert [(i.text, i.by, i.value) for i in bs.ideas] == [
        ("They told me the truth about the repair", "Lea", "Honesty"),
        ("Fast", "Mo", None),
    ]
    assert "missing.csv: no such file" in run.screen.text()
    assert [v.name for v in doc.values] == ["Honesty", "Fast"]


def test_revisit_keeps_or_renames_the_values_everywhere(make_run: MakeRun) -> None:
    data = seeded("Quality", "Speed")
    data["values"] = [{"name": "Quality", "statement": "Get it right."}, {"name": "Speed"}]
    data["hiring"] = {"rubric": [{"value": "Quality", "questions": ["How do you check?"]}]}
    data["listening"] = {"survey": [{"value": "Quality", "question": "What is right?"}]}
    run = make_run(
        [("What now", "wording"), ("Value 1", "Right first time"), ("Value 2", DEFAULT)], data
    )
    values.run(run.session)
    doc = run.saved()
    assert [v.name for v in doc.values] == ["Right first time", "Speed"]
    assert doc.values[0].statement == "Get it right."
    assert doc.hiring is not None and doc.hiring.rubric[0].value == "Right first time"
    assert doc.listening is not None and doc.listening.survey[0].value == "Right first time"

    keep = make_run([("What now", DEFAULT)])
    values.run(keep.session)
    assert keep.asker.remaining == 0
    assert keep.path.read_bytes() == run.path.read_bytes()


def test_holding_the_vote_again_clears_rounds_but_keeps_ideas(make_run: MakeRun) -> None:
    data = seeded("Quality", "Speed")
    data["values"] = [{"name": "Quality", "statement": "Get it right."}, {"name": "Speed"}]
    run = make_run(
        [
            ("What now", "revote"),
            ("Start the rounds afresh", True),
            ("room", DEFAULT),
            ("What next", "type"),
            ("Idea 3", "Kind"),
            ("Who said it", DEFAULT),
            ("Idea 4", ""),
            ("What next", "done"),
            *[("Value", DEFAULT)] * 3,
        ],
        data,
    )
    values.run(run.session)
    doc = run.saved()
    assert doc.brainstorm is not None and len(doc.brainstorm.ideas) == 3
    assert [v.name for v in doc.values] == ["Quality", "Speed", "Kind"]
    assert doc.values[0].statement == "Get it right."  # chosen again: its work is kept


def test_ctrl_c_during_a_new_vote_keeps_the_earlier_values_work(make_run: MakeRun) -> None:
    data = seeded("Quality", "Speed")
    data["values"] = [
        {"name": "Quality", "statement": "Get it right.", "metrics": ["FCR"]},
        {"name": "Speed"},
    ]
    stopped = make_run(
        [("What now", "revote"), ("Start the rounds afresh", True), ("room", KeyboardInterrupt)],
        data,
    )
    with pytest.raises(KeyboardInterrupt):
        values.run(stopped.session)
    on_disk = stopped.saved()
    assert on_disk.values == []
    assert on_disk.brainstorm is not None
    assert [v.name for v in on_disk.brainstorm.earlier_values] == ["Quality", "Speed"]
    assert on_disk.brainstorm.earlier_values[0].metrics == ["FCR"]

    resumed = make_run(
        [
            ("room", DEFAULT),
            ("What next", "done"),
            *[("Value", DEFAULT)] * 2,
        ]
    )
    values.run(resumed.session)
    doc = resumed.saved()
    assert [v.name for v in doc.values] == ["Quality", "Speed"]
    assert (doc.values[0].statement, doc.values[0].metrics) == ("Get it right.", ["FCR"])
    assert doc.brainstorm is not None and doc.brainstorm.earlier_values == []


def test_too_many_values_written_by_hand_are_voted_down(make_run: MakeRun) -> None:
    data: dict[str, Any] = {
        "company": {"name": "Acme"},
        "values": [{"name": n} for n in ("A", "B", "C", "D", "E", "F", "G")],
    }
    run = make_run(
        [
            ("What now", DEFAULT),  # seven values: holding a vote is the default
            ("Start the rounds afresh", DEFAULT),
            ("room", "Ana"),
            ("What next", DEFAULT),  # the values are the ideas now
            ("mean the same", []),
            ("Secret ballots", DEFAULT),
            ("Votes per person", "3"),
            *ballot("Ana", ["A", "C", "E"]),
            ("Merge options", DEFAULT),
            *[("Value", DEFAULT)] * 3,
        ],
        data,
    )
    values.run(run.session)
    assert "7 values: the method keeps five or fewer" in run.screen.text()
    doc = run.saved()
    assert [v.name for v in doc.values] == ["A", "C", "E"]
    assert doc.brainstorm is not None and [i.text for i in doc.brainstorm.ideas] == list("ABCDEFG")


def test_abstaining_and_absent_people_do_not_hold_up_the_vote(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("room", DEFAULT),
            ("What next", DEFAULT),
            ("mean the same", []),
            ("Secret ballots", DEFAULT),
            ("Votes per person", "2"),
            *ballot("Ana", ["A", "B"]),
            ("Next ballot: Ben", "abstain"),
            ("Next ballot: Cem", "absent"),
            *ballot("Dan", []),  # nothing ticked: an abstention too
            ("Merge options", DEFAULT),
            *[("Value", DEFAULT)] * 2,
        ],
        seeded(*"ABCDEFG"),
    )
    values.run(run.session)
    bs = run.saved().brainstorm
    assert bs is not None
    assert [(b.by, b.options, b.no_vote) for b in bs.rounds[0].votes] == [
        ("Ana", ["A", "B"], None),
        ("Ben", [], "abstained"),
        ("Cem", [], "absent"),
        ("Dan", [], "abstained"),
    ]
    assert bs.rounds[0].kept == ["A", "B"]


def test_secret_ballots_keep_who_voted_and_the_tally_but_no_name_beside_a_pick(
    make_run: MakeRun,
) -> None:
    run = make_run(
        [
            ("room", DEFAULT),
            ("What next", DEFAULT),
            ("mean the same", []),
            ("Secret ballots", True),
            ("Votes per person", "2"),
            *ballots(VOTE_ROUND_ONE),
            ("Merge options", DEFAULT),
            ("Next ballot: Ana", KeyboardInterrupt),  # the re-vote
        ],
        seeded(*"ABCDEFG"),
    )
    with pytest.raises(KeyboardInterrupt):
        values.run(run.session)
    bs = run.saved().brainstorm
    assert bs is not None and bs.anonymous is True
    first = bs.rounds[0]
    assert [(b.by, b.options) for b in first.votes] == [(p, []) for p in ROOM]
    assert first.tally == {"A": 2, "B": 2, "C": 1, "D": 1, "E": 1, "F": 1}
    assert first.kept == ["A", "B"]
    text = run.path.read_text(encoding="utf-8")
    block = text[text.index("rounds:") :]
    for person in ROOM:  # a name is never on a line that also names an option
        for line in block.splitlines():
            if person in line:
                assert line.strip() == f"- by: {person}", line


def test_votes_per_person_can_change_mid_vote(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("room", DEFAULT),
            ("What next", DEFAULT),
            ("mean the same", []),
            ("Secret ballots", DEFAULT),
            ("Votes per person", "3"),
            *ballot("Ana", ["A", "B", "C"]),
            *ballot("Ben", ["A"]),
            ("Next ballot: Cem", "limit"),
            ("from now on", "2"),  # Ana used three: she votes again
            *ballot("Ana", ["A", "B"]),
            *ballot("Cem", ["B", "C"]),
            *ballot("Dan", ["C", "D"]),
            ("Merge options", KeyboardInterrupt),
        ],
        seeded(*"ABCDEFG"),
    )
    with pytest.raises(KeyboardInterrupt):
        values.run(run.session)
    held = run.saved().brainstorm.rounds[0]  # type: ignore[union-attr]
    assert held.votes_per_person == 2
    assert [(b.by, b.options) for b in held.votes] == [
        ("Ben", ["A"]),
        ("Ana", ["A", "B"]),
        ("Cem", ["B", "C"]),
        ("Dan", ["C", "D"]),
    ]
    assert "These ballots had more picks; they vote again:\n  • Ana" in run.screen.text()


def test_the_room_changes_mid_vote_and_back_reopens_a_ballot(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("room", DEFAULT),
            ("What next", DEFAULT),
            ("mean the same", []),
            ("Secret ballots", DEFAULT),
            ("Votes per person", "2"),
            *ballot("Ana", ["A", "B"]),
            ("Next ballot: Ben", BACK),  # Ana wants to change her ballot
            *ballot("Ana", ["A", "C"]),
            ("Next ballot: Ben", "room"),
            ("room", "Ana; Ben; Cem"),  # Dan had to leave
            *ballot("Ben", ["B", "C"]),
            *ballot("Cem", ["A", "D"]),
            ("Merge options", KeyboardInterrupt),
        ],
        seeded(*"ABCDEFG"),
    )
    with pytest.raises(KeyboardInterrupt):
        values.run(run.session)
    bs = run.saved().brainstorm
    assert bs is not None and bs.participants == ["Ana", "Ben", "Cem"]
    assert [(b.by, b.options) for b in bs.rounds[0].votes] == [
        ("Ana", ["A", "C"]),
        ("Ben", ["B", "C"]),
        ("Cem", ["A", "D"]),
    ]


def test_back_while_typing_ideas_edits_the_one_before(make_run: MakeRun) -> None:
    run = make_run(
        [
            ("room", "Ana; Ben"),
            ("What next", "type"),
            ("Idea 1", "They were quik"),
            ("Who said it", BACK),  # a typo: back to the words
            ("Idea 1", "They were quick to answer"),
            ("Who said it", "Ben"),
            ("core value", DEFAULT),
            ("Idea 2", BACK),  # back again: the core value of idea 1
            ("core value", "Speed"),
            ("Idea 2", ""),
            ("What next", "leave"),
        ]
    )
    values.run(run.session)
    bs = run.saved().brainstorm
    assert bs is not None
    assert [(i.text, i.by, i.value) for i in bs.ideas] == [
        ("They were quick to answer", "Ben", "Speed")
    ]


def test_imported_names_are_matched_to_the_room_and_asked_about_when_unsure(
    make_run: MakeRun, tmp_path: Path
) -> None:
    csv_file = tmp_path / "wall.csv"
    csv_file.write_text(
        "participant,idea\n"
        "mei,Fast\n"
        'INGRID,"Fast, friendly help"\n'
        "Jonas,Honest\n"
        "Tom,Kind\n"
        "Mei,Fair\n",
        encoding="utf-8",
    )
    run = make_run(
        [
            ("room", "Ingrid (CEO); Mei (support lead); Jonas Berg"),
            ("What next", "import"),
            ("File", str(csv_file)),
            ("names “Jonas”", DEFAULT),  # a leading name: Jonas Berg is offered
            ("names “Tom”", DEFAULT),  # nobody: a new person is offered
            ("“Fast, friendly help”", DEFAULT),
            ("What next", "leave"),
        ]
    )
    values.run(run.session)
    bs = run.saved().brainstorm
    assert bs is not None
    assert bs.participants == ["Ingrid (CEO)", "Mei (support lead)", "Jonas Berg", "Tom"]
    assert [i.by for i in bs.ideas] == [
        "Mei (support lead)",
        "Ingrid (CEO)",
        "Jonas Berg",
        "Tom",
        "Mei (support lead)",
    ]
    asked = [str(a.message) for a in run.asker.asked if "Who is that" in str(a.message)]
    assert len(asked) == 2  # mei and INGRID were sure; each name is asked about once


def test_a_reworded_value_keeps_its_core(make_run: MakeRun) -> None:
    data = seeded("Honesty", "Speed")
    data["values"] = [{"name": "Honesty"}, {"name": "Speed"}]
    run = make_run(
        [("What now", "wording"), ("Value 1", "Tell it straight"), ("Value 2", DEFAULT)], data
    )
    values.run(run.session)
    doc = run.saved()
    assert [(v.name, v.core) for v in doc.values] == [
        ("Tell it straight", "Honesty"),
        ("Speed", None),
    ]
    again = make_run([("What now", "wording"), ("Value 1", "Straight talk"), ("Value 2", DEFAULT)])
    values.run(again.session)
    assert again.saved().values[0].core == "Honesty"  # the first name stays the core


def test_a_new_vote_keeps_the_work_of_a_reworded_value(make_run: MakeRun) -> None:
    data = seeded("Honesty", "Speed")
    data["values"] = [
        {"name": "Tell it straight", "core": "Honesty", "statement": "Say it.", "metrics": ["QA"]},
        {"name": "Speed"},
    ]
    run = make_run(
        [
            ("What now", "revote"),
            ("Start the rounds afresh", True),
            ("room", DEFAULT),
            ("What next", "done"),
            *[("Value", DEFAULT)] * 2,
        ],
        data,
    )
    values.run(run.session)
    first = run.saved().values[0]
    assert (first.name, first.core, first.statement, first.metrics) == (
        "Tell it straight",
        "Honesty",
        "Say it.",
        ["QA"],
    )
