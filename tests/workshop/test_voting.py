"""Dot-voting arithmetic: merges, tallies, the cut line, ties, and replaying the trail."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxphilo.document.model import Ballot, Brainstorm, Idea, Merge, Round
from cxphilo.workshop import voting


def ballots(**votes: list[str]) -> list[Ballot]:
    return [Ballot(by=name, options=options) for name, options in votes.items()]


# --- merges and options --------------------------------------------------------------------


def test_canonical_follows_merges_ignoring_case_and_spacing() -> None:
    merges = [Merge(into="Speed", merged=["quick", "Fast  replies"])]
    assert voting.canonical("Quick", merges) == "Speed"
    assert voting.canonical("fast replies", merges) == "Speed"
    assert voting.canonical("Honesty", merges) == "Honesty"


def test_canonical_follows_a_chain_and_stops_on_a_loop() -> None:
    chain = [Merge(into="B", merged=["A"]), Merge(into="C", merged=["B"])]
    assert voting.canonical("A", chain) == "C"
    loop = [Merge(into="B", merged=["A"]), Merge(into="A", merged=["B"])]
    assert voting.canonical("A", loop) in {"A", "B"}  # terminates


def test_options_come_from_values_or_the_idea_itself_without_repeats() -> None:
    ideas = [
        Idea(text="They told me the truth", value="Honesty"),
        Idea(text="Cheap"),
        Idea(text="No hidden costs", value="honesty"),
        Idea(text="They were fast", value="Speed"),
        Idea(text="Quick replies", value="Quick"),
    ]
    merges = [Merge(into="Speed", merged=["Quick"])]
    assert voting.options_from_ideas(ideas, merges) == ["Honesty", "Cheap", "Speed"]


@pytest.mark.parametrize(
    ("n", "votes"), [(1, 1), (2, 1), (3, 1), (6, 2), (7, 2), (9, 3), (12, 4), (20, 7)]
)
def test_default_votes_is_a_third_of_the_options(n: int, votes: int) -> None:
    assert voting.default_votes(n) == votes


@pytest.mark.parametrize(("n", "keep"), [(4, 4), (6, 5), (10, 5), (11, 6), (12, 6), (20, 10)])
def test_a_round_keeps_half_but_never_fewer_than_five(n: int, keep: int) -> None:
    assert voting.keep_count(n) == keep


# --- tally and cut ---------------------------------------------------------------------------


def test_tally_adds_the_votes_of_merged_options_and_ignores_strangers() -> None:
    options = ["Speed", "Quick", "Honesty"]
    votes = ballots(ana=["Speed", "Honesty"], ben=["quick"], cem=["Quick", "Cheap"])
    merges = [Merge(into="Speed", merged=["Quick"])]
    assert voting.tally(options, votes, merges) == {"Speed": 3, "Honesty": 1}


def test_cut_without_a_tie_keeps_the_top() -> None:
    counts = {"A": 5, "B": 4, "C": 3, "D": 3, "E": 2, "F": 1, "G": 0}
    result = voting.cut(counts, 5)
    assert result.kept == ("A", "B", "C", "D", "E")
    assert result.tied == ()
    assert result.dropped == ("F", "G")


def test_cut_with_a_tie_at_the_line_sends_the_tied_to_a_revote() -> None:
    counts = {"A": 5, "B": 4, "C": 3, "D": 2, "E": 2, "F": 2, "G": 1}
    result = voting.cut(counts, 5)
    assert result.kept == ("A", "B", "C")
    assert result.tied == ("D", "E", "F")
    assert result.slots == 2
    assert result.dropped == ("G",)
    assert result.needs_revote


def test_cut_never_keeps_an_option_nobody_voted_for() -> None:
    counts = {"A": 3, "B": 1, "C": 0, "D": 0, "E": 0, "F": 0, "G": 0}
    result = voting.cut(counts, 5)
    assert result.kept == ("A", "B")
    assert not result.needs_revote


def test_cut_when_everything_ties() -> None:
    counts = dict.fromkeys("ABCDEFG", 1)
    result = voting.cut(counts, 5)
    assert result.kept == ()
    assert result.tied == tuple("ABCDEFG")
    assert result.slots == 5


counts_strategy = st.dictionaries(
    st.text("ABCDEFGHIJKLMNOP", min_size=1, max_size=3), st.integers(0, 6), min_size=1, max_size=16
)


@given(counts_strategy, st.integers(1, 10))
def test_cut_splits_every_option_into_kept_tied_or_dropped(
    counts: dict[str, int], keep: int
) -> None:
    result = voting.cut(counts, keep)
    everything = [*result.kept, *result.tied, *result.dropped]
    assert sorted(everything) == sorted(counts)
    assert all(counts[o] > 0 for o in [*result.kept, *result.tied])
    if result.tied:
        line = counts[result.tied[0]]
        assert all(counts[o] == line for o in result.tied)
        assert all(counts[o] > line for o in result.kept)
        assert all(counts[o] < line for o in result.dropped)
        assert 1 <= result.slots < len(result.tied)
        assert len(result.kept) + result.slots == keep
    else:
        assert len(result.kept) <= keep
        lowest_kept = min((counts[o] for o in result.kept), default=None)
        if lowest_kept is not None:
            assert all(counts[o] <= lowest_kept for o in result.dropped)


def test_check_ballot() -> None:
    options = ["A", "B", "C"]
    assert voting.check_ballot(["A", "B"], options, 2) is None
    assert voting.check_ballot([], options, 2) is None  # nothing picked: an abstention
    assert voting.check_ballot(["A", "B", "C"], options, 2) == "Each person has 2 votes; 3 picked."
    assert voting.check_ballot(["A", "a"], options, 2) == "One vote per option."
    assert voting.check_ballot(["Z"], options, 2) == "Not an option in this round: Z"


def test_missing_voters_keeps_the_order_of_the_room() -> None:
    assert voting.missing_voters(["Ana", "Ben", "Cem"], ballots(ben=["A"])) == ["Ana", "Cem"]


# --- replaying the trail --------------------------------------------------------------------------


def seven_ideas() -> list[Idea]:
    return [Idea(text=v) for v in ("A", "B", "C", "D", "E", "F", "G")]


def test_progress_before_any_vote() -> None:
    state = voting.progress(Brainstorm(ideas=seven_ideas()))
    assert state.options == tuple("ABCDEFG")
    assert state.open_round is None
    assert not state.finished


def test_progress_with_five_ideas_is_finished_without_a_vote() -> None:
    state = voting.progress(Brainstorm(ideas=seven_ideas()[:5]))
    assert state.finished
    assert state.rounds_held == 0


def test_progress_finds_the_open_round_and_then_its_result() -> None:
    bs = Brainstorm(
        participants=["ana", "ben"],
        ideas=seven_ideas(),
        rounds=[Round(options=list("ABCDEFG"), votes_per_person=2, votes=ballots(ana=["A", "B"]))],
    )
    assert voting.progress(bs).open_round == 0
    held = bs.rounds[0]
    held.votes = [*held.votes, *ballots(ben=["A", "C"])]
    _result, revote = voting.close_round(held, bs.merges)
    assert held.kept == ["A", "B", "C"]
    assert revote is None
    state = voting.progress(bs)
    assert state.open_round is None
    assert state.options == ("A", "B", "C")
    assert state.finished


def test_a_tie_opens_a_revote_and_its_winners_join_the_sure_ones() -> None:
    options = list("ABCDEFGH")
    held = Round(
        options=options,
        votes_per_person=3,
        votes=ballots(
            ana=["A", "B", "C"], ben=["A", "B", "D"], cem=["A", "C", "E"], dan=["B", "F", "G"]
        ),
    )
    # A 3, B 3, C 2, then D E F G 1 each: the fifth place is shared by four.
    _result, revote = voting.close_round(held, [])
    assert held.kept == ["A", "B", "C"]
    assert revote is not None
    assert revote.revote is True
    assert revote.options == ["D", "E", "F", "G"]
    assert revote.votes_per_person == 2
    bs = Brainstorm(participants=["ana", "ben", "cem", "dan"], ideas=[], rounds=[held, revote])
    assert voting.progress(bs).open_round == 1
    revote.votes = ballots(ana=["D", "E"], ben=["D", "F"], cem=["E", "D"], dan=["G", "E"])
    _result2, again = voting.close_round(revote, [])
    assert again is None
    assert revote.kept == ["D", "E"]
    state = voting.progress(bs)
    assert state.options == ("A", "B", "C", "D", "E")
    assert state.finished


def test_too_few_votes_to_reach_the_line_keeps_what_got_votes() -> None:
    held = Round(options=list("ABCDEFG"), votes_per_person=1, votes=ballots(a=["A"], b=["B"]))
    _result, revote = voting.close_round(held, [])
    assert held.kept == ["A", "B"]
    assert revote is None


def test_a_round_where_everything_tied_is_decided_by_the_revote_that_follows() -> None:
    everyone = ballots(**{c: [c] for c in "ABCDEFG"})
    held = Round(options=list("ABCDEFG"), votes_per_person=1, votes=everyone)
    _result, revote = voting.close_round(held, [])
    assert held.kept == []
    assert revote is not None
    assert revote.options == list("ABCDEFG")
    assert revote.votes_per_person == 5
    bs = Brainstorm(participants=list("ABCDEFG"), ideas=seven_ideas(), rounds=[held, revote])
    # The empty `kept` of round 1 does not make it look open: its re-vote follows.
    assert voting.progress(bs).open_round == 1


def test_settle_adds_the_facilitators_choice() -> None:
    held = Round(options=["A", "B", "C"], votes_per_person=2, kept=["A"], revote=True)
    voting.settle(held, ["C"])
    assert held.kept == ["A", "C"]


@settings(max_examples=60, deadline=None)
@given(st.integers(6, 16), st.integers(1, 6), st.integers(0, 10_000))
def test_voting_always_ends_with_five_or_fewer(n_options: int, n_people: int, seed: int) -> None:
    """Random rooms, random ballots: rounds and re-votes always converge to at most five."""
    rng = random.Random(seed)
    people = [f"p{i}" for i in range(n_people)]
    bs = Brainstorm(participants=people, ideas=[Idea(text=f"option {i}") for i in range(n_options)])
    for _ in range(200):
        state = voting.progress(bs)
        if state.finished:
            break
        if state.open_round is None:
            opts = list(state.options)
            bs.rounds = [
                *bs.rounds,
                Round(options=opts, votes_per_person=voting.default_votes(len(opts))),
            ]
            continue
        held = bs.rounds[state.open_round]
        held.votes = [
            Ballot(
                by=p,
                options=rng.sample(held.options, min(held.votes_per_person, len(held.options))),
            )
            for p in people
        ]
        result, revote = voting.close_round(held, bs.merges)
        if revote is not None and held.revote and rng.random() < 0.5:
            voting.settle(held, result.tied[: result.slots])
            revote = None
        if revote is not None:
            bs.rounds = [*bs.rounds, revote]
    state = voting.progress(bs)
    assert state.finished
    assert 1 <= len(state.options) <= 5
