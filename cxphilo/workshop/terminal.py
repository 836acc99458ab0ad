"""What the room sees, drawn with rich: made for a projector, big structure and short lines.

The screen works in pages. Blocks the steps show are held until the next
question; then the screen is cleared and redrawn with the step's header and
its one question on top, the blocks under it, and the prompt last. So the
step and what it is for never scroll away, however many answers it takes,
and a ballot cast on one page is gone from the next.

Everything a person typed reaches rich as `Text` (never as markup), with
control characters shown as escapes (`output.visible`). rich is imported
inside the methods, so that importing this module costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxphilo import output

from .asker import Answer, Block, Guidance, Header, Note, Picture, Private, Table, Verdicts

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

_STATE = {
    "done": ("✔", "green"),
    "partly": ("◐", "yellow"),
    "not started": ("○", ""),
    "current": ("▶", "bold cyan"),
}
_NOTE = {
    "info": ("", ""),
    "done": ("✔ ", "green"),
    "warning": ("! ", "bold yellow"),
    "question": ("", "bold"),
}
_VERDICT = {
    "pass": ("✔ pass", "bold green"),
    "fail": ("✘ fail", "bold red"),
    "skip": ("- not judged", ""),
}
_CRITERION = {
    "simple": "Simple to understand and act on",
    "service": "Describes the type of service",
    "future": "Reflects now and the future",
}
# Clears the screen and the scrollback (xterm and its kin): a cast ballot leaves no trace.
_WIPE_SCROLLBACK = "\x1b[3J"


def _text(text: str, style: str = "") -> Text:
    """Typed (or stored) text as rich `Text`: never markup, control characters visible."""
    from rich.text import Text

    return Text(output.visible(text), style=style)


class RichScreen:
    """Shows workshop blocks on the terminal through `output.console()`, a page per question."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or output.console()
        self._header: Header | None = None
        self._guidance: Guidance | None = None
        self._full_guidance = False  # the first page of a step shows the whole panel
        self._pending: list[Block] = []
        self._wipe = False

    # --- the Screen protocol ------------------------------------------------------------

    def show(self, block: Block) -> None:
        if isinstance(block, Header):
            self._header = block
            self._guidance = None
        elif isinstance(block, Guidance):
            self._guidance = block
            self._full_guidance = True
        elif isinstance(block, Private):
            # Ballots are never shown as blocks; what must go is what the terminal
            # itself still holds: the scrollback, wiped with the next page.
            self._wipe = True
        else:
            self._pending.append(block)

    def question(self) -> None:
        if self.console.is_terminal and not self.console.is_dumb_terminal:
            self.console.clear()
            if self._wipe:
                self.console.file.write(_WIPE_SCROLLBACK)
        elif self._header is not None:
            self.console.print()
        self._wipe = False
        if self._header is not None:
            self._draw_header(self._header)
        if self._guidance is not None:
            if self._full_guidance:
                self._draw_guidance(self._guidance)
                self._full_guidance = False
            else:
                question = self._guidance.labels[1] + " " + self._guidance.question
                self.console.print(_text(question, "italic"))
        self.flush()

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        for block in pending:
            self._draw(block)

    # --- drawing ------------------------------------------------------------------------

    def _draw(self, block: Block) -> None:
        if isinstance(block, Note):
            self._note(block)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Answer):
            self._answer(block)
        elif isinstance(block, Verdicts):
            self._verdicts(block)
        elif isinstance(block, Header):
            self._draw_header(block)
        elif isinstance(block, Guidance):
            self._draw_guidance(block)
        elif isinstance(block, Picture):
            for line in block.lines:
                self.console.print(_text(line), no_wrap=True, overflow="crop")

    def _draw_header(self, block: Header) -> None:
        from rich.columns import Columns
        from rich.rule import Rule

        caption = block.caption or f"Step {block.number} of {block.total} · {block.name}"
        self.console.print(Rule(_text(f" {caption} ", "bold")))
        # A zoomed-in projector leaves few columns: wrap between steps, never inside one.
        marks = [
            _text(f"{_STATE[state][0]} {number} {name}", _STATE[state][1])
            for number, name, state in block.steps
        ]
        self.console.print(Columns(marks, padding=(0, 3)))
        title = _text(block.title, "bold")
        if block.timebox:
            title.append(f"      {block.timebox}", style="cyan")
        self.console.print(title)

    def _draw_guidance(self, block: Guidance) -> None:
        from rich.panel import Panel
        from rich.text import Text

        body = Text()
        body.append(output.visible(block.purpose) + "\n\n")
        title, question, example = (output.visible(label) for label in block.labels)
        body.append(question + " ", style="bold")
        body.append(output.visible(block.question) + "\n\n", style="bold cyan")
        body.append(example + " ", style="italic")
        body.append(output.visible(block.example), style="italic")
        self.console.print(Panel(body, title=title, title_align="left", padding=(0, 1)))

    def _note(self, block: Note) -> None:
        mark, style = _NOTE[block.kind]
        if block.kind == "question":
            self.console.print()
        self.console.print(_text(mark + block.text, style))
        for item in block.items:
            self.console.print(_text(f"  • {item}"))

    def _answer(self, block: Answer) -> None:
        from rich.text import Text

        line = Text("✔ ", style="green")
        line.append(output.visible(block.question))
        if len(block.answer) == 1:
            line.append("  ")
            line.append(output.visible(block.answer[0]), style="bold")
            self.console.print(line)
            return
        if not block.answer:
            line.append("  —")
        self.console.print(line)
        for item in block.answer:
            self.console.print(_text(f"  • {item}", "bold"))

    def _table(self, block: Table) -> None:
        from rich import box
        from rich.table import Table as RichTable

        # The title on a line of its own: as the table's title rich would wrap it to the
        # table's width ("Everyone has / voted: the tally").
        self.console.print(_text(block.title, "bold"))
        table = RichTable(
            caption=_text(block.caption) if block.caption else None,
            caption_justify="left",
            box=box.SIMPLE_HEAD,
            show_header=any(block.columns),
            header_style="bold",
            pad_edge=False,
        )
        for index, column in enumerate(block.columns):
            table.add_column(
                _text(column), no_wrap=index == 0 and len(block.columns) > 2, overflow="fold"
            )
        for row in block.rows:
            cells: list[RenderableType] = [_text(cell) for cell in row]
            table.add_row(*cells)
        self.console.print(table)

    def _verdicts(self, block: Verdicts) -> None:
        from rich import box
        from rich.table import Table as RichTable
        from rich.text import Text

        self.console.print()
        self.console.print(_text(block.title, "bold"))
        self.console.print(_text(f"“{block.statement}”", "italic"))
        table = RichTable(box=box.SIMPLE_HEAD, show_header=False, pad_edge=False)
        table.add_column("Criterion", no_wrap=True)
        table.add_column("Verdict", no_wrap=True)
        table.add_column("Why, and how to fix it", overflow="fold")
        for name, verdict in block.criteria:
            label, style = _VERDICT.get(verdict, (verdict, ""))
            why = "\n".join(
                output.visible(f.message) + (f"\n→ {output.visible(f.fix)}" if f.fix else "")
                for f in block.findings
                if f.criterion == name
            )
            table.add_row(_text(_CRITERION.get(name, name)), _text(label, style), Text(why))
        self.console.print(table)
