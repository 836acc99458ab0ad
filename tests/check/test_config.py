"""Finding and reading the settings: .cxphilo.yaml or [tool.cxphilo], from here upward."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxphilo.check.config import Config, find_config, load_config
from cxphilo.errors import ConfigError, ExitCode


def test_no_file_means_the_defaults(tmp_path: Path) -> None:
    assert load_config(start=tmp_path) == Config()


def test_a_yaml_file_in_a_parent_folder_is_found(tmp_path: Path) -> None:
    (tmp_path / ".cxphilo.yaml").write_text(
        "strict: true\nrules:\n  review-overdue: off\n  vision-long: error\ntemplates: charter\n",
        encoding="utf-8",
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = load_config(start=deep)
    assert config.strict is True
    assert config.rules == {"review-overdue": "off", "vision-long": "error"}
    assert config.templates == (tmp_path / "charter").resolve()
    assert config.source == tmp_path / ".cxphilo.yaml"


def test_pyproject_counts_only_with_a_tool_cxphilo_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cxphilo]\nstrict = true\n[tool.cxphilo.rules]\n"vision-hedge" = "off"\n',
        encoding="utf-8",
    )
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndependencies = ["cxphilo"]\n', encoding="utf-8"
    )
    config = load_config(start=inner)
    assert config.source == tmp_path / "pyproject.toml"
    assert config.rules == {"vision-hedge": "off"}
    assert config.strict


def test_the_nearest_file_wins_and_yaml_before_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.cxphilo]\nstrict = true\n", encoding="utf-8")
    (tmp_path / ".cxphilo.yaml").write_text("strict: false\n", encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / ".cxphilo.yaml"


def test_an_explicit_file_is_used_as_named(tmp_path: Path) -> None:
    named = tmp_path / "ci.yaml"
    named.write_text("rules: {step-missing: info}\n", encoding="utf-8")
    assert load_config(named, start=tmp_path).rules == {"step-missing": "info"}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (".cxphilo.yaml", "strickt: true\n", "unknown setting 'strickt' (did you mean 'strict'?)"),
        (".cxphilo.yaml", "rules:\n  vision-clichee: off\n", "unknown rule 'vision-clichee'"),
        (".cxphilo.yaml", "rules:\n  vision-cliche: loud\n", "must be one of error, warning"),
        (".cxphilo.yaml", "strict: maybe\n", "strict must be true or false"),
        (".cxphilo.yaml", "rules: [a, b]\n", "rules must map rule ids to levels"),
        (".cxphilo.yaml", "rules: {a: [\n", "YAML syntax"),
        ("pyproject.toml", "[tool.cxphilo\n", "not valid TOML"),
        ("pyproject.toml", "[tool.cxphilo]\ncolour = 1\n", "unknown setting 'colour'"),
        (".cxphilo.yaml", "accept: [a]\n", "accept must map rule ids to lists of phrases"),
        (
            ".cxphilo.yaml",
            "accept:\n  vision-clichee: [x]\n",
            "unknown rule 'vision-clichee' (did you mean 'vision-cliche'?)",
        ),
        (".cxphilo.yaml", "accept:\n  vision-too-long: [x]\n", "quote no words"),
        (".cxphilo.yaml", "accept:\n  vision-cliche: Deliver WOW\n", "must be a list of words"),
        (".cxphilo.yaml", "accept:\n  vision-cliche: ['']\n", "must be a list of words"),
        (".cxphilo.yaml", "docs: docs/rules.md\n", "docs must be the absolute URL"),
        ("pyproject.toml", "[tool.cxphilo]\ndocs = 3\n", "docs must be the absolute URL"),
    ],
)
def test_a_wrong_setting_is_a_clear_error(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert message in str(caught.value.message)
    assert str(path) in str(caught.value.message)
    assert caught.value.exit_code == ExitCode.USAGE


def test_a_yaml_error_points_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / ".cxphilo.yaml"
    path.write_text("strict: true\nrules:\n  vision-clichee: off\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(start=tmp_path)
    assert f"{path}:3:3:" in str(caught.value.message)


def test_a_named_file_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "missing.yaml")


def test_a_pyproject_named_without_the_table_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"no \[tool.cxphilo\] table"):
        load_config(path)


def test_accepted_phrases_and_the_docs_address_are_read(tmp_path: Path) -> None:
    (tmp_path / ".cxphilo.yaml").write_text(
        "accept:\n  vision-cliche: [Deliver WOW, go the extra mile]\n"
        "docs: https://git.example.com/cx/-/blob/main/docs/rules.md\n",
        encoding="utf-8",
    )
    config = load_config(start=tmp_path)
    assert config.accept == {"vision-cliche": ("Deliver WOW", "go the extra mile")}
    assert config.docs == "https://git.example.com/cx/-/blob/main/docs/rules.md"


def test_accepted_phrases_in_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cxphilo.accept]\n"vision-buzzword" = ["Best-in-class"]\n', encoding="utf-8"
    )
    assert load_config(start=tmp_path).accept == {"vision-buzzword": ("Best-in-class",)}


def test_an_accept_error_points_at_the_rule(tmp_path: Path) -> None:
    path = tmp_path / ".cxphilo.yaml"
    path.write_text("strict: true\naccept:\n  vision-long: [x]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value.message).startswith(
        f"{path}:3:3: 'vision-long' findings quote no words"
    )
    assert caught.value.hint is not None and "disable comment" in caught.value.hint
