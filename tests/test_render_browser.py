"""The HTML charter in a real headless Chromium: printed to PDF, read back, photographed.

Needs `chromium` and `pdftotext` (Debian: apt-get install chromium poppler-utils).
Without them the test is skipped on a workstation and fails under CI (`CI` set),
so that CI never passes without having looked. The screenshots and PDFs land in
tests/artifacts/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cxphilo.render import build_view
from cxphilo.store import load
from tests.conftest import COMPLETE_EXAMPLES, ROOT, run_cli

ARTIFACTS = ROOT / "tests" / "artifacts"
PAPER = {"letter": (612, 792), "A4": (595, 842)}


def tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    reason = f"{names[0]} is not installed (Debian: apt-get install chromium poppler-utils)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser test", pytrace=False)
    pytest.skip(reason)


def chromium(browser: str, profile: Path, *args: str) -> None:
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            *args,
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
@pytest.mark.parametrize("path", COMPLETE_EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("paper", sorted(PAPER))
def test_the_printed_charter_holds_vision_values_and_metrics(
    path: Path, paper: str, tmp_path: Path
) -> None:
    browser = tool("chromium", "chromium-browser", "google-chrome")
    pdftotext = tool("pdftotext")
    html = tmp_path / "charter.html"
    result = run_cli("render", path, "-o", html)
    assert result.returncode == 0, result.stderr
    if paper != "letter":
        # Chromium prints on its default paper; a page rule picks another one.
        text = html.read_text(encoding="utf-8")
        html.write_text(
            text.replace("</head>", f"<style>@page {{ size: {paper}; }}</style></head>")
        )
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / f"{path.stem}-charter-{paper}.pdf"
    chromium(
        browser,
        tmp_path / "profile",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        html.as_uri(),
    )
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    if size:  # pdfinfo comes with pdftotext; the size is checked when it answers
        assert (round(float(size.group(1))), round(float(size.group(2)))) == PAPER[paper]
    printed = words(
        subprocess.run(
            [pdftotext, "-enc", "UTF-8", str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
        ).stdout
    )
    doc = load(path).doc
    assert doc.vision and doc.vision.statement
    assert words(doc.vision.statement) in printed
    for value in doc.values:
        assert value.name in printed
    view = build_view(doc)
    assert view.metrics
    for metric in view.metrics:
        assert words(metric.name) in printed, metric.name
    assert doc.company.name in printed


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_a_screenshot_of_the_charter_for_a_person_to_look_at(width: int, tmp_path: Path) -> None:
    browser = tool("chromium", "chromium-browser", "google-chrome")
    path = COMPLETE_EXAMPLES[0]
    html = tmp_path / "charter.html"
    assert run_cli("render", path, "-o", html).returncode == 0
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"{path.stem}-charter-{width}px.png"
    shot.unlink(missing_ok=True)
    chromium(
        browser,
        tmp_path / "profile",
        "--hide-scrollbars",
        f"--window-size={width},2400",
        f"--screenshot={shot}",
        html.as_uri(),
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a blank page compresses to far less
