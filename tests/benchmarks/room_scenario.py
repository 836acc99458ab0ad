"""The room scenario: what a four-person leadership team answers, and a keyboard that counts.

The scenario's data are plain constants, so that a driver for any version of
`cxphilo workshop` types the same answers. `Keyboard` drives the workshop in a
pseudo-terminal (a pexpect child) and counts, per row of the table (a step,
the finish, the revisit), the keys that are not text and the characters of
typed text. Nothing here imports cxphilo: the same module drives an older and
a newer workshop alike. Every wait is on words on the screen, never on time;
the timeout only turns a workshop that never asks into a clear failure.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pexpect
import yaml

# --- the scenario's data ---------------------------------------------------------------------

COMPANY = "Fjordlys Bikes"
LANGUAGE = "en"
FILE = "philosophy.yaml"

# Step 1, assess. Answers marked [new] have a question only in the newer workshop.
MISSION = "Make city cycling easy for everyone."
COMPANY_VISION = "Every trip in town starts on a bike."  # [new]
PURPOSE = "We sell, rent and repair city bikes."
SUPPORT_ROLE = "Keep every rider on the road."
GOAL = "reduce-effort"  # reduce their effort, not delight
GOAL_WHY = "Riders want it fixed with little fuss."
PRINCIPLES = "Fix the rider's day first; One person owns a problem until it is solved"
NEEDS = "A working bike the next day; Honest advice on repairs"
EXPECTATIONS = "A first reply within one working hour"
CUSTOMER_CHANNELS = ("phone", "email", "chat", "social")
SELF_HELP = "Repair videos; The FAQ"
INSIGHT_SOURCES_TICKED = 2  # the first two the workshop offers
INSIGHT_OTHER = "Workshop interviews"
TEAM_SIZE = "4"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat")
HOURS_ONE_RANGE = "08:00-17:00"  # what a workshop with one range of hours is given
WEEKDAY_HOURS = "08:00-17:00"  # [new] Monday to Friday
SATURDAY_HOURS = "10:00-14:00"  # [new]
CHAT_HOURS = "08:00-20:00"  # [new] chat is staffed longer
STAFFED_CHANNELS = ("phone", "email", "chat")

# Step 2, model.
MODEL = "customer-centric"
MODEL_WHY = "Riders keep a bike for years and come back to us."
CUSTOMER_HISTORY = "A service log per frame number in the help desk."

# Step 3, values.
ROOM = ("Ingrid (CEO)", "Mei (support lead)", "Tom (product)", "Ana (sales)")
ROOM_ANSWER = "; ".join(ROOM)
TYPED_IDEAS = (
    "We want customers to believe what we tell them is true",
    "They fixed it the first time",
    "They were quick to answer",
    "They showed me how to do it myself",
    "They knew me and my bike",
    "Respect",
    "They listened before they talked",
)
TRUST_IDEA = TYPED_IDEAS[0]  # its core value gets the team's own wording
CSV_FILE = "ideas.csv"
# As the team wrote them down: names differ from the room's by case and by the role.
CSV_ROWS = (
    ("ingrid", "Friendly people"),
    ("Mei", "We could trust what they told us"),
    ("Tom", "Fast, friendly help"),
    ("Ana", "Fair prices for repairs"),
    ("mei", "They kept me posted"),
    ("Tom", "Quality parts"),
    ("Ingrid", "Help in my language"),
    ("Ana", "They remembered my last visit"),
)
MAX_OPTIONS_TO_VOTE = 10  # merge until this many remain: one round then keeps five
# Options that mean the same, merged in this order while more than ten remain;
# the first name of each pair is kept.
MERGES = (
    ("Quality", "Quality parts"),
    ("Personalisation", "Help in my language"),
)
# Round 1, by the room's first names. Ana abstains where the workshop lets her;
# where it refuses an empty ballot she ticks ANA_FALLBACK instead, which makes
# Listening and Autonomy share fifth place.
BALLOTS = {
    "Ingrid": ("Honesty", "Quality", "Speed"),
    "Mei": ("Honesty", "Quality", "Personalisation"),
    "Tom": ("Speed", "Personalisation", "Listening"),
    "Ana": (),
}
ANA_FALLBACK = ("Autonomy",)
REVOTE = {"Ingrid": "Listening", "Mei": "Listening", "Tom": "Autonomy", "Ana": "Listening"}
TRUST_WORDING = "Tell it straight"  # the trust idea's value, in the team's words

# Step 4, vision. The scenario leaves the journey's and the good day's words open.
JOURNEY = "Buy or rent, ride, bring it in when it breaks, ride again."  # [new]
GOOD_DAY = "Every bike that comes in on Monday is back on the road on Tuesday."  # [new]
VISION_FIRST = "We are always there for you, day and night, 24/7."  # fails: no 24/7 team
VISION = "Every rider gets honest help that keeps them riding."
STAKEHOLDER = "Lars (workshop)"
REACTION = "It sounds like us"

# Step 5, actions.
NO_SUGGESTION_STATEMENT = "Treat every rider as a regular."
SPEED_VALUE = "Speed"  # the value that measures speed
QUALITY_VALUE = "Quality"
OWN_METRIC_ID = "SAME_DAY"
OWN_METRIC_NAME = "Repairs done the same day"
OWN_METRIC_MEASURES = "Share of repairs finished the day they come in"
OWN_METRIC_UNIT = "%"  # [new]
OWN_METRIC_BETTER = "higher"  # [new]
OWN_METRIC_FORMULA = "repairs finished the same day / repairs started x 100"  # [new]
BASELINES = {  # metric: (baseline, target, by when)
    "FCR": ("64", "80", "2027-06-30"),
    "CSAT": ("72", "85", "2027-06-30"),
}
FCR_BASELINE_WITH_UNIT = "64%"  # [new] where the workshop takes a unit with the number
BRAND_TONE = "Warm and plain"
BRAND_VOICE = "We say we and you"

# Step 6, share.
ONBOARDING = "Two days at the repair desk"
TRAINING = "A monthly repair clinic"  # [new]
AUTONOMY = "Anyone may refund up to 500 kroner without asking"  # [new]
PROMOTIONS = "The career ladder names the values"
SOCIAL_MEDIA = "Public replies in our own voice"

# Step 7, listen.
METHODS_TICKED = 1  # the first the workshop offers
INTERPRETATION = ("Support", TRUST_WORDING, "Say when a part is late")  # [new]
REVIEW_OWNER = "Mei"
CONFLICTS = "Raise it in the Monday meeting; Ingrid decides"

# The revisit, a second run the next day.
REVISIT_METRIC = "CSAT"
REVISIT_TARGET_DATE = "2027-09-30"

ROWS = (
    ("assess", "1 assess"),
    ("model", "2 model"),
    ("values", "3 values"),
    ("vision", "4 vision"),
    ("actions", "5 actions"),
    ("share", "6 share"),
    ("listen", "7 listen"),
    ("finish", "finish"),
    ("revisit", "revisit"),
)


def csv_text(rows: Sequence[tuple[str, str]]) -> str:
    """The ideas file: a `participant,idea` header, then one row per idea (quoted as needed)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("participant", "idea"))
    writer.writerows(rows)
    return out.getvalue()


def first_name(name: str) -> str:
    """The room's way of naming a person in the ballots: "Ingrid (CEO)" -> "Ingrid"."""
    return name.split("(")[0].strip()


def option_key(option: str) -> str:
    """How the workshops compare options: case and spacing aside."""
    return " ".join(option.casefold().split())


def vote_options(doc: dict[str, Any]) -> list[str]:
    """The options on the vote as the workshops list them: each idea's core value or its
    words, after the merges, first spelling and order kept."""
    merges = dig(doc, "brainstorm", "merges") or []

    def canonical(option: str) -> str:
        for merge in merges:
            if option_key(option) in {option_key(m) for m in merge.get("merged") or []}:
                return str(merge["into"])
        return option

    options: list[str] = []
    for idea in dig(doc, "brainstorm", "ideas") or []:
        option = canonical(str(idea.get("value") or idea["text"]).strip())
        if option_key(option) not in {option_key(o) for o in options}:
            options.append(option)
    return options


# --- keys ----------------------------------------------------------------------------------

ENTER = "\r"
UP = "\x1b[A"
DOWN = "\x1b[B"
SPACE = " "
CTRL_U = "\x15"  # clears a pre-filled answer
CTRL_C = "\x03"
SPECIAL_KEYS = frozenset({ENTER, UP, DOWN, SPACE, CTRL_U, CTRL_C})


def move_keys(count: int, start: int, target: int) -> list[str]:
    """The arrows that move a menu's pointer from `start` to `target`, the short way round.

    The menus wrap around (Up on the first choice goes to the last).
    """
    down = (target - start) % count
    return [DOWN] * down if down <= count - down else [UP] * (count - down)


def tick_keys(count: int, targets: Sequence[int], start: int = 0) -> list[str]:
    """Arrows and spaces that tick `targets` in a list of `count` choices, in the fewest keys.

    The pointer starts at `start` and may wrap around; Enter is not included.
    On a ring the fewest moves that pass every target go one way only, or one
    way and then back the other, covering the shorter side twice.
    """
    rel = sorted({(t - start) % count for t in targets})
    keys = [SPACE] if rel and rel[0] == 0 else []
    rel = [r for r in rel if r]
    best: tuple[int, list[tuple[int, str]]] | None = None
    for k in range(len(rel), -1, -1):  # straight down is tried first and wins a tie
        down, up = rel[:k], rel[k:]
        a = down[-1] if down else 0
        b = count - up[0] if up else 0
        down_legs = [(t, DOWN) for t in down]
        up_legs = [(t, UP) for t in reversed(up)]  # going up, the last choice comes first
        for moves, plan in (
            (a + b + (a if up else 0), down_legs + up_legs),
            (a + b + (b if down else 0), up_legs + down_legs),
        ):
            if best is None or moves < best[0]:
                best = (moves, plan)
    position = 0
    for target, key in best[1] if best else []:
        steps = (target - position) % count if key == DOWN else (position - target) % count
        keys += [key] * steps + [SPACE]
        position = target
    return keys


def positions(choices: Sequence[str], wanted: Sequence[str]) -> list[int]:
    """Where each wanted choice is in a list, compared without case; raises on a missing one."""
    folded = [c.casefold() for c in choices]
    missing = [w for w in wanted if w.casefold() not in folded]
    if missing:
        raise ScenarioError(f"not among the choices {list(choices)}: {missing}")
    return [folded.index(w.casefold()) for w in wanted]


# --- the keyboard ------------------------------------------------------------------------------

TIMEOUT = 60  # seconds a prompt may take to appear before the run counts as broken
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")


class ScenarioError(Exception):
    """The workshop did not do what the scenario expects (a prompt never came, a value is off)."""


def plain(text: str) -> str:
    """Terminal output without its escape sequences."""
    return _ANSI.sub("", text)


@dataclass
class Count:
    """Keys of one row: `keys` that are not text, `chars` of typed text."""

    keys: int = 0
    chars: int = 0


@dataclass
class Keyboard:
    """Presses keys in a workshop running in a pexpect child, and counts them per row.

    Call `step(row)` before the keys of a row. Non-text keys are Enter, the
    arrows, space to tick, Ctrl-U, Ctrl-C and any shortcut letter (a `y` that
    answers yes); text is every character typed into a text answer.
    """

    child: pexpect.spawn
    rows: Sequence[str] = tuple(key for key, _ in ROWS)
    row: str | None = None
    counts: dict[str, Count] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (row, footnote)
    # Keys of questions that only a newer workshop asks, counted a second time here,
    # so that a table can compare the questions both workshops ask.
    new_only: dict[str, Count] = field(default_factory=dict)
    marking: bool = False
    _screen: io.StringIO = field(default_factory=io.StringIO)

    def __post_init__(self) -> None:
        self.counts = {row: Count() for row in self.rows}
        self.new_only = {row: Count() for row in self.rows}
        self.attach(self.child)

    def attach(self, child: pexpect.spawn) -> None:
        """Type into another run of the workshop from now on (the counts go on)."""
        self.child = child
        self.child.logfile_read = self._screen

    def step(self, name: str) -> None:
        """Count the keys that follow in row `name`."""
        if name not in self.counts:
            raise ScenarioError(f"no row {name!r}; the rows are {', '.join(self.rows)}")
        self.row = name

    def note(self, text: str) -> None:
        """A footnote to the current row: where this run departs from the scenario."""
        self.notes.append((self._row(), text))

    def wait(self, words: str) -> str:
        """Wait until `words` are on the screen; returns what was shown up to them, plain."""
        try:
            self.child.expect_exact(words, timeout=TIMEOUT)
        except (pexpect.TIMEOUT, pexpect.EOF) as exc:
            what = "the workshop ended" if isinstance(exc, pexpect.EOF) else "timed out"
            raise ScenarioError(
                f"waiting for {words!r} in row {self.row}: {what}. The screen's last lines:\n"
                + self.tail()
            ) from None
        return plain(str(self.child.before) + str(self.child.after))

    def wait_any(self, *alternatives: str) -> int:
        """Wait until one of the alternatives is on the screen; returns which (its index)."""
        try:
            return int(self.child.expect_exact(list(alternatives), timeout=TIMEOUT))
        except (pexpect.TIMEOUT, pexpect.EOF):
            raise ScenarioError(
                f"waiting for any of {list(alternatives)!r} in row {self.row}. "
                "The screen's last lines:\n" + self.tail()
            ) from None

    def press(self, *keys: str) -> None:
        """Press keys now (after a `wait`): each one a special key or one shortcut letter."""
        count = self.counts[self._row()]
        for key in keys:
            if key not in SPECIAL_KEYS and len(key) != 1:
                raise ScenarioError(f"{key!r} is not one key; type text with type()")
            self.child.send(key)
            count.keys += 1
            if self.marking:
                self.new_only[self._row()].keys += 1

    def keys(self, prompt: str, *keys: str) -> None:
        """Wait for the prompt's words, then press `keys` one after another."""
        self.wait(prompt)
        self.press(*keys)

    def write(self, text: str) -> None:
        """Type text into the answer being asked (no Enter)."""
        self.child.send(text)
        self.counts[self._row()].chars += len(text)
        if self.marking:
            self.new_only[self._row()].chars += len(text)

    @contextlib.contextmanager
    def only_new(self) -> Iterator[None]:
        """Keys pressed inside are for a question the workshop before its rework did not ask."""
        self.marking = True
        try:
            yield
        finally:
            self.marking = False

    def type(self, prompt: str, text: str = "") -> None:
        """Wait for the prompt's words, type `text` and press Enter (just Enter: accept)."""
        self.wait(prompt)
        if text:
            self.write(text)
        self.press(ENTER)

    def retype(self, prompt: str, text: str) -> None:
        """Wait for the prompt's words, clear the pre-filled answer (Ctrl-U), type, Enter."""
        self.wait(prompt)
        self.press(CTRL_U)
        self.write(text)
        self.press(ENTER)

    def finish(self) -> tuple[int | None, str]:
        """Wait for the workshop to end; its exit status and what it showed last, plain."""
        try:
            self.child.expect(pexpect.EOF, timeout=TIMEOUT)
        except pexpect.TIMEOUT:
            raise ScenarioError("the workshop did not end:\n" + self.tail()) from None
        rest = plain(str(self.child.before or ""))
        self.child.close()
        return self.child.exitstatus, rest

    def tail(self, lines: int = 25) -> str:
        """The last lines shown, plain, for an error message."""
        shown = [line.rstrip() for line in plain(self._screen.getvalue()).splitlines()]
        return "\n".join([line for line in shown if line.strip()][-lines:])

    def _row(self) -> str:
        if self.row is None:
            raise ScenarioError("call step(row) before the first key")
        return self.row


def spawn_workshop(
    cwd: Path, *args: str, pythonpath: Path | None = None, python: str | None = None
) -> pexpect.spawn:
    """`python -m cxphilo workshop ARGS` in a pseudo-terminal, set up as the project's pty tests.

    `pythonpath` goes first on the child's PYTHONPATH, to run another copy of cxphilo.
    """
    child = pexpect.spawn(
        python or sys.executable,
        ["-m", "cxphilo", "workshop", *args],
        cwd=str(cwd),
        env=child_env(pythonpath),
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(50, 120),
    )
    # pexpect sleeps 50 ms before every send by default; every key here follows a
    # prompt already on the screen, so the sleeps would only slow the run down.
    child.delaybeforesend = None
    return child


def child_env(pythonpath: Path | None = None) -> dict[str, str]:
    """The environment of the workshop and of `cxphilo check` after it."""
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "NO_COLOR": "1",
        "COLUMNS": "120",
        "LINES": "50",
        # A pseudo-terminal here does not answer cursor-position requests;
        # without this, prompt_toolkit waits for each answer before drawing.
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    env.pop("GITHUB_ACTIONS", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(pythonpath.resolve()), env.get("PYTHONPATH", "")) if p
        )
    return env


# --- what the workshop saved ----------------------------------------------------------------


def saved(path: Path) -> dict[str, Any]:
    """The philosophy file as the workshop saved it, as plain data."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ScenarioError(f"{path}: cannot read what the workshop saved ({exc})") from None
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: not a mapping at the top")
    return data


def dig(data: Any, *keys: str | int) -> Any:
    """`data[k1][k2]...`, or None where a key is missing."""
    for key in keys:
        if isinstance(data, Mapping) and isinstance(key, str):
            data = data.get(key)
        elif isinstance(data, list) and isinstance(key, int) and -len(data) <= key < len(data):
            data = data[key]
        else:
            return None
    return data


def differences(before: Any, after: Any, where: str = "") -> list[str]:
    """Every place two saved documents differ, as `path: old -> new` lines."""
    if isinstance(before, Mapping) and isinstance(after, Mapping):
        lines = []
        for key in [*before, *(k for k in after if k not in before)]:
            lines += differences(
                before.get(key), after.get(key), f"{where}.{key}" if where else key
            )
        return lines
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        lines = []
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            lines += differences(old, new, f"{where}[{index}]")
        return lines
    return [] if before == after else [f"{where}: {_shown(before)} -> {_shown(after)}"]


def _shown(value: Any) -> str:
    """A saved value as the file spells it: dates as YYYY-MM-DD, text quoted."""
    return value.isoformat() if isinstance(value, dt.date) else repr(value)


# --- the table ---------------------------------------------------------------------------------


def table(keyboard: Keyboard, title: str) -> str:
    """Non-text keys and text characters per row, the totals, then the numbered footnotes."""
    labels = dict(ROWS)
    marks: dict[str, list[int]] = {}
    for number, (row, _) in enumerate(keyboard.notes, start=1):
        marks.setdefault(row, []).append(number)
    lines = [title, f"{'row':<16}{'non-text keys':>15}{'text chars':>12}"]
    for row in keyboard.rows:
        count = keyboard.counts[row]
        mark = ",".join(str(n) for n in marks.get(row, []))
        label = labels.get(row, row) + (f" [{mark}]" if mark else "")
        lines.append(f"{label:<16}{count.keys:>15}{count.chars:>12}")
    keys = sum(c.keys for c in keyboard.counts.values())
    chars = sum(c.chars for c in keyboard.counts.values())
    lines.append(f"{'total':<16}{keys:>15}{chars:>12}")
    if keyboard.notes:
        lines.append("")
        lines += [f"[{n}] {text}" for n, (_, text) in enumerate(keyboard.notes, start=1)]
    return "\n".join(lines)
