"""Entry point: `cxphilo` and `python -m cxphilo`; the one place errors become exit codes."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cli.check import CheckArgs


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns (and exits with) the exit code."""
    from . import output
    from .errors import CxphiloError, ExitCode

    output.carry_any_text()

    debug = bool(os.environ.get("CXPHILO_DEBUG")) or "--debug" in (argv or sys.argv[1:])
    try:
        fast = _fast_check(sys.argv[1:] if argv is None else argv)
        if fast is not None:
            from .cli.check import run

            run(fast.paths, fast.format, fast.strict, fast.config, lang=fast.lang)
            return _exit(0)
        _completion_shell_known(sys.argv[1:] if argv is None else argv)
        from .cli.app import app

        app(args=argv, prog_name="cxphilo")
    except SystemExit as exc:  # click exits this way, with its own code
        if _reader_went_away():
            return _exit(0)
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        return _exit(code)
    except CxphiloError as exc:
        for line in exc.lines():  # a key or a value from the file is shown, never run
            output.err(line)
        return _exit(int(exc.exit_code))
    except KeyboardInterrupt:
        output.err("interrupted")
        return _exit(int(ExitCode.INTERRUPTED))
    except BrokenPipeError:
        # `cxphilo metrics | head`: the reader went away; not an error of ours.
        _silence_stdout()
        return _exit(0)
    except Exception as exc:
        if debug:
            raise
        output.err(f"internal error: {type(exc).__name__}: {exc}")
        output.err("hint: run again with --debug for the full traceback, and please report it")
        return _exit(int(ExitCode.INTERNAL))
    return _exit(0)


def _fast_check(args: list[str]) -> CheckArgs | None:
    """`cxphilo [--debug] check ...` without importing typer, when the options allow it."""
    if args[:1] == ["--debug"]:
        args = args[1:]
    if args[:1] != ["check"]:
        return None
    from .cli.check import parse_args

    return parse_args(args[1:])


def _completion_shell_known(args: list[str]) -> None:
    """Stop `--show-completion`/`--install-completion` with a usage error when the shell
    that runs cxphilo cannot be told (typer would crash on it, or print an empty name)."""
    if not {"--show-completion", "--install-completion"} & set(args):
        return
    try:
        import shellingham  # type: ignore[import-untyped]
    except ImportError:  # typer then asks for the shell as the option's value
        return
    try:
        shellingham.detect_shell()
    except shellingham.ShellDetectionFailure:
        from .errors import UsageError

        raise UsageError(
            "cannot tell which shell runs cxphilo, so there is no completion script to give",
            hint="run the same command again from the shell you use (bash, zsh, fish or "
            "PowerShell), typed at its prompt",
        ) from None


def _reader_went_away() -> bool:
    """Whether click caught a closed pipe (it exits 1 and wraps the streams to say so)."""
    if type(sys.stdout).__name__.lstrip("_") != "PacifyFlushWrapper":
        return False
    _silence_stdout()
    return True


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the last flush on exit finds no closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
    except OSError:
        pass


def _exit(code: int) -> int:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    return code


if __name__ == "__main__":
    sys.exit(main())
