"""Step 3, values: the one question, ideas with who said them, merges, dot voting, five or fewer.

The trail (question, participants, ideas, merges, every round and ballot)
lands in `brainstorm` answer by answer; the arithmetic is in `voting`.
A session stopped anywhere carries on where it was: the phase is read from
the document, never kept in memory.
"""

from __future__ import annotations

from pathlib import Path

from cxphilo.errors import UsageError
from cxphilo.model import Ballot, Brainstorm, Idea, Merge, Philosophy, Round, Value

from . import voting
from .asker import Choice, Table
from .ideas import read_ideas
from .lexicon import is_statement, suggest_value
from .session import Session, join_list, split_list

QUESTION = "What do we want customers to think when they think of our service experience?"
NOBODY = "\x00nobody"
SOMEONE_ELSE = "\x00someone-else"
TYPE, IMPORT, FIX, REMOVE, DONE, LEAVE = "type", "import", "fix", "remove", "done", "leave"
KEEP, WORDING, REVOTE = "keep", "wording", "revote"
LONG_LIST = 12
BACK = Choice("← Back, change nothing", None)


def run(session: Session) -> None:
    """Run step 3 from wherever the trail stands, saving after each answer."""
    doc = session.doc
    bs = doc.brainstorm = doc.brainstorm or Brainstorm()
    if not bs.question:
        bs.question = QUESTION
        session.save()
    session.note(bs.question, "question")
    if doc.values and _revisit(session) is None:
        return
    if not bs.rounds:
        _participants(session)
        if not _collect_ideas(session):
            return
        options = voting.progress(bs).options
        if len(options) > voting.MAX_VALUES:
            _merge(session, list(options), "Before voting: do any of these mean the same?")
    final = _vote(session)
    if final:
        _adopt(session, final)


# --- participants and ideas ---------------------------------------------------------------


def _participants(session: Session) -> None:
    bs = _bs(session)

    def at_least_one(answer: str) -> bool | str:
        return True if split_list(answer) else "Type at least one name (separate names with ;)."

    answer = session.text(
        "Who is in the room?",
        default=join_list(bs.participants),
        validate=at_least_one,
        instruction="(names, separated by ;)",
    )
    bs.participants = split_list(answer)
    session.save()


def _collect_ideas(session: Session) -> bool:
    """The ideas menu; returns False when the team stops without any idea."""
    bs = _bs(session)
    while True:
        if bs.ideas:
            session.show(_ideas_table(bs))
        menu = [Choice("Type ideas one by one", TYPE), Choice("Import ideas from a file", IMPORT)]
        if bs.ideas:
            menu += [
                Choice("Change the core value of an idea", FIX),
                Choice("Remove an idea", REMOVE),
                Choice("Done: go on to the vote", DONE),
            ]
        menu.append(Choice("Leave this step for now", LEAVE))
        action = session.select(
            f"Ideas so far: {len(bs.ideas)}. What next?",
            menu,
            default=DONE if bs.ideas else TYPE,
        )
        if action == TYPE:
            _type_ideas(session)
        elif action == IMPORT:
            _import_ideas(session)
        elif action == FIX:
            _fix_idea(session)
        elif action == REMOVE:
            _remove_idea(session)
        else:
            return bool(action == DONE)


def _type_ideas(session: Session) -> None:
    bs = _bs(session)
    while True:
        text = session.text(
            f"Idea {len(bs.ideas) + 1}",
            instruction="(what customers should think; Enter on an empty line when done)",
        )
        if not text:
            return
        bs.ideas = [*bs.ideas, Idea(text=text)]
        session.save()
        idea = bs.ideas[-1]
        idea.by = _who(session, _next_speaker(bs))
        session.save()
        _translate(session, idea)


def _next_speaker(bs: Brainstorm) -> str | None:
    """Go round the room: the one after whoever spoke last."""
    if not bs.participants:
        return None
    last = next((idea.by for idea in reversed(bs.ideas[:-1]) if idea.by), None)
    if last in bs.participants:
        return bs.participants[(bs.participants.index(last) + 1) % len(bs.participants)]
    return bs.participants[0]


def _who(session: Session, default: str | None) -> str | None:
    bs = _bs(session)
    choices = [Choice(p, p) for p in bs.participants]
    choices += [Choice("Someone else…", SOMEONE_ELSE), Choice("Nobody in particular", NOBODY)]
    who = session.select("Who said it?", choices, default=default)
    if who == NOBODY:
        return None
    if who == SOMEONE_ELSE:
        name = session.required("Their name")
        if not any(voting.same(name, p) for p in bs.participants):
            bs.participants = [*bs.participants, name]
        return name
    return str(who)


def _translate(session: Session, idea: Idea) -> None:
    """A sentence gets a suggested core value; the team accepts it or types its own."""
    if not is_statement(idea.text):
        return
    suggestion = idea.value or suggest_value(idea.text, session.language)
    hint = (
        f"(suggested: {suggestion}. Enter accepts; or type your own)"
        if suggestion
        else "(a word or two; Enter keeps the sentence as the option)"
    )
    value = session.text(
        f"Which core value does “{idea.text}” express?", default=suggestion, instruction=hint
    )
    idea.value = value or None
    session.save()


def _import_ideas(session: Session) -> None:
    bs = _bs(session)
    answer = session.text(
        "File with the ideas",
        instruction="(text: one idea per line; CSV with participant and idea columns; "
        "Enter to go back)",
    )
    if not answer:
        return
    try:
        imported = read_ideas(Path(answer).expanduser())
    except UsageError as exc:
        session.note(f"{exc.message}" + (f" — {exc.hint}" if exc.hint else ""), "warning")
        return
    if not imported:
        session.note(f"No ideas found in {answer}.", "warning")
        return
    people = list(bs.participants)
    for item in imported:
        if item.by and not any(voting.same(item.by, p) for p in people):
            people.append(item.by)
    start = len(bs.ideas)
    bs.participants = people
    bs.ideas = [*bs.ideas, *(Idea(text=i.text, by=i.by) for i in imported)]
    session.save()
    session.note(f"Imported {len(imported)} ideas from {answer}.", "done")
    for idea in bs.ideas[start:]:
        _translate(session, idea)


def _fix_idea(session: Session) -> None:
    bs = _bs(session)
    index = session.select(
        "Which idea?",
        [Choice(f"{i.text}  →  {i.value or '(as it is)'}", n) for n, i in enumerate(bs.ideas)]
        + [BACK],
    )
    if index is None:
        return
    idea = bs.ideas[index]
    value = session.text(
        f"Core value of “{idea.text}”",
        default=idea.value or suggest_value(idea.text, session.language),
        instruction="(empty: the sentence itself is the option)",
    )
    idea.value = value or None
    session.save()


def _remove_idea(session: Session) -> None:
    bs = _bs(session)
    index = session.select(
        "Remove which idea?", [Choice(i.text, n) for n, i in enumerate(bs.ideas)] + [BACK]
    )
    if index is None:
        return
    bs.ideas = [i for n, i in enumerate(bs.ideas) if n != index]
    session.save()


def _ideas_table(bs: Brainstorm) -> Table:
    rows = tuple(
        (str(n), idea.text, idea.by or "—", voting.canonical(voting.idea_option(idea), bs.merges))
        for n, idea in enumerate(bs.ideas, start=1)
    )
    options = voting.options_from_ideas(bs.ideas, bs.merges)
    return Table(
        "Ideas",
        ("#", "Idea", "Said by", "Option on the vote"),
        rows,
        caption=f"{len(options)} distinct options",
    )


# --- merging --------------------------------------------------------------------------------


def _merge(session: Session, options: list[str], message: str) -> list[str]:
    """Merge options that mean the same; returns the options after the merges."""
    bs = _bs(session)
    while len(options) > 1:
        picked = session.checkbox(
            message,
            [Choice(o, o) for o in options],
            instruction="(tick two or more to merge them; Enter with none ticked to go on)",
        )
        if not picked:
            break
        if len(picked) == 1:
            session.note("Tick at least two options to merge them.", "warning")
            continue
        into = session.select(
            "Keep which name for the merged option?",
            [*(Choice(p, p) for p in picked), Choice("A new name…", SOMEONE_ELSE)],
        )
        if into == SOMEONE_ELSE:
            into = session.required("Name of the merged option")
        merged = [p for p in picked if not voting.same(p, into)]
        bs.merges = [*bs.merges, Merge(into=into, merged=merged)]
        session.save()
        options = voting.distinct(voting.canonical(o, bs.merges) for o in options)
        session.note(f"Merged {', '.join(merged)} into {into}.", "done")
    return options


# --- voting ----------------------------------------------------------------------------------


def _vote(session: Session) -> list[str]:
    """Rounds until five or fewer remain; returns them (empty if stopped without a result)."""
    bs = _bs(session)
    announced = False
    while True:
        state = voting.progress(bs)
        if state.finished:
            if not bs.rounds:
                session.note(
                    f"{len(state.options)} options: five or fewer, so no vote is needed.", "done"
                )
            return list(state.options)
        if not announced:
            session.note(
                "Dot voting: each person ticks the options they want to keep. Tallies stay "
                "hidden until everyone has voted.",
                "info",
            )
            announced = True
        if state.open_round is None:
            _open_round(session, list(state.options))
            continue
        held = bs.rounds[state.open_round]
        _ballots(session, held, state.open_round)
        _close(session, held, state.open_round)


def _open_round(session: Session, options: list[str]) -> None:
    bs = _bs(session)
    number = len([r for r in bs.rounds if not r.revote]) + 1
    if len(options) > LONG_LIST:
        session.note(
            f"{len(options)} options is a long list: votes split. Merging more first helps.",
            "warning",
        )
    limit = len(options) - 1

    def check(answer: str) -> bool | str:
        text = answer.strip()
        if not text:
            return True
        if not text.isdigit() or not 1 <= int(text) <= limit:
            return f"Type a number from 1 to {limit}."
        return True

    suggested = voting.default_votes(len(options))
    answer = session.text(
        f"Round {number}: {len(options)} options. Votes per person?",
        default=str(suggested),
        validate=check,
        instruction=f"(a third of the options is {suggested})",
    )
    votes = int(answer) if answer else suggested
    bs.rounds = [*bs.rounds, Round(options=options, votes_per_person=votes)]
    session.save()


def _ballots(session: Session, held: Round, index: int) -> None:
    bs = _bs(session)
    kind = "Re-vote among the tied" if held.revote else f"Round {_round_number(bs, index)}"
    while missing := voting.missing_voters(bs.participants, held.votes):
        voted = [b.by for b in held.votes]
        session.note(
            f"{kind} · voted: {', '.join(voted) or 'nobody yet'} · "
            f"still to vote: {', '.join(missing)}",
            "info",
        )
        person = missing[0]
        n = held.votes_per_person
        options = list(held.options)

        def check(picked: list[str], options: list[str] = options, n: int = n) -> bool | str:
            problem = voting.check_ballot(picked, options, n)
            return problem or True

        picked = session.checkbox(
            f"{person}: pick up to {n} option{'s' if n != 1 else ''}",
            [Choice(o, o) for o in options],
            validate=check,
            instruction="(space ticks, Enter casts the vote)",
            secret=True,
        )
        held.votes = [*held.votes, Ballot(by=person, options=picked)]
        session.save()


def _round_number(bs: Brainstorm, index: int) -> int:
    return len([r for r in bs.rounds[: index + 1] if not r.revote])


def _close(session: Session, held: Round, index: int) -> None:
    bs = _bs(session)
    counts = voting.tally(held.options, held.votes, bs.merges)
    session.show(_tally_table(counts, "Everyone has voted: the tally"))
    if (
        not held.revote
        and len(counts) > 2
        and session.confirm("Merge options that mean the same? Their votes add up.", default=False)
    ):
        _merge(session, list(counts), "Which options mean the same?")
        counts = voting.tally(held.options, held.votes, bs.merges)
        session.show(_tally_table(counts, "The tally after merging"))
    result, revote = voting.close_round(held, bs.merges)
    if revote is not None and held.revote and _facilitator_decides(session, result):
        chosen = session.checkbox(
            f"Which {result.slots} of the tied go through?",
            [Choice(o, o) for o in result.tied],
            validate=lambda picked: (
                True if len(picked) == result.slots else f"Tick exactly {result.slots}."
            ),
        )
        voting.settle(held, chosen)
        revote = None
    bs.rounds = [*bs.rounds, revote] if revote is not None else list(bs.rounds)
    session.save()
    through = ", ".join(held.kept) or "none for sure"
    if revote is not None:
        session.note(
            f"Through: {through}. Tied at the cut: {', '.join(revote.options)} — "
            f"a re-vote among them decides {revote.votes_per_person} place"
            f"{'s' if revote.votes_per_person != 1 else ''}.",
            "warning",
        )
    else:
        session.note(f"Through: {through}.", "done")


def _facilitator_decides(session: Session, result: voting.Cut) -> bool:
    answer = session.select(
        f"Still tied: {', '.join(result.tied)}. How to settle it?",
        [
            Choice("Re-vote among them once more", "again"),
            Choice("The room agrees now, and I tick who goes through", "decide"),
        ],
    )
    return bool(answer == "decide")


def _tally_table(counts: dict[str, int], title: str) -> Table:
    rows = tuple((o, str(counts[o])) for o in voting.ranked(counts))
    return Table(title, ("Option", "Votes"), rows)


# --- the chosen values --------------------------------------------------------------------------


def _adopt(session: Session, final: list[str]) -> None:
    """The options that went through become the document's values, then get their wording.

    A value chosen again gets back the statement and metrics it had before the re-vote.
    """
    doc = session.doc
    bs = _bs(session)
    known = {voting.key(v.name): v for v in [*bs.earlier_values, *doc.values]}
    doc.values = [known.get(voting.key(o)) or Value(name=o) for o in final]
    bs.earlier_values = []
    session.save()
    session.show(Table("The chosen values", ("#", "Value"), _value_rows(doc)))
    _wording(session)


def _wording(session: Session) -> None:
    doc = session.doc
    session.note(
        "Final wording: make each value memorable and your own, ideally with a verb "
        "(Zappos: “Deliver WOW”). Enter keeps it as it is.",
        "info",
    )
    for index in range(len(doc.values)):
        old = doc.values[index].name
        new = session.required(f"Value {index + 1} of {len(doc.values)}", default=old)
        if new != old:
            rename_value(doc, old, new)
            session.save()


def _revisit(session: Session) -> bool | None:
    """The values are chosen already: keep them, reword them, or vote again.

    True when the team votes again: the chosen values move to
    `brainstorm.earlier_values` (saved, so a stop during the vote loses nothing)
    and a value chosen again gets its statement and metrics back. None otherwise.
    """
    doc = session.doc
    session.show(Table("The chosen values", ("#", "Value"), _value_rows(doc)))
    too_many = len(doc.values) > voting.MAX_VALUES
    if too_many:
        session.note(
            f"{len(doc.values)} values: the method keeps five or fewer. A vote cuts them down.",
            "warning",
        )
    action = session.select(
        "The team chose these values. What now?",
        [
            Choice("Keep them and go on", KEEP),
            Choice("Change their wording", WORDING),
            Choice("Hold the vote again (ideas stay; the rounds start afresh)", REVOTE),
        ],
        default=REVOTE if too_many else KEEP,
    )
    if action == WORDING:
        _wording(session)
    if action != REVOTE or not session.confirm(
        "Start the rounds afresh? A value the new vote chooses again keeps its action "
        "statement and metrics.",
        default=True,
    ):
        return None
    bs = _bs(session)
    if not bs.ideas:  # values written by hand: they are the options
        bs.ideas = [Idea(text=v.name) for v in doc.values]
    bs.rounds = []
    bs.earlier_values = [*bs.earlier_values, *doc.values]
    doc.values = []
    session.save()
    return True


def _value_rows(doc: Philosophy) -> tuple[tuple[str, str], ...]:
    return tuple((str(n), v.name) for n, v in enumerate(doc.values, start=1))


def rename_value(doc: Philosophy, old: str, new: str) -> None:
    """Rename a value everywhere the document refers to it by name."""
    for value in doc.values:
        if value.name == old:
            value.name = new
    if doc.hiring:
        for item in doc.hiring.rubric:
            if item.value == old:
                item.value = new
    if doc.listening:
        for question in doc.listening.survey:
            if question.value == old:
                question.value = new
        for reading in doc.listening.interpretations:
            if reading.value == old:
                reading.value = new


def _bs(session: Session) -> Brainstorm:
    bs = session.doc.brainstorm
    assert bs is not None  # set at the start of the step
    return bs
