"""The end of the workshop: the check's verdict on the file, and the charter rendered."""

from __future__ import annotations

import shlex
from pathlib import Path

from cxphilo import steps as steps_mod
from cxphilo.store import atomic_write

from .asker import Choice, Table
from .session import Session
from .vision import verdicts_block

MD, HTML, BOTH, NOT_NOW = "md", "html", "both", "no"
_MARK = {"done": "✔ done", "partly": "◐ partly", "not started": "○ not started"}


def charter_path(path: Path, fmt: str) -> Path:
    """Where the workshop writes the charter: beside the file, `<name>-charter.md|html`."""
    return path.with_name(f"{path.stem}-charter.{fmt}")


def run(session: Session, path: Path) -> None:
    """Show the verdict, offer to render the charter, say what comes next."""
    session.note("The finish: how the philosophy stands.", "question")
    _verdict(session)
    _render(session, path)
    quoted = shlex.quote(str(path))
    session.note(
        f"Commit {path} to git; CI and pre-commit can guard it with: cxphilo check {quoted}",
        "info",
    )


def _verdict(session: Session) -> None:
    doc = session.doc
    statuses = steps_mod.status(doc)
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
    if doc.vision and doc.vision.statement:
        judgement = session.judge(doc.vision.statement, doc)
        block = verdicts_block(doc.vision.statement, judgement)
        session.show(
            type(block)(
                block.statement, block.criteria, block.findings, "The check's verdict on the vision"
            )
        )
    done = sum(s.state == "done" for s in statuses)
    session.note(
        f"{done} of {len(statuses)} steps done.",
        "done" if done == len(statuses) else "warning",
    )


def _render(session: Session, path: Path) -> None:
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
    from cxphilo.render import render

    for fmt in (MD, HTML) if choice == BOTH else (choice,):
        out = charter_path(path, fmt)
        atomic_write(out, render(session.doc, kind="charter", fmt=fmt))
        session.note(f"Wrote {out}", "done")
