"""The rejected rows of a registry import as a CSV file for staff (no aiogram here)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from bot.services.registry import COLUMNS
from bot.services.registry.importer import ImportReport


def rejected_csv(report: ImportReport, originals: Mapping[int, Mapping[str, str]]) -> bytes:
    """`line, reasons` and the row as it was in the file, one line per rejected row.

    UTF-8 with a BOM (spreadsheets then read it right). The registry import ignores the two
    extra columns, so staff can fix the rows in this file and send it back as it is.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["line", "reasons", *COLUMNS])
    for row in report.rejected:
        original = originals.get(row.line, {})
        writer.writerow([row.line, "; ".join(row.reasons), *(original.get(c, "") for c in COLUMNS)])
    return buffer.getvalue().encode("utf-8-sig")
