"""Which files a call checks, and many files at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cxphilo.check import check_paths, runner
from cxphilo.check.files import expand
from cxphilo.errors import FileNotFound, UsageError

HERE = Path(__file__).resolve().parent
COMPLETE = (HERE / "complete.yaml").read_text(encoding="utf-8")


def test_a_folder_yields_its_philosophies_and_skips_other_yaml(tmp_path: Path) -> None:
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "ours.yaml").write_text(COMPLETE, encoding="utf-8")
    (tmp_path / "philosophy-draft.yml").write_text("not even a mapping", encoding="utf-8")
    (tmp_path / "ci.yaml").write_text("jobs: {}\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("company: hidden\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "philosophy.yaml").write_text(COMPLETE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("company: x\n", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in expand([tmp_path])]
    assert found == ["philosophy-draft.yml", "team/ours.yaml"]


def test_a_named_file_is_always_checked_and_each_only_once(tmp_path: Path) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_text(COMPLETE, encoding="utf-8")
    assert expand([odd, tmp_path / "." / "odd.txt"]) == [odd]


def test_a_missing_path_and_an_empty_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFound):
        expand([tmp_path / "nope.yaml"])
    with pytest.raises(UsageError, match="no philosophy files"):
        expand([tmp_path])


def test_many_files_are_checked_in_parallel_with_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [COMPLETE, COMPLETE.replace("metrics: [QA]", "metrics: [WOW]"), "company: [\n"]
    for n in range(12):
        (tmp_path / f"p{n:02d}.yaml").write_text(texts[n % 3], encoding="utf-8")
    day = dt.date(2026, 11, 22)
    one_by_one = check_paths([tmp_path], today=day)
    monkeypatch.setattr(runner, "PARALLEL_FROM", 4)
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 2)
    in_parallel = check_paths([tmp_path], today=day)
    assert in_parallel == one_by_one
    assert [r.failed() for r in in_parallel] == [False, True, True] * 4
