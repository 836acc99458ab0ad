"""How results look to a person (rich) or to a program (JSON).

Everything from a document or the command line goes to rich as `Text` (through
`output.styled`), never inside a markup string: a company called `Acme [/] Bikes`
is printed as it is called.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cxphilo import output
from cxphilo.document.catalogue import ASPECTS, Metric
from cxphilo.document.model import Philosophy
from cxphilo.document.steps import StepStatus

_MARK = {
    "done": ("✔ done", "green"),
    "partly": ("◐ partly", "yellow"),
    "not started": ("○ not started", "dim"),
}


def status_text(path: Path, doc: Philosophy, statuses: Sequence[StepStatus]) -> None:
    """The seven steps as a table, with the command that continues the first unfinished one."""
    from rich.table import Table

    styled = output.styled
    console = output.console()
    done = sum(s.state == "done" for s in statuses)
    console.print(
        styled((doc.company.name, "bold"), f" — {path} — {done} of {len(statuses)} steps done")
    )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("Step", no_wrap=True)
    table.add_column("State", no_wrap=True)
    table.add_column("Missing next")
    for s in statuses:
        missing = "; ".join(s.missing[:3]) + (
            f" (+{len(s.missing) - 3} more)" if len(s.missing) > 3 else ""
        )
        table.add_row(
            styled(f"{s.step.number}. {s.step.name}"),
            styled(_MARK[s.state]),
            styled(missing or "—"),
        )
    console.print(table)
    nxt = next((s for s in statuses if s.state != "done"), None)
    if nxt:
        console.print(styled(f"Next: cxphilo workshop {path} --step {nxt.step.name}"))
    else:
        console.print(styled(f"All seven steps are done. Check it: cxphilo check {path}"))


def status_json(path: Path, doc: Philosophy, statuses: Sequence[StepStatus]) -> None:
    """The same as data; JSON carries the text exactly as typed."""
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
    """One metric as the JSON of `cxphilo metrics --format json`."""
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
    """The catalogue as a table, or as JSON."""
    if fmt == "json":
        output.print_json([metric_data(m) for m in metrics])
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("ID", "Name", "Better", "Aspect"):
        table.add_column(column, no_wrap=True)
    styled = output.styled
    for m in metrics:
        table.add_row(styled(m.id), styled(m.name), styled(m.better), styled(ASPECTS[m.aspect]))
    output.console().print(table)
    output.console().print(styled("Details of one: cxphilo metrics NPS"))


def metric_detail(metric: Metric, fmt: str) -> None:
    """One metric: what it measures, its formula, unit, direction and aspect."""
    if fmt == "json":
        output.print_json(metric_data(metric))
        return
    from rich.table import Table

    styled = output.styled
    console = output.console()
    console.print(styled((metric.id, "bold"), f" — {metric.name}"))
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
        grid.add_row(styled(f"  {label}"), styled(value))
    console.print(grid)
