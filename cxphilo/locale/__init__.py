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


# How each language writes a number: the mark between thousands and the decimal mark
# (a narrow no-break space in Swedish and Norwegian), and where the percent sign goes.
NUMBER_MARKS = {
    "en": (",", "."),
    "da": (".", ","),
    "sv": ("\u202f", ","),
    "nb": ("\u202f", ","),
    "tr": (".", ","),
    "zh": (",", "."),
}
PERCENT = {
    "en": "{}%",
    "da": "{}\u00a0%",
    "sv": "{}\u00a0%",
    "nb": "{}\u00a0%",
    "tr": "%{}",
    "zh": "{}%",
}


def N_(message: str) -> str:
    """Mark `message` for the catalogs where it is defined; it is translated where shown."""
    return message


class Text:
    """Words not said yet: an English message (its id in the catalogs) and what fills its
    placeholders, worded in a language only where it is shown (`Words.say`).

    A value may itself be a `Text` (said in the same language), a list of them
    (joined as the language joins a list), a number or a date (written as the
    language writes them), or a plain string, which is inserted as it is: a
    quoted statement, a name, a typed answer.
    """

    __slots__ = ("count", "message", "params", "plural")

    def __init__(self, message: str, /, **params: object) -> None:
        self.message = message
        self.params = params
        self.plural: str | None = None
        self.count = 0

    @classmethod
    def plural_of(cls, singular: str, plural: str, count: int, /, **params: object) -> Text:
        """The form for `count`, with `{count}` among the placeholders."""
        text = cls(singular, **params)
        text.plural, text.count = plural, count
        return text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (
            self.message,
            self.plural,
            self.count,
            self.params,
        ) == (other.message, other.plural, other.count, other.params)

    def __hash__(self) -> int:
        return hash((self.message, self.plural, self.count))

    def __repr__(self) -> str:
        return f"Text({self.message!r}, **{self.params!r})"

    def __str__(self) -> str:
        """In English: what a log or a test reads when no language was chosen."""
        return words("en").say(self)


# How a list is joined: "a, b and c"; "a or b"; "a; b".
_AND = N_("{first} and {last}")
_OR = N_("{first} or {last}")
_COMMA = N_(", ")
_SEMICOLON = N_("; ")


class Either(tuple):  # type: ignore[type-arg]
    """Items a `Text` lists with "or" ("by phone or by chat"); a list or tuple lists with "and"."""

    __slots__ = ()


class Series(tuple):  # type: ignore[type-arg]
    """Items a `Text` lists one after another, with "; " between them."""

    __slots__ = ()


class _English:
    """The catalog of the language the messages are written in: each is its own
    translation. (No gettext for English: `cxphilo check` starts often.)"""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return singular if count == 1 else plural


class Words:
    """One language's words: `t("Mission")`, `t("Step {number} of {total}", number=1, total=7)`."""

    def __init__(self, language: str, catalog: gettext.NullTranslations | _English) -> None:
        self.language = language
        self._catalog = catalog

    def __call__(self, message: str, /, **params: object) -> str:
        text = self._catalog.gettext(message)
        return text.format(**params) if params else text

    def plural(self, singular: str, plural: str, count: int, /, **params: object) -> str:
        """The form for `count`, with `{count}` among the placeholders."""
        return self._catalog.ngettext(singular, plural, count).format(count=count, **params)

    def say(self, text: Text | str) -> str:
        """`text` in this language; a plain string is already words and stays as it is."""
        if isinstance(text, str):
            return text
        params = {name: self._value(value) for name, value in text.params.items()}
        if text.plural is not None:
            template = self._catalog.ngettext(text.message, text.plural, text.count)
            return template.format(count=self.number(text.count), **params)
        template = self._catalog.gettext(text.message)
        return template.format(**params) if params else template

    def _value(self, value: object) -> str:
        if isinstance(value, Text):
            return self.say(value)
        if isinstance(value, Series):
            return self(_SEMICOLON).join(self._value(item) for item in value)
        if isinstance(value, list | tuple):
            items = [self._value(item) for item in value]
            return self.join(items, "or" if isinstance(value, Either) else "and")
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int | float):
            return self.number(value)
        return str(value)

    def join(self, items: list[str], last: str = "and") -> str:
        """ "a, b and c", in this language's words ("a, b og c")."""
        if len(items) <= 1:
            return "".join(items)
        final = self(_OR if last == "or" else _AND)
        head = self(_COMMA).join(items[:-1])
        return final.format(first=head, last=items[-1])

    def number(self, value: float) -> str:
        """`value` as this language writes it: grouped thousands, its decimal mark."""
        group, decimal = NUMBER_MARKS[self.language]
        whole = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        return whole.translate({ord(","): group, ord("."): decimal})

    def percent(self, value: float) -> str:
        """ "72.5%" as this language writes it: "72,5 %", "%72,5"."""
        return PERCENT[self.language].format(self.number(value))


@cache
def words(language: str) -> Words:
    """The words of `language` (one of the vocabulary's); English needs no catalog."""
    if language not in LANGUAGES:
        raise ValueError(f"no catalog for {language!r}")
    if language == "en":
        return Words(language, _English())
    import gettext

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
