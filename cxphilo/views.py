"""How results look to a person (rich) or to a program (JSON)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from . import output
from .catalogue import ASPECTS, Metric
from .model import Philosophy
from .steps import StepStatus

_MARK = {
    "done": "[green]✔ done[/]",
    "partly": "[yellow]◐ partly[/]",
    "not started": "[dim]○ not started[/]",
}


def status_text(path: Path, doc: Philosophy, statuses: Sequence[StepStatus]) -> None:
    from rich.table import Table

    console = output.console()
    done = sum(s.state == "done" for s in statuses)
    console.print(f"[bold]{doc.company.name}[/] — {path} — {done} of {len(statuses)} steps done")
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("Step", no_wrap=True)
    table.add_column("State", no_wrap=True)
    table.add_column("Missing next")
    for s in statuses:
        missing = "; ".join(s.missing[:3]) + (
            f" (+{len(s.missing) - 3} more)" if len(s.missing) > 3 else ""
        )
        table.add_row(f"{s.step.number}. {s.step.name}", _MARK[s.state], missing or "—")
    console.print(table)
    nxt = next((s for s in statuses if s.state != "done"), None)
    if nxt:
        console.print(f"Next: cxphilo workshop {path} --step {nxt.step.name}")
    else:
        console.print(f"All seven steps are done. Check it: cxphilo check {path}")


def status_json(path: Path, doc: Philosophy, statuses: Sequence[StepStatus]) -> None:
    nxt = next((s.step.name for s in statuses if s.state != "done"), None)
    output.print_json(
        {
            "path": str(path),
            "company": doc.company.name,
            "steps": [
                {
                    "number": s.step.number,
                    "name": s.step.name,
                    "title": s.step.title,
                    "state": s.state,
                    "missing": list(s.missing),
                }
                for s in statuses
            ],
            "next": nxt,
        }
    )


def metric_data(metric: Metric) -> dict[str, str]:
    return {
        "id": metric.id,
        "name": metric.name,
        "measures": metric.measures,
        "formula": metric.formula,
        "unit": metric.unit,
        "better": metric.better,
        "aspect": metric.aspect,
    }


def metric_list(metrics: Sequence[Metric], fmt: str) -> None:
    if fmt == "json":
        output.print_json([metric_data(m) for m in metrics])
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("ID", "Name", "Better", "Aspect"):
        table.add_column(column, no_wrap=True)
    for m in metrics:
        table.add_row(m.id, m.name, m.better, ASPECTS[m.aspect])
    output.console().print(table)
    output.console().print("Details of one: cxphilo metrics NPS")


def metric_detail(metric: Metric, fmt: str) -> None:
    if fmt == "json":
        output.print_json(metric_data(metric))
        return
    from rich.table import Table

    console = output.console()
    console.print(f"[bold]{metric.id}[/] — {metric.name}")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in (
        ("Measures", metric.measures),
        ("Formula", metric.formula),
        ("Unit", metric.unit),
        ("Better", metric.better),
        ("Aspect", ASPECTS[metric.aspect]),
    ):
        grid.add_row(f"  {label}", value)
    console.print(grid)
