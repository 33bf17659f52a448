"""Text from files shown to people: the one escape of what could repaint a terminal or reorder a line.

A monitor's name, a seal's payload, a snapshot's fields, a bundle's file name all come from files that
may be forged. Printed raw, an escape sequence (ESC, CSI, OSC…) can move the cursor, rewrite a line
already shown ("seal reused" overwritten) or paint a forged report as "GENUINE"; a Unicode bidi
override (U+202E) can show a line's characters in another order than they are stored. ``printable``
turns each such character into a visible escape (``\\x1b``, ``\\u202e``) and keeps everything else: the
letters of every script, accents, CJK, emoji, the joiners some scripts need.

The command line prints every field it shows from data through it, and the desktop app shows such
text through it in labels, tool tips and table cells (not in the editor's own input fields, where the
monitor sees and edits exactly what is stored).
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls (U+0080–U+009F: a terminal may take U+009B as CSI).
_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
# Marks and overrides that change the order characters are shown in, and the separators a renderer
# treats as line breaks.
_BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029]

_ESCAPES = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in (*_CONTROLS, *_BIDI)}
_ESCAPES_KEEPING_LINES = {c: e for c, e in _ESCAPES.items() if c != 0x0A}
# In JSON a character is escaped as \\uXXXX; json.dumps already escapes C0 controls itself.
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in (*_CONTROLS, *_BIDI) if c >= 0x20}
_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in _ESCAPES) + "]")


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with every control character, DEL, C1 control and bidi override shown as an escape.

    ``printable("Jane\\x1b[2J")`` is ``"Jane\\\\x1b[2J"``: the terminal shows the backslash and the
    letters, and moves nothing. Ordinary text comes back as it is (the same object).

    :param lines: keep line breaks (``\\n``), for text made of lines on purpose: a refusal listing
        problems, a label that wraps. A line break in one field's value is escaped like the rest.
    """
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(_ESCAPES_KEEPING_LINES if lines else _ESCAPES)


def printable_json(text: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with the same characters as ``\\uXXXX`` escapes.

    Still the same JSON: outside strings JSON text is ASCII, so these characters can only be in strings,
    where ``\\uXXXX`` means the very character.
    """
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(_JSON_ESCAPES)
