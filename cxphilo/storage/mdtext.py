"""Text a person typed, made safe to put inside Markdown.

The Markdown templates are not autoescaped (Jinja's escaping is for HTML), so
every value from the document goes through `inline()` there. The result reads
almost like the original when looked at raw, and renders on GitHub as exactly
the text that was typed: no emphasis, links, raw HTML, headings or lists that
the person did not mean, and no `|` that breaks a table row.
"""

from __future__ import annotations

import re

# Characters that start or end inline markup anywhere in a line (CommonMark and
# GitHub's extensions: `~` strikes through, `|` splits table cells).
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# An entity reference (`&amp;`, `&#169;`) would be shown as the character it names.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Text that starts a block when it stands at the beginning of a line.
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])")
_BLOCK_START = frozenset("#>+-=")


# Line breaks and ASCII spaces; a no-break space is typed on purpose and stays.
_SPACE = "[ \t\n\r\f\v\x1c-\x1f\x85\u2028\u2029]"
_SPACES = re.compile(f"{_SPACE}+")


def collapse(text: str) -> str:
    """All runs of white space (new lines too) become one space; ends are trimmed.

    A no-break space inside the text is kept: it was typed to keep two words
    together. At the ends every kind of space goes, so that `**...**` still
    makes bold text.
    """
    return _SPACES.sub(" ", text.strip())


def inline(text: object) -> str:
    """`text` as Markdown for a paragraph, list item, heading or table cell.

    Line breaks are joined into one line, so the result never ends a list
    item or a table row early. For example `5 * 3 | <b>` becomes
    `5 \\* 3 \\| \\<b\\>`.
    """
    line = collapse(str(text))
    if not line:
        return ""
    line = _INLINE.sub(r"\\\1", line)
    line = _ENTITY.sub(r"\\&", line)
    line = "\\" + line if line[0] in _BLOCK_START else _LIST_NUMBER.sub(r"\1\\\2", line)
    # A heading's closing `#`s are dropped ("## We are # 1 #"): keep the last one.
    if line.endswith("#") and not line.endswith("\\#"):
        line = line[:-1] + "\\#"
    return line
