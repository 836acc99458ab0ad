"""Step 3, values: the one question, ideas with who said them, merges, dot voting, five or fewer.

The trail (question, participants, ideas, merges, every round and ballot)
lands in `brainstorm` answer by answer; the arithmetic is in `voting`.
A session stopped anywhere carries on where it was: the phase is read from
the document, never kept in memory.
"""

from __future__ import annotations

from pathlib import Path

from cxphilo.document.model import Ballot, Brainstorm, Idea, Merge, Philosophy, Round, Value
from cxphilo.errors import UsageError
from cxphilo.locale import N_, Words
from cxphilo.vocabulary import MAX_VALUES

from . import people, phones, voting
from .answers import Refused, clean, join_list, split_list
from .asker import JUMP_KEY, Choice, GoBack, JumpTo, Private, Table
from .ideas import ImportedIdea, read_ideas
from .session import Session
from .suggestions import is_statement, suggest_value

# Written into the document, in its own language, as the prompt the ideas answer.
QUESTION = N_("What do we want customers to think when they think of our service experience?")
NOBODY = "\x00nobody"
SOMEONE_ELSE = "\x00someone-else"
TYPE, IMPORT, FIX, REMOVE, DONE, LEAVE = "type", "import", "fix", "remove", "done", "leave"
ROOM = "room"
PHONES = "phones"
UNSEAT = "unseat"
VOTE, ABSTAIN, ABSENT, LIMIT, REDO = "vote", "abstain", "absent", "limit", "redo"
NEW_PERSON = "\x00new"
KEEP, WORDING, REVOTE = "keep", "wording", "revote"
LONG_LIST = 12
BACK = Choice(N_("← Back, change nothing"), None)


def run(session: Session) -> None:
    """Run step 3 from wherever the trail stands, saving after each answer."""
    doc = session.doc
    bs = doc.brainstorm = doc.brainstorm or Brainstorm()
    if not bs.question:
        bs.question = session.content(QUESTION)
        session.save()
    session.note(bs.question, "question")
    if doc.values and _revisit(session) is None:
        return
    if not bs.rounds:
        _participants(session)
        if not _collect_ideas(session):
            return
        options = voting.progress(bs).options
        if len(options) > MAX_VALUES:
            _merge(
                session, list(options), session.t("Before voting: do any of these mean the same?")
            )
    final = _vote(session)
    if final:
        _adopt(session, final)


# --- participants and ideas ---------------------------------------------------------------


def _participants(session: Session) -> None:
    """Who is in the room: asked before the ideas, and whenever the room changes."""
    bs = _bs(session)
    t = session.t

    def check(answer: str) -> bool | str:
        try:
            names = split_list(answer)
        except Refused as exc:
            return t.say(exc.text)
        return people.check_room(names, t) or True

    offered = list(bs.participants)
    if session.room is not None:  # the phones that joined are in the room too
        offered += people.newcomers([seat.name for seat in session.room.joined()], offered)
    answer = session.text(
        t("Who is in the room?"),
        default=join_list(offered),
        validate=check,
        instruction=t("(names, separated by ;  a role in brackets is fine: Mei (support lead))"),
    )
    names = split_list(answer)
    gone = [p for p in bs.participants if not any(people.same_person(p, n) for n in names)]
    bs.participants = names
    session.save()
    if gone and bs.rounds:
        session.note(
            t("No longer in the room; a ballot they cast stays counted:"), "info", items=gone
        )


def _collect_ideas(session: Session) -> bool:
    """The ideas menu; returns False when the team stops without any idea."""
    bs = _bs(session)
    t = session.t
    while True:
        if bs.ideas:
            session.show(_ideas_table(bs, t))
        menu = [
            Choice(t("Type ideas one by one"), TYPE),
            Choice(t("Import ideas from a file"), IMPORT),
        ]
        if session.room is not None:
            menu.insert(0, Choice(t("Take ideas from the phones"), PHONES))
        if bs.ideas:
            menu += [
                Choice(t("Change the core value of an idea"), FIX),
                Choice(t("Remove an idea"), REMOVE),
                Choice(t("Done: go on to the vote"), DONE),
            ]
        menu.append(Choice(t("Change who is in the room"), ROOM))
        if session.room is not None:
            menu.append(Choice(t("Take a phone out of the room"), UNSEAT))
        menu.append(Choice(t("Leave this step for now"), LEAVE))
        action = session.select(
            t("Ideas so far: {count}. What next?", count=len(bs.ideas)),
            menu,
            default=DONE if bs.ideas else (PHONES if session.room is not None else TYPE),
        )
        if action == PHONES:
            _phone_ideas(session)
        elif action == TYPE:
            _type_ideas(session)
        elif action == IMPORT:
            _import_ideas(session)
        elif action == FIX:
            _fix_idea(session)
        elif action == REMOVE:
            _remove_idea(session)
        elif action == ROOM:
            _participants(session)
        elif action == UNSEAT:
            phones.remove_phone(session)
        else:
            return bool(action == DONE)


def _phone_ideas(session: Session) -> None:
    """Everyone writes at once on their phone; then each new sentence gets its core value."""
    bs = _bs(session)
    start = len(bs.ideas)
    phones.collect_ideas(session)
    for idea in bs.ideas[start:]:
        if not idea.value:
            _translate(session, idea)


def _type_ideas(session: Session) -> None:
    """Ideas one by one: the words, who said it, the core value. Ctrl-B goes back a question."""
    bs = _bs(session)
    index, stage = len(bs.ideas), "text"
    while True:
        try:
            if stage == "text":
                if not _idea_text(session, index):
                    return
                stage = "who"
            elif stage == "who":
                idea = bs.ideas[index]
                idea.by = _who(session, idea.by or _next_speaker(bs, index))
                session.save()
                stage = "value"
            else:
                _translate(session, bs.ideas[index], navigable=True)
                index, stage = index + 1, "text"
        except GoBack:
            if stage == "who":
                stage = "text"
            elif stage == "value":
                stage = "who"
            elif index == 0:
                session.note(session.t("This is the first idea."), "info")
            else:
                index -= 1
                stage = "value" if is_statement(bs.ideas[index].text) else "who"
        except JumpTo:
            session.note(
                session.t(
                    "{key} lists a step's answers; here the menu after the ideas does.",
                    key=JUMP_KEY,
                )
            )


def _idea_text(session: Session, index: int) -> bool:
    """Ask the words of idea `index` (a new one, or one to edit); False: no more ideas."""
    bs = _bs(session)
    t = session.t
    editing = index < len(bs.ideas)

    def check(answer: str) -> bool | str:
        try:
            text = clean(answer)
        except Refused as exc:
            return t.say(exc.text)
        return True if text or not editing else t("Type the idea, or go on with Enter.")

    text = clean(
        session.text(
            t("Idea {number}", number=index + 1),
            default=bs.ideas[index].text if editing else None,
            validate=check,
            instruction=t("(what customers should think; Enter on an empty line when done)"),
            navigable=True,
        )
    )
    if editing:
        bs.ideas[index].text = text
    elif not text:
        return False
    else:
        bs.ideas = [*bs.ideas, Idea(text=text)]
    session.save()
    return True


def _next_speaker(bs: Brainstorm, index: int) -> str | None:
    """Go round the room: the one after whoever spoke before idea `index`."""
    if not bs.participants:
        return None
    last = next((idea.by for idea in reversed(bs.ideas[:index]) if idea.by), None)
    if last in bs.participants:
        return bs.participants[(bs.participants.index(last) + 1) % len(bs.participants)]
    return bs.participants[0]


def _who(session: Session, default: str | None) -> str | None:
    bs = _bs(session)
    t = session.t
    choices = [Choice(p, p) for p in bs.participants]
    choices += [
        Choice(t("Someone else…"), SOMEONE_ELSE),
        Choice(t("Nobody in particular"), NOBODY),
    ]
    who = session.select(t("Who said it?"), choices, default=default, navigable=True)
    if who == NOBODY:
        return None
    if who == SOMEONE_ELSE:
        name = session.required(t("Their name"))
        known = people.match(name, bs.participants).person
        if known is not None:
            return known
        bs.participants = [*bs.participants, name]
        return name
    return str(who)


def _translate(session: Session, idea: Idea, *, navigable: bool = False) -> None:
    """A sentence gets a suggested core value; the team accepts it or types its own."""
    if not is_statement(idea.text):
        return
    t = session.t
    suggestion = idea.value or suggest_value(idea.text, session.language)
    hint = (
        t("(the suggestion is selected: Enter accepts it, typing replaces it)")
        if suggestion
        else t("(a word or two; Enter keeps the sentence as the option)")
    )
    value = session.text(
        t("Which core value does “{idea}” express?", idea=idea.text),
        default=suggestion,
        instruction=hint,
        navigable=navigable,
    )
    idea.value = clean(value) or None
    session.save()


def _import_ideas(session: Session) -> None:
    bs = _bs(session)
    t = session.t
    answer = session.text(
        t("File with the ideas"),
        instruction=t(
            "(text: one idea per line; CSV with participant and idea columns; Enter to go back)"
        ),
    )
    if not answer:
        return
    skipped: list[int] = []
    try:
        imported = read_ideas(Path(answer).expanduser(), skipped, t)
    except UsageError as exc:
        # The file's reason is in the room's words already (`read_ideas` was given them).
        session.note(
            t("{problem} — {hint}", problem=exc.message, hint=exc.hint)
            if exc.hint
            else exc.message,
            "warning",
        )
        return
    if not imported:
        session.note(t("No ideas found in {file}.", file=answer), "warning")
        return
    names = _resolve_names(session, imported, answer)
    start = len(bs.ideas)
    bs.ideas = [
        *bs.ideas,
        *(Idea(text=i.text, by=names.get(people.person_key(i.by or ""))) for i in imported),
    ]
    session.save()
    session.note(
        t.plural(
            "Imported {count} idea from {file}.",
            "Imported {count} ideas from {file}.",
            len(imported),
            file=answer,
        ),
        "done",
    )
    if skipped:
        lines = t(", ").join(str(n) for n in skipped)
        session.note(
            t.plural(
                "Left out, for they hold no idea: line {lines}.",
                "Left out, for they hold no idea: lines {lines}.",
                len(skipped),
                lines=lines,
            ),
            "warning",
        )
    for idea in bs.ideas[start:]:
        _translate(session, idea)


def _resolve_names(
    session: Session, imported: list[ImportedIdea], source: str
) -> dict[str, str | None]:
    """Who each name in the file is: a sure match, or the facilitator says (once per name)."""
    bs = _bs(session)
    t = session.t
    resolved: dict[str, str | None] = {}
    for item in imported:
        if not item.by or people.person_key(item.by) in resolved:
            continue
        found = people.match(item.by, bs.participants)
        if found.person is not None:
            resolved[people.person_key(item.by)] = found.person
            continue
        others = [p for p in bs.participants if p not in found.candidates]
        choices = [Choice(t("Yes: {person}", person=p), p) for p in found.candidates]
        choices += [Choice(p, p) for p in others]
        choices += [
            Choice(t("Someone new: add {person} to the room", person=item.by), NEW_PERSON),
            Choice(t("Nobody: keep the idea without a name"), NOBODY),
        ]
        who = session.select(
            t("{file} names “{person}”. Who is that?", file=source, person=item.by),
            choices,
            default=found.candidates[0] if found.candidates else NEW_PERSON,
        )
        if who == NEW_PERSON:
            bs.participants = [*bs.participants, item.by]
            session.save()
            who = item.by
        resolved[people.person_key(item.by)] = None if who == NOBODY else str(who)
    return resolved


def _fix_idea(session: Session) -> None:
    bs = _bs(session)
    t = session.t

    def title(idea: Idea) -> str:
        if idea.value:
            return f"{idea.text}  →  {idea.value}"
        return t("{idea}  →  (as it is)", idea=idea.text)

    index = session.select(
        t("Which idea?"),
        [Choice(title(i), n) for n, i in enumerate(bs.ideas)] + [_back(t)],
    )
    if index is None:
        return
    idea = bs.ideas[index]
    value = session.text(
        t("Core value of “{idea}”", idea=idea.text),
        default=idea.value or suggest_value(idea.text, session.language),
        instruction=t("(empty: the sentence itself is the option)"),
    )
    idea.value = value or None
    session.save()


def _remove_idea(session: Session) -> None:
    bs = _bs(session)
    index = session.select(
        session.t("Remove which idea?"),
        [Choice(i.text, n) for n, i in enumerate(bs.ideas)] + [_back(session.t)],
    )
    if index is None:
        return
    bs.ideas = [i for n, i in enumerate(bs.ideas) if n != index]
    session.save()


def _back(t: Words) -> Choice:
    return Choice(t(BACK.title), BACK.value)


def _ideas_table(bs: Brainstorm, t: Words) -> Table:
    rows = tuple(
        (str(n), idea.text, idea.by or "—", voting.canonical(voting.idea_option(idea), bs.merges))
        for n, idea in enumerate(bs.ideas, start=1)
    )
    options = voting.options_from_ideas(bs.ideas, bs.merges)
    return Table(
        t("Ideas"),
        ("#", t("Idea"), t("Said by"), t("Option on the vote")),
        rows,
        caption=t.plural("{count} distinct option", "{count} distinct options", len(options)),
    )


# --- merging --------------------------------------------------------------------------------


def _merge(session: Session, options: list[str], message: str) -> list[str]:
    """Merge options that mean the same; returns the options after the merges."""
    bs = _bs(session)
    t = session.t
    while len(options) > 1:
        picked = session.checkbox(
            message,
            [Choice(o, o) for o in options],
            instruction=t("(tick two or more to merge them; Enter with none ticked to go on)"),
        )
        if not picked:
            break
        if len(picked) == 1:
            session.note(t("Tick at least two options to merge them."), "warning")
            continue
        into = session.select(
            t("Keep which name for the merged option?"),
            [*(Choice(p, p) for p in picked), Choice(t("A new name…"), SOMEONE_ELSE)],
        )
        if into == SOMEONE_ELSE:
            into = session.required(t("Name of the merged option"))
        merged = [p for p in picked if not voting.same(p, into)]
        bs.merges = [*bs.merges, Merge(into=into, merged=merged)]
        session.save()
        options = voting.distinct(voting.canonical(o, bs.merges) for o in options)
        session.note(t("Merged into {option}:", option=into), "done", items=tuple(merged))
    return options


# --- voting ----------------------------------------------------------------------------------


def _vote(session: Session) -> list[str]:
    """Rounds until five or fewer remain; returns them (empty if stopped without a result)."""
    bs = _bs(session)
    t = session.t
    announced = False
    while True:
        state = voting.progress(bs)
        if state.finished:
            if not bs.rounds:
                session.note(
                    t.plural(
                        "{count} option: five or fewer, so no vote is needed.",
                        "{count} options: five or fewer, so no vote is needed.",
                        len(state.options),
                    ),
                    "done",
                )
            return list(state.options)
        if not announced:
            session.note(
                t(
                    "Dot voting: each person ticks the options they want to keep, on a screen of "
                    "their own. Tallies stay hidden until everyone has voted."
                ),
                "info",
            )
            announced = True
        if bs.anonymous is None:
            bs.anonymous = session.confirm(
                t(
                    "Secret ballots? The file then keeps who voted and the tallies, never who "
                    "voted for what."
                ),
                default=False,
            )
            session.save()
        if state.open_round is None:
            _open_round(session, list(state.options))
            continue
        _ballots(session, state.open_round)
        _close(session, bs.rounds[state.open_round], state.open_round)


def _votes_per_person(session: Session, options: int, current: int | None, title: str) -> int:
    t = session.t
    limit = options - 1

    def check(answer: str) -> bool | str:
        text = answer.strip()
        if not text:
            return True
        if not text.isdigit() or not 1 <= int(text) <= limit:
            return t("Type a number from 1 to {limit}.", limit=limit)
        return True

    suggested = voting.default_votes(options)
    answer = session.text(
        title,
        default=str(current or suggested),
        validate=check,
        instruction=t("(a third of the options is {count})", count=suggested),
    )
    return int(answer) if answer else (current or suggested)


def _open_round(session: Session, options: list[str]) -> None:
    bs = _bs(session)
    t = session.t
    number = len([r for r in bs.rounds if not r.revote]) + 1
    if len(options) > LONG_LIST:
        session.note(
            t.plural(
                "{count} option is a long list: votes split. Merging more first helps.",
                "{count} options is a long list: votes split. Merging more first helps.",
                len(options),
            ),
            "warning",
        )
    title = t.plural(
        "Round {number}: {count} option. Votes per person?",
        "Round {number}: {count} options. Votes per person?",
        len(options),
        number=number,
    )
    votes = _votes_per_person(session, len(options), None, title)
    bs.rounds = [*bs.rounds, Round(options=options, votes_per_person=votes)]
    session.save()


def _ballots(session: Session, index: int) -> None:
    """Each person's ballot, on a screen of their own; the room list may change meanwhile."""
    bs = _bs(session)
    t = session.t
    again: str | None = None  # someone whose ballot was taken out to vote again: next up
    phoned = session.room is None  # the phones get the round first, when there are any
    while True:
        held = bs.rounds[index]
        if not phoned:
            phoned = True
            phones.wait_for_ballots(session, index)
        missing = voting.missing_voters(bs.participants, held.votes)
        if not missing:
            return
        person = again if again in missing else missing[0]
        away = [b.by for b in held.votes if b.no_vote == "absent"]
        voted = [b.by for b in held.votes if b.no_vote != "absent"]
        total = len(voted) + len(missing)
        session.show(Private("the next ballot"))
        if held.revote:
            count = t.plural(
                "Re-vote among the tied: {voted} of {count} ballot is in.",
                "Re-vote among the tied: {voted} of {count} ballots are in.",
                total,
                voted=len(voted),
            )
        else:
            count = t.plural(
                "Round {number}: {voted} of {count} ballot is in.",
                "Round {number}: {voted} of {count} ballots are in.",
                total,
                number=_round_number(bs, index),
                voted=len(voted),
            )
        session.note(count)
        session.note(t("Voted:"), items=tuple(voted) or (t("nobody yet"),))
        if away:
            session.note(t("Not here:"), items=tuple(away))
        session.note(t("Still to vote:"), items=tuple(missing))
        reopen = _reopenable(session, held, index)
        menu = [
            Choice(t("{person} votes now", person=person), VOTE),
            Choice(t("{person} abstains", person=person), ABSTAIN),
            Choice(t("{person} is not here", person=person), ABSENT),
            Choice(t("Change who is in the room"), ROOM),
            Choice(
                t("Change the votes per person (now {count})", count=held.votes_per_person),
                LIMIT,
            ),
        ]
        if reopen:
            menu.append(Choice(t("Back: {person} votes again", person=reopen), REDO))
        if session.room is not None:
            menu.insert(0, Choice(t("Wait for the phones again"), PHONES))
            menu.append(Choice(t("Take a phone out of the room"), UNSEAT))
        try:
            action = session.select(
                t("Next ballot: {person}. Everyone else, please look away.", person=person),
                menu,
                default=VOTE,
                navigable=True,
                echo=False,
            )
        except GoBack:
            action = REDO if reopen else None
        except JumpTo:
            action = None
        if action == PHONES:
            phoned = False
        elif action == VOTE:
            _cast(session, index, person)
        elif action in (ABSTAIN, ABSENT):
            no_vote = "abstained" if action == ABSTAIN else "absent"
            held.votes = [*held.votes, Ballot(by=person, no_vote=no_vote)]
            session.save()
            session.note(
                t("{person}: abstains.", person=person)
                if action == ABSTAIN
                else t("{person}: not here.", person=person),
                "done",
            )
        elif action == ROOM:
            _participants(session)
        elif action == UNSEAT:
            phones.remove_phone(session)
        elif action == LIMIT:
            _change_limit(session, index)
        elif action == REDO and reopen:
            again = _reopen(session, index)
        else:
            session.note(t("There is no ballot to go back to."), "info")


def _cast(session: Session, index: int, person: str) -> None:
    bs = _bs(session)
    t = session.t
    held = bs.rounds[index]
    n = held.votes_per_person
    options = list(held.options)

    def check(picked: list[str]) -> bool | str:
        return voting.check_ballot(picked, options, n, t) or True

    session.show(Private("a ballot"))
    try:
        picked = session.checkbox(
            t.plural(
                "{person}: pick up to {count} option",
                "{person}: pick up to {count} options",
                n,
                person=person,
            ),
            [Choice(o, o) for o in options],
            validate=check,
            instruction=t("(space ticks, Enter casts the vote; nothing ticked is an abstention)"),
            secret=True,
            navigable=True,
        )
    except (GoBack, JumpTo):
        session.show(Private("no ballot cast"))
        return
    voting.record_ballot(held, person, picked, bool(bs.anonymous))
    if bs.anonymous:
        # Kept in memory only, so that "back" can take this ballot out again right away.
        session.memory["secret ballot"] = (index, person, list(picked))
    session.save()
    session.show(Private("a ballot was cast"))
    session.note(t("Thank you, {person}: your ballot is in.", person=person), "done")


def _reopenable(session: Session, held: Round, index: int) -> str | None:
    """Whose ballot "back" would take out again, if any."""
    if not held.votes:
        return None
    last = held.votes[-1]
    if _bs(session).anonymous and last.no_vote is None:
        remembered = session.memory.get("secret ballot")
        if not remembered or remembered[:2] != (index, last.by):
            return None  # a secret ballot from before a restart cannot be taken out
    return last.by


def _reopen(session: Session, index: int) -> str:
    bs = _bs(session)
    held = bs.rounds[index]
    last = held.votes[-1]
    remembered = session.memory.pop("secret ballot", None)
    if bs.anonymous and remembered and last.no_vote is None:
        counts = dict(held.tally)
        for option in remembered[2]:
            counts[option] = counts.get(option, 0) - 1
        held.tally = {option: votes for option, votes in counts.items() if votes > 0}
    held.votes = held.votes[:-1]
    session.save()
    session.note(
        session.t("{person}'s ballot is taken out: {person} votes again.", person=last.by), "done"
    )
    return last.by


def _change_limit(session: Session, index: int) -> None:
    """The votes per person, changed mid-vote; ballots with more picks than allowed vote again."""
    bs = _bs(session)
    t = session.t
    held = bs.rounds[index]
    new = _votes_per_person(
        session, len(held.options), held.votes_per_person, t("Votes per person, from now on?")
    )
    if new == held.votes_per_person:
        return
    if bs.anonymous and held.votes and new < held.votes_per_person:
        if not session.confirm(
            t(
                "The ballots are secret, so nobody knows who used more votes: every ballot of "
                "this round is cleared and everyone votes again. Go ahead?"
            ),
            default=False,
        ):
            return
        held.votes, held.tally = [], {}
    over = [b.by for b in held.votes if len(b.options) > new]
    held.votes = [b for b in held.votes if len(b.options) <= new]
    held.votes_per_person = new
    session.save()
    session.note(
        t.plural("Each person has {count} vote now.", "Each person has {count} votes now.", new),
        "done",
    )
    if over:
        session.note(
            t("These ballots had more picks; they vote again:"), "warning", items=tuple(over)
        )


def _round_number(bs: Brainstorm, index: int) -> int:
    return len([r for r in bs.rounds[: index + 1] if not r.revote])


def _close(session: Session, held: Round, index: int) -> None:
    bs = _bs(session)
    t = session.t
    counts = voting.tally(held.options, held.votes, bs.merges, held.tally)
    session.show(Private("the reveal"))
    session.show(_tally_table(counts, t("Everyone here has voted: the tally"), t))
    if (
        not held.revote
        and len(counts) > 2
        and session.confirm(
            t("Merge options that mean the same? Their votes add up."), default=False
        )
    ):
        _merge(session, list(counts), t("Which options mean the same?"))
        counts = voting.tally(held.options, held.votes, bs.merges, held.tally)
        session.show(_tally_table(counts, t("The tally after merging"), t))
    result, revote = voting.close_round(held, bs.merges)
    if revote is not None and held.revote and _facilitator_decides(session, result):
        chosen = session.checkbox(
            t("Which {count} of the tied go through?", count=result.slots),
            [Choice(o, o) for o in result.tied],
            validate=lambda picked: (
                True
                if len(picked) == result.slots
                else t("Tick exactly {count}.", count=result.slots)
            ),
        )
        voting.settle(held, chosen)
        revote = None
    bs.rounds = [*bs.rounds, revote] if revote is not None else list(bs.rounds)
    session.save()
    if session.room is not None:
        phones.reveal(session, counts, held.kept)
    session.note(t("Through:"), "done", items=tuple(held.kept) or (t("none for sure"),))
    if revote is not None:
        session.note(
            t.plural(
                "Tied at the cut: a re-vote among them decides {count} place:",
                "Tied at the cut: a re-vote among them decides {count} places:",
                revote.votes_per_person,
            ),
            "warning",
            items=tuple(revote.options),
        )


def _facilitator_decides(session: Session, result: voting.Cut) -> bool:
    t = session.t
    session.note(t("Still tied:"), "warning", items=result.tied)
    answer = session.select(
        t("How to settle it?"),
        [
            Choice(t("Re-vote among them once more"), "again"),
            Choice(t("The room agrees now, and I tick who goes through"), "decide"),
        ],
    )
    return bool(answer == "decide")


def _tally_table(counts: dict[str, int], title: str, t: Words) -> Table:
    rows = tuple((o, str(counts[o])) for o in voting.ranked(counts))
    return Table(title, (t("Option"), t("Votes")), rows)


# --- the chosen values --------------------------------------------------------------------------


def _adopt(session: Session, final: list[str]) -> None:
    """The options that went through become the document's values, then get their wording.

    A value chosen again gets back the statement and metrics it had before the re-vote.
    """
    doc = session.doc
    bs = _bs(session)
    # An option is the value the team chose before under its own name, or under the
    # name it had before the team reworded it (its core: "Tell it straight" is Honesty).
    known: dict[str, Value] = {}
    for value in [*bs.earlier_values, *doc.values]:
        for name in (value.core, value.name):
            if name:
                known.setdefault(voting.key(name), value)
    doc.values = [known.get(voting.key(o)) or Value(name=o) for o in final]
    bs.earlier_values = []
    session.save()
    session.show(_values_table(doc, session.t))
    _wording(session)


def _wording(session: Session) -> None:
    doc = session.doc
    t = session.t
    session.note(
        t(
            "Final wording: make each value memorable and your own, ideally with a verb "
            "(Zappos: “Deliver WOW”). Enter keeps it as it is."
        ),
        "info",
    )

    def required_name(answer: str) -> bool | str:
        try:
            return True if clean(answer) else t("A value needs a name.")
        except Refused as exc:
            return t.say(exc.text)

    index = 0
    while index < len(doc.values):
        old = doc.values[index].name
        try:
            new = clean(
                session.text(
                    t("Value {number} of {total}", number=index + 1, total=len(doc.values)),
                    default=old,
                    validate=required_name,
                    instruction=t("(typing replaces it, → edits it; Enter keeps it)"),
                    navigable=True,
                )
            )
        except GoBack:
            if index == 0:
                session.note(t("This is the first value."), "info")
            index = max(0, index - 1)
            continue
        except JumpTo:
            continue
        if new != old:
            rename_value(doc, old, new)
            session.save()
        index += 1


def _revisit(session: Session) -> bool | None:
    """The values are chosen already: keep them, reword them, or vote again.

    True when the team votes again: the chosen values move to
    `brainstorm.earlier_values` (saved, so a stop during the vote loses nothing)
    and a value chosen again gets its statement and metrics back. None otherwise.
    """
    doc = session.doc
    t = session.t
    session.show(_values_table(doc, t))
    too_many = len(doc.values) > MAX_VALUES
    if too_many:
        session.note(
            t.plural(
                "{count} value: the method keeps five or fewer. A vote cuts them down.",
                "{count} values: the method keeps five or fewer. A vote cuts them down.",
                len(doc.values),
            ),
            "warning",
        )
    action = session.select(
        t("The team chose these values. What now?"),
        [
            Choice(t("Keep them and go on"), KEEP),
            Choice(t("Change their wording"), WORDING),
            Choice(t("Hold the vote again (ideas stay; the rounds start afresh)"), REVOTE),
        ],
        default=REVOTE if too_many else KEEP,
    )
    if action == WORDING:
        _wording(session)
    if action != REVOTE or not session.confirm(
        t(
            "Start the rounds afresh? A value the new vote chooses again keeps its action "
            "statement and metrics."
        ),
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


def _values_table(doc: Philosophy, t: Words) -> Table:
    rows = tuple((str(n), v.name) for n, v in enumerate(doc.values, start=1))
    return Table(t("The chosen values"), ("#", t("Value")), rows)


def rename_value(doc: Philosophy, old: str, new: str) -> None:
    """Rename a value everywhere the document refers to it by name.

    The name it had is kept as its `core` (the first time), so that the
    suggestions of steps 5 to 7 still know "Tell it straight" is Honesty.
    """
    for value in doc.values:
        if value.name == old:
            value.core = value.core or old
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
