"""Shell completion: typer's --install-completion and --show-completion, and the fast check."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxphilo.__main__ import _fast_check
from tests.conftest import run_cli


def complete(words: str, env_shell: str = "bash") -> list[str]:
    """What the shell would offer for `words` (the protocol the installed script speaks)."""
    count = len(words.split()) - (0 if words.endswith(" ") else 1)
    result = run_cli(
        env={
            "_CXPHILO_COMPLETE": f"complete_{env_shell}",
            "COMP_WORDS": words,
            "COMP_CWORD": str(count),
        }
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_root_offers_completion_options(in_tmp: Path) -> None:
    result = run_cli("--help")
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


def test_show_completion_prints_a_script_for_the_shell(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The shell is detected from the processes above this one, which depend on how the
    # tests were started: here it is bash, whoever started them.
    import shellingham

    from cxphilo.__main__ import main

    monkeypatch.setattr(shellingham, "detect_shell", lambda: ("bash", "/bin/bash"))
    assert main(["--show-completion"]) == 0
    assert "_CXPHILO_COMPLETE=complete_bash" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("cxphilo ch", ["check"]),
        ("cxphilo check --f", ["--format"]),
        ("cxphilo check --format ", ["text", "json", "github", "sarif", "junit", "gitlab"]),
        ("cxphilo check --sh", ["--show-links"]),
        ("cxphilo render --doc ", ["charter", "rubric", "survey"]),
    ],
)
def test_commands_options_and_values_complete(in_tmp: Path, words: str, offered: list[str]) -> None:
    assert complete(words) == offered


def test_completion_options_are_not_taken_for_a_check() -> None:
    # Completion is a root option: it goes to typer, and `check` still takes the fast path.
    assert _fast_check(["--install-completion"]) is None
    assert _fast_check(["--show-completion"]) is None
    fast = _fast_check(["check", "a.yaml", "--format", "gitlab"])
    assert fast is not None and fast.format == "gitlab"


def test_no_detectable_shell_is_a_usage_error_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A CI job, a cron job, a process started by another program: no shell above it.
    import shellingham

    from cxphilo.__main__ import main

    def no_shell() -> tuple[str, str]:
        raise shellingham.ShellDetectionFailure()

    monkeypatch.setattr(shellingham, "detect_shell", no_shell)
    for option in ("--show-completion", "--install-completion"):
        assert main([option]) == 2
        err = capsys.readouterr().err
        assert "cannot tell which shell runs cxphilo" in err
        assert "internal error" not in err and "Traceback" not in err
