"""A step as a table of fields, walked by one helper that gives every step the same moves.

A `Field` says what is asked, its hint, how typed text becomes a value, and
where the value lives in the document. A step builds its fields from the
document (`Build`), so a field that depends on an earlier answer (the
customer history of a customer-centric model, the baselines of the metrics
just ticked) appears as soon as it applies.

`run` walks them: each answer is checked with the model's own rule on a copy
of the document before it is stored (`trial`), then saved at once. Ctrl-B
goes back one question with its answer offered to edit; Ctrl-G shows the
step's answers and changes any one of them. A step with answers opens with
that summary, or, when the workshop resumes, carries on at the first
question that has no answer yet.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ValidationError

from cxphilo.document.model import Philosophy
from cxphilo.locale import Text, Words

from .answers import Refused, clean, format_date, join_list, refusal, split_list
from .asker import JUMP_KEY, LIST_HINT, SKIP_HINT, Answer, Choice, GoBack, JumpTo, Table

if TYPE_CHECKING:
    from .session import Session

Kind = Literal["text", "select", "checkbox", "confirm", "menu"]
Path = tuple[str | int, ...]
LEAVE = "leave"
CARRY_ON = "carry on"


def _plain(answer: str) -> str | None:
    return clean(answer) or None


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return join_list([str(v) for v in value])
    if hasattr(value, "isoformat"):
        return format_date(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass(frozen=True)
class Field:
    """One question of a step and where its answer is kept."""

    id: str  # stable within the step: "capacity.hours", "values.2.statement"
    label: str  # how the summary names it
    ask: str  # the question
    get: Callable[[Philosophy], Any]
    put: Callable[[Philosophy, Any], None]
    kind: Kind = "text"
    parse: Callable[[str], Any] = _plain  # text: typed words -> value (raises Refused)
    show: Callable[[Any], str] = _show  # value -> the text offered again and summarised
    hint: str | None = None
    choices: tuple[Choice, ...] = ()
    check: Callable[[Any], str | None] | None = None  # a rule beyond the model's (today's date)
    suggest: Any = None  # offered when there is no answer yet
    required: bool = False
    heading: str | None = None  # said before the question
    before: Callable[[Session], None] | None = None  # shows what the question needs in view
    after: Callable[[Session], None] | None = None  # runs once the answer is saved
    answered: Callable[[Philosophy], bool] | None = None  # for a question whose answer is not kept
    menu: Callable[[Session], None] | None = None  # kind "menu": a small dialogue of its own


Build = Callable[["Session"], list[Field]]


# --- where a value lives ----------------------------------------------------------------------


def at(*path: str | int) -> tuple[Callable[[Philosophy], Any], Callable[[Philosophy, Any], None]]:
    """`get` and `put` for the value at `path`; `put` creates the parts on the way."""

    def get(doc: Philosophy) -> Any:
        current: Any = doc
        for part in path:
            if current is None:
                return None
            current = current[part] if isinstance(part, int) else getattr(current, part)
        return current

    def put(doc: Philosophy, value: Any) -> None:
        current: Any = doc
        for part in path[:-1]:
            if isinstance(part, int):
                current = current[part]
                continue
            child = getattr(current, part)
            if child is None:
                child = _part_type(type(current), part)()
                setattr(current, part, child)
                child = getattr(current, part)
            current = child
        setattr(current, str(path[-1]), value)

    return get, put


def _part_type(model: type[BaseModel], name: str) -> type[BaseModel]:
    annotation = model.model_fields[name].annotation
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    raise TypeError(f"{model.__name__}.{name} is not a part")  # pragma: no cover - a bug


def empty(value: Any) -> bool:
    """No answer: nothing, an empty text, list or mapping (False and 0 are answers)."""
    return value is None or value == "" or value == [] or value == {} or value == ()


def is_answered(field: Field, doc: Philosophy) -> bool:
    if field.answered is not None:
        return field.answered(doc)
    return not empty(field.get(doc))


# --- one question -----------------------------------------------------------------------------


def value_of(field: Field, answer: str) -> Any:
    """What a typed answer means for this field, or Refused with the reason."""
    value = field.parse(answer)
    if field.required and empty(value):
        raise Refused(Text("Please type an answer."))
    if field.check is not None and not empty(value):
        problem = field.check(value)
        if problem:
            raise Refused(problem)
    return value


def trial(doc: Philosophy, field: Field, value: Any) -> None:
    """Store the value on a copy of the document: the model's own rule decides."""
    field.put(doc.model_copy(deep=True), value)


def _validator(session: Session, field: Field) -> Callable[[str], bool | str]:
    def validate(answer: str) -> bool | str:
        try:
            trial(session.doc, field, value_of(field, answer))
        except Refused as exc:
            return session.t.say(exc.text)
        except ValidationError as exc:
            return session.t.say(refusal(exc))
        return True

    return validate


def _list_validator(session: Session, field: Field) -> Callable[[list[Any]], bool | str]:
    def validate(picked: list[Any]) -> bool | str:
        try:
            trial(session.doc, field, picked)
        except ValidationError as exc:
            return session.t.say(refusal(exc))
        except ValueError as exc:
            return session.t.say(exc.text) if isinstance(exc, Refused) else str(exc)
        return True

    return validate


def ask(session: Session, field: Field) -> None:
    """Ask one field, store the answer and save; may raise GoBack or JumpTo."""
    if field.heading:
        session.note(field.heading, "question")
    if field.before is not None:
        field.before(session)
    while True:
        value = _answer(session, field)
        try:
            _store(session, field, value)
        except Refused as exc:
            t = session.t
            session.note(t("That answer was not kept: {reason}", reason=t.say(exc.text)), "warning")
            continue
        break
    if field.kind != "menu":
        session.show(Answer(field.ask, _echo(session.t, field, value)))
    if field.after is not None:
        field.after(session)


def _answer(session: Session, field: Field) -> Any:
    if field.kind == "menu":
        assert field.menu is not None
        field.menu(session)  # it saves as it goes; the field keeps nothing itself
        return field.get(session.doc)
    doc = session.doc
    current = field.get(doc)
    fresh = not is_answered(field, doc)
    if field.kind == "text":
        offered = field.show(field.suggest if fresh and field.suggest is not None else current)
        answer = session.text(
            field.ask,
            default=offered,
            validate=_validator(session, field),
            instruction=_hint(session, field),
            navigable=True,
            echo=False,
        )
        value = value_of(field, answer)
    elif field.kind == "select":
        start = field.suggest if fresh and field.suggest is not None else current
        value = session.select(field.ask, field.choices, default=start, navigable=True, echo=False)
    elif field.kind == "checkbox":
        ticked = field.suggest if fresh and field.suggest is not None else (current or [])
        choices = [
            Choice(c.title, c.value, c.description, checked=c.value in ticked)
            for c in field.choices
        ]
        value = session.checkbox(
            field.ask,
            choices,
            validate=_list_validator(session, field),
            instruction=_hint(session, field),
            navigable=True,
            echo=False,
        )
    else:
        start = bool(field.suggest) if current is None else bool(current)
        value = session.confirm(field.ask, default=start, navigable=True, echo=False)
    return value


def _hint(session: Session, field: Field) -> str | None:
    """The field's hint as shown: the form's own defaults in the room's language; a step's
    hint is already in it, and is never looked up again (it may hold the team's words)."""
    if field.hint in (SKIP_HINT, LIST_HINT):
        return session.t(field.hint)
    return field.hint


def _short(title: str) -> str:
    """A choice's title without its remarks in brackets and its alignment spaces."""
    return " ".join(re.sub(r"\s*\([^()]*\)", "", title).split()) or title


def _echo(t: Words, field: Field, value: Any) -> tuple[str, ...]:
    if field.kind == "confirm" and isinstance(value, bool):
        return (t("yes") if value else t("no"),)
    if field.kind in ("select", "checkbox"):
        titles = {c.value: _short(c.title) for c in field.choices}
        picked = value if isinstance(value, list) else [value]
        return tuple(titles.get(v, _show(v)) for v in picked if v is not None)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    shown = field.show(value)
    return (shown,) if shown else ()


def _store(session: Session, field: Field, value: Any) -> None:
    """Put the value in the document and save; a refusal leaves the document as it was."""
    before = session.doc.model_copy(deep=True)
    try:
        field.put(session.doc, value)
        session.save()
    except (ValidationError, ValueError) as exc:
        session.store.doc = before
        if isinstance(exc, ValidationError):
            raise Refused(refusal(exc)) from None
        raise Refused(exc.text if isinstance(exc, Refused) else str(exc)) from None


# --- a whole step ------------------------------------------------------------------------------


def run(session: Session, build: Build) -> None:
    """Walk a step's fields: from the start, from where it stopped, or from its summary."""
    fields = build(session)
    doc = session.doc
    if not any(is_answered(f, doc) for f in fields):
        walk(session, build, 0)
        return
    first = first_unanswered(fields, doc)
    if session.entry == "resume" and first is not None:
        session.show(summary(session, fields))
        number = fields.index(first) + 1
        session.note(
            session.t(
                "Carrying on at question {number}: {label}. {key} shows the answers, "
                "to change one.",
                number=number,
                label=first.label,
                key=JUMP_KEY,
            ),
            "info",
        )
        walk(session, build, fields.index(first))
        return
    if hub(session, build) == CARRY_ON:
        fields = build(session)
        first = first_unanswered(fields, session.doc)
        if first is not None and not session.step_done(first):
            walk(session, build, fields.index(first))


def first_unanswered(fields: Sequence[Field], doc: Philosophy) -> Field | None:
    """Where to carry on: the first unanswered question after the last answered one."""
    answered = [is_answered(f, doc) for f in fields]
    if all(answered):
        return None
    last = max((i for i, done in enumerate(answered) if done), default=-1)
    after = [f for i, f in enumerate(fields) if i > last and not answered[i]]
    if after:
        return after[0]
    return next(f for i, f in enumerate(fields) if not answered[i])


def walk(session: Session, build: Build, start: int) -> None:
    """Ask the fields in order from `start`; Ctrl-B goes back one, Ctrl-G opens the summary."""
    fields = build(session)
    index = start
    while index < len(fields):
        field = fields[index]
        try:
            ask(session, field)
        except GoBack:
            fields = build(session)
            index = _position(fields, field.id, index)
            if index == 0:
                session.note(session.t("This is the first question of the step."), "info")
            else:
                index -= 1
            continue
        except JumpTo:
            hub(session, build, current=field)
            fields = build(session)
            index = _position(fields, field.id, index)
            continue
        fields = build(session)
        index = _position(fields, field.id, index) + 1


def _position(fields: Sequence[Field], field_id: str, fallback: int) -> int:
    for index, field in enumerate(fields):
        if field.id == field_id:
            return index
    return min(fallback, len(fields))


def summary(session: Session, fields: Sequence[Field]) -> Table:
    """The step's answers, numbered, as the summary shows them."""
    doc = session.doc
    t = session.t
    rows = []
    for number, field in enumerate(fields, start=1):
        shown = _summary_text(t, field, doc) if is_answered(field, doc) else "—"
        rows.append((str(number), field.label, shown))
    return Table(t("The answers of this step"), ("#", t("Question"), t("Answer")), tuple(rows))


def _summary_text(t: Words, field: Field, doc: Philosophy) -> str:
    value = field.get(doc)
    if field.kind == "confirm" and isinstance(value, bool):
        return _echo(t, field, value)[0]
    if field.kind in ("select", "checkbox"):
        return ", ".join(_echo(t, field, value))
    text = field.show(value)
    return text if len(text) <= 80 else text[:77] + "…"


def hub(session: Session, build: Build, *, current: Field | None = None) -> str:
    """The summary of the step's answers; a number changes one, Enter goes on.

    Enter carries on at the first unanswered question of an unfinished step,
    goes on from a finished one, or (opened with Ctrl-G at `current`) goes
    back to that question. Returns CARRY_ON, or LEAVE when "0" leaves an
    unfinished step for now.
    """
    t = session.t
    while True:
        fields = build(session)
        first = first_unanswered(fields, session.doc)
        unfinished = first is not None and not session.step_done(first)
        session.show(summary(session, fields))
        leave = unfinished and current is None
        if current is not None:
            instruction = t(
                "(its number; Enter: back to question {number})",
                number=_position(fields, current.id, 0) + 1,
            )
        elif unfinished and first is not None:
            instruction = t(
                "(its number; Enter: carry on at question {number}; 0: leave this step for now)",
                number=fields.index(first) + 1,
            )
        else:
            instruction = t("(its number; Enter: go on)")
        refused = t("Type a number from 1 to {count}, or press Enter.", count=len(fields))

        def check(
            answer: str, count: int = len(fields), leave: bool = leave, refused: str = refused
        ) -> bool | str:
            text = answer.strip()
            if not text or (leave and text == "0"):
                return True
            if text.isdigit() and 1 <= int(text) <= count:
                return True
            return refused

        answer = session.text(
            t("Change which answer?"),
            validate=check,
            instruction=instruction,
            echo=False,
        )
        if not answer:
            return CARRY_ON
        if answer == "0":
            return LEAVE
        try:
            ask(session, fields[int(answer) - 1])
        except (GoBack, JumpTo):
            continue


# --- fields of common shapes --------------------------------------------------------------------


def text_field(
    id: str, label: str, ask: str, path: Path, *, hint: str | None = SKIP_HINT, **more: Any
) -> Field:
    """Free text at `path`; empty removes it."""
    get, put = at(*path)
    return Field(id, label, ask, get, put, hint=hint, **more)


def list_field(
    id: str,
    label: str,
    ask: str,
    path: Path,
    *,
    hint: str | None = LIST_HINT,
    **more: Any,
) -> Field:
    """A short list typed on one line, separated by `;`."""
    get, put = at(*path)
    return Field(id, label, ask, get, put, parse=split_list, show=_show, hint=hint, **more)


def choice_field(
    id: str, label: str, ask: str, path: Path, choices: Sequence[Choice], **more: Any
) -> Field:
    """One of `choices`, at `path`."""
    get, put = at(*path)
    return Field(id, label, ask, get, put, kind="select", choices=tuple(choices), **more)


def ticks_field(
    id: str,
    label: str,
    ask: str,
    path: Path,
    choices: Sequence[Choice],
    *,
    order: Sequence[str] | None = None,
    **more: Any,
) -> Field:
    """Any of `choices`, at `path`, kept in the order of `order` (of the choices by default)."""
    get, put = at(*path)
    sequence = list(order) if order is not None else [c.value for c in choices]

    def put_ordered(doc: Philosophy, value: Any) -> None:
        put(doc, [v for v in sequence if v in value] + [v for v in value if v not in sequence])

    return Field(id, label, ask, get, put_ordered, kind="checkbox", choices=tuple(choices), **more)


def known_and_other(
    id: str,
    path: Path,
    known: Sequence[str],
    ticks: tuple[str, str],
    other: tuple[str, str],
    **more: Any,
) -> list[Field]:
    """One list at `path` asked twice: the entries `known` ticked, then any other typed.

    `ticks` and `other` are each (label, question); `more` goes to the first field.
    """
    folded = {k.casefold() for k in known}
    get, put = at(*path)

    def get_known(doc: Philosophy) -> list[str]:
        return [k for k in get(doc) or [] if k.casefold() in folded]

    def get_other(doc: Philosophy) -> list[str]:
        return [k for k in get(doc) or [] if k.casefold() not in folded]

    def put_known(doc: Philosophy, picked: Sequence[str]) -> None:
        put(doc, [k for k in known if k in picked] + get_other(doc))

    def put_other(doc: Philosophy, extra: Sequence[str]) -> None:
        put(doc, get_known(doc) + [e for e in extra if e.casefold() not in folded])

    return [
        Field(
            id,
            ticks[0],
            ticks[1],
            get_known,
            put_known,
            kind="checkbox",
            choices=tuple(Choice(k, k) for k in known),
            **more,
        ),
        Field(
            f"{id}-other",
            other[0],
            other[1],
            get_other,
            put_other,
            parse=split_list,
            hint=LIST_HINT,
        ),
    ]
