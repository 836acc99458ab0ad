"""The command layer: each command reads its options, calls the core once, shows the result.

Heavy modules (questionary, jinja2, rich) are imported inside the commands
that need them, so that `cxphilo --version`, `status`, `schema` and `check`
start fast. Errors are raised as `CxphiloError`s and turned into messages and
exit codes in one place, `cxphilo.__main__.main`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from cxphilo import DEFAULT_FILE, __version__
from cxphilo.errors import Interrupted, NoTerminalError, UsageError
from cxphilo.vocabulary import CHECK_FORMATS, DOCUMENT_KINDS, PAPERS, RENDER_FORMATS, ROOM_PORT

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="cxphilo",
    help="Write, check and publish your team's customer service philosophy.\n\n"
    "Start with: cxphilo workshop",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

PathArg = Annotated[
    Path,
    typer.Argument(
        help="The philosophy file.", show_default=True, dir_okay=False, resolve_path=False
    ),
]


def _either(words: tuple[str, ...]) -> str:
    """`a, b or c`: the choices of an option, for its help."""
    return f"{', '.join(words[:-1])} or {words[-1]}"


def _choices(name: str, values: tuple[str, ...]) -> Any:
    """The choices of an option as the Enum typer offers and completes, made from the
    shared vocabulary so that the list is written once."""
    return Enum(name, [(value, value) for value in values], type=str)


def _chosen(option: Any) -> str | None:
    """The word an option of `_choices` was given, or None."""
    return None if option is None else str(option.value)


CheckFormat = _choices("CheckFormat", CHECK_FORMATS)
DocKind = _choices("DocKind", DOCUMENT_KINDS)
OutFormat = _choices("OutFormat", RENDER_FORMATS)
Paper = _choices("Paper", PAPERS)


class Format(str, Enum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cxphilo {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a full traceback when something breaks.")
    ] = False,
) -> None:
    """Write, check and publish your team's customer service philosophy."""
    if debug:
        import os

        os.environ["CXPHILO_DEBUG"] = "1"


def interruptible(func: F) -> F:
    """Ctrl-C inside a command becomes `Interrupted` (exit 130), handled in main."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KeyboardInterrupt:
            raise Interrupted() from None

    return wrapper  # type: ignore[return-value]


# --- init ----------------------------------------------------------------------------------


@app.command()
@interruptible
def init(
    path: PathArg = DEFAULT_FILE,
    company: Annotated[str | None, typer.Option(help="The company's name.")] = None,
    mission: Annotated[str | None, typer.Option(help="The company's mission.")] = None,
    language: Annotated[
        str | None, typer.Option(help="Language: en, da, sv, nb, tr or zh.")
    ] = None,
) -> None:
    """Start a new philosophy file; asks for what is missing when run in a terminal.

    Example: cxphilo init --company "Acme Bikes" --language en
    """
    from cxphilo import output
    from cxphilo.document.operations import new_document
    from cxphilo.storage.store import Store, write_schema_beside

    if path.exists():
        from cxphilo.errors import FileExists

        raise FileExists(
            f"{path} already exists; not overwriting it",
            hint=f"see where it stands with: cxphilo status {path}",
        )
    if company is None or (mission is None and language is None):
        company, mission, language = _ask_identity(company, mission, language)
    doc = new_document(company, mission, language)
    Store.create(path, doc)
    schema_file = write_schema_beside(path)
    output.say(f"Created {path} for {doc.company.name}.")
    if schema_file:
        output.say(f"Wrote {schema_file} so that editors validate the file.")
    output.say(f"Next: cxphilo workshop {path}   (or: cxphilo status {path})")


def _ask_identity(
    company: str | None, mission: str | None, language: str | None
) -> tuple[str, str | None, str | None]:
    from cxphilo.workshop import prompts

    if not prompts.interactive():
        if company is None:
            raise NoTerminalError(
                "no company name given and no terminal to ask for one",
                hint='pass it: cxphilo init --company "Acme Bikes"',
            )
        return company, mission, language
    from cxphilo.locale import interface_language, words
    from cxphilo.workshop.asker import SKIP_HINT

    # As in the workshop: the language first, then the rest asked in it.
    if language is None:
        language = prompts.select_language()
    t = words(interface_language(None, language))
    if company is None:
        please = t("Please type the company's name.")
        company = prompts.text(
            t("Company name"), validate=lambda answer: True if answer.strip() else please
        )
    if mission is None:
        mission = (
            prompts.text(t("The company's mission, in one sentence") + "  " + t(SKIP_HINT)) or None
        )
    return company, mission, language


# --- status --------------------------------------------------------------------------------


@app.command()
def status(
    path: PathArg = DEFAULT_FILE,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Say it in this language [default: $CXPHILO_LANG, else the file's language].",
        ),
    ] = None,
) -> None:
    """Show the seven steps, each done, partly done or not started, and what is next.

    Example: cxphilo status philosophy.yaml --format json
    """
    from cxphilo.document.steps import status as step_status
    from cxphilo.locale import interface_language, words
    from cxphilo.render import listings
    from cxphilo.storage.store import load

    loaded = load(path)
    t = words(interface_language(lang, loaded.doc.company.language))
    result = step_status(loaded.doc)
    if format is Format.json:
        listings.status_json(path, loaded.doc, result, t)
    else:
        listings.status_text(path, loaded.doc, result, t)


# --- schema --------------------------------------------------------------------------------


@app.command()
def schema(
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
) -> None:
    """Print the JSON Schema of the philosophy file (for editors and other tools).

    Example: cxphilo schema -o cxphilo.schema.json
    """
    from cxphilo import output
    from cxphilo.document.model import json_schema_text

    text = json_schema_text()
    if output_file is None:
        output.out(text.rstrip("\n"))
    else:
        from cxphilo.storage.store import atomic_write

        atomic_write(output_file, text)
        output.err(f"Wrote {output_file}")


# --- metrics -------------------------------------------------------------------------------


@app.command()
def metrics(
    metric_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Show one metric, e.g. NPS.")
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
) -> None:
    """List the metric catalogue, or show one metric with its formula.

    Example: cxphilo metrics NPS
    """
    from cxphilo.document import catalogue
    from cxphilo.render import listings

    if metric_id is None:
        listings.metric_list(catalogue.CATALOGUE, format.value)
        return
    metric = catalogue.find(metric_id)
    if metric is None:
        import difflib

        close = difflib.get_close_matches(metric_id.upper(), list(catalogue.BY_ID), n=3)
        hint = f"did you mean {', '.join(close)}?" if close else "list them with: cxphilo metrics"
        raise UsageError(f"no metric '{metric_id}' in the catalogue", hint=hint)
    listings.metric_detail(metric, format.value)


# --- check ---------------------------------------------------------------------------------
# `__main__` parses this command's options itself when it can (see cxphilo/cli/check.py),
# so that CI does not wait for typer; keep the two in step.


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Philosophy files, or folders to search for them. [default: philosophy.yaml]",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        CheckFormat | None,  # type: ignore[valid-type]
        typer.Option(
            "--format",
            "-f",
            help=f"{_either(CHECK_FORMATS)}. [default: text; github when GITHUB_ACTIONS=true]",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Settings file. [default: .cxphilo.yaml or [tool.cxphilo] in pyproject.toml, "
            "searched from here upward]",
            show_default=False,
        ),
    ] = None,
    show_links: Annotated[
        bool,
        typer.Option(
            "--show-links", help="Follow each finding with its rule's page (text format)."
        ),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Word the findings in this language, whatever each file's language "
            "[default: $CXPHILO_LANG, else each file's language].",
        ),
    ] = None,
) -> None:
    """Check philosophy files: the structure, the three vision criteria and the review.

    Exit 0 when no file has errors, 1 when one has (or a warning, with --strict),
    2 when the check could not run. Silence a finding with a comment on its
    line or the line above: # cxphilo: disable=RULE -- why. Every rule is
    explained in docs/rules.md.

    Example: cxphilo check philosophy.yaml examples/ --format github
    """
    from cxphilo.cli.check import run

    run(paths or [], _chosen(format), strict, config, show_links, lang)


# --- render --------------------------------------------------------------------------------


@app.command("render")
def render_command(
    path: PathArg = DEFAULT_FILE,
    doc: Annotated[
        DocKind,  # type: ignore[valid-type]
        typer.Option("--doc", "-d", help="Which document to render."),
    ] = DocKind.charter,
    to: Annotated[
        OutFormat | None,  # type: ignore[valid-type]
        typer.Option(
            "--to",
            "-t",
            help=f"{_either(RENDER_FORMATS)} [default: from -o's extension, else md].",
        ),
    ] = None,
    output_file: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Write to this file, not stdout."),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            file_okay=False,
            help="Folder whose templates replace the built-in ones "
            "[default: the config file's templates setting].",
        ),
    ] = None,
    paper: Annotated[
        Paper | None,  # type: ignore[valid-type]
        typer.Option(
            "--paper",
            case_sensitive=False,
            help=f"Page size the HTML prints on: {_either(PAPERS)} "
            "[default: the config file's paper setting, else a4].",
        ),
    ] = None,
) -> None:
    """Render the charter, the hiring rubric or the employee survey as Markdown or HTML.

    Example: cxphilo render philosophy.yaml --doc charter -o charter.html --paper letter
    """
    from cxphilo import output
    from cxphilo.render.renderer import render_file

    result = render_file(
        path,
        _chosen(doc) or DOCUMENT_KINDS[0],
        _chosen(to),
        output_file,
        templates,
        _chosen(paper),
    )
    if result.written is None:
        output.out(result.text.rstrip("\n"))
    else:
        output.err(f"Wrote {result.written}")


# --- workshop ------------------------------------------------------------------------------


@app.command()
def workshop(
    path: PathArg = DEFAULT_FILE,
    step: Annotated[
        str | None,
        typer.Option(
            "--step",
            "-s",
            help="Go to this step: assess, model, values, vision, actions, share, listen (or 1-7).",
        ),
    ] = None,
    timebox: Annotated[
        str | None,
        typer.Option(help="A time box per step, shown as a countdown: 15m, 90s, 1h30m."),
    ] = None,
    company: Annotated[str | None, typer.Option(help="The company's name, for a new file.")] = None,
    language: Annotated[
        str | None, typer.Option(help="Language of a new file: en, da, sv, nb, tr or zh.")
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Speak to the room in this language, whatever the file's language "
            "[default: $CXPHILO_LANG, else the file's language].",
        ),
    ] = None,
    room: Annotated[
        bool,
        typer.Option(
            "--room",
            help="Let people take part from their phones: ideas, secret ballots and the "
            "vision's review, served from this computer (no account, no internet).",
        ),
    ] = False,
    host: Annotated[
        str | None,
        typer.Option(
            help="The address the room listens on [default: this computer's address on its "
            "network; 127.0.0.1 keeps it to this computer].",
        ),
    ] = None,
    port: Annotated[
        int, typer.Option(min=0, max=65535, help="The port the room listens on.")
    ] = ROOM_PORT,
) -> None:
    """Walk the team through the seven steps; every answer is saved the moment it is given.

    Starts a new file, or resumes at the first unfinished step. Ctrl-C stops
    cleanly (exit 130) and prints the command to resume.

    Example: cxphilo workshop philosophy.yaml --step values --timebox 15m
    """
    from cxphilo.workshop import prompts, runner
    from cxphilo.workshop.terminal import RichScreen

    if not room and (host is not None or port != ROOM_PORT):
        raise UsageError("--host and --port are for the room", hint="add --room")
    # What the command to resume repeats: the phones find the room where they left it.
    again = [*(["--timebox", timebox] if timebox else []), *(["--lang", lang] if lang else [])]
    if room:
        from cxphilo.room.serve import free_port

        port = port or free_port(host)  # the port it gets, so resuming opens the same room
        again += ["--room", *(["--host", host] if host else [])]
        again += ["--port", str(port)] if port != ROOM_PORT else []
    options = runner.make_options(path, step, timebox, company, language, lang, again)
    if not prompts.interactive():
        raise runner.no_terminal(path)
    opener = None
    if room:
        from cxphilo.room.serve import open_room

        def opener(session: Any) -> Any:
            return open_room(session, host, port)

    with prompts.catch_interrupts():
        runner.run(options, prompts.QuestionaryAsker(), RichScreen(), room=opener)
