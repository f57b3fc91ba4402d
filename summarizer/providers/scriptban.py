"""Tokens the embedded model may not sample: those of scripts this tool never writes.

Tokens holding a character of a CJK script (Han ideographs, Hiragana, Katakana, Hangul, Bopomofo,
CJK punctuation and full-width forms) are banned: the small model leaks Chinese words into French or
Ukrainian text ("diverses部门"). A token that is only the first byte(s) of such a character is banned
too, so the character cannot be spelled byte by byte. ``script_allowed_mask`` makes the llguidance-style
bitmask that ``providers.guidance`` applies on top of the schema's own.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

# Code point ranges never written by this tool (inclusive). Surrogates (D800-DFFF) cannot occur in
# UTF-8, so the Hangul range runs through them: a lone lead byte ED is then judged "always banned".
BANNED_RANGES: tuple[tuple[int, int], ...] = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x9FFF),  # CJK radicals, Kangxi, CJK symbols and punctuation, Hiragana, Katakana, Bopomofo,
    # Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK, CJK compatibility, Ext. A, Yijing, Han
    (0xA960, 0xA97F),  # Hangul Jamo Extended-A
    (0xAC00, 0xDFFF),  # Hangul syllables, Hangul Jamo Extended-B (and the surrogates)
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms (，：（） and half-width Katakana)
    (0x16FE0, 0x16FFF),  # ideographic symbols
    (0x1B000, 0x1B16F),  # Kana supplement and extensions
    (0x20000, 0x3FFFF),  # Han extensions B-H, compatibility supplement
)

Bitmask = npt.NDArray[np.int32]


def is_banned_char(char: str) -> bool:
    """True when ``char`` belongs to a script this tool never writes (see ``BANNED_RANGES``)."""
    return _in_banned(ord(char), ord(char))


def _in_banned(low: int, high: int) -> bool:
    """True when every code point in ``low..high`` is banned (the ranges above do not touch)."""
    return any(start <= low and high <= end for start, end in BANNED_RANGES)


def has_banned_script(piece: bytes) -> bool:
    """True when a token's bytes hold a banned character, or begin one that only a banned one can finish.

    Tokens of a byte-level BPE may cut characters: a piece ending in ``E4 B8`` can only become a Han
    character, whatever follows; one starting with continuation bytes finishes a character whose
    lead is in an earlier token, which that token's check covers.
    """
    index, size = 0, len(piece)
    while index < size:
        lead = piece[index]
        if lead < 0x80:
            index += 1
            continue
        length = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if 0xF0 <= lead < 0xF8 else 0
        if length == 0:  # a stray continuation byte or an invalid byte
            index += 1
            continue
        tail = piece[index + 1 : index + length]
        valid = 0
        while valid < len(tail) and 0x80 <= tail[valid] < 0xC0:
            valid += 1
        bits = length - 1 - valid  # continuation bytes missing at the token's end (or broken)
        value = lead & (0x7F >> length)
        for byte in tail[:valid]:
            value = (value << 6) | (byte & 0x3F)
        if valid == len(tail) == length - 1:  # a whole character
            if _in_banned(value, value):
                return True
        elif index + 1 + valid == size and _in_banned(value << (6 * bits), ((value + 1) << (6 * bits)) - 1):
            return True  # the token ends inside a character that can only be a banned one
        index += 1 + valid
    return False


def script_allowed_mask(pieces: Sequence[bytes], n_words: int) -> Bitmask:
    """An llguidance-style bitmask (bit set = allowed) over ``pieces`` with banned-script tokens cleared.

    Bits past ``len(pieces)`` stay set: they are masked elsewhere.
    """
    allowed = np.ones(n_words * 32, dtype=np.uint8)
    for token, piece in enumerate(pieces):
        if piece and has_banned_script(piece):
            allowed[token] = 0
    return np.packbits(allowed, bitorder="little").view(np.int32).reshape(1, n_words).copy()
