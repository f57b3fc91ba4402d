"""Text from an article or a model, made inert before it is shown or written.

An article or a model's answer may hold terminal control sequences (``ESC ] 0 ; title BEL`` sets a
terminal's title, ``ESC [ 31 m`` colours, the C1 ``CSI`` byte does both on some terminals). Every
output shows them instead of obeying them: C0 controls other than newline and tab become their
Unicode control pictures (ESC is ``␛``, BEL ``␇``), DEL is ``␡``, and a C1 control is written as
``<U+009B>``. JSON stays lossless: control characters are escaped (``\\u001b``), never raw.

This module imports nothing: renderers, engines and the CLI all use it.
"""

from __future__ import annotations

import re

_TABLE = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: f"<U+{code:04X}>" for code in range(0x80, 0xA0)})
_RAW_IN_JSON = re.compile("[\x7f-\x9f]")  # JSON encoders escape C0 controls already, not DEL or C1


def inert(text: str) -> str:
    """``text`` with every control character but newline and tab shown as a visible symbol."""
    return text.translate(_TABLE)


def inert_json(text: str) -> str:
    """JSON text with DEL and C1 controls escaped too, so the JSON means the same and shows nothing raw."""
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
