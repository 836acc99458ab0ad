"""The Jinja environment: built-in templates, a team's overrides, the sandbox, clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cxphilo.document.model import Company, Philosophy, Value
from cxphilo.errors import ExitCode, TemplateError, UsageError
from cxphilo.render.renderer import KINDS, render
from cxphilo.render.templating import builtin_dir, environment, paragraphs, template_names

DOC = Philosophy(
    company=Company(name="Acme <Bikes>", mission="Ride more."),
    values=[Value(name="Honesty", statement="Say what you mean.")],
)


def user_templates(tmp_path: Path, **files: str) -> Path:
    """A team's template folder; keyword `charter_md` becomes `charter.md.j2`."""
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    for key, text in files.items():
        stem, fmt = key.rsplit("_", 1)
        (folder / f"{stem}.{fmt}.j2").write_text(text, encoding="utf-8")
    return folder


def test_builtin_templates_cover_every_document_and_format() -> None:
    names = template_names()
    for kind in KINDS:
        for fmt in ("md", "html"):
            assert f"{kind}.{fmt}.j2" in names
    assert (builtin_dir() / "charter.md.j2").is_file()


def test_a_team_template_replaces_only_its_namesake(tmp_path: Path) -> None:
    folder = user_templates(tmp_path, charter_md="Our charter for {{ view.company|md }}\n")
    assert render(DOC, "charter", "md", folder) == "Our charter for Acme \\<Bikes\\>\n"
    for kind, fmt in [("charter", "html"), ("rubric", "md"), ("survey", "html")]:
        assert render(DOC, kind, fmt, folder) == render(DOC, kind, fmt)


def test_a_team_template_can_extend_the_built_in_base(tmp_path: Path) -> None:
    folder = user_templates(
        tmp_path,
        charter_html='{% extends "_base.html.j2" %}{% block content %}'
        "<h1>{{ view.company }}</h1><p>{{ L.purpose }}</p>{% endblock %}",
    )
    html = render(DOC, "charter", "html", folder)
    assert "<h1>Acme &lt;Bikes&gt;</h1>" in html and "<style>" in html


def test_html_is_autoescaped_and_markdown_is_not(tmp_path: Path) -> None:
    folder = user_templates(
        tmp_path, charter_html="{{ view.company }}", charter_md="{{ view.company }}"
    )
    assert render(DOC, "charter", "html", folder) == "Acme &lt;Bikes&gt;\n"
    assert render(DOC, "charter", "md", folder) == "Acme <Bikes>\n"


@pytest.mark.parametrize(
    "expression",
    [
        "''.__class__",
        "''.__class__.__mro__",
        "''.__class__.__mro__[1].__subclasses__()",
        "doc.__class__.__init__.__globals__",
        "doc.__dict__",
        "t.__globals__",
        "gap.__code__",
        "L._words",
        "cycler.__init__.__globals__",
        "lipsum.__globals__",
        "range.__self__",
        "'{0.__class__}'.format(1)",
        "doc.values.append(1)",
        "view.values.__len__()",
    ],
)
def test_the_sandbox_refuses_python_internals(tmp_path: Path, expression: str) -> None:
    folder = user_templates(tmp_path, charter_md=f"Hello\n{{{{ {expression} }}}}\n")
    with pytest.raises(TemplateError) as caught:
        render(DOC, "charter", "md", folder)
    message = str(caught.value.message)
    assert "charter.md.j2:2" in message
    assert caught.value.exit_code == ExitCode.USAGE


def test_a_sandbox_refusal_says_so(tmp_path: Path) -> None:
    folder = user_templates(tmp_path, charter_md="{{ ''.__class__.__mro__ }}")
    with pytest.raises(TemplateError, match="refused by the template sandbox"):
        render(DOC, "charter", "md", folder)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("line one\n{{ view.compnay }}\n", r"charter\.md\.j2:2: .*'compnay'"),
        ("{% if %}\n", r"charter\.md\.j2:1: template syntax error"),
        ("\n\n{{ 1 + 'a' }}", r"charter\.md\.j2:3: TypeError"),
        ("{{ L.no_such_label }}", r"charter\.md\.j2:1: .*no_such_label"),
        ("{{ t('no_such_label') }}", r"charter\.md\.j2:1: .*no label 'no_such_label'"),
        ('{% include "missing.j2" %}', r"charter\.md\.j2:1: template 'missing\.j2' not found"),
        ("{{ nothing }}", r"charter\.md\.j2:1: 'nothing' is undefined"),
    ],
)
def test_template_errors_name_the_file_and_line(tmp_path: Path, source: str, expected: str) -> None:
    folder = user_templates(tmp_path, charter_md=source)
    with pytest.raises(TemplateError, match=expected):
        render(DOC, "charter", "md", folder)


def test_an_error_in_an_included_template_names_that_template(tmp_path: Path) -> None:
    folder = user_templates(
        tmp_path, charter_md='{% include "_part.md.j2" %}', _part_md="\n{{ oops }}"
    )
    with pytest.raises(TemplateError, match=r"_part\.md\.j2:2: 'oops' is undefined"):
        render(DOC, "charter", "md", folder)


def test_a_missing_templates_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"templates folder .*nowhere does not exist"):
        environment(tmp_path / "nowhere")
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="is not a folder"):
        environment(tmp_path / "file")


def test_an_edited_team_template_is_picked_up(tmp_path: Path) -> None:
    folder = user_templates(tmp_path, charter_md="first")
    assert render(DOC, "charter", "md", folder) == "first\n"
    path = folder / "charter.md.j2"
    path.write_text("second, longer", encoding="utf-8")
    later = path.stat().st_mtime + 5  # a coarse file system clock must not hide the change
    os.utime(path, (later, later))
    assert render(DOC, "charter", "md", folder) == "second, longer\n"


def test_paragraphs_split_at_blank_lines() -> None:
    assert paragraphs("one\ntwo\n\n  \nthree ") == ["one two", "three"]
    assert paragraphs(None) == [] and paragraphs("  ") == []
