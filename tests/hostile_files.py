"""Registry files built to hurt the reader: an XML entity bomb, a zip bomb (shared by the tests)."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook

from bot.services.registry import COLUMNS

SHEET = "xl/worksheets/sheet1.xml"
SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# "billion laughs": ten entities each ten times the one before, 10^9 "lol"s once expanded
LAUGHS = "".join(
    f'<!ENTITY lol{n} "{entity}">'
    for n in range(1, 10)
    if (entity := f"&lol{n - 1};" * 10 if n > 1 else "lol" * 10)
)
BOMB_XML = (
    f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [{LAUGHS}]>\n'
    f'<worksheet xmlns="{SPREADSHEET_NS}"><sheetData><row r="1">'
    '<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
)


def valid_xlsx(rows: list[list[str]] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    for row in rows or []:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _replaced(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(member, content if member.filename == name else source.read(member))
    return out.getvalue()


def entity_bomb_xlsx() -> bytes:
    """A real workbook whose sheet declares the billion-laughs entities."""
    return _replaced(valid_xlsx(), SHEET, BOMB_XML.encode())


def zip_bomb_xlsx(unpacked_mb: int = 524) -> bytes:
    """A real workbook whose sheet is `unpacked_mb` MB of rows (about 2.5 MB packed at 524)."""
    data = valid_xlsx()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    row = (
        b'<row><c t="inlineStr"><is><t>SPH-0001</t></is></c><c t="inlineStr"><is><t>Standard'
        b"</t></is></c></row>"
    )
    chunk = row * (1024 * 1024 // len(row) + 1)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for member in source.infolist():
            if member.filename != SHEET:
                target.writestr(member, source.read(member))
        with target.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(f'<worksheet xmlns="{SPREADSHEET_NS}"><sheetData>'.encode())
            for _ in range(unpacked_mb):
                sheet.write(chunk[: 1024 * 1024])
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()
