"""The one Jinja environment the documents are rendered with, at the template edge.

Templates may come from a team's own repository (`--templates DIR`), so the
environment is sandboxed: no attribute that starts with `_`, no changing the
data handed in. `StrictUndefined` turns a typo into an error, and every error
a template causes becomes a `TemplateError` that names the template file and
line. jinja2 is imported inside the functions so that commands that never
render do not pay for it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from cxphilo.errors import TemplateError, UsageError
from cxphilo.storage import mdtext

if TYPE_CHECKING:
    from jinja2 import Environment

SUFFIX = ".j2"
_BLANK_LINE = re.compile(r"\n\s*\n")


def builtin_dir() -> Path:
    """The templates that ship with cxphilo.

    A wheel carries them inside the package (`cxphilo/templates`); a checkout
    or an editable install finds them at the top of the repository.
    """
    import cxphilo

    package = Path(cxphilo.__file__).parent
    shipped = package / "templates"
    if (shipped / f"charter.md{SUFFIX}").is_file():
        return shipped
    return package.parent / "templates"


def template_names() -> list[str]:
    """The names of the built-in templates a team may override, sorted."""
    return sorted(p.name for p in builtin_dir().glob(f"*{SUFFIX}"))


def environment(user_dir: Path | None = None) -> Environment:
    """A sandboxed environment: the team's templates first, then the built-in ones.

    Raises UsageError when `user_dir` is not a folder.
    """
    if user_dir is not None and not user_dir.is_dir():
        what = "is not a folder" if user_dir.exists() else "does not exist"
        raise UsageError(f"templates folder {user_dir} {what}")
    return _environment(str(user_dir) if user_dir is not None else None)


@functools.lru_cache(maxsize=8)
def _environment(user_dir: str | None) -> Environment:
    # Cached so that a workshop rendering after every step compiles each template once;
    # the loaders still reload a template whose file changed.
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    loaders = [FileSystemLoader(user_dir)] if user_dir is not None else []
    loaders.append(FileSystemLoader(str(builtin_dir())))
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=_autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = mdtext.inline
    env.filters["paragraphs"] = paragraphs
    return env


def _autoescape(name: str | None) -> bool:
    # `charter.html.j2`, `_base.html.j2`: everything HTML is escaped, Markdown uses `|md`.
    return name is not None and ".html" in name


def paragraphs(text: object) -> list[str]:
    """A text split at its blank lines, each paragraph on one line; none for an empty text."""
    if text is None:
        return []
    parts = (mdtext.collapse(part) for part in _BLANK_LINE.split(str(text)))
    return [part for part in parts if part]


def render_template(env: Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render template `name`; any error it causes becomes a TemplateError with file and line."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError
    from jinja2.exceptions import SecurityError, UndefinedError

    try:
        return env.get_template(name).render(context)
    except TemplateSyntaxError as exc:
        where: str | None = _display(exc.filename or exc.name or name, exc.lineno)
        raise TemplateError(f"{where}: template syntax error: {exc.message}", hint=_HINT) from None
    except TemplateNotFound as exc:
        where = _location(exc.__traceback__)
        prefix = f"{where}: " if where else ""
        raise TemplateError(
            f"{prefix}template '{exc.name}' not found",
            hint="built-in templates: " + ", ".join(template_names()),
        ) from None
    except SecurityError as exc:
        raise TemplateError(
            f"{_location(exc.__traceback__) or name}: refused by the template sandbox: {exc}",
            hint="templates may use the document's data, not Python internals",
        ) from None
    except UndefinedError as exc:
        raise TemplateError(f"{_location(exc.__traceback__) or name}: {exc}", hint=_HINT) from None
    except Exception as exc:
        # Whatever else a template does wrong (`1 + "a"`, a filter given nonsense) is still
        # the template's mistake: report where, not a traceback.
        raise TemplateError(
            f"{_location(exc.__traceback__) or name}: {type(exc).__name__}: {exc}", hint=_HINT
        ) from None


_HINT = "the names a template can use are listed in the README (cxphilo render)"


def _location(tb: TracebackType | None) -> str | None:
    """`file:line` of the innermost template frame of a traceback.

    Jinja rewrites tracebacks so that template code appears as frames whose file
    is the template and whose line is the template's line.
    """
    found: str | None = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(SUFFIX) or filename == "<template>":
            found = _display(filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _display(filename: str, line: int | None) -> str:
    path = Path(filename)
    try:
        shown = str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        shown = filename
    return f"{shown}:{line}" if line else shown
