"""What the room sees, drawn with rich: made for a projector, big structure and short lines.

rich is imported inside the methods, so that importing this module costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxphilo import output

from .asker import Block, Guidance, Header, Note, Table, Verdicts

if TYPE_CHECKING:
    from rich.console import Console

_STATE = {
    "done": ("✔", "green"),
    "partly": ("◐", "yellow"),
    "not started": ("○", "dim"),
    "current": ("▶", "bold cyan"),
}
_NOTE = {
    "info": ("", "default"),
    "done": ("✔ ", "green"),
    "warning": ("! ", "yellow"),
    "question": ("", "bold"),
}
_VERDICT = {
    "pass": ("✔ pass", "green"),
    "fail": ("✘ fail", "bold red"),
    "skip": ("- not judged", "dim"),
}
_CRITERION = {
    "simple": "Simple to understand and act on",
    "service": "Describes the type of service",
    "future": "Reflects now and the future",
}


class RichScreen:
    """Shows workshop blocks on the terminal through `output.console()`."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or output.console()

    def show(self, block: Block) -> None:
        if isinstance(block, Header):
            self._header(block)
        elif isinstance(block, Guidance):
            self._guidance(block)
        elif isinstance(block, Note):
            self._note(block)
        elif isinstance(block, Table):
            self._table(block)
        else:
            self._verdicts(block)

    def _header(self, block: Header) -> None:
        from rich.columns import Columns
        from rich.rule import Rule
        from rich.text import Text

        self.console.print()
        self.console.print(
            Rule(
                Text(f" Step {block.number} of {block.total} · {block.name} ", style="bold"),
                style="cyan",
            )
        )
        # A zoomed-in projector leaves few columns: wrap between steps, never inside one.
        marks = [
            Text(f"{_STATE[state][0]} {number} {name}", style=_STATE[state][1])
            for number, name, state in block.steps
        ]
        self.console.print(Columns(marks, padding=(0, 3)))
        title = Text(block.title, style="bold")
        if block.timebox:
            title.append(f"      {block.timebox}", style="cyan")
        self.console.print(title)

    def _guidance(self, block: Guidance) -> None:
        from rich.panel import Panel
        from rich.text import Text

        body = Text()
        body.append(block.purpose + "\n\n")
        body.append("The question: ", style="bold")
        body.append(block.question + "\n\n", style="bold cyan")
        body.append("Example: ", style="italic")
        body.append(block.example, style="italic")
        self.console.print(
            Panel(body, title="What this step is for", title_align="left", padding=(0, 1))
        )

    def _note(self, block: Note) -> None:
        from rich.text import Text

        mark, style = _NOTE[block.kind]
        if block.kind == "question":
            self.console.print()
        self.console.print(Text(mark + block.text, style=style))

    def _table(self, block: Table) -> None:
        from rich import box
        from rich.table import Table as RichTable

        table = RichTable(
            title=block.title,
            title_justify="left",
            title_style="bold",
            caption=block.caption,
            caption_justify="left",
            box=box.SIMPLE_HEAD,
            show_header=any(block.columns),
            header_style="bold",
            pad_edge=False,
        )
        for index, column in enumerate(block.columns):
            table.add_column(column, no_wrap=index == 0 and len(block.columns) > 2, overflow="fold")
        for row in block.rows:
            table.add_row(*row)
        self.console.print(table)

    def _verdicts(self, block: Verdicts) -> None:
        from rich import box
        from rich.table import Table as RichTable
        from rich.text import Text

        self.console.print()
        self.console.print(Text(block.title, style="bold"))
        self.console.print(Text(f"“{block.statement}”", style="italic"))
        table = RichTable(box=box.SIMPLE_HEAD, show_header=False, pad_edge=False)
        table.add_column("Criterion", no_wrap=True)
        table.add_column("Verdict", no_wrap=True)
        table.add_column("Why, and how to fix it", overflow="fold")
        for name, verdict in block.criteria:
            label, style = _VERDICT.get(verdict, (verdict, "default"))
            why = "\n".join(
                f.message + (f"\n→ {f.fix}" if f.fix else "")
                for f in block.findings
                if f.criterion == name
            )
            table.add_row(_CRITERION.get(name, name), Text(label, style=style), why)
        self.console.print(table)
