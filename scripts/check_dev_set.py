"""Check the rebuilt development-set texts against eval/dev.gold.jsonl: length, sha256, quotes present."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent / "eval"


def problems(record: dict[str, object]) -> list[str]:
    """What is wrong with one record's text (missing, other length or hash, a quote not in it)."""
    path = EVAL / str(record["article"])
    if not path.is_file():
        return [f"{path}: missing (rebuild it: eval/README.md)"]
    text = path.read_text(encoding="utf-8")
    found = []
    if len(text) != record["chars"] or hashlib.sha256(text.encode()).hexdigest() != record["sha256"]:
        found.append(f"{path}: length or sha256 differ from the gold record")
    chairs = [c["name"] if isinstance(c, dict) else c for c in record.get("chairs", [])]  # type: ignore[attr-defined]
    quotes = [*chairs, record.get("place"), record.get("meeting_name_span")]  # type: ignore[misc]
    spans = record.get("directive_spans", [])
    found += [
        f"{path}: directive span {span} is outside the text"
        for span in spans
        if not 0 <= span[0] < span[1] <= len(text)
    ]  # type: ignore[union-attr,index]
    found += [f"{path}: {quote!r} is not in the text" for quote in quotes if quote and quote not in text]
    return found


def main() -> int:
    """Print every problem of the gold file named (default: eval/dev.gold.jsonl); exit 1 when there is any."""
    gold = Path(sys.argv[1]) if len(sys.argv) > 1 else EVAL / "dev.gold.jsonl"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    found = [problem for record in records for problem in problems(record)]
    print("\n".join(found) or f"{len(records)} texts match their gold records")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
