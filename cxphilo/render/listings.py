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
from cxphilo.locale import N_, Words, words

_MARK = {
    "done": ("✔", N_("done"), "green"),
    "partly": ("◐", N_("partly"), "yellow"),
    "not started": ("○", N_("not started"), "dim"),
}


def status_text(
    path: Path, doc: Philosophy, statuses: Sequence[StepStatus], t: Words | None = None
) -> None:
    """The seven steps as a table, with the command that continues the first unfinished
    one, in `t`'s words (the document's language unless the reader chose another)."""
    from rich.table import Table

    t = t or words(doc.company.language)
    styled = output.styled
    console = output.console()
    done = sum(s.state == "done" for s in statuses)
    progress = t("{done} of {total} steps done", done=done, total=len(statuses))
    console.print(styled((doc.company.name, "bold"), f" — {path} — {progress}"))
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column(t("Step"), no_wrap=True)
    table.add_column(t("State"), no_wrap=True)
    table.add_column(t("Missing next"))
    for s in statuses:
        missing = t("; ").join(t.say(m) for m in s.missing[:3])
        if len(s.missing) > 3:
            missing += " " + t("(+{count} more)", count=len(s.missing) - 3)
        mark, word, style = _MARK[s.state]
        table.add_row(
            styled(f"{s.step.number}. {s.step.name}"),
            styled((f"{mark} {t(word)}", style)),
            styled(missing or "—"),
        )
    console.print(table)
    nxt = next((s for s in statuses if s.state != "done"), None)
    if nxt:
        command = f"cxphilo workshop {path} --step {nxt.step.name}"
        console.print(styled(t("Next: {command}", command=command)))
    else:
        command = f"cxphilo check {path}"
        console.print(styled(t("All seven steps are done. Check it: {command}", command=command)))


def status_json(
    path: Path, doc: Philosophy, statuses: Sequence[StepStatus], t: Words | None = None
) -> None:
    """The same as data; JSON carries the text exactly as typed, and what is missing in
    the document's language (`t`) with the English beside it."""
    t = t or words(doc.company.language)
    en = words("en")
    nxt = next((s.step.name for s in statuses if s.state != "done"), None)
    output.print_json(
        {
            "path": str(path),
            "company": doc.company.name,
            "language": t.language,
            "steps": [
                {
                    "number": s.step.number,
                    "name": s.step.name,
                    "title": t(s.step.title),
                    "state": s.state,
                    "missing": [t.say(m) for m in s.missing],
                    "missing_en": [en.say(m) for m in s.missing],
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
