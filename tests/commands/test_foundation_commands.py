"""init, status, schema, metrics, --version, --help and python -m, through the real command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cxphilo import __version__
from cxphilo.document.model import Philosophy
from cxphilo.storage.store import SCHEMA_FILE, load
from tests.conftest import COMPLETE_EXAMPLES, EXAMPLES, made_with_this_pydantic, run_cli


def test_version() -> None:
    result = run_cli("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"cxphilo {__version__}\n", "")


def test_help_lists_every_command() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("init", "status", "schema", "metrics"):
        assert command in result.stdout


def test_no_arguments_shows_help_and_fails_as_usage() -> None:
    result = run_cli()
    assert result.returncode == 2
    assert "Usage: cxphilo" in result.stdout + result.stderr


def test_a_wrong_flag_is_a_usage_error() -> None:
    result = run_cli("status", "--colour")
    assert result.returncode == 2
    assert "No such option" in result.stderr and "--colour" in result.stderr  # click's wording
    assert "Traceback" not in result.stderr


def test_init_from_flags_without_a_terminal(in_tmp: Path) -> None:
    result = run_cli(
        "init",
        "--company",
        "Çiçek Kitabevi",
        "--mission",
        "Kitap satmak.",
        "--language",
        "tr",
        cwd=in_tmp,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Created philosophy.yaml for Çiçek Kitabevi."
    doc = load(in_tmp / "philosophy.yaml").doc
    assert (doc.company.name, doc.company.mission, doc.company.language) == (
        "Çiçek Kitabevi",
        "Kitap satmak.",
        "tr",
    )
    schema = json.loads((in_tmp / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert schema["title"] == "cxphilo customer service philosophy"


def test_init_without_a_terminal_and_without_a_company_says_what_to_pass(in_tmp: Path) -> None:
    result = run_cli("init", cwd=in_tmp)
    assert result.returncode == 2
    assert result.stderr == (
        "error: no company name given and no terminal to ask for one\n"
        'hint: pass it: cxphilo init --company "Acme Bikes"\n'
    )
    assert not (in_tmp / "philosophy.yaml").exists()


def test_init_refuses_to_overwrite(in_tmp: Path) -> None:
    (in_tmp / "philosophy.yaml").write_text("precious\n", encoding="utf-8")
    result = run_cli("init", "--company", "Acme", cwd=in_tmp)
    assert result.returncode == 2
    assert result.stderr.startswith("error: philosophy.yaml already exists; not overwriting it\n")
    assert (in_tmp / "philosophy.yaml").read_text(encoding="utf-8") == "precious\n"


def test_init_refuses_an_unknown_language(in_tmp: Path) -> None:
    result = run_cli("init", "--company", "Acme", "--language", "fr", cwd=in_tmp)
    assert result.returncode == 2
    assert result.stderr == (
        "error: language 'fr' is not supported\nhint: use one of: en, da, sv, nb, tr, zh\n"
    )


def test_init_into_a_named_path(in_tmp: Path) -> None:
    result = run_cli("init", "docs/cx.yaml", "--company", "Acme", cwd=in_tmp)
    assert result.returncode == 2  # the folder does not exist
    assert "cannot write in docs" in result.stderr
    (in_tmp / "docs").mkdir()
    result = run_cli("init", "docs/cx.yaml", "--company", "Acme", cwd=in_tmp)
    assert result.returncode == 0, result.stderr
    assert (in_tmp / "docs" / SCHEMA_FILE).exists()


def test_status_of_a_new_document(in_tmp: Path) -> None:
    run_cli("init", "--company", "Acme", cwd=in_tmp)
    result = run_cli("status", "--format", "json", cwd=in_tmp)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["state"] for s in data["steps"]] == ["not started"] * 7
    assert [s["name"] for s in data["steps"]] == [
        "assess",
        "model",
        "values",
        "vision",
        "actions",
        "share",
        "listen",
    ]
    assert data["next"] == "assess"
    assert "capacity: team size" in data["steps"][0]["missing"]


def test_status_text_shows_every_step_and_the_next_command(in_tmp: Path) -> None:
    run_cli("init", "--company", "Acme", cwd=in_tmp)
    result = run_cli("status", cwd=in_tmp)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Acme — philosophy.yaml — 0 of 7 steps done"
    for number, name in enumerate(
        ["assess", "model", "values", "vision", "actions", "share", "listen"], start=1
    ):
        assert any(line.startswith(f"{number}. {name}") for line in lines), name
    assert lines[-1] == "Next: cxphilo workshop philosophy.yaml --step assess"


@pytest.mark.parametrize("example", COMPLETE_EXAMPLES, ids=lambda p: p.name)
def test_status_of_a_complete_example(example: Path) -> None:
    result = run_cli("status", example, "--format", "json")
    data = json.loads(result.stdout)
    assert [s["state"] for s in data["steps"]] == ["done"] * 7
    assert data["next"] is None


def test_status_of_the_flawed_example_names_what_is_missing() -> None:
    result = run_cli("status", EXAMPLES / "flawed.yaml", "--format", "json")
    steps = {s["name"]: s for s in json.loads(result.stdout)["steps"]}
    assert steps["values"]["missing"] == ["cut the values to five or fewer (now 7)"]
    assert steps["model"]["missing"] == ["how customer history is kept"]
    assert steps["vision"]["missing"] == [
        "a new review: the vision changed after the team reviewed it"
    ]
    assert steps["share"]["state"] == "not started"


def test_schema_is_json_schema_that_accepts_the_examples() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["company"]
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(
        Philosophy.model_json_schema(by_alias=True)["properties"]
    )
    for key in ("schema", "company", "assessment", "model", "values", "vision"):
        assert key in schema["properties"]


@made_with_this_pydantic
def test_the_schema_shipped_beside_the_examples_is_up_to_date() -> None:
    result = run_cli("schema")
    shipped = (EXAMPLES / SCHEMA_FILE).read_text(encoding="utf-8")
    assert shipped == result.stdout, (
        "regenerate: cd examples && cxphilo schema -o cxphilo.schema.json"
    )


def test_metrics_lists_the_catalogue() -> None:
    result = run_cli("metrics", "--format", "json")
    ids = [m["id"] for m in json.loads(result.stdout)]
    for expected in ("NPS", "CSAT", "CES", "FCR", "FRT", "AHT", "CRR", "AOV", "QA", "ATTRITION"):
        assert expected in ids
    text = run_cli("metrics").stdout
    assert "Net Promoter Score" in text


def test_metrics_shows_one() -> None:
    result = run_cli("metrics", "nps")
    assert result.returncode == 0
    assert result.stdout.startswith("NPS — Net Promoter Score\n")
    assert "promoters" in result.stdout


def test_an_unknown_metric_suggests_a_close_one() -> None:
    result = run_cli("metrics", "NPX")
    assert result.returncode == 2
    assert result.stderr == "error: no metric 'NPX' in the catalogue\nhint: did you mean NPS?\n"


def test_python_dash_m_and_the_script_are_the_same_program() -> None:
    via_module = subprocess.run(
        [sys.executable, "-m", "cxphilo", "--version"], capture_output=True, text=True
    )
    assert via_module.stdout == f"cxphilo {__version__}\n"


# Start-up: the commands that run in pre-commit and CI must not import the heavy edges.
IMPORT_PROBE = """
import sys
from cxphilo.__main__ import main
code = main(sys.argv[1:])
heavy = sorted(m for m in ("questionary", "jinja2", "prompt_toolkit") if m in sys.modules)
print("HEAVY=" + ",".join(heavy), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [["--version"], ["schema"], ["status", str(EXAMPLES / "northwind-bikes.yaml")]],
    ids=["version", "schema", "status"],
)
def test_fast_commands_do_not_import_questionary_or_jinja2(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_PROBE, *args], capture_output=True, text=True
    )
    assert "HEAVY=\n" in result.stderr, result.stderr


def test_init_shows_a_typed_control_character_as_an_escape(tmp_path: Path) -> None:
    result = run_cli(
        "init", "cx.yaml", "--company", "Acme\x1b[2J", "--language", "en", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "Created cx.yaml for Acme\\e[2J." in result.stdout
