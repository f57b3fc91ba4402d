"""Text that repeats itself: a small model caught in a loop writes the same words again and again.

"The committee also discussed the plans for the next year and proposed a plan for the next year. The
committee also discussed the plans for the next year and proposed a plan for the next year. …" is cut
where the words begin again; a run shorter than a clause ("People's Committee, People's Council") is
no loop.
"""

from __future__ import annotations

import re

_LOOP = re.compile(r"(\S.{29,}?)\1", re.DOTALL)  # thirty characters or more, again right after themselves
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？]")  # not the dot of "1.200"


def without_loop(text: str) -> str:
    """``text`` up to where a run of thirty characters or more begins again right after itself (at the
    first sentence end from there, since any cut inside the repeat says the same); unchanged when nothing
    repeats so."""
    found = _LOOP.search(text)
    if found is None:
        return text
    end = found.start(1) + len(found[1])
    stop = _SENTENCE_END.search(text, end, found.end())
    return text[: stop.end() if stop else end].rstrip(" ,;")
