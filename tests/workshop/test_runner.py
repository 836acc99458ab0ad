"""The whole workshop in-process: new file or resume, --step, skip, stop, Ctrl-C, the time box."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cxphilo.document.model import Philosophy
from cxphilo.errors import ExitCode, NoTerminalError, UsageError, WorkshopStopped
from cxphilo.locale import words
from cxphilo.storage.store import Store, load
from cxphilo.workshop import runner
from cxphilo.workshop.asker import Guidance, Header, Note, RecordingScreen
from cxphilo.workshop.scripted import DEFAULT, ScriptedAsker
from tests.workshop.conftest import DONE_1_AND_2, TODAY, fake_judge


def workshop(
    path: Path, script: list[Any], clock: Any = None, **options: Any
) -> tuple[ScriptedAsker, RecordingScreen]:
    asker = ScriptedAsker(script)
    screen = RecordingScreen()
    extra = {"clock": clock} if clock else {}
    runner.run(
        runner.make_options(path, **options), asker, screen, today=TODAY, judge=fake_judge, **extra
    )
    assert asker.remaining == 0
    return asker, screen


def headers(screen: RecordingScreen) -> list[str]:
    return [b.name for b in screen.blocks if isinstance(b, Header)]


def write(path: Path, data: dict[str, Any]) -> None:
    Store.create(path, Philosophy.model_validate(data))


def test_a_new_file_asks_for_the_language_first_then_the_company_in_it(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    da = words("da")
    _asker, screen = workshop(
        path,
        [
            ("Language · Sprog · Språk", "da"),
            (da("Company name"), ""),
            (da("Company name"), "Fjordhus Kaffe"),
            (da("Ready?"), "stop"),
        ],
    )
    doc = load(path).doc
    assert (doc.company.name, doc.company.language) == ("Fjordhus Kaffe", "da")
    assert (tmp_path / "cxphilo.schema.json").exists()
    assert headers(screen) == ["assess"]
    assert any(isinstance(b, Guidance) for b in screen.blocks)
    # The room chose Danish: the stop message is in Danish too.
    assert screen.text().splitlines()[-1] == da(
        "Stopped before step {number} · {name}. Everything is saved in {path}. "
        "Resume with: {command}",
        number=1,
        name="assess",
        path=path,
        command=f"cxphilo workshop {path}",
    )
    assert "Stopped" not in screen.text().splitlines()[-1]


def test_company_and_language_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "cx.yaml"
    workshop(path, [(words("sv")("Ready?"), "stop")], company="Acme", language="sv")
    assert load(path).doc.company.language == "sv"


def test_resume_at_the_first_unfinished_step(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    write(path, DONE_1_AND_2)
    _asker, screen = workshop(path, [("Ready", "stop")])
    assert headers(screen) == ["values"]
    assert "Resuming at step 3 of 7 · values." in screen.text()
    header = next(b for b in screen.blocks if isinstance(b, Header))
    assert header.steps[:3] == (
        (1, "assess", "done"),
        (2, "model", "done"),
        (3, "values", "current"),
    )


def test_step_option_skip_and_stop(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    write(path, DONE_1_AND_2)
    _asker, screen = workshop(
        path,
        [
            ("Change which answer", "2"),  # --step model: a done step opens on its answers
            ("Why", "Most questions are one-off."),
            ("Change which answer", DEFAULT),  # go on
            ("Ready", "skip"),  # values
            ("Ready", "stop"),  # vision
        ],
        step="model",
    )
    assert headers(screen) == ["model", "values", "vision"]
    assert load(path).doc.model is not None
    assert load(path).doc.model.rationale == "Most questions are one-off."  # type: ignore[union-attr]
    assert "Step 2 · model is done." in screen.text()
    # values is the first unfinished step, not vision: the resume command names the step.
    assert screen.text().endswith(f"Resume with: cxphilo workshop {path} --step vision")


def test_a_step_by_its_number(tmp_path: Path) -> None:
    assert runner.make_options(tmp_path, step="4").step is not None
    assert runner.make_options(tmp_path, step="Vision").step == runner.BY_NAME["vision"]


def test_ctrl_c_in_a_step_says_where_and_how_to_resume(tmp_path: Path) -> None:
    path = Path("philosophy.yaml")
    full = tmp_path / path
    write(full, DONE_1_AND_2)
    asker = ScriptedAsker(
        [("Ready", DEFAULT), ("room", "Ana; Ben"), ("What next", KeyboardInterrupt)]
    )
    with pytest.raises(WorkshopStopped) as caught:
        runner.run(
            runner.make_options(full), asker, RecordingScreen(), today=TODAY, judge=fake_judge
        )
    stop = caught.value
    assert stop.exit_code == ExitCode.INTERRUPTED
    assert stop.lines() == [
        f"Stopped in step 3 of 7 · values. Every answer so far is saved in {full}.",
        f"Resume with: cxphilo workshop {full}",
    ]
    bs = load(full).doc.brainstorm
    assert bs is not None and bs.participants == ["Ana", "Ben"]


def test_ctrl_c_in_a_later_step_names_it_in_the_resume_command(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    write(path, DONE_1_AND_2)
    asker = ScriptedAsker([("Ready", DEFAULT), ("journey", KeyboardInterrupt)])
    with pytest.raises(WorkshopStopped) as caught:
        runner.run(
            runner.make_options(path, step="vision"),
            asker,
            RecordingScreen(),
            today=TODAY,
            judge=fake_judge,
        )
    assert caught.value.hint == f"Resume with: cxphilo workshop {path} --step vision"


def test_ctrl_c_before_the_file_exists(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    with pytest.raises(WorkshopStopped) as caught:
        runner.run(
            runner.make_options(path),
            ScriptedAsker([("Language", KeyboardInterrupt)]),
            RecordingScreen(),
        )
    assert str(caught.value.message) == "Stopped before anything was saved."
    assert not path.exists()


def test_the_resume_command_repeats_the_room_and_its_address(tmp_path: Path) -> None:
    """Phones wait at the room's address: resuming without --room would strand them."""
    path = tmp_path / "philosophy.yaml"
    write(path, DONE_1_AND_2)
    again = ("--lang", "da", "--room", "--host", "192.168.1.20", "--port", "9000")
    asker = ScriptedAsker([("Klar", DEFAULT), ("rejse", KeyboardInterrupt)])
    with pytest.raises(WorkshopStopped) as caught:
        runner.run(
            runner.make_options(path, step="vision", interface="da", again=again),
            asker,
            RecordingScreen(),
            today=TODAY,
            judge=fake_judge,
        )
    assert str(caught.value.hint).endswith(
        f"cxphilo workshop {path} --step vision --lang da --room --host 192.168.1.20 --port 9000"
    )
    assert runner.resume_command(Path("philosophy.yaml"), again=("--room",)) == (
        "cxphilo workshop --room"
    )


def test_the_default_file_gives_the_shortest_resume_command() -> None:
    assert runner.resume_command(Path("philosophy.yaml")) == "cxphilo workshop"
    assert runner.resume_command(Path("my file.yaml")) == "cxphilo workshop 'my file.yaml'"


class Clock:
    """Moves on a minute each time the time box looks at it."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 60
        return self.now


def test_the_time_box_counts_down_and_says_once_when_time_is_up(tmp_path: Path) -> None:
    path = tmp_path / "philosophy.yaml"
    write(path, DONE_1_AND_2)
    asker, screen = workshop(
        path,
        [
            ("Change which answer", "1"),
            ("model", DEFAULT),
            ("Change which answer", "2"),
            ("Why", "Because."),
            ("Change which answer", DEFAULT),
            ("Ready", "stop"),
        ],
        clock=Clock(),
        step="model",
        timebox="3m",
    )
    header = next(b for b in screen.blocks if isinstance(b, Header))
    assert header.timebox == "⏱ 3:00 for this step"
    assert "left of 3:00 for this step" in asker.statuses[0]  # a live countdown at each question
    assert any(s.startswith("⏱ time is up") for s in asker.statuses)
    notices = [b for b in screen.blocks if isinstance(b, Note) and b.text.startswith("Time is up")]
    assert len(notices) == 1  # gentle, and only once per step
    assert load(path).doc.model.rationale == "Because."  # type: ignore[union-attr]


def test_when_every_step_is_done_it_offers_the_finish(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "northwind-bikes.yaml"
    path = tmp_path / "philosophy.yaml"
    path.write_bytes(example.read_bytes())
    _asker, screen = workshop(path, [("What now", DEFAULT), ("Render the charter", "md")])
    assert "All seven steps are done." in screen.text()
    charter = (tmp_path / "philosophy-charter.md").read_text(encoding="utf-8")
    assert "Northwind Bikes" in charter


def test_wrong_options_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no step 'values2'") as caught:
        runner.make_options(tmp_path, step="values2")
    assert caught.value.hint is not None and "assess, model, values" in caught.value.hint
    with pytest.raises(UsageError, match="language 'xx'"):
        runner.make_options(tmp_path, language="xx")
    with pytest.raises(UsageError, match="time box"):
        runner.make_options(tmp_path, timebox="soon")


def test_no_terminal_says_how_to_work_without_one(tmp_path: Path) -> None:
    error = runner.no_terminal(tmp_path / "new.yaml")
    assert isinstance(error, NoTerminalError)
    assert error.exit_code == ExitCode.USAGE
    assert error.message == (
        "cxphilo workshop needs a terminal to ask its questions, and stdin or stdout is not one"
    )
    new = tmp_path / "new.yaml"
    assert error.hint == (
        f'without a terminal, create it with: cxphilo init {new} --company "Acme", '
        f"edit {new} in any text editor, and check it with: cxphilo check {new}"
    )
    existing = tmp_path / "philosophy.yaml"
    write(existing, {"company": {"name": "Acme"}})
    assert runner.no_terminal(existing).hint == (
        f"without a terminal, edit {existing} in any text editor, "
        f"and check it with: cxphilo check {existing}"
    )


def test_a_resumed_step_carries_on_where_it_stopped(tmp_path: Path) -> None:
    """Ctrl-C half-way through step 1; the next run lands on the first unanswered question."""
    path = tmp_path / "philosophy.yaml"
    write(path, {"company": {"name": "Acme"}})
    first = ScriptedAsker(
        [
            ("Ready", DEFAULT),
            ("mission", "Make cycling easy."),
            ("own vision", "Bikes everywhere."),
            ("purpose", KeyboardInterrupt),
        ]
    )
    with pytest.raises(WorkshopStopped):
        runner.run(runner.make_options(path), first, RecordingScreen(), today=TODAY)
    again = ScriptedAsker([("purpose", "Bikes for all"), ("role", KeyboardInterrupt)])
    screen = RecordingScreen()
    with pytest.raises(WorkshopStopped):
        runner.run(runner.make_options(path), again, screen, today=TODAY)
    assert again.remaining == 0
    assert "Carrying on at question 3: Purpose." in screen.text()
    assert load(path).doc.assessment.purpose == "Bikes for all"  # type: ignore[union-attr]


def test_every_step_has_guidance_with_a_known_companys_example() -> None:
    companies = ("Disney", "Nextiva", "Ritz-Carlton", "Zappos", "Apple", "Slack", "Amazon")
    for step in runner.STEPS:
        panel = runner.guidance(step.name)
        assert panel.purpose and panel.question.endswith("?"), step.name
        assert any(company in panel.example for company in companies), step.name
        assert len(panel.purpose) < 300, f"{step.name}: keep it short for a projector"
