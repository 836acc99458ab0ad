"""The workshop from start to finish: open or create the file, walk the steps, stop cleanly.

Where it starts: `--step NAME`, else the first step that is not done. Before
each step the room sees where it is and what the step is for, and the
facilitator starts it, skips it, or stops for the day. Ctrl-C anywhere
becomes `WorkshopStopped` (exit 130) saying where the team stopped and how to
resume; every answer before it is already on disk.
"""

from __future__ import annotations

import datetime as dt
import shlex
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from cxphilo import DEFAULT_FILE
from cxphilo.document import steps as steps_mod
from cxphilo.document.model import Philosophy
from cxphilo.document.operations import new_document
from cxphilo.document.steps import BY_NAME, STEPS, Step
from cxphilo.errors import NoTerminalError, UsageError, WorkshopStopped
from cxphilo.locale import Words, chosen_language, words
from cxphilo.storage.store import Store, write_schema_beside
from cxphilo.vocabulary import LANGUAGES, NATIVE_NAMES

from . import actions, assess, finish, listen, model_choice, share, values, vision
from .asker import LANGUAGE_QUESTION, Asker, Choice, Guidance, Header, Note, Screen
from .session import Judge, Session
from .timebox import Timebox, clock_text, parse_duration

RUNNERS: dict[str, Callable[[Session], None]] = {
    "assess": assess.run,
    "model": model_choice.run,
    "values": values.run,
    "vision": vision.run,
    "actions": actions.run,
    "share": share.run,
    "listen": listen.run,
}
START, SKIP, STOP, FINISH = "start", "skip", "stop", "finish"


@dataclass(frozen=True)
class Options:
    """What the facilitator asked for on the command line."""

    path: Path
    step: Step | None = None
    timebox: int | None = None  # seconds per step
    company: str | None = None
    language: str | None = None
    interface: str | None = None  # --lang: the language the room is spoken to in
    again: tuple[str, ...] = ()  # options the command to resume repeats (--room, --lang, ...)


def make_options(
    path: Path,
    step: str | None = None,
    timebox: str | None = None,
    company: str | None = None,
    language: str | None = None,
    interface: str | None = None,
    again: Sequence[str] = (),
) -> Options:
    """Check the command line's options; raises UsageError naming what is wrong."""
    chosen = None
    if step is not None:
        key = step.strip().lower()
        by_number = {str(s.number): s for s in STEPS}
        chosen = BY_NAME.get(key) or by_number.get(key)
        if chosen is None:
            names = ", ".join(s.name for s in STEPS)
            raise UsageError(f"no step '{step}'", hint=f"the steps are: {names} (or 1-7)")
    if language is not None and language.strip().lower() not in LANGUAGES:
        raise UsageError(
            f"language '{language}' is not supported", hint=f"use one of: {', '.join(LANGUAGES)}"
        )
    return Options(
        path=path,
        step=chosen,
        timebox=parse_duration(timebox) if timebox is not None else None,
        company=company,
        language=language.strip().lower() if language else None,
        interface=chosen_language(interface),
        again=tuple(again),
    )


def resume_command(path: Path, step: Step | None = None, again: Sequence[str] = ()) -> str:
    """The command that carries on: the shortest one that lands on the right step.

    `again` are the options to repeat, such as --room, so that the phones find
    the room where they left it.
    """
    command = f"cxphilo workshop {shlex.quote(str(path))}"
    if path == DEFAULT_FILE:
        command = "cxphilo workshop"
    command += f" --step {step.name}" if step else ""
    return " ".join([command, *(shlex.quote(arg) for arg in again)])


def no_terminal(path: Path) -> NoTerminalError:
    """The error for a workshop started without a terminal, with the way to work without one."""
    quoted = shlex.quote(str(path))
    start = "" if path.exists() else f'create it with: cxphilo init {quoted} --company "Acme", '
    return NoTerminalError(
        "cxphilo workshop needs a terminal to ask its questions, and stdin or stdout is not one",
        hint=f"without a terminal, {start}edit {quoted} in any text editor, "
        f"and check it with: cxphilo check {quoted}",
    )


@cache
def _guidance_texts() -> dict[str, dict[str, str]]:
    raw = resources.files("cxphilo.workshop").joinpath("data/guidance.yaml").read_text("utf-8")
    data: dict[str, dict[str, str]] = yaml.safe_load(raw)
    return data


def guidance(step_name: str, t: Words | None = None) -> Guidance:
    """The guidance panel of a step, from `data/guidance.yaml`, in the room's language."""
    t = t or words("en")
    data = _guidance_texts()[step_name]
    return Guidance(
        t(data["purpose"]),
        t(data["question"]),
        t(data["example"]),
        labels=(t("What this step is for"), t("The question:"), t("Example:")),
    )


def run(
    options: Options,
    asker: Asker,
    screen: Screen,
    *,
    clock: Callable[[], float] = time.monotonic,
    today: dt.date | None = None,
    judge: Judge | None = None,
    room: Callable[[Session], Callable[[], None]] | None = None,
) -> None:
    """Run the workshop on `options.path` until the team finishes or stops.

    `room` opens the phones' room on the session (`cxphilo.room.serve.open_room`)
    and returns what closes it; it is closed however the workshop ends.
    """
    current: Step | None = None
    store: Store | None = None
    close_room: Callable[[], None] | None = None
    try:
        store = _open(options, asker, screen)
        t = words(options.interface or store.doc.company.language)
        timebox = Timebox(options.timebox, clock, t) if options.timebox else None
        session = Session(store, asker, screen, timebox=timebox, today=today, judge=judge, words=t)
        if room is not None:
            close_room = room(session)
        session.note(
            t(
                "Seven steps. Every answer is saved the moment it is given: press Ctrl-C at any "
                "time to stop, and run the same command again to carry on."
            ),
            "info",
        )
        start = _start(session, options)
        if start is None:
            finish.run(session, options.path)
            return
        index = STEPS.index(start)
        resuming = options.step is None
        for step in STEPS[index:]:
            current = step
            action = _open_step(session, step, first=step is start, resuming=resuming)
            if action == STOP:
                _stopped(session, options, step)
                return
            if action == START:
                RUNNERS[step.name](session)
                _close_step(session, step)
        current = None
        finish.run(session, options.path)
    except KeyboardInterrupt:
        language = options.interface or (store.doc.company.language if store else "en")
        raise _interrupted(words(language), options, store, current) from None
    finally:
        screen.flush()  # however it ends: a stop's last note says how to carry on
        if close_room is not None:
            close_room()


def _open(options: Options, asker: Asker, screen: Screen) -> Store:
    path = options.path
    if path.exists():
        store = Store.open(path)
        screen.show(Note(f"{store.doc.company.name} — {path}", "info"))
        return store
    # The language comes first: every question after it is asked in it.
    language = options.language
    if language is None:
        language = asker.select(
            LANGUAGE_QUESTION,
            [Choice(f"{code} — {NATIVE_NAMES[code]}", code) for code in LANGUAGES],
            default=options.interface or "en",
        )
    t = words(options.interface or language)
    screen.show(Note(t("Starting a new philosophy in {path}.", path=path), "info"))
    company = options.company
    if not company:
        please = t("Please type the company's name.")

        def needed(answer: str) -> bool | str:
            return True if answer.strip() else please

        company = asker.text(t("Company name"), validate=needed).strip()
    store = Store.create(path, new_document(company, None, language))
    write_schema_beside(path)
    screen.show(Note(t("Created {path} for {company}.", path=path, company=company), "done"))
    return store


def _start(session: Session, options: Options) -> Step | None:
    """The step to start with; None to go straight to the finish."""
    if options.step is not None:
        return options.step
    t = session.t
    first = steps_mod.first_unfinished(session.doc)
    if first is not None:
        if first.number > 1 or steps_mod.status(session.doc)[0].state != "not started":
            session.note(
                t(
                    "Resuming at step {number} of {total} · {name}.",
                    number=first.number,
                    total=len(STEPS),
                    name=first.name,
                ),
                "info",
            )
        return first
    session.note(t("All seven steps are done."), "done")
    choice = session.select(
        t("What now?"),
        [Choice(t("Finish: see the check's verdict and render the charter"), FINISH)]
        + [
            Choice(t("Revisit step {number} · {name}", number=s.number, name=s.name), s.name)
            for s in STEPS
        ],
        default=FINISH,
    )
    return None if choice == FINISH else BY_NAME[choice]


def _header(session: Session, step: Step) -> Header:
    marks = tuple(
        (s.step.number, s.step.name, "current" if s.step == step else s.state)
        for s in steps_mod.status(session.doc)
    )
    box = session.timebox
    t = session.t
    return Header(
        step.number,
        len(STEPS),
        step.name,
        t(step.title),
        marks,
        "⏱ " + t("{time} for this step", time=clock_text(box.seconds)) if box else None,
        caption=t("Step {number} of {total}", number=step.number, total=len(STEPS))
        + f" · {step.name}",
    )


def _open_step(session: Session, step: Step, *, first: bool, resuming: bool) -> str:
    """Show where the team is; a step not started yet asks whether to start it.

    A step with answers opens on them instead (its summary, or, when the
    workshop resumes there, its first unanswered question).
    """
    if session.timebox is not None:
        session.timebox.restart()  # reading the guidance is part of the step's time
    session.step = step
    session.show(_header(session, step))
    session.show(guidance(step.name, session.t))
    state = steps_mod.status(session.doc)[step.number - 1].state
    if state != "not started":
        session.entry = "resume" if first and resuming and state == "partly" else "revisit"
        return START
    session.entry = "fresh"
    nxt = STEPS[step.number] if step.number < len(STEPS) else None
    t = session.t
    skip = (
        t("Skip to step {number} · {name}", number=nxt.number, name=nxt.name)
        if nxt
        else t("Skip to the finish")
    )
    action = session.select(
        t("Ready?"),
        [
            Choice(t("Start step {number} · {name}", number=step.number, name=step.name), START),
            Choice(skip, SKIP),
            Choice(t("Stop here for today"), STOP),
        ],
        default=START,
        echo=False,
    )
    return str(action)


def _close_step(session: Session, step: Step) -> None:
    result = steps_mod.status(session.doc)[step.number - 1]
    t = session.t
    if result.state == "done":
        session.note(
            t("Step {number} · {name} is done.", number=step.number, name=step.name), "done"
        )
        return
    gaps = [t.say(item) for item in result.missing]
    missing = "; ".join(gaps[:4]) + ("; …" if len(gaps) > 4 else "")
    session.note(
        t(
            "Step {number} · {name} is not finished yet; still missing: {missing}. "
            "Come back to it with --step {name}.",
            number=step.number,
            name=step.name,
            missing=missing,
        ),
        "warning",
    )


def _carry_on(options: Options, doc: Philosophy, step: Step | None) -> str:
    """The command that resumes where the team stopped: at `step` unless it is the first
    unfinished one anyway (then plain resuming lands there)."""
    first = steps_mod.first_unfinished(doc)
    return resume_command(
        options.path, None if step is None or first == step else step, options.again
    )


def _stopped(session: Session, options: Options, step: Step) -> None:
    path = options.path
    command = _carry_on(options, session.doc, step)
    session.note(
        session.t(
            "Stopped before step {number} · {name}. Everything is saved in {path}. "
            "Resume with: {command}",
            number=step.number,
            name=step.name,
            path=path,
            command=command,
        ),
        "done",
    )


def _interrupted(
    t: Words, options: Options, store: Store | None, step: Step | None
) -> WorkshopStopped:
    """What the room reads on Ctrl-C, in its language: where it stopped, how to carry on."""
    path = options.path
    if store is None:
        return WorkshopStopped(
            t("Stopped before anything was saved."),
            hint=t(
                "Start again with: {command}",
                command=resume_command(path, again=options.again),
            ),
        )
    command = _carry_on(options, store.doc, step)
    if step is None:
        stopped = t("Stopped at the finish. Every answer so far is saved in {path}.", path=path)
    else:
        stopped = t(
            "Stopped in step {number} of {total} · {name}. Every answer so far is saved in {path}.",
            number=step.number,
            total=len(STEPS),
            name=step.name,
            path=path,
        )
    return WorkshopStopped(stopped, hint=t("Resume with: {command}", command=command))
