"""The facts every part of cxphilo shares, each defined once.

The languages, the days and channels of the opening hours, the vision's three
criteria, the limit on core values, and the formats, kinds and papers that the
commands take. Everything else imports them from here; this module imports
nothing but `typing`, so that the start-up of `cxphilo check` does not pay for it.
"""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["en", "da", "sv", "nb", "tr", "zh"]
LANGUAGES: tuple[str, ...] = get_args(Language)
# Each language's name in English, for messages and the schema's descriptions.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "da": "Danish",
    "sv": "Swedish",
    "nb": "Norwegian Bokmål",
    "tr": "Turkish",
    "zh": "Chinese",
}

# Each language's name in itself, for choosing one.
NATIVE_NAMES: dict[str, str] = {
    "en": "English",
    "da": "Dansk",
    "sv": "Svenska",
    "nb": "Norsk bokmål",
    "tr": "Türkçe",
    "zh": "中文",
}

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAYS: tuple[str, ...] = get_args(Day)
WEEKDAYS: tuple[str, ...] = DAYS[:5]
WEEKEND: tuple[str, ...] = DAYS[5:]

Channel = Literal["phone", "email", "chat", "social", "self-service", "in-person", "sms"]
CHANNELS: tuple[str, ...] = get_args(Channel)

# Opening hours of one day: "24h", or "HH:MM-HH:MM" (the end may be 24:00).
HOURS_PATTERN = r"(?:24h|([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d))"

Criterion = Literal["simple", "service", "future"]
CRITERIA: tuple[Criterion, ...] = get_args(Criterion)
# The three criteria as the method words them.
CRITERION_NAMES: dict[Criterion, str] = {
    "simple": "Simple to understand and act on",
    "service": "Describes the type of service you give",
    "future": "Reflects who you are now and want to become",
}

# The method's cut: a team keeps at most this many core values.
MAX_VALUES = 5

CheckFormat = Literal["text", "json", "github", "sarif", "junit", "gitlab"]
CHECK_FORMATS: tuple[CheckFormat, ...] = get_args(CheckFormat)

DocumentKind = Literal["charter", "rubric", "survey"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = get_args(DocumentKind)
RenderFormat = Literal["md", "html"]
RENDER_FORMATS: tuple[RenderFormat, ...] = get_args(RenderFormat)
Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = get_args(Paper)

# The room (`cxphilo workshop --room`): what one phone may send.
ROOM_PORT = 8765  # the default port of the room's web server
MAX_IDEA_CHARS = 280  # one idea, as typed on a phone
MAX_NAME_CHARS = 60  # a person's name as they join
MAX_REACTION_CHARS = 280  # a gut reaction to the vision
MAX_REQUEST_BYTES = 8192  # any request body
ROOM_SEATS = 60  # devices one room lets in
