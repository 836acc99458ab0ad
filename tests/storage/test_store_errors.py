"""Every broken file gives `path:line:column: what`, exit 2 and no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxphilo.__main__ import main
from tests.conftest import run_cli

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken"

# file -> (line, column, words the message must contain)
EXPECTED: dict[str, tuple[int, int, str]] = {
    "unclosed-quote.yaml": (4, 1, "YAML syntax: found unexpected end of stream"),
    "bad-indent.yaml": (3, 12, "YAML syntax: mapping values are not allowed"),
    "tab-indent.yaml": (2, 1, "a tab cannot indent YAML; use spaces"),
    "wrong-type-int.yaml": (
        5,
        16,
        "assessment.capacity.team_size: Input should be a valid integer",
    ),
    "wrong-type-list.yaml": (3, 9, "values: Input should be a valid list (got text)"),
    "unknown-key.yaml": (3, 3, "unknown key 'misison' (did you mean 'mission'?)"),
    "unknown-top-key.yaml": (3, 1, "unknown key 'vison' (did you mean 'vision'?)"),
    "bad-language.yaml": (3, 13, "company.language: 'fr' is not allowed"),
    "bad-day.yaml": (5, 17, "assessment.capacity.days[1]: 'tuesday' is not allowed"),
    "bad-hours.yaml": (5, 12, 'hours must be "HH:MM-HH:MM"'),
    "bad-model.yaml": (4, 11, "model.choice: 'customer-first' is not allowed"),
    "newer-schema.yaml": (1, 9, "schema 2 was written by a newer cxphilo"),
    "bad-schema.yaml": (1, 9, "schema must be 1, not 'one'"),
    "python-tag.yaml": (2, 9, "tag !!python/object/apply:os.system is not allowed"),
    "custom-tag.yaml": (2, 9, "tag !custom is not allowed"),
    "duplicate-key.yaml": (3, 1, "duplicate key 'company' (first at line 1)"),
    "missing-name.yaml": (2, 3, "company.name: required, but missing"),
    "top-level-list.yaml": (1, 1, "expected a mapping of keys"),
    "empty.yaml": (1, 1, "the file is empty"),
    "number-as-name.yaml": (2, 9, "put it in quotes if it is meant as text"),
    "alias-bomb.yaml": (1, 1, "once aliases are expanded"),
    "deep-nesting.yaml": (1, 74, "nested more than 64 levels deep"),
}


def test_the_corpus_and_the_table_agree() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_is_reported_where_it_is_broken(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line, column, words = EXPECTED[name]
    path = BROKEN / name
    code = main(["status", str(path)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    first = captured.err.splitlines()[0]
    assert first.startswith(f"{path}:{line}:{column}: "), first
    assert words in first
    assert "Traceback" not in captured.err


def test_the_python_tag_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    doc = tmp_path / "p.yaml"
    doc.write_text(
        f'company:\n  name: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8"
    )
    result = run_cli("status", doc)
    assert result.returncode == 2
    assert not marker.exists()


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    doc = tmp_path / "huge.yaml"
    doc.write_bytes(b"company:\n  name: Acme\nnotes: " + b"x" * (2 * 1024 * 1024) + b"\n")
    result = run_cli("status", doc)
    assert result.returncode == 2
    assert (
        result.stderr == f"{doc}: file is 2,097,182 bytes; a philosophy file is at most 1,048,576\n"
    )
    assert "Traceback" not in result.stderr


def test_binary_junk_is_not_text(tmp_path: Path) -> None:
    doc = tmp_path / "junk.yaml"
    doc.write_bytes(b"company:\n  name: \xff\xfe\x00\x01junk\n")
    result = run_cli("status", doc)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{doc}:2:9: not UTF-8 text (is this a binary file?)")


def test_control_characters_are_refused(tmp_path: Path) -> None:
    doc = tmp_path / "ctl.yaml"
    doc.write_bytes(b"company:\n  name: Ac\x00me\n")
    result = run_cli("status", doc)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{doc}:2:11: control character")


def test_several_schema_problems_are_all_reported_in_file_order(tmp_path: Path) -> None:
    doc = tmp_path / "p.yaml"
    doc.write_text(
        "company:\n  name: Acme\n  language: xx\nmodel:\n  choise: issue-centric\n",
        encoding="utf-8",
    )
    result = run_cli("status", doc)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{doc}:3:13: company.language: 'xx' is not allowed; input should be 'en', 'da', 'sv', "
        "'nb', 'tr' or 'zh'",
        f"{doc}:5:3: unknown key 'choise' (did you mean 'choice'?)",
    ]


def test_a_missing_file_says_how_to_create_one(in_tmp: Path) -> None:
    result = run_cli("status", "nope.yaml", cwd=in_tmp)
    assert result.returncode == 2
    assert (
        result.stderr
        == "error: nope.yaml: no such file\nhint: create one with: cxphilo init nope.yaml\n"
    )


def test_a_folder_is_not_a_philosophy(tmp_path: Path) -> None:
    result = run_cli("status", tmp_path)
    assert result.returncode == 2
    assert "is a directory" in result.stderr
    assert "Traceback" not in result.stderr
