"""Dot voting for step 3, as pure arithmetic over the values trail.

The trail in `brainstorm` is the only state: which options are in play, whose
ballots are in, which round was cut where. Everything the workshop needs to
resume a vote half-way is computed from it here, so that a session stopped
after any single answer carries on exactly where it was.

Rules (from the facilitation guides the method follows):
- each participant gets a fixed number of votes, one per option; the default
  is a third of the options; a participant may abstain, or be marked absent;
- in a secret round (`brainstorm.anonymous`) a ballot names only who voted, and
  the picks go straight into the round's tally;
- tallies stay hidden until every participant has voted;
- options merged into another one give it their votes;
- a round lets half the options through, never fewer than five;
- options tied at the cut line go to a re-vote among themselves;
- rounds repeat until five or fewer remain.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cxphilo.document.model import Ballot, Brainstorm, Idea, Merge, Round
from cxphilo.locale import Words, words
from cxphilo.vocabulary import MAX_VALUES


def key(option: str) -> str:
    """How options are compared: case and spacing do not make a different option."""
    return " ".join(option.casefold().split())


def same(a: str, b: str) -> bool:
    """True when two names are the same option."""
    return key(a) == key(b)


def canonical(option: str, merges: Sequence[Merge]) -> str:
    """The option `option` stands for after the merges (followed through chains)."""
    current = option
    seen = {key(current)}
    changed = True
    while changed:
        changed = False
        for merge in merges:
            if any(same(current, merged) for merged in merge.merged) and not same(
                current, merge.into
            ):
                current = merge.into
                if key(current) in seen:  # a merge loop typed by hand: stop, do not spin
                    return current
                seen.add(key(current))
                changed = True
                break
    return current


def idea_option(idea: Idea) -> str:
    """What an idea puts to the vote: its core value, or its own words when it has none."""
    return (idea.value or idea.text).strip()


def distinct(options: Iterable[str]) -> list[str]:
    """The options without repeats, first spelling and order kept."""
    seen: set[str] = set()
    out: list[str] = []
    for option in options:
        if key(option) not in seen:
            seen.add(key(option))
            out.append(option)
    return out


def options_from_ideas(ideas: Sequence[Idea], merges: Sequence[Merge]) -> list[str]:
    """The options before any vote: every idea's value, merged, without repeats."""
    return distinct(canonical(idea_option(idea), merges) for idea in ideas)


def default_votes(n_options: int) -> int:
    """Votes per person when the facilitator does not choose: a third of the options."""
    if n_options <= 2:
        return 1
    return max(1, min(n_options - 1, round(n_options / 3)))


def keep_count(n_options: int) -> int:
    """How many options a round lets through: half of them, never fewer than five."""
    return min(n_options, max(MAX_VALUES, math.ceil(n_options / 2)))


def tally(
    options: Sequence[str],
    ballots: Sequence[Ballot],
    merges: Sequence[Merge],
    secret: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """Votes per option after merges, in the options' order.

    A vote for an option that was merged into another counts for the one it
    was merged into; a vote for something not in the round does not count.
    `secret` is a secret round's tally, counted the same way.
    """
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for option in options:
        name = canonical(option, merges)
        if key(name) not in names:
            names[key(name)] = name
            counts[name] = 0
    for ballot in ballots:
        for choice in ballot.options:
            counted = names.get(key(canonical(choice, merges)))
            if counted is not None:
                counts[counted] += 1
    for choice, votes in (secret or {}).items():
        counted = names.get(key(canonical(choice, merges)))
        if counted is not None:
            counts[counted] += votes
    return counts


@dataclass(frozen=True)
class Cut:
    """Where a round's cut line fell."""

    kept: tuple[str, ...]  # through for sure
    tied: tuple[str, ...]  # tied at the cut line: a re-vote among them decides
    slots: int  # how many of the tied go through
    dropped: tuple[str, ...]

    @property
    def needs_revote(self) -> bool:
        return bool(self.tied)


def ranked(counts: Mapping[str, int]) -> list[str]:
    """Options from most votes to fewest; equal counts keep their order."""
    order = list(counts)
    return sorted(order, key=lambda option: (-counts[option], order.index(option)))


def cut(counts: Mapping[str, int], keep: int) -> Cut:
    """Let the `keep` options with most votes through; an option without votes never goes.

    When the last place is shared, the options sharing it are `tied` and
    `slots` of them go through after a re-vote.
    """
    order = ranked(counts)
    voted = [option for option in order if counts[option] > 0]
    if len(voted) <= keep:
        return Cut(tuple(voted), (), 0, tuple(o for o in order if o not in voted))
    line = counts[voted[keep - 1]]
    if counts[voted[keep]] < line:
        kept = voted[:keep]
        return Cut(tuple(kept), (), 0, tuple(o for o in order if o not in kept))
    sure = [option for option in voted if counts[option] > line]
    tied = [option for option in voted if counts[option] == line]
    dropped = [option for option in order if counts[option] < line]
    return Cut(tuple(sure), tuple(tied), keep - len(sure), tuple(dropped))


def missing_voters(participants: Sequence[str], ballots: Sequence[Ballot]) -> list[str]:
    """Participants whose ballot is not in yet, in the order of the list.

    An abstention or an absence is in: the vote does not wait for it.
    """
    voted = {key(ballot.by) for ballot in ballots}
    return [person for person in participants if key(person) not in voted]


def check_ballot(
    choices: Sequence[str], options: Sequence[str], votes: int, t: Words | None = None
) -> str | None:
    """Why a ballot is not valid, or None when it is (no pick at all is an abstention).

    The reason is in `t`'s words (English when no language is given).
    """
    t = t or words("en")
    if len(choices) > votes:
        return t.plural(
            "Each person has {count} vote; {picked} picked.",
            "Each person has {count} votes; {picked} picked.",
            votes,
            picked=len(choices),
        )
    if len({key(c) for c in choices}) != len(choices):
        return t("One vote per option.")
    unknown = [c for c in choices if not any(same(c, o) for o in options)]
    if unknown:
        # The options are the team's own words, listed as the language lists them.
        return t("Not an option in this round: {options}", options=t(", ").join(unknown))
    return None


@dataclass(frozen=True)
class Progress:
    """Where the vote stands, computed from the trail alone."""

    options: tuple[str, ...]  # the options in play (of the open round, or surviving)
    open_round: int | None  # index of the round waiting for ballots or its cut
    rounds_held: int

    @property
    def finished(self) -> bool:
        """Five or fewer options remain and no round is waiting."""
        return self.open_round is None and len(self.options) <= MAX_VALUES


def progress(brainstorm: Brainstorm) -> Progress:
    """Replay the trail: the open round, or the options that survived the last cut.

    A round is decided once it has a cut (`kept`) or a later round follows it
    (a cut where everything tied keeps nothing for sure and is followed by
    its re-vote). A re-vote adds the options it let through to those its
    round kept for sure.
    """
    survivors = options_from_ideas(brainstorm.ideas, brainstorm.merges)
    rounds = brainstorm.rounds
    for index, held in enumerate(rounds):
        decided = bool(held.kept) or index + 1 < len(rounds)
        if not decided:
            return Progress(tuple(held.options), index, len(rounds))
        # A re-vote adds to what its round kept for sure; a regular round starts afresh.
        survivors = distinct([*survivors, *held.kept]) if held.revote else list(held.kept)
    return Progress(tuple(survivors), None, len(rounds))


def close_round(held: Round, merges: Sequence[Merge]) -> tuple[Cut, Round | None]:
    """Cut a round whose ballots are all in: set its `kept`; a tie opens a re-vote.

    Returns the cut and the re-vote round to append (None without a tie).
    A re-vote's cut line is its number of votes per person, the places left.
    """
    counts = tally(held.options, held.votes, merges, held.tally)
    keep = held.votes_per_person if held.revote else keep_count(len(counts))
    result = cut(counts, keep)
    held.kept = list(result.kept)
    if not result.needs_revote:
        return result, None
    return result, Round(options=list(result.tied), votes_per_person=result.slots, revote=True)


def record_ballot(held: Round, person: str, picked: Sequence[str], secret: bool) -> None:
    """Put `person`'s ballot into the round: in a secret round only that they voted, and
    the picks into the tally; nothing picked is an abstention."""
    if secret:
        counts = dict(held.tally)
        for option in picked:
            counts[option] = counts.get(option, 0) + 1
        held.votes = [*held.votes, Ballot(by=person)]
        held.tally = counts
    else:
        ballot = Ballot(by=person, options=list(picked)) if picked else None
        held.votes = [*held.votes, ballot or Ballot(by=person, no_vote="abstained")]


def most_picks(held: Round) -> int:
    """The most options any ballot of the round picked (0 in a secret round: unknown)."""
    return max((len(b.options) for b in held.votes), default=0)


def settle(held: Round, chosen: Sequence[str]) -> None:
    """The facilitator settles a re-vote that tied again by choosing who goes through."""
    held.kept = distinct([*held.kept, *chosen])
