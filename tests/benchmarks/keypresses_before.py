"""Keypresses of the room scenario on the workshop as it was before its rework.

Run: python tests/benchmarks/keypresses_before.py [--cxphilo-path DIR] [--keep]
Drives `cxphilo workshop` in a pseudo-terminal through the seven steps, the
finish (both charters) and a revisit the next day (a second run that changes
CSAT's target date), then prints the keys pressed per step: the non-text keys
(Enter, arrows, space, Ctrl-U, shortcut letters, Ctrl-C) and the characters of
typed text. Where this workshop cannot do what the scenario asks, the driver
does what a facilitator would do with it, and a footnote says so.

`--cxphilo-path DIR` runs the copy of cxphilo in DIR (it goes first on the
child's PYTHONPATH), for instance this version exported from a newer checkout:
    git archive b2b4cdc | tar -x -C DIR
Not part of the test suite; the figures are counts, the same on every run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import room_scenario as s
from room_scenario import (
    CTRL_C,
    ENTER,
    SPACE,
    Keyboard,
    ScenarioError,
    dig,
    move_keys,
    positions,
    saved,
    tick_keys,
    vote_options,
)

# The lists this workshop offers, in its order (its checkboxes and menus start on the first).
CHANNELS = ("phone", "email", "chat", "social", "self-service", "in-person", "sms")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
GOALS = ("delight", "reduce-effort")
MODELS = ("issue-centric", "customer-centric")
INSIGHT_SOURCES = 6  # how many it offers
LISTENING_METHODS = 3
IDEAS_MENU = ("type", "import", "fix", "remove", "done", "leave")  # with ideas; Done is default
WHAT_NOW = 8  # Finish, then Revisit step 1 ... 7
# A profile question for the team's own wording of honesty: this workshop has none to offer.
TRUST_QUESTION = (
    "When did you tell a customer something they did not want to hear? How did you say it?"
)


key = s.option_key  # how this workshop compares options


class Before:
    """The scenario, typed into this workshop."""

    def __init__(self, folder: Path, cxphilo: Path | None) -> None:
        self.folder = folder
        self.cxphilo = cxphilo
        self.path = folder / s.FILE
        self.kb = Keyboard(
            s.spawn_workshop(
                folder,
                s.FILE,
                "--company",
                s.COMPANY,
                "--language",
                s.LANGUAGE,
                pythonpath=cxphilo,
            )
        )
        self.examples: dict[str, str] = {}  # value -> the action statement its hint shows

    def doc(self) -> dict[str, Any]:
        return saved(self.path)

    def values(self) -> list[str]:
        return [str(v["name"]) for v in self.doc().get("values") or []]

    def start_step(self, row: str, number: int) -> None:
        self.kb.step(row)
        self.kb.wait(f"Step {number} of 7")
        self.kb.type("Ready?")  # Start is the default

    def tick(self, prompt: str, count: int, targets: Sequence[int]) -> None:
        self.kb.keys(prompt, *tick_keys(count, targets), ENTER)

    def choose(self, prompt: str, count: int, start: int, target: int) -> None:
        self.kb.keys(prompt, *move_keys(count, start, target), ENTER)

    # --- the first run ---------------------------------------------------------------------

    def run(self) -> None:
        kb = self.kb
        kb.step("assess")
        kb.wait(f"Created {s.FILE} for {s.COMPANY}")
        self.assess()
        self.model()
        self.values_step()
        self.vision()
        self.actions()
        self.share()
        self.listen()
        kb.step("finish")
        kb.type("Render the charter now?")  # Both is the default
        kb.wait("philosophy-charter.html")
        code, rest = kb.finish()
        if code != 0:
            raise ScenarioError(f"the workshop ended with exit {code}:\n{rest}")

    def assess(self) -> None:
        kb = self.kb
        self.start_step("assess", 1)
        kb.type("mission", s.MISSION)
        kb.note(
            "No question for the company's own vision "
            f"({len(s.COMPANY_VISION)} characters not typed)."
        )
        kb.type("company's purpose?", s.PURPOSE)
        kb.type("support's role", s.SUPPORT_ROLE)
        self.choose("delight customers, or", len(GOALS), 0, GOALS.index(s.GOAL))
        kb.type("Why that goal?", s.GOAL_WHY)
        kb.type("principles", s.PRINCIPLES)
        kb.type("need from support", s.NEEDS)
        kb.type("expect on response", s.EXPECTATIONS)
        self.tick(
            "channels do customers use",
            len(CHANNELS),
            positions(CHANNELS, s.CUSTOMER_CHANNELS),
        )
        kb.type("on their own before they ask", s.SELF_HELP)
        self.tick("insight come from", INSIGHT_SOURCES, range(s.INSIGHT_SOURCES_TICKED))
        kb.type("other source of insight", s.INSIGHT_OTHER)
        kb.type("How many people", s.TEAM_SIZE)
        self.tick("which days", len(DAYS), positions(DAYS, s.DAYS))
        kb.type("Opening hours", s.HOURS_ONE_RANGE)
        kb.note(
            f"One range of opening hours for every day and channel: {s.HOURS_ONE_RANGE}; "
            f"Saturday's {s.SATURDAY_HOURS} and chat's {s.CHAT_HOURS} cannot be said."
        )
        self.tick("actually staff", len(CHANNELS), positions(CHANNELS, s.STAFFED_CHANNELS))

    def model(self) -> None:
        kb = self.kb
        self.start_step("model", 2)
        self.choose("Which model fits", len(MODELS), 0, MODELS.index(s.MODEL))
        kb.type("Why this model?", s.MODEL_WHY)
        kb.type("history and internal notes", s.CUSTOMER_HISTORY)

    def values_step(self) -> None:
        kb = self.kb
        self.start_step("values", 3)
        kb.type("Who is in the room?", s.ROOM_ANSWER)
        kb.type("Ideas so far: 0")  # Type ideas one by one is the default
        kb.wait("Idea 1 ")
        for number, idea in enumerate(s.TYPED_IDEAS, start=1):
            kb.write(idea)
            kb.press(ENTER)
            kb.type("Who said it?")  # round the room: the next person is offered
            # A sentence is asked for its core value (Enter takes the suggestion, or
            # keeps the sentence when there is none); a word goes to the next idea.
            if kb.wait_any(f"does “{idea}”", f"Idea {number + 1} ") == 0:
                kb.press(ENTER)
                kb.wait(f"Idea {number + 1} ")
        kb.press(ENTER)  # an empty idea: done typing
        typed = len(s.TYPED_IDEAS)
        kb.wait(f"Ideas so far: {typed}")
        kb.press(*move_keys(len(IDEAS_MENU), IDEAS_MENU.index("done"), 1), ENTER)  # Import
        kb.type("File with the ideas", s.CSV_FILE)
        kb.note(
            f"{s.CSV_FILE} is written with the room's exact names (Ingrid (CEO), ...): this "
            "workshop cannot match ingrid or Mei to the room and would add four voters, each "
            "with a ballot. The figure is a lower bound."
        )
        pending = [idea for _, idea in s.CSV_ROWS]
        end = f"Ideas so far: {typed + len(pending)}"
        while (found := kb.wait_any(*(f"does “{idea}”" for idea in pending), end)) < len(pending):
            kb.press(ENTER)
            pending = pending[found + 1 :]
        kb.press(ENTER)  # Done: go on to the vote
        self.merge()
        self.vote()
        self.wording()

    def merge(self) -> None:
        kb = self.kb
        kb.wait("do any of these mean the same?")
        for keep, other in s.MERGES:
            options = vote_options(self.doc())
            if len(options) <= s.MAX_OPTIONS_TO_VOTE:
                break
            picked = sorted(positions(options, (keep, other)))
            kb.press(*tick_keys(len(options), picked), ENTER)
            names = [options[i] for i in picked]
            kb.wait("Keep which name for the merged option?")
            kb.press(*move_keys(len(names) + 1, 0, positions(names, [keep])[0]), ENTER)
            kb.wait(f"Merged {other} into {keep}")
            kb.wait("do any of these mean the same?")
        if len(vote_options(self.doc())) > s.MAX_OPTIONS_TO_VOTE:
            raise ScenarioError(f"still more than {s.MAX_OPTIONS_TO_VOTE} options after merging")
        kb.press(ENTER)  # none ticked: go on

    def vote(self) -> None:
        kb = self.kb
        kb.type("Votes per person?")  # a third of the options
        self.ballots(0, s.BALLOTS)
        kb.type("Merge options that mean the same? Their votes add up.")  # No is the default
        if kb.wait_any("Tied at the cut", "Value 1 of") != 0:
            raise ScenarioError("round 1 left no tie at the cut: the ballots need another look")
        rounds = dig(self.doc(), "brainstorm", "rounds") or []
        self.ballots(len(rounds) - 1, {name: (pick,) for name, pick in s.REVOTE.items()})

    def ballots(self, index: int, ballots: dict[str, tuple[str, ...]]) -> None:
        kb = self.kb
        for person in s.ROOM:
            kb.wait(f"{person}: pick up to ")
            held = dig(self.doc(), "brainstorm", "rounds", index)
            options = [str(o) for o in held["options"]]
            picks = ballots[s.first_name(person)]
            if not picks:
                picks = s.ANA_FALLBACK
                kb.note(
                    f"{person} cannot abstain (an empty ballot is refused): she ticks "
                    f"{', '.join(picks)}, which makes the tie at fifth place."
                )
            kb.press(*tick_keys(len(options), positions(options, picks)), ENTER)

    def wording(self) -> None:
        kb = self.kb
        kb.wait("The chosen values")  # shown once they are saved
        ideas = dig(self.doc(), "brainstorm", "ideas") or []
        trust = next((i.get("value") for i in ideas if i.get("text") == s.TRUST_IDEA), None)
        names = self.values()
        if trust is None or trust not in names:
            raise ScenarioError(f"the trust idea's value {trust!r} is not among {names}")
        for number, name in enumerate(names, start=1):
            prompt = f"Value {number} of {len(names)}"
            if name == trust:
                kb.retype(prompt, s.TRUST_WORDING)
            else:
                kb.type(prompt)

    def vision(self) -> None:
        kb = self.kb
        self.start_step("vision", 4)
        kb.note(
            "No questions for the customer's journey and a day when everything goes right "
            f"({len(s.JOURNEY) + len(s.GOOD_DAY)} characters not typed)."
        )
        kb.type("Your support vision, in one sentence", s.VISION_FIRST)
        if "fail" not in kb.wait("Keep this wording"):
            raise ScenarioError(f"the first wording passes: {s.VISION_FIRST}")
        kb.press(ENTER)  # Rewrite it, the default after a fail
        kb.retype("Rewrite the vision", s.VISION)
        if "fail" in kb.wait("Keep this wording"):
            raise ScenarioError(f"the rewritten vision fails: {s.VISION}")
        kb.press(ENTER)  # Keep it, the default when all pass
        for criterion in ("act on?", "type of service you give?", "now and want to become?"):
            kb.type(criterion)  # the team's verdict: the engine's is offered
        kb.type("Who reviewed it?")  # the room is offered
        kb.type("A stakeholder who saw it", s.STAKEHOLDER)
        kb.type("gut reaction", s.REACTION)
        kb.type("Did it land with them?")  # Yes is the default
        kb.type("A stakeholder who saw it")  # no more

    def actions(self) -> None:
        kb = self.kb
        self.start_step("actions", 5)
        typed_examples = 0
        for name in self.values():
            kb.wait(f"Action statement for {name}")
            kb.wait("e.g. ")  # the hint ends "e.g. <statement>)", wrapped at the edge
            example = " ".join(kb.wait(")")[:-1].replace("\r", "").replace("\n", "").split())
            self.examples[name] = example
            if name == s.TRUST_WORDING:
                kb.write(s.NO_SUGGESTION_STATEMENT)
            else:
                kb.write(example)
                typed_examples += len(example)
            kb.press(ENTER)
            if name == s.TRUST_WORDING:
                # This workshop finds suggestions by the value's name: it knows none for the
                # team's own wording, so nothing is ticked and step 5 would stay unfinished.
                kb.keys(f"really measure {name}", SPACE, ENTER)  # the first on the list
            else:
                kb.type(f"really measure {name}")  # the suggested ones are ticked
            if name == s.SPEED_VALUE:
                kb.type("A metric of your own for it?", s.OWN_METRIC_ID)
                kb.type(f"Full name of {s.OWN_METRIC_ID}", s.OWN_METRIC_NAME)
                kb.type("What does it measure?", s.OWN_METRIC_MEASURES)
            else:
                kb.type("A metric of your own for it?")
            if name == s.QUALITY_VALUE:
                kb.keys("Record today's baseline and a target for", "y")
                self.targets(name)
            else:
                kb.type("Record today's baseline and a target for")  # No is the default
            kb.type(f"Technology that reinforces {name}")  # the suggestions, as filled in
        kb.note(
            "The action statement a value suggests is only shown as an example in the hint, "
            f"not filled in: the facilitator types it out ({typed_examples} characters)."
        )
        kb.note(
            f"Renamed, {s.TRUST_WORDING} loses its suggestions (they are found by the value's "
            f"name): no action statement (typed: {s.NO_SUGGESTION_STATEMENT}), no metrics "
            "(the first on the list, NPS, is ticked so the step is done), no technology."
        )
        kb.note(
            f"{s.OWN_METRIC_ID} has a name and what it measures only: no unit "
            f"({s.OWN_METRIC_UNIT}), direction or formula; FCR's baseline is typed as "
            f"{s.BASELINES['FCR'][0]}, not {s.FCR_BASELINE_WITH_UNIT}."
        )
        kb.type("The brand's tone", s.BRAND_TONE)
        kb.type("Its voice", s.BRAND_VOICE)
        kb.type("Visuals")
        kb.type("every channel?")

    def targets(self, name: str) -> None:
        kb = self.kb
        value = next(v for v in self.doc()["values"] if v["name"] == name)
        for metric in value.get("metrics") or []:
            baseline, target, when = s.BASELINES.get(metric, ("", "", ""))
            kb.type(f"{metric}: today's value", baseline)
            kb.type(f"{metric}: target", target)
            if target:
                kb.type(f"{metric}: by when?", when)

    def share(self) -> None:
        kb = self.kb
        self.start_step("share", 6)
        kb.type("Onboarding", s.ONBOARDING)
        kb.note(
            "No questions for training and for what anyone may decide alone "
            f"({len(s.TRAINING) + len(s.AUTONOMY)} characters not typed)."
        )
        kb.type("Promotions", s.PROMOTIONS)
        kb.type("Incentives")
        kb.type("Social media", s.SOCIAL_MEDIA)
        kb.type("Anywhere else?")
        kb.type("Score answers on which scale?")  # 1-5, the default
        for name in self.values():
            if name == s.TRUST_WORDING:
                # Nothing is offered for the renamed value; a question makes the step done.
                kb.type(f"Profile questions for {name}", TRUST_QUESTION)
            else:
                kb.type(f"Profile questions for {name}")
            kb.type("What does a strong answer look like?")
        kb.note(
            f"No profile questions are offered for {s.TRUST_WORDING}: one is typed "
            f"({len(TRUST_QUESTION)} characters), and it has no strong answer."
        )

    def listen(self) -> None:
        kb = self.kb
        self.start_step("listen", 7)
        kb.type("Which teams take part?")  # all ticked
        kb.type("The teams table: what now?")  # the table is right
        self.tick("How will you ask them?", LISTENING_METHODS, range(s.METHODS_TICKED))
        kb.type("Any other way?")
        kb.note(
            "No questions for how a team reads a value, nor for recognition, "
            "accountability and patience: the interpretation is not typed "
            f"({len(s.INTERPRETATION[2])} characters)."
        )
        for name in self.values():
            kb.type(f"Survey question about {name}")  # the suggestion, as filled in
        kb.type("How often will you review")  # quarterly
        kb.type("Date of the next review")  # in three months
        kb.type("Who owns the review?", s.REVIEW_OWNER)
        kb.type("conflict with the philosophy", s.CONFLICTS)
        kb.type("Add this playbook")  # Yes is the default

    # --- the revisit ---------------------------------------------------------------------

    def revisit(self) -> None:
        kb = self.kb
        kb.attach(s.spawn_workshop(self.folder, s.FILE, pythonpath=self.cxphilo))
        kb.step("revisit")
        kb.wait("All seven steps are done.")
        self.choose("What now?", WHAT_NOW, 0, 5)  # Revisit step 5 · actions
        kb.type("Ready?")  # Revisit is the default for the step asked for
        enters = 0
        for name in self.values():
            kb.type(f"Action statement for {name}")
            kb.type(f"really measure {name}")
            kb.type("A metric of your own for it?")
            enters += 3
            if name != s.QUALITY_VALUE:
                kb.type("Record today's baseline and a target for")
                kb.type(f"Technology that reinforces {name}")
                enters += 2
                continue
            kb.keys("Record today's baseline and a target for", "y")
            value = next(v for v in self.doc()["values"] if v["name"] == name)
            for metric in value.get("metrics") or []:
                kb.type(f"{metric}: today's value")
                kb.type(f"{metric}: target")
                enters += 2
                if metric == s.REVISIT_METRIC:
                    kb.retype(f"{metric}: by when?", s.REVISIT_TARGET_DATE)
                    break
                kb.type(f"{metric}: by when?")
                enters += 1
            # Nothing but Ctrl-C leaves a step before its last question.
            kb.keys(f"Technology that reinforces {name}", CTRL_C)
            break
        code, rest = kb.finish()
        if code != 130 or "Every answer so far is saved" not in rest:
            raise ScenarioError(f"the revisit did not stop cleanly (exit {code}):\n{rest}")
        kb.note(
            "The revisit starts at the step's first value and goes through every answer "
            f"before CSAT's date ({enters} Enters); nothing but Ctrl-C leaves the step "
            "afterwards (exit 130; every answer is saved)."
        )


# --- what the run left ------------------------------------------------------------------------


def verify(doc: dict[str, Any], examples: dict[str, str], folder: Path) -> list[str]:
    """Where the saved document is not what the scenario typed; empty when it all landed."""
    problems: list[str] = []

    def expect(what: str, actual: Any, wanted: Any) -> None:
        if actual != wanted:
            problems.append(f"{what}: {actual!r}, expected {wanted!r}")

    expect("company.mission", dig(doc, "company", "mission"), s.MISSION)
    expect("assessment.goal", dig(doc, "assessment", "goal"), s.GOAL)
    expect(
        "customers.channels",
        dig(doc, "assessment", "customers", "channels"),
        list(s.CUSTOMER_CHANNELS),
    )
    sources = dig(doc, "assessment", "insight_sources") or []
    expect("insight sources", len(sources), s.INSIGHT_SOURCES_TICKED + 1)
    expect("the last insight source", sources[-1:], [s.INSIGHT_OTHER])
    capacity = dig(doc, "assessment", "capacity") or {}
    expect("capacity.team_size", capacity.get("team_size"), int(s.TEAM_SIZE))
    expect("capacity.days", capacity.get("days"), list(s.DAYS))
    expect("capacity.hours", capacity.get("hours"), s.HOURS_ONE_RANGE)
    expect("capacity.channels", capacity.get("channels"), list(s.STAFFED_CHANNELS))
    expect("model.choice", dig(doc, "model", "choice"), s.MODEL)
    expect("brainstorm.participants", dig(doc, "brainstorm", "participants"), list(s.ROOM))
    expect(
        "ideas",
        len(dig(doc, "brainstorm", "ideas") or []),
        len(s.TYPED_IDEAS) + len(s.CSV_ROWS),
    )
    rounds = dig(doc, "brainstorm", "rounds") or []
    expect("rounds (one, then a re-vote)", [bool(r.get("revote")) for r in rounds], [False, True])
    values = {v["name"]: v for v in doc.get("values") or []}
    expect("number of values", len(values), 5)
    for name, value in values.items():
        statement = s.NO_SUGGESTION_STATEMENT if name == s.TRUST_WORDING else examples.get(name)
        expect(f"statement of {name}", value.get("statement"), statement)
    trust = values.get(s.TRUST_WORDING, {})
    expect(f"metrics of {s.TRUST_WORDING}", trust.get("metrics"), ["NPS"])
    expect(f"technology of {s.TRUST_WORDING}", trust.get("technology") or [], [])
    speed = values.get(s.SPEED_VALUE, {})
    expect(
        f"{s.OWN_METRIC_ID} in {s.SPEED_VALUE}", s.OWN_METRIC_ID in speed.get("metrics", []), True
    )
    metrics = {m["id"]: m for m in doc.get("metrics") or []}
    own = metrics.get(s.OWN_METRIC_ID, {})
    expect(f"{s.OWN_METRIC_ID}.name", own.get("name"), s.OWN_METRIC_NAME)
    expect(f"{s.OWN_METRIC_ID}.measures", own.get("measures"), s.OWN_METRIC_MEASURES)
    for metric, (baseline, target, _) in s.BASELINES.items():
        expect(f"{metric}.baseline", dig(metrics, metric, "baseline", "value"), int(baseline))
        expect(f"{metric}.target", dig(metrics, metric, "target", "value"), int(target))
    expect("vision.statement", dig(doc, "vision", "statement"), s.VISION)
    expect("vision.drafts", dig(doc, "vision", "drafts"), [s.VISION_FIRST])
    expect(
        "stakeholders",
        [
            (r.get("who"), r.get("reaction"), r.get("lands"))
            for r in dig(doc, "vision", "review", "stakeholders") or []
        ],
        [(s.STAKEHOLDER, s.REACTION, True)],
    )
    expect("brand.tone", dig(doc, "brand", "tone"), s.BRAND_TONE)
    expect("brand.voice", dig(doc, "brand", "voice"), s.BRAND_VOICE)
    expect("sharing.onboarding", dig(doc, "sharing", "onboarding"), s.ONBOARDING)
    expect("sharing.promotions", dig(doc, "sharing", "promotions"), s.PROMOTIONS)
    expect("sharing.social_media", dig(doc, "sharing", "social_media"), s.SOCIAL_MEDIA)
    expect("hiring.rubric", len(dig(doc, "hiring", "rubric") or []), 5)
    expect("listening.methods", len(dig(doc, "listening", "methods") or []), s.METHODS_TICKED)
    expect("governance.owner", dig(doc, "governance", "owner"), s.REVIEW_OWNER)
    expect("governance.conflicts", dig(doc, "governance", "conflicts"), s.CONFLICTS)
    expect("recovery", dig(doc, "recovery", "name") is not None, True)
    for charter in ("philosophy-charter.md", "philosophy-charter.html"):
        expect(charter, (folder / charter).is_file(), True)
    return problems


def revisit_changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[list[str], list[str]]:
    """What the revisit changed: (the change the scenario asks for, anything else)."""
    index = next(i for i, m in enumerate(after.get("metrics") or []) if m["id"] == s.REVISIT_METRIC)
    wanted = f"metrics[{index}].target.date"
    changes = s.differences(before, after)
    return [c for c in changes if c.startswith(wanted + ":")], [
        c for c in changes if not c.startswith(wanted + ":")
    ]


def cxphilo_in_use(folder: Path, cxphilo: Path | None) -> tuple[str, Path]:
    """Which cxphilo the child runs: its version, and the folder of its package."""
    probe = subprocess.run(
        [sys.executable, "-c", "import cxphilo; print(cxphilo.__version__, cxphilo.__file__)"],
        cwd=folder,
        env=s.child_env(cxphilo),
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        raise ScenarioError(f"cannot import cxphilo: {probe.stderr.strip()}")
    version, _, where = probe.stdout.strip().partition(" ")
    package = Path(where).parent
    return f"cxphilo {version} from {package}", package


def suggested_statements(package: Path) -> dict[str, str]:
    """The action statement the workshop's own lexicon suggests per value (English names)."""
    folder = package / "workshop" / "data"  # the file's name before and after the move
    names = (folder / "suggestions.yaml", folder / "lexicon.yaml")
    data = saved(next(p for p in names if p.exists()))
    return {str(v["names"]["en"]): str(v["statement"]) for v in data["values"]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cxphilo-path",
        type=Path,
        metavar="DIR",
        help="a folder holding the cxphilo package to run (first on the child's PYTHONPATH)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the folder the run wrote in")
    args = parser.parse_args(argv)
    if args.cxphilo_path is not None and not (args.cxphilo_path / "cxphilo").is_dir():
        parser.error(f"--cxphilo-path {args.cxphilo_path}: no cxphilo package in it")

    folder = Path(tempfile.mkdtemp(prefix="room-scenario-"))
    try:
        (folder / s.CSV_FILE).write_text(
            s.csv_text([(room_name(by), idea) for by, idea in s.CSV_ROWS]), encoding="utf-8"
        )
        try:
            using, package = cxphilo_in_use(folder, args.cxphilo_path)
        except ScenarioError as exc:
            print(exc, file=sys.stderr)
            return 1
        started = time.perf_counter()
        before = Before(folder, args.cxphilo_path)
        try:
            before.run()
            first = saved(before.path)
            before.revisit()
        except ScenarioError as exc:
            print(f"The scenario broke off: {exc}", file=sys.stderr)
            return 1
        elapsed = time.perf_counter() - started
        after = saved(before.path)
        problems = verify(first, before.examples, folder)
        # What was read off the screen is what the workshop's lexicon holds.
        lexicon = suggested_statements(package)
        problems += [
            f"the hint for {name} read as {example!r}, the lexicon says {lexicon.get(name)!r}"
            for name, example in before.examples.items()
            if name != s.TRUST_WORDING and lexicon.get(name) != example
        ]
        asked, other = revisit_changes(first, after)
        if not asked:
            problems.append(f"the revisit did not change {s.REVISIT_METRIC}'s target date")
        if other:
            before.kb.notes.append(("revisit", "The revisit also changed: " + "; ".join(other)))
        check = subprocess.run(
            [sys.executable, "-m", "cxphilo", "check", s.FILE],
            cwd=folder,
            env=s.child_env(args.cxphilo_path),
            capture_output=True,
            text=True,
            check=False,
        )
        print(s.table(before.kb, f"The room scenario on the workshop before its rework ({using})"))
        print()
        print("The revisit changed: " + ("; ".join(asked) or "nothing"))
        print(f"cxphilo check {s.FILE}: exit {check.returncode}")
        for line in (check.stdout + check.stderr).strip().splitlines():
            print(f"  {line}")
        print(f"One run (both sessions) took {elapsed:.1f} s.")
        if args.keep:
            print(f"The files are in {folder}")
        for problem in problems:
            print(f"Not as the scenario typed it: {problem}", file=sys.stderr)
        return 1 if problems or check.returncode != 0 else 0
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def room_name(name: str) -> str:
    """The room's own spelling of a name in the ideas file ("ingrid" -> "Ingrid (CEO)")."""
    return next(p for p in s.ROOM if key(s.first_name(p)) == key(name))


if __name__ == "__main__":
    sys.exit(main())
