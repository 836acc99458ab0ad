"""The words a person reads, in the team's language, from gettext catalogs.

A message is written in English where the code shows it, and that English is
its id. Its translations live in ordinary gettext catalogs,
`cxphilo/locale/<lang>/LC_MESSAGES/cxphilo.po`, one per language of the
vocabulary but English; the compiled `cxphilo.mo` beside each is what is read,
by the standard library's `gettext`. `python tools/catalogs.py` gathers the
messages into the catalogs and compiles them; a test fails when a message has
no translation, when a translation's placeholders differ from the English, or
when a compiled catalog is older than its `.po`.

Placeholders are named, `{count}`, and filled by `str.format` after the
translation is looked up: what fills them (a company name, a typed answer) is
inserted as it is, never read as a format or as markup.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from cxphilo.errors import UsageError
from cxphilo.vocabulary import LANGUAGES

if TYPE_CHECKING:
    import gettext

DOMAIN = "cxphilo"
LOCALE_DIR = Path(__file__).resolve().parent
# The environment variable that names the interface's language for one person,
# whatever the document's language is (the option --lang wins over it).
ENV = "CXPHILO_LANG"


def N_(message: str) -> str:
    """Mark `message` for the catalogs where it is defined; it is translated where shown."""
    return message


class Words:
    """One language's words: `t("Mission")`, `t("Step {number} of {total}", number=1, total=7)`."""

    def __init__(self, language: str, catalog: gettext.NullTranslations) -> None:
        self.language = language
        self._catalog = catalog

    def __call__(self, message: str, /, **params: object) -> str:
        text = self._catalog.gettext(message)
        return text.format(**params) if params else text

    def plural(self, singular: str, plural: str, count: int, /, **params: object) -> str:
        """The form for `count`, with `{count}` among the placeholders."""
        return self._catalog.ngettext(singular, plural, count).format(count=count, **params)


@cache
def words(language: str) -> Words:
    """The words of `language` (one of the vocabulary's); English needs no catalog."""
    import gettext

    if language not in LANGUAGES:
        raise ValueError(f"no catalog for {language!r}")
    catalog: gettext.NullTranslations = gettext.NullTranslations()
    if language != "en":
        catalog = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
    return Words(language, catalog)


def chosen_language(chosen: str | None) -> str | None:
    """The language a person chose for themselves: `--lang`, else $CXPHILO_LANG, else
    None. A language cxphilo does not speak is a usage error that says where it came
    from."""
    for value, where in ((chosen, "--lang"), (os.environ.get(ENV), ENV)):
        if value is None or not value.strip():
            continue
        code = value.strip().lower()
        if code not in LANGUAGES:
            raise UsageError(
                f"{where}: cxphilo does not speak {value.strip()!r}",
                hint=f"use one of: {', '.join(LANGUAGES)}",
            )
        return code
    return None


def interface_language(chosen: str | None, document: str | None) -> str:
    """The language a person is spoken to in: the one they chose (`chosen_language`),
    else the document's own language, else English."""
    return chosen_language(chosen) or (document if document in LANGUAGES else "en")
