"""`cxphilo render` through the real command: output, formats, overrides, escaping, sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from cxphilo.render.renderer import render
from cxphilo.storage.store import load
from tests.conftest import EXAMPLES, run_cli

NORTHWIND = EXAMPLES / "northwind-bikes.yaml"
INJECTION = "<script>alert(1)</script>"
DOCS = [(kind, fmt) for kind in ("charter", "rubric", "survey") for fmt in ("md", "html")]


def render_cli(*args: str | Path, cwd: Path | None = None) -> str:
    result = run_cli("render", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_markdown_charter_on_stdout_by_default() -> None:
    out = render_cli(NORTHWIND)
    assert out == render(load(NORTHWIND).doc, "charter", "md")
    assert out.startswith("# Northwind Bikes — Customer service philosophy\n")


def test_the_default_file_is_philosophy_yaml(in_tmp: Path) -> None:
    (in_tmp / "philosophy.yaml").write_bytes(NORTHWIND.read_bytes())
    assert render_cli("--doc", "survey", cwd=in_tmp) == render_cli(NORTHWIND, "--doc", "survey")


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("charter.html", "<!DOCTYPE html>"),
        ("charter.HTM", "<!DOCTYPE html>"),
        ("charter.md", "# Northwind"),
        ("charter.markdown", "# Northwind"),
    ],
)
def test_the_output_format_follows_the_extension(in_tmp: Path, name: str, start: str) -> None:
    result = run_cli("render", NORTHWIND, "-o", name, cwd=in_tmp)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", f"Wrote {name}\n")
    assert (in_tmp / name).read_text(encoding="utf-8").startswith(start)


def test_to_wins_over_the_extension(in_tmp: Path) -> None:
    result = run_cli("render", NORTHWIND, "--to", "html", "-o", "charter.txt", cwd=in_tmp)
    assert result.returncode == 0, result.stderr
    assert (in_tmp / "charter.txt").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_unknown_extension_without_to_is_a_usage_error(in_tmp: Path) -> None:
    result = run_cli("render", NORTHWIND, "-o", "charter.pdf", cwd=in_tmp)
    assert result.returncode == 2
    assert result.stderr == (
        "error: cannot tell the format of charter.pdf from its extension (.pdf)\n"
        "hint: name it .md or .html, or say which with --to md or --to html\n"
    )
    assert not (in_tmp / "charter.pdf").exists()


def test_the_output_replaces_an_old_file_and_leaves_no_temporary_file(in_tmp: Path) -> None:
    target = in_tmp / "charter.md"
    target.write_text("old charter\n", encoding="utf-8")
    result = run_cli("render", NORTHWIND, "-o", target)
    assert (result.returncode, result.stderr) == (0, f"Wrote {target}\n")
    assert target.read_text(encoding="utf-8") == render(load(NORTHWIND).doc, "charter", "md")
    assert sorted(p.name for p in in_tmp.iterdir()) == ["charter.md"]


def test_the_philosophy_file_is_never_overwritten(in_tmp: Path) -> None:
    source = in_tmp / "philosophy.md"
    source.write_bytes(NORTHWIND.read_bytes())
    result = run_cli("render", source, "-o", "philosophy.md", cwd=in_tmp)
    assert result.returncode == 2
    assert "is the philosophy file itself; not overwriting it" in result.stderr
    assert source.read_bytes() == NORTHWIND.read_bytes()


def test_a_missing_or_invalid_file_is_reported_with_its_place(in_tmp: Path) -> None:
    missing = run_cli("render", "nowhere.yaml", cwd=in_tmp)
    assert missing.returncode == 2
    assert missing.stderr.startswith("error: nowhere.yaml: no such file\n")
    (in_tmp / "bad.yaml").write_text("schema: 1\ncompany:\n  name: A\n  misison: x\n")
    bad = run_cli("render", "bad.yaml", cwd=in_tmp)
    assert bad.returncode == 2
    assert bad.stderr.startswith("bad.yaml:4:3: unknown key 'misison'")


def test_an_output_folder_that_does_not_exist_is_reported(in_tmp: Path) -> None:
    result = run_cli("render", NORTHWIND, "-o", "nowhere/charter.md", cwd=in_tmp)
    assert result.returncode == 2
    assert result.stderr.startswith("error: nowhere/charter.md: cannot write in nowhere")
    assert "Traceback" not in result.stderr


def test_a_wrong_doc_is_a_usage_error() -> None:
    result = run_cli("render", NORTHWIND, "--doc", "poster")
    assert result.returncode == 2
    assert "Invalid value for '--doc'" in result.stderr


# --- escaping, sandbox, overrides: the real command --------------------------------------------


@pytest.fixture
def injected(in_tmp: Path) -> Path:
    """A philosophy whose every typed text holds a script tag."""
    path = in_tmp / "philosophy.yaml"
    path.write_text(
        f"""schema: 1
company:
  name: "{INJECTION}"
  mission: "{INJECTION}"
values:
  - name: "{INJECTION}"
    statement: "{INJECTION}"
    description: "{INJECTION}"
    metrics: ["{INJECTION}"]
    technology: ["{INJECTION}"]
vision:
  statement: "{INJECTION}"
hiring:
  rubric:
    - value: "{INJECTION}"
      questions: ["{INJECTION}"]
      strong_answer: "{INJECTION}"
teams:
  - name: "{INJECTION}"
    activities: ["{INJECTION}"]
listening:
  survey:
    - value: "{INJECTION}"
      question: "{INJECTION}"
""",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("kind", "fmt"), DOCS)
def test_a_script_typed_in_the_workshop_shows_as_text(injected: Path, kind: str, fmt: str) -> None:
    out = render_cli(injected, "--doc", kind, "--to", fmt)
    assert INJECTION not in out
    if fmt == "html":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
        assert "<script" not in out.lower()
    else:
        tokens = MarkdownIt("commonmark").enable("table").parse(out)
        inline_types = {c.type for t in tokens for c in (t.children or [])}
        assert "html_inline" not in inline_types
        assert "html_block" not in {t.type for t in tokens}
        shown = "".join(c.content for t in tokens for c in (t.children or []) if c.type == "text")
        assert INJECTION in shown


@pytest.mark.parametrize(
    "expression",
    ["''.__class__", "''.__class__.__mro__", "''.__class__.__mro__[1].__subclasses__()"],
)
def test_a_template_reaching_for_python_internals_is_refused(in_tmp: Path, expression: str) -> None:
    folder = in_tmp / "team-templates"
    folder.mkdir()
    (folder / "charter.html.j2").write_text(
        f"<h1>{{{{ view.company }}}}</h1>\n<p>{{{{ {expression} }}}}</p>\n", encoding="utf-8"
    )
    result = run_cli("render", NORTHWIND, "--templates", folder, "-o", "charter.html", cwd=in_tmp)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: team-templates/charter.html.j2:2: refused by the template sandbox: "
        "access to attribute '__class__' of 'str' object is unsafe.\n"
        "hint: templates may use the document's data, not Python internals\n"
    )
    assert not (in_tmp / "charter.html").exists()


def test_a_broken_template_names_its_line_without_a_traceback(in_tmp: Path) -> None:
    folder = in_tmp / "t"
    folder.mkdir()
    (folder / "rubric.md.j2").write_text("# {{ view.company }}\n{% for x in %}\n")
    result = run_cli("render", NORTHWIND, "--doc", "rubric", "--templates", folder, cwd=in_tmp)
    assert result.returncode == 2
    assert result.stderr.startswith("error: t/rubric.md.j2:2: template syntax error: ")
    assert "Traceback" not in result.stderr


def test_a_missing_templates_folder_is_a_usage_error(in_tmp: Path) -> None:
    result = run_cli("render", NORTHWIND, "--templates", "nowhere", cwd=in_tmp)
    assert result.returncode == 2
    assert result.stderr == "error: templates folder nowhere does not exist\n"


@pytest.mark.slow
def test_overriding_one_template_changes_only_that_document(in_tmp: Path) -> None:
    folder = in_tmp / "ours"
    folder.mkdir()
    (folder / "charter.md.j2").write_text(
        "# {{ view.company|md }}\n\n{{ L.vision }}: {{ view.vision|md }}\n", encoding="utf-8"
    )
    built_in = {doc: render_cli(NORTHWIND, "--doc", doc[0], "--to", doc[1]) for doc in DOCS}
    overridden = {
        doc: render_cli(NORTHWIND, "--doc", doc[0], "--to", doc[1], "--templates", folder)
        for doc in DOCS
    }
    assert overridden[("charter", "md")] == (
        "# Northwind Bikes\n\nSupport vision: Every rider gets back on the road with one person "
        "who owns the problem until it is solved.\n"
    )
    assert overridden[("charter", "md")] != built_in[("charter", "md")]
    for doc in DOCS:
        if doc != ("charter", "md"):
            assert overridden[doc] == built_in[doc], doc


# --- the templates setting of the config file --------------------------------------------------


def _team_folder(root: Path, name: str, text: str) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "charter.md.j2").write_text(text, encoding="utf-8")
    return folder


def test_the_config_file_names_the_templates_folder(in_tmp: Path) -> None:
    _team_folder(in_tmp, "from-config", "config: {{ view.company|md }}\n")
    (in_tmp / ".cxphilo.yaml").write_text("templates: from-config\n", encoding="utf-8")
    sub = in_tmp / "docs"
    sub.mkdir()
    # Found from the working directory upward; the folder is relative to the config file.
    assert render_cli(NORTHWIND, cwd=sub) == "config: Northwind Bikes\n"
    assert render_cli(NORTHWIND, "--to", "html", cwd=sub) == render(
        load(NORTHWIND).doc, "charter", "html"
    )


def test_the_flag_wins_over_the_config_file(in_tmp: Path) -> None:
    _team_folder(in_tmp, "from-config", "config\n")
    _team_folder(in_tmp, "from-flag", "flag\n")
    (in_tmp / "pyproject.toml").write_text(
        '[tool.cxphilo]\ntemplates = "from-config"\n', encoding="utf-8"
    )
    assert render_cli(NORTHWIND, cwd=in_tmp) == "config\n"
    assert render_cli(NORTHWIND, "--templates", "from-flag", cwd=in_tmp) == "flag\n"


def test_a_config_naming_a_missing_folder_is_a_usage_error(in_tmp: Path) -> None:
    (in_tmp / ".cxphilo.yaml").write_text("templates: gone\n", encoding="utf-8")
    result = run_cli("render", NORTHWIND, cwd=in_tmp)
    assert result.returncode == 2
    assert result.stderr == f"error: templates folder {in_tmp.resolve() / 'gone'} does not exist\n"
