"""Cells made safe for a spreadsheet: CSV exports open in Excel, LibreOffice or Google Sheets.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, or their
full-width forms, after any leading spaces) is read there as a formula: an article or a model answer
could plant ``=HYPERLINK(...)`` in an analyst's sheet. As OWASP advises for CSV export, such a cell
gets a leading apostrophe, which spreadsheets take as "this is text" (every cell is also quoted, by
the writer). Control characters are shown as symbols (``summarizer.inert``), never written raw.
"""

from __future__ import annotations

from typing import Any

from summarizer.inert import inert

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: str) -> str:
    """``value`` as a spreadsheet shows it as text: control characters as symbols, a formula's start defused."""
    shown = inert(value)
    return "'" + shown if value.lstrip(" ").startswith(FORMULA_STARTS) else shown


def spreadsheet_safe(frame: Any) -> Any:
    """A copy of the DataFrame whose text cells are ``safe_cell``'s; numbers, booleans and empty cells unchanged."""
    return frame.map(lambda value: safe_cell(value) if isinstance(value, str) else value)
