"""The charter, the hiring rubric and the employee survey, as Markdown or HTML.

`render(doc, kind, fmt)` turns a document into text; `render_file` is what the
`render` command does: load, pick the format, render, write. The templates
get a small, ready-to-print view of the document (`view.build_view`: values
with their metrics resolved, gaps named, labels in the document's language)
next to the document itself, so that a team's own template stays short.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from cxphilo.document.model import (
    Philosophy,
)
from cxphilo.errors import UsageError
from cxphilo.render.labels import Labels, labels
from cxphilo.render.view import build_view
from cxphilo.storage import mdtext
from cxphilo.vocabulary import (
    DOCUMENT_KINDS,
    PAPERS,
    RENDER_FORMATS,
    DocumentKind,
    RenderFormat,
)

Kind = DocumentKind
Fmt = RenderFormat
KINDS = DOCUMENT_KINDS
FORMATS = RENDER_FORMATS
EXTENSIONS: dict[str, Fmt] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
DEFAULT_PAPER = "a4"  # one of config.PAPERS, each also its CSS name (`@page { size: a4 }`)

# The workshop step that fills each gap, so that a gap says where to go next.
GAP_STEPS = {
    "mission": 1,
    "model": 2,
    "values": 3,
    "vision": 4,
    "review": 4,
    "review_stale": 4,
    "live": 5,
    "statement": 5,
    "metrics": 5,
    "metric_unknown": 5,
    "brand": 5,
    "questions": 6,
    "strong": 6,
    "teams": 7,
    "cadence": 7,
    "conflicts": 7,
    "survey": 7,
    "unit_time": 5,
    "unit_currency": 5,
    "sharing": 6,
}


def _helpers(words: Mapping[str, str], fmt: Fmt) -> dict[str, Callable[..., Any]]:
    """`t(key, **values)` fills a label; `gap(key, **values)` names a missing part.

    What a person typed is escaped for the format: HTML through markupsafe,
    Markdown through `mdtext.inline`. The labels themselves are ours.
    """

    def fill(key: str, values: Mapping[str, object]) -> str:
        if key not in words:
            raise KeyError(f"no label '{key}'")
        if fmt == "html":
            return Markup(escape(words[key])).format(**values)
        return words[key].format(**{k: _md_arg(v) for k, v in values.items()})

    def t(key: str, **values: object) -> str:
        return fill(key, values)

    def gap(key: str, **values: object) -> str:
        what = fill(f"gap_{key}", values)
        step = GAP_STEPS.get(key)
        if step is None:
            return what
        template = words["gap_format"]
        if fmt == "html":
            return Markup(escape(template)).format(what=what, step=step)
        return template.format(what=what, step=step)

    def date(day: dt.date | None) -> str:
        """A date in words, as the document's language writes one ("2. december 2026");
        in HTML inside <time>, whose datetime keeps it exact for a machine."""
        if day is None:
            return ""
        month = words["months"].split(",")[day.month - 1]
        said = words["date_format"].format(day=day.day, month=month, year=day.year)
        if fmt == "html":
            return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), said)
        return said

    return {"t": t, "gap": gap, "date": date}


def _md_arg(value: object) -> str:
    if isinstance(value, Markup):
        return str(value)
    return mdtext.inline(value)


# --- the entry points ----------------------------------------------------------------------


def render(
    doc: Philosophy,
    kind: str = "charter",
    fmt: str = "md",
    templates: Path | None = None,
    paper: str = DEFAULT_PAPER,
) -> str:
    """The text of one document (`charter`, `rubric`, `survey`) as `md` or `html`.

    `templates` is a folder whose templates replace the built-in ones of the
    same name; `paper` (`a4` or `letter`) is the page size HTML prints on.
    Raises UsageError for an unknown kind, format or paper, TemplateError for a
    template that fails.
    """
    from cxphilo.render.templating import environment, render_template

    if kind not in KINDS:
        raise UsageError(f"unknown document '{kind}'", hint=f"use one of: {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'", hint=f"use one of: {', '.join(FORMATS)}")
    page = paper.lower()
    if page not in PAPERS:
        raise UsageError(f"unknown paper '{paper}'", hint=f"use one of: {', '.join(PAPERS)}")
    words = labels(doc.company.language)
    # A copy: the workshop passes its live document, and templates must not reach it.
    safe_doc = visible_copy(doc)
    context: dict[str, Any] = {
        "doc": safe_doc,
        "view": build_view(safe_doc),
        "lang": doc.company.language,
        "kind": kind,
        "fmt": fmt,
        "paper": page,
        "L": Labels(words),
        **_helpers(words, fmt),
    }
    user_dir = Path(templates) if templates is not None else None
    text = render_template(environment(user_dir), f"{kind}.{fmt}.j2", context)
    if fmt == "html":
        text = _inert_html(text)
    return text.rstrip("\n") + "\n"


_LINE_COMMAND = re.compile(r"^([ \t]*)::", re.MULTILINE)


def _inert_html(text: str) -> str:
    """HTML that reads the same in a browser and does nothing when printed in a CI log.

    A line break typed inside a text is kept in the page, so a value holding
    "\n::add-mask::x" would put a GitHub workflow command at the start of a
    line; U+2028 and U+2029 break lines in some viewers. As character
    references a browser shows exactly the same text.
    """
    text = text.replace("\u2028", "&#8232;").replace("\u2029", "&#8233;")
    return _LINE_COMMAND.sub(r"\1&#58;:", text)


def visible_copy(doc: Philosophy) -> Philosophy:
    """A copy of `doc` in which every control character is a visible escape (`\\e`, `\\a`).

    YAML escapes ("\\e]0;...\\a") can put characters in the file that a terminal, a
    browser or a Markdown viewer would act on, or that hide in the page; the documents
    show them as text instead. Line breaks and tabs are kept: both formats read them as
    white space wherever a text is one line (a name, a table cell), and a description
    keeps its paragraphs.
    """
    from cxphilo.output import visible

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return visible(value, multiline=True)
        if isinstance(value, list):
            return [clean(item) for item in value]
        if isinstance(value, dict):
            return {clean(key): clean(item) for key, item in value.items()}
        return value

    return Philosophy.model_validate(clean(doc.model_dump(mode="python", by_alias=True)))


def format_for(out: Path | None, fmt: str | None) -> Fmt:
    """The output format: `--to` when given, else from the extension of `-o`, else Markdown."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format '{fmt}'", hint="use --to md or --to html")
        return fmt
    if out is None:
        return "md"
    found = EXTENSIONS.get(out.suffix.lower())
    if found is None:
        shown = out.suffix or "no extension"
        raise UsageError(
            f"cannot tell the format of {out} from its extension ({shown})",
            hint="name it .md or .html, or say which with --to md or --to html",
        )
    return found


@dataclass(frozen=True)
class Rendered:
    """What `render_file` produced: the text, its format, and where it was written."""

    text: str
    fmt: Fmt
    written: Path | None


def render_file(
    path: Path,
    kind: str = "charter",
    fmt: str | None = None,
    out: Path | None = None,
    templates: Path | None = None,
    paper: str | None = None,
) -> Rendered:
    """Load `path`, render one document, and write it to `out` atomically when given.

    Without `templates` or `paper`, the `templates` and `paper` settings of the
    config file found from the working directory upward are used, as `cxphilo
    check` finds its settings; without either, the paper is A4.
    Raises FileNotFound or DocumentError for the input, UsageError for options
    that do not fit together, ConfigError for a wrong config file, TemplateError
    for a failing template.
    """
    from cxphilo.storage.store import atomic_write, load

    if templates is None or paper is None:
        from cxphilo.check.config import load_config

        config = load_config()
        templates = templates if templates is not None else config.templates
        paper = paper or config.paper or DEFAULT_PAPER
    chosen = format_for(out, fmt)
    if out is not None and _same_file(out, path):
        raise UsageError(f"{out} is the philosophy file itself; not overwriting it")
    loaded = load(path)
    text = render(loaded.doc, kind=kind, fmt=chosen, templates=templates, paper=paper)
    if out is not None:
        atomic_write(out, text)
    return Rendered(text, chosen, out)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
