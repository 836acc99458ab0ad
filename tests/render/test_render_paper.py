"""The paper the HTML documents print on: A4 unless `--paper letter` or the config says so.

What Chromium really prints on is checked in tests/render/test_render_browser.py; here the
stylesheet's page rule, the option, the config setting and their errors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cxphilo.check.config import load_config
from cxphilo.errors import ConfigError, ExitCode, UsageError
from cxphilo.render.renderer import render
from cxphilo.storage.store import load
from tests.conftest import EXAMPLES, run_cli

NORTHWIND = EXAMPLES / "northwind-bikes.yaml"
PAGE_RULE = re.compile(r"@page \{ size: (\S+);")


def page_size(html: str) -> str:
    found = PAGE_RULE.findall(html)
    assert len(found) == 1, found
    return str(found[0])


@pytest.mark.parametrize("kind", ["charter", "rubric", "survey"])
def test_every_html_document_prints_on_a4_by_default(kind: str) -> None:
    doc = load(NORTHWIND).doc
    assert page_size(render(doc, kind, "html")) == "a4"
    assert page_size(render(doc, kind, "html", paper="letter")) == "letter"
    assert page_size(render(doc, kind, "html", paper="Letter")) == "letter"
    # Markdown has no pages: the paper changes nothing.
    assert render(doc, kind, "md", paper="letter") == render(doc, kind, "md")


def test_an_unknown_paper_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        render(load(NORTHWIND).doc, "charter", "html", paper="legal")
    assert str(caught.value.message) == "unknown paper 'legal'"
    assert caught.value.hint == "use one of: a4, letter"


def test_the_paper_option_of_the_command(in_tmp: Path) -> None:
    result = run_cli("render", NORTHWIND, "-o", "a.html", cwd=in_tmp)
    assert result.returncode == 0, result.stderr
    assert page_size((in_tmp / "a.html").read_text(encoding="utf-8")) == "a4"
    result = run_cli("render", NORTHWIND, "--paper", "LETTER", "-o", "l.html", cwd=in_tmp)
    assert result.returncode == 0, result.stderr
    assert page_size((in_tmp / "l.html").read_text(encoding="utf-8")) == "letter"
    wrong = run_cli("render", NORTHWIND, "--paper", "legal", "--to", "html", cwd=in_tmp)
    assert wrong.returncode == 2
    assert "legal" in wrong.stderr and "a4" in wrong.stderr and "letter" in wrong.stderr
    assert "Traceback" not in wrong.stderr


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".cxphilo.yaml", "paper: letter\n"),
        ("pyproject.toml", '[tool.cxphilo]\npaper = "Letter"\n'),
    ],
)
def test_the_config_file_sets_the_paper_and_the_flag_wins(
    in_tmp: Path, name: str, text: str
) -> None:
    (in_tmp / name).write_text(text, encoding="utf-8")
    assert load_config(start=in_tmp).paper == "letter"
    sub = in_tmp / "docs"
    sub.mkdir()
    letter = run_cli("render", NORTHWIND, "--to", "html", cwd=sub)
    assert letter.returncode == 0, letter.stderr
    assert page_size(letter.stdout) == "letter"
    a4 = run_cli("render", NORTHWIND, "--to", "html", "--paper", "a4", cwd=sub)
    assert page_size(a4.stdout) == "a4"


def test_without_a_paper_setting_the_config_leaves_a4(tmp_path: Path) -> None:
    (tmp_path / ".cxphilo.yaml").write_text("strict: true\n", encoding="utf-8")
    assert load_config(start=tmp_path).paper is None


@pytest.mark.parametrize("value", ["legal", "1", "[a4]", "''"])
def test_a_wrong_paper_setting_names_its_place(tmp_path: Path, value: str) -> None:
    path = tmp_path / ".cxphilo.yaml"
    path.write_text(f"strict: false\npaper: {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value.message).startswith(f"{path}:2:1: paper must be a4 or letter, not ")
    assert caught.value.exit_code == ExitCode.USAGE


def test_the_option_offers_exactly_the_papers_the_config_accepts() -> None:
    from cxphilo.check import config
    from cxphilo.cli import app as cli

    assert [paper.value for paper in cli.Paper] == list(config.PAPERS)
