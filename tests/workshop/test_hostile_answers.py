"""No typed answer, at any prompt of any step, ends in an internal error.

A hostile asker runs the whole workshop: at every text prompt it first puts
each answer of a hostile corpus through the prompt's real validator (each
must be accepted, or refused with a reason in words), then answers with one
of those the validator accepted, a different one at each prompt and in each
run, so that the hostile text is stored, saved, shown on a real rich screen
and judged by the real criteria. Menus take their default (the way forward);
checkboxes tick the first two choices the validator allows.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from cxphilo.check import check_file
from cxphilo.storage.store import load
from cxphilo.workshop import runner
from cxphilo.workshop.asker import Choice
from cxphilo.workshop.terminal import RichScreen

CORPUS = [
    "[/]",
    "[bold red]loud[/bold red]",
    "We answer [fast]",
    "{0}",
    "{name} %s %d",
    "{{ x }}",
    "{% include '/etc/passwd' %}",
    "\x1b]0;pwned\x07",
    "\x1b[2J\x1b[31mred",
    "nul\x00byte",
    "del\x7f and c1 \x9b",
    "a\ttab",
    "two\nlines",
    ("Ten thousand characters of plain words " * 250)[:10_000],
    "🎉 Kundeservice 👍🏽",
    "שלום עולם",
    "\u202egnp.exe",
    "   ",
    "",
    "null",
    "~",
    "- item",
    "yes",
    "0",
    "-1",
    "1e309",
    "NaN",
    "64%",
    "2027-02-30",
    "2020-01-01",
    "08:00-17:00; 10:00-14:00",
    "09:00-17:00 CET",
    "08:00-24:30",
    "mon-fri 8-17, sun 10-14",
    "A; B; a; ;;",
    "Name: answer",
    "'\"\\",
]
TODAY = dt.date(2026, 3, 2)
LOOPS = 3  # a question asked again and again (the next idea, the next stakeholder) stops here


class HostileAsker:
    """Answers every prompt with hostile text; records what each validator said."""

    def __init__(self, offset: int) -> None:
        self.offset = offset
        self.status: Callable[[], str] | None = None
        self.t: Callable[[str], str] = str  # the room's words (the session sets them)
        self.asked: dict[str, int] = {}
        self.refusals: list[tuple[str, str, str]] = []  # (question, answer, reason)
        self.stored: list[tuple[str, str]] = []

    def _times(self, message: str) -> int:
        if message == "Ready?":  # once per step: never a loop
            return 1
        key = "".join(ch for ch in message if not ch.isdigit())
        self.asked[key] = self.asked.get(key, 0) + 1
        return self.asked[key]

    def text(
        self,
        message: str,
        *,
        default: str = "",
        validate: Callable[[str], bool | str] | None = None,
        instruction: str | None = None,
    ) -> str:
        times = self._times(message)
        accepted: list[str] = []
        for answer in CORPUS:
            verdict = validate(answer) if validate else True
            if verdict is True:
                accepted.append(answer)
            else:
                self.refusals.append((message, answer, "" if verdict is False else str(verdict)))
        if times > LOOPS:  # move on: an empty answer (or what is offered) ends a loop
            for answer in ("", default):
                if validate is None or validate(answer) is True:
                    return answer
        if not accepted:
            for answer in (default, "A plain answer", "1"):
                if validate is None or validate(answer) is True:
                    return answer
            raise AssertionError(f"no answer at all is accepted by {message!r}")
        answer = accepted[(self.offset + len(self.stored)) % len(accepted)]
        self.stored.append((message, answer))
        return answer

    def select(self, message: str, choices: Sequence[Choice], *, default: Any = None) -> Any:
        values = [c.value for c in choices]
        start = values.index(default) if default in values else 0
        times = self._times(message)
        if times > LOOPS:  # asked again and again: try each way in turn, one is out
            return values[(start + times - LOOPS) % len(values)]
        return values[start]

    def checkbox(
        self,
        message: str,
        choices: Sequence[Choice],
        *,
        validate: Callable[[list[Any]], bool | str] | None = None,
        instruction: str | None = None,
        secret: bool = False,
    ) -> list[Any]:
        self._times(message)
        for picked in ([c.value for c in choices[:2]], [c.value for c in choices[:1]], []):
            verdict = validate(picked) if validate else True
            if verdict is True:
                return picked
            self.refusals.append((message, repr(picked), "" if verdict is False else str(verdict)))
        return [c.value for c in choices if c.checked]

    def confirm(self, message: str, *, default: bool = True) -> bool:
        return default if self._times(message) <= LOOPS else not default


def _run(folder: Path, offset: int) -> tuple[HostileAsker, str]:
    asker = HostileAsker(offset)
    out = io.StringIO()
    console = Console(file=out, width=80, force_terminal=True, color_system="truecolor")
    path = folder / "philosophy.yaml"
    options = runner.make_options(path, company=CORPUS[offset % 3], language="en")
    # The whole workshop, twice: a new file, then every step revisited from its summary.
    runner.run(options, asker, RichScreen(console), today=TODAY)
    for step in runner.STEPS:
        runner.run(
            runner.make_options(path, step=step.name), asker, RichScreen(console), today=TODAY
        )
    return asker, out.getvalue()


@pytest.mark.parametrize(
    "offset",
    [pytest.param(n, marks=[pytest.mark.slow] if n else []) for n in range(0, len(CORPUS), 4)],
)
def test_hostile_answers_at_every_prompt_end_in_no_internal_error(
    tmp_path: Path, offset: int
) -> None:
    asker, shown = _run(tmp_path, offset)
    assert len(asker.asked) > 60  # every step's questions were reached
    empty = [(q, a) for q, a, reason in asker.refusals if not reason.strip()]
    assert not empty, f"refused without a reason: {empty[:3]}"
    # The file is whole and valid, and the check reads it without an internal error.
    doc = load(tmp_path / "philosophy.yaml").doc
    assert doc.company.name
    result = check_file(tmp_path / "philosophy.yaml", today=TODAY)
    assert result.criteria
    # What typed text did on the screen: shown, never run.
    assert "\x1b]0;pwned" not in shown and "\x1b[2J\x1b[31mred" not in shown
    assert "[/]" in shown or "[bold red]" in shown or "{{ x }}" in shown


def test_the_hours_of_the_issue_are_refused_with_their_reasons(tmp_path: Path) -> None:
    asker, _ = _run(tmp_path, 0)
    reasons = {a: r for q, a, r in asker.refusals if q == "Opening hours"}
    assert "say which days" in reasons["08:00-17:00; 10:00-14:00"]
    assert "without a time zone (CET)" in reasons["09:00-17:00 CET"]
    assert "ends after 24:00" in reasons["08:00-24:30"]
    assert "control character" in reasons["\x1b]0;pwned\x07"]
