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
from cxphilo.locale import N_, words
from cxphilo.storage.store import atomic_write

from .asker import Choice, Finding, Table, Verdicts
from .session import Session
from .vision import CRITERIA

if TYPE_CHECKING:
    from cxphilo.check.config import Config

MD, HTML, BOTH, NOT_NOW = "md", "html", "both", "no"
_SHOWN_ABOVE = {"step-missing", "vision-missing"}
_MARK = {"done": N_("✔ done"), "partly": N_("◐ partly"), "not started": N_("○ not started")}
# A finding's level as the room reads it.
_LEVELS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def charter_path(path: Path, fmt: str) -> Path:
    """Where the workshop writes the charter: beside the file, `<name>-charter.md|html`."""
    return path.with_name(f"{path.stem}-charter.{fmt}")


def run(session: Session, path: Path) -> None:
    """Show the steps and the check's verdict, offer to render the charter, say what is next."""
    t = session.t
    session.note(t("The finish: how the philosophy stands."), "question")
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
        t(
            "Commit {path} to git; CI and pre-commit can guard it with: {command}",
            path=path,
            command=f"cxphilo check {quoted}",
        ),
        "info",
    )


def _config(session: Session) -> Config | None:
    """The team's check settings (rule levels, templates), as `cxphilo check` finds them."""
    from cxphilo.check.config import load_config

    try:
        return load_config()
    except CxphiloError as exc:
        session.note(
            session.t("{problem}; the check runs with its default settings.", problem=exc.message),
            "warning",
        )
        return None


def _steps(session: Session) -> None:
    t = session.t
    statuses = steps_mod.status(session.doc)
    session.show(
        Table(
            t("The seven steps"),
            (t("Step"), t("State"), t("Still missing")),
            tuple(
                (
                    f"{s.step.number} · {s.step.name}",
                    t(_MARK[s.state]),
                    "; ".join(t.say(m) for m in s.missing[:3])
                    + (" …" if len(s.missing) > 3 else "")
                    or "—",
                )
                for s in statuses
            ),
        )
    )
    done = sum(s.state == "done" for s in statuses)
    session.note(
        t.plural(
            "{done} of {count} step done.",
            "{done} of {count} steps done.",
            len(statuses),
            done=done,
        ),
        "done" if done == len(statuses) else "warning",
    )


def _check(session: Session, path: Path, rules: Mapping[str, str] | None) -> None:
    """What `cxphilo check` says about the file as saved: the criteria, then the rest."""
    from cxphilo.check import check_file

    t = session.t
    result = check_file(path, rules, session.today)
    vision = session.doc.vision.statement if session.doc.vision else None
    if vision:
        session.show(
            Verdicts(
                vision,
                tuple((name, result.criteria.get(name, "skip")) for name, _ in CRITERIA),
                tuple(
                    Finding(f.criterion, str(f.message), None if f.fix is None else str(f.fix))
                    for f in result.worded(session.t, words("en")).findings
                    if f.criterion
                ),
                t("The check's verdict on the vision"),
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
                t("What else the check found"),
                (t("Level"), t("Line"), t("Finding")),
                tuple(
                    (
                        t(_LEVELS[f.level]) if f.level in _LEVELS else f.level,
                        str(f.line or "—"),
                        t.say(f.message),
                    )
                    for f in others
                ),
            )
        )
    errors, warnings = result.count("error"), result.count("warning")
    # Two counts, each with its own plural: each is worded on its own, then put in the sentence.
    said_warnings = t.plural("{count} warning", "{count} warnings", warnings)
    if errors:
        session.note(
            t(
                "cxphilo check finds {errors} and {warnings}: CI would stop on this file.",
                errors=t.plural("{count} error", "{count} errors", errors),
                warnings=said_warnings,
            ),
            "warning",
        )
    elif warnings:
        session.note(
            t("cxphilo check passes: no errors, {warnings}.", warnings=said_warnings), "done"
        )
    else:
        session.note(t("cxphilo check passes: no errors."), "done")


def _render(session: Session, path: Path, templates: Path | None, paper: str) -> None:
    t = session.t
    md, html = charter_path(path, "md"), charter_path(path, "html")
    choice = session.select(
        t("Render the charter now?"),
        [
            Choice(t("Markdown: {file}", file=md.name), MD),
            Choice(t("HTML, to open or print: {file}", file=html.name), HTML),
            Choice(t("Both"), BOTH),
            Choice(t("Not now (later: cxphilo render)"), NOT_NOW),
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
        session.note(t("Wrote {path}", path=out), "done")
