"""The end of the workshop: where each step stands, the check's verdict, the charter rendered.

The verdict is `cxphilo check`'s own, on the file as saved and with the
team's check settings, so the room sees what CI will say.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from cxphilo.document import steps as steps_mod
from cxphilo.errors import CxphiloError
from cxphilo.storage.store import atomic_write

from .asker import Choice, Finding, Table, Verdicts
from .session import Session
from .vision import CRITERIA

if TYPE_CHECKING:
    from cxphilo.check.config import Config

MD, HTML, BOTH, NOT_NOW = "md", "html", "both", "no"
_SHOWN_ABOVE = {"step-missing", "vision-missing"}
_MARK = {"done": "✔ done", "partly": "◐ partly", "not started": "○ not started"}


def charter_path(path: Path, fmt: str) -> Path:
    """Where the workshop writes the charter: beside the file, `<name>-charter.md|html`."""
    return path.with_name(f"{path.stem}-charter.{fmt}")


def run(session: Session, path: Path) -> None:
    """Show the steps and the check's verdict, offer to render the charter, say what is next."""
    session.note("The finish: how the philosophy stands.", "question")
    config = _config(session)
    _steps(session)
    _check(session, path, config.rules if config else None)
    _render(
        session,
        path,
        config.templates if config else None,
        (config.paper if config else None) or "a4",
    )
    quoted = shlex.quote(str(path))
    session.note(
        f"Commit {path} to git; CI and pre-commit can guard it with: cxphilo check {quoted}",
        "info",
    )


def _config(session: Session) -> Config | None:
    """The team's check settings (rule levels, templates), as `cxphilo check` finds them."""
    from cxphilo.check.config import load_config

    try:
        return load_config()
    except CxphiloError as exc:
        session.note(f"{exc.message}; the check runs with its default settings.", "warning")
        return None


def _steps(session: Session) -> None:
    statuses = steps_mod.status(session.doc)
    session.show(
        Table(
            "The seven steps",
            ("Step", "State", "Still missing"),
            tuple(
                (
                    f"{s.step.number} · {s.step.name}",
                    _MARK[s.state],
                    "; ".join(s.missing[:3]) + (" …" if len(s.missing) > 3 else "") or "—",
                )
                for s in statuses
            ),
        )
    )
    done = sum(s.state == "done" for s in statuses)
    session.note(
        f"{done} of {len(statuses)} steps done.",
        "done" if done == len(statuses) else "warning",
    )


def _check(session: Session, path: Path, rules: Mapping[str, str] | None) -> None:
    """What `cxphilo check` says about the file as saved: the criteria, then the rest."""
    from cxphilo.check import check_file

    result = check_file(path, rules, session.today)
    vision = session.doc.vision.statement if session.doc.vision else None
    if vision:
        session.show(
            Verdicts(
                vision,
                tuple((name, result.criteria.get(name, "skip")) for name, _ in CRITERIA),
                tuple(
                    Finding(f.criterion, f.message, f.fix) for f in result.findings if f.criterion
                ),
                "The check's verdict on the vision",
            )
        )
    # Missing steps are in the steps table already; the rest is news to the room.
    others = [
        f
        for f in result.findings
        if not f.criterion and f.level != "info" and f.rule not in _SHOWN_ABOVE
    ]
    if others:
        session.show(
            Table(
                "What else the check found",
                ("Level", "Line", "Finding"),
                tuple((f.level, str(f.line or "—"), f.message) for f in others),
            )
        )
    errors, warnings = result.count("error"), result.count("warning")
    if errors:
        session.note(
            f"cxphilo check finds {errors} error{'s' if errors != 1 else ''}"
            f" and {warnings} warning{'s' if warnings != 1 else ''}: CI would stop on this file.",
            "warning",
        )
    else:
        extra = f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
        session.note(f"cxphilo check passes: no errors{extra}.", "done")


def _render(session: Session, path: Path, templates: Path | None, paper: str) -> None:
    md, html = charter_path(path, "md"), charter_path(path, "html")
    choice = session.select(
        "Render the charter now?",
        [
            Choice(f"Markdown: {md.name}", MD),
            Choice(f"HTML, to open or print: {html.name}", HTML),
            Choice("Both", BOTH),
            Choice("Not now (later: cxphilo render)", NOT_NOW),
        ],
        default=BOTH,
    )
    if choice == NOT_NOW:
        return
    from cxphilo.render.renderer import render

    for fmt in (MD, HTML) if choice == BOTH else (choice,):
        out = charter_path(path, fmt)
        atomic_write(
            out, render(session.doc, kind="charter", fmt=fmt, templates=templates, paper=paper)
        )
        session.note(f"Wrote {out}", "done")
