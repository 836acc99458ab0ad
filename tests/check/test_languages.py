"""The same flawed document in each of the six languages: the same rule ids, and every
finding worded in the document's language in every format (and `status` likewise).

The language check is simple on purpose: once the words the message quotes from the
file (a statement, a value's name, a command) are taken out, a message in Danish,
Swedish, Norwegian, Turkish or Chinese holds none of the small English words every
English message is made of, and it is not the English message itself.
"""

# Chinese is written with full-width commas; that is right here.
# ruff: noqa: RUF001

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cxphilo.check import check_file, report
from cxphilo.vocabulary import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
FLAWED = ROOT / "examples" / "flawed.yaml"

# One vision per language with a stock phrase, jargon and a promise of 24/7 that two
# weekday phone agents cannot keep: what the English example holds.
VISIONS = {
    "en": "We go the extra mile and deliver best-in-class support 24/7.",
    "da": "Vi går den ekstra mil og leverer best-in-class support 24/7.",
    "sv": "Vi går den extra milen och levererar best-in-class support 24/7.",
    "nb": "Vi går den ekstra milen og leverer best-in-class support 24/7.",
    "tr": "Ekstra mil yol gidiyoruz ve 24/7 sınıfının en iyisi destek sunuyoruz.",
    "zh": "我们追求卓越，赋能客户，提供7x24小时支持。",
}
# The values' action statements, as each language says them: two say nothing anyone does.
STATEMENTS = {
    "da": [
        "Ekspertise i alt.",
        "Sig det, du mener.",
        "Behandl hvert opkald som hastende.",
        "Gør det rigtigt første gang.",
        "Passion.",
        "Vi prøver nye idéer.",
        "Hjælp hinanden.",
    ],
    "sv": [
        "Excellens i allt.",
        "Säg det du menar.",
        "Behandla varje samtal som brådskande.",
        "Gör rätt från början.",
        "Passion.",
        "Vi prövar nya idéer.",
        "Hjälp varandra.",
    ],
    "nb": [
        "Kvalitet i alt.",
        "Si det du mener.",
        "Behandle hver samtale som viktig.",
        "Gjør det riktig første gang.",
        "Lidenskap.",
        "Vi prøver nye ideer.",
        "Hjelp hverandre.",
    ],
    "tr": [
        "Mükemmellik.",
        "Ne demek istediğinizi söyleyin.",
        "Her aramayı acil kabul edin.",
        "İlk seferde doğru yapın.",
        "Tutku.",
        "Yenilik yapın.",
        "Birlikte çalışın.",
    ],
    "zh": [
        "一切卓越。",
        "说到做到。",
        "认真对待每一个来电。",
        "第一次就把事情做对。",
        "激情。",
        "尝试新想法。",
        "互相帮助。",
    ],
}
ENGLISH_STATEMENTS = [
    "Excellence in everything.",
    "Say what you mean.",
    "Treat every call with urgency.",
    "Get it right the first time.",
    "Passion.",
    "Innovate.",
    "Work together.",
]
OTHERS = [language for language in LANGUAGES if language != "en"]
FORMATS = ("text", "json", "github", "sarif", "junit", "gitlab")

# Words of English that no message of the other five languages has, once what it quotes
# is taken out.
_ENGLISH = re.compile(
    r"\b(the|and|is|not|of|by|but|nobody|people|step|with|has|was)\b", re.IGNORECASE
)
# What a message quotes from the file or names for the command line: left as it is.
_QUOTED = re.compile(
    r"“[^”]*”|”[^”]*”|«[^»]*»|\"[^\"]*\"|'[^']*'|cxphilo [a-z -]+|[a-z_]+\.[a-z_.]+|"
    r"\b[a-z]+(?:-[a-z]+)+\b|\b[a-z_]+:|--step \w+"
)


def english_words(message: str) -> list[str]:
    return _ENGLISH.findall(_QUOTED.sub(" ", message))


def flawed(tmp_path: Path, language: str) -> Path:
    text = FLAWED.read_text(encoding="utf-8")
    text = text.replace("  language: en\n", f"  language: {language}\n", 1)
    for english, said in zip(ENGLISH_STATEMENTS, STATEMENTS.get(language, []), strict=False):
        text = text.replace(f"    statement: {english}\n", f"    statement: {said}\n", 1)
    statement = VISIONS[language]
    text = re.sub(r"(\nvision:\n(?:  #[^\n]*\n)?  statement: )[^\n]*", rf"\g<1>{statement}", text)
    path = tmp_path / f"flawed-{language}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cxphilo", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("languages")
    return {language: flawed(folder, language) for language in LANGUAGES}


def test_the_english_check_of_the_words_finds_english(documents: dict[str, Path]) -> None:
    """The language check itself: it finds the English of every English message."""
    result = check_file(documents["en"])
    (worded,), _ = report.worded([result])
    assert worded.findings
    for finding in worded.findings:
        assert english_words(str(finding.message)), finding.message


def test_every_language_gives_the_same_rule_ids(documents: dict[str, Path]) -> None:
    rules = {
        language: sorted(f.rule for f in check_file(path).findings)
        for language, path in documents.items()
    }
    assert "vision-overpromise" in rules["en"] and "vision-cliche" in rules["en"]
    for language in OTHERS:
        assert rules[language] == rules["en"], language


@pytest.mark.parametrize("language", OTHERS)
def test_every_finding_is_in_the_documents_language_in_json(
    documents: dict[str, Path], language: str
) -> None:
    done = run("check", "--format", "json", str(documents[language]))
    assert done.returncode == 1, done.stderr
    findings = json.loads(done.stdout)["files"][0]["findings"]
    assert findings
    for finding in findings:
        message, english = finding["message"], finding["message_en"]
        assert message != english, finding
        assert not english_words(message), (english_words(message), message)
        if finding["fix"]:
            assert finding["fix"] != finding["fix_en"], finding
            assert not english_words(finding["fix"]), finding["fix"]
        assert english_words(english), english  # the English copy is English


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "json"])
def test_every_format_carries_the_worded_messages(
    documents: dict[str, Path], language: str, fmt: str
) -> None:
    path = str(documents[language])
    messages = [
        f["message"]
        for f in json.loads(run("check", "--format", "json", path).stdout)["files"][0]["findings"]
    ]
    done = run("check", "--format", fmt, path)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    if fmt == "sarif":
        texts = [r["message"]["text"] for r in json.loads(out)["runs"][0]["results"]]
    elif fmt == "gitlab":
        texts = [issue["description"] for issue in json.loads(out)]
    elif fmt == "junit":
        texts = ["\n".join(node.text or "" for node in ET.fromstring(out).iter())]
    elif fmt == "github":
        texts = [report._escape_data(out), *out.splitlines()]
    else:
        texts = [out]
    joined = "\n".join(texts)
    for message in messages:
        shown = report._escape_data(message) if fmt == "github" else message
        assert shown in joined, (fmt, message)
    if fmt == "text":
        # The report's own words too: the levels, "fix:", the summary line.
        for line in out.splitlines():
            assert not english_words(line), line


def test_lang_words_the_findings_for_one_reader(documents: dict[str, Path]) -> None:
    danish = run("check", "--format", "json", "--lang", "da", str(documents["en"]))
    english = run("check", "--format", "json", str(documents["en"]))
    worded = json.loads(danish.stdout)["files"][0]["findings"]
    plain = json.loads(english.stdout)["files"][0]["findings"]
    assert [f["rule"] for f in worded] == [f["rule"] for f in plain]
    assert all(a["message"] != b["message"] for a, b in zip(worded, plain, strict=True))
    assert [f["message_en"] for f in worded] == [f["message"] for f in plain]


def test_the_fingerprints_do_not_change_with_the_language(documents: dict[str, Path]) -> None:
    """GitLab keeps an issue across runs by its fingerprint: a reader's language is not
    a new issue."""
    path = str(documents["en"])
    english = json.loads(run("check", "--format", "gitlab", path).stdout)
    danish = json.loads(run("check", "--format", "gitlab", "--lang", "da", path).stdout)
    assert [i["fingerprint"] for i in english] == [i["fingerprint"] for i in danish]
    assert [i["description"] for i in english] != [i["description"] for i in danish]


@pytest.mark.parametrize("language", OTHERS)
def test_status_is_in_the_documents_language(documents: dict[str, Path], language: str) -> None:
    path = str(documents[language])
    english = run("status", "--lang", "en", path).stdout
    done = run("status", path)
    assert done.returncode == 0, done.stderr
    assert done.stdout != english
    for line in done.stdout.splitlines():
        assert not english_words(line.replace(path, "")), line
    data = json.loads(run("status", "--format", "json", path).stdout)
    assert data["language"] == language
    for step in data["steps"]:
        for said, plain in zip(step["missing"], step["missing_en"], strict=True):
            assert said != plain and not english_words(said), said
