"""What the room sees: each block drawn by rich, pinned to a fixed width and no colour."""

from __future__ import annotations

from rich.console import Console

from cxphilo.workshop.asker import Finding, Guidance, Header, Note, Table, Verdicts
from cxphilo.workshop.terminal import RichScreen


def draw(*blocks: object) -> str:
    console = Console(width=80, record=True, no_color=True, force_terminal=False)
    screen = RichScreen(console)
    with console.capture() as captured:
        for block in blocks:
            screen.show(block)  # type: ignore[arg-type]
        screen.question()  # the page: the step on top, then what is pending
    return captured.get()


def test_header_says_where_the_room_is() -> None:
    text = draw(
        Header(
            3,
            7,
            "values",
            "Brainstorm values and cut them to five",
            (
                (1, "assess", "done"),
                (2, "model", "partly"),
                (3, "values", "current"),
                (4, "vision", "not started"),
            ),
            "⏱ 15:00 for this step",
        )
    )
    assert "Step 3 of 7 · values" in text
    assert "✔ 1 assess   ◐ 2 model   ▶ 3 values   ○ 4 vision" in text
    assert "Brainstorm values and cut them to five      ⏱ 15:00 for this step" in text


def test_guidance_panel() -> None:
    text = draw(Guidance("What it is for.", "The one question?", "Disney: We create happiness."))
    assert "What this step is for" in text
    assert "The question: The one question?" in text
    assert "Example: Disney: We create happiness." in text


def test_notes_tables_and_verdicts() -> None:
    text = draw(
        Note("Saved.", "done"),
        Note("Careful.", "warning"),
        Table("Ideas", ("#", "Idea"), (("1", "They were quick"),), caption="1 option"),
        Verdicts(
            "Best support 24/7",
            (("simple", "fail"), ("service", "pass"), ("future", "skip")),
            (Finding("simple", "“best” is a buzzword", "say what customers get"),),
        ),
    )
    assert "✔ Saved." in text
    assert "! Careful." in text
    assert "They were quick" in text and "1 option" in text
    assert "“Best support 24/7”" in text
    words = " ".join(text.split())
    assert "Simple to understand and act on ✘ fail “best” is a buzzword" in words
    assert "→ say what customers get" in words
    assert "Describes the type of service ✔ pass" in words
    assert "Reflects now and the future - not judged" in words
