"""Importing brainstormed ideas from a text or CSV file."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxphilo.errors import UsageError
from cxphilo.workshop.ideas import ImportedIdea, read_ideas


def test_text_file_one_idea_per_line(tmp_path: Path) -> None:
    path = tmp_path / "ideas.txt"
    path.write_text(
        "# from the sticky notes\nThey fixed it the first time\n\n- They were quick\n"
        "2. They knew me\n• Honest\n",
        encoding="utf-8",
    )
    assert read_ideas(path) == [
        ImportedIdea("They fixed it the first time"),
        ImportedIdea("They were quick"),
        ImportedIdea("They knew me"),
        ImportedIdea("Honest"),
    ]


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_csv_with_a_participant_column(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "ideas.csv"
    rows = [
        ["Participant", "Idea"],
        ["Maya", "They told me the truth"],
        ["", "Cheap"],
        ["Jonas", "Fast"],
    ]
    path.write_text("\n".join(separator.join(r) for r in rows) + "\n", encoding="utf-8")
    assert read_ideas(path) == [
        ImportedIdea("They told me the truth", "Maya"),
        ImportedIdea("Cheap"),
        ImportedIdea("Fast", "Jonas"),
    ]


def test_csv_with_quotes_commas_and_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "ideas.csv"
    path.write_bytes('\ufeffidea,by\n"Quick, and kind",Ana\n'.encode())
    assert read_ideas(path) == [ImportedIdea("Quick, and kind", "Ana")]


def test_csv_without_an_idea_column_says_where(tmp_path: Path) -> None:
    path = tmp_path / "ideas.csv"
    path.write_text("who,what\nAna,Quick\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_ideas(path)
    assert str(caught.value.message) == f"{path}:1:1: no idea column in the header (who, what)"
    assert caught.value.hint == "name the columns, for example: participant,idea"


def test_a_csv_row_without_an_idea_is_left_out_and_named(tmp_path: Path) -> None:
    path = tmp_path / "ideas.csv"
    path.write_text("participant,idea\nAna,Quick\nBen,\nCem,Kind\n", encoding="utf-8")
    skipped: list[int] = []
    assert read_ideas(path, skipped) == [ImportedIdea("Quick", "Ana"), ImportedIdea("Kind", "Cem")]
    assert skipped == [3]


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        read_ideas(tmp_path / "nope.txt")
    binary = tmp_path / "ideas.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(UsageError, match="not UTF-8 text"):
        read_ideas(binary)
    with pytest.raises(UsageError, match="is a folder"):
        read_ideas(tmp_path)


def test_a_one_column_file_keeps_commas_inside_each_idea(tmp_path: Path) -> None:
    path = tmp_path / "ideas.csv"
    path.write_text("idea\nFast, friendly help\nHonest; always\n", encoding="utf-8")
    assert read_ideas(path) == [
        ImportedIdea("Fast, friendly help"),
        ImportedIdea("Honest; always"),
    ]


def test_a_tsv_file_is_split_on_tabs_only(tmp_path: Path) -> None:
    path = tmp_path / "ideas.tsv"
    path.write_text("participant\tidea\nMei\tFast, friendly help\n", encoding="utf-8")
    assert read_ideas(path) == [ImportedIdea("Fast, friendly help", "Mei")]


def test_the_separator_comes_from_the_header_row(tmp_path: Path) -> None:
    # The ideas hold commas; the header says the file is separated by semicolons.
    path = tmp_path / "ideas.csv"
    path.write_text("participant;idea\nMei;Fast, friendly, honest\n", encoding="utf-8")
    assert read_ideas(path) == [ImportedIdea("Fast, friendly, honest", "Mei")]


def test_an_unquoted_separator_inside_an_idea_is_reported_not_cut(tmp_path: Path) -> None:
    path = tmp_path / "ideas.csv"
    path.write_text("participant,idea\nTom,Fast, friendly help\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_ideas(path)
    assert str(caught.value.message) == f"{path}:2:1: 3 cells, but the header has 2"
    assert caught.value.hint == "put an idea that holds a comma in double quotes"
