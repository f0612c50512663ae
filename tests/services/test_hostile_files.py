"""Registry files are hostile until read: bombs, caps and encodings, refused before harm.

The reader's refusals (no database), and the shell command's (`run_bot.py import-registry`):
a clear line on stderr, exit code 2, nothing stored. The admin chat's refusals, in the staff
member's language, are in tests/handlers/test_background_import.py.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.cli import run_import
from bot.config import Settings
from bot.services.registry import COLUMNS, RegistryFormatError, child, read_rows
from bot.services.registry import reader as reader_module
from bot.services.registry.reader import Problem, ReadLimits
from storage.db import create_engine
from tests.hostile_files import entity_bomb_xlsx, valid_xlsx, zip_bomb_xlsx
from tests.services.test_registry import NOW, row

ROW = [row()[name] for name in COLUMNS]


@pytest.fixture(scope="session")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bombs") / "bomb.xlsx"
    path.write_bytes(zip_bomb_xlsx(524))
    return path


def _refusal(path: Path, limits: ReadLimits | None = None) -> RegistryFormatError:
    with pytest.raises(RegistryFormatError) as error:
        list(read_rows(path, limits))
    return error.value


def _csv_lines(count: int) -> str:
    return "\n".join([",".join(COLUMNS), *[",".join(ROW)] * count]) + "\n"


def test_openpyxl_parses_through_defusedxml() -> None:
    import openpyxl.xml.functions as functions

    assert functions.iterparse.__module__.startswith("defusedxml")
    assert functions.fromstring.__module__.startswith("defusedxml")


def test_an_xml_entity_bomb_is_refused_unexpanded(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(entity_bomb_xlsx())

    error = _refusal(path)

    assert error.problem is Problem.XML_ENTITIES
    assert str(error) == (
        "laughs.xlsx declares XML entities or a DTD (EntitiesForbidden); refused unread"
    )


def test_a_zip_bomb_is_refused_from_the_directory_before_openpyxl_opens_it(
    zip_bomb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert zip_bomb.stat().st_size < 8 * 1024 * 1024  # a few MB that unpack to 524 MB

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl opened the bomb")

    monkeypatch.setattr(reader_module, "load_workbook", never)

    error = _refusal(zip_bomb)

    assert error.problem is Problem.UNPACKS_TOO_BIG
    assert error.details == {"size_mb": 524, "limit_mb": 256}
    assert "unpacks to 524 MB, more than 256 MB (REGISTRY_MAX_UNPACKED_MB)" in str(error)


def test_a_csv_past_the_row_cap_is_refused_before_a_row_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(_csv_lines(11))

    error = _refusal(path, ReadLimits(max_rows=10))

    assert (error.problem, error.details) == (Problem.TOO_MANY_ROWS, {"limit": 10})
    assert len(list(read_rows(path, ReadLimits(max_rows=11)))) == 11


def test_an_xlsx_past_the_row_cap_stops_at_the_first_row_too_many(tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"
    path.write_bytes(valid_xlsx([ROW] * 4))
    rows = read_rows(path, ReadLimits(max_rows=3))

    assert [line for line, _ in (next(rows), next(rows), next(rows))] == [2, 3, 4]
    with pytest.raises(RegistryFormatError) as error:
        next(rows)
    assert error.value.problem is Problem.TOO_MANY_ROWS


def test_a_file_past_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(_csv_lines(2000))

    error = _refusal(path, ReadLimits(max_file_bytes=100_000))

    assert error.problem is Problem.FILE_TOO_BIG


@pytest.mark.parametrize(
    ("tail", "line"),
    [
        ("Тест".encode("cp1251"), 3),  # a Windows-1251 export
        (b"\x00\x00", 3),  # a binary file named .csv
    ],
)
def test_a_csv_that_is_not_utf8_text_is_refused_with_its_line(
    tmp_path: Path, tail: bytes, line: int
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(_csv_lines(1).encode() + tail + b",x\n" + _csv_lines(1).encode())

    error = _refusal(path)

    assert (error.problem, error.details) == (Problem.ENCODING, {"line": line})
    assert f"line {line}" in str(error)


def test_a_utf16_csv_with_its_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "unicode.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + _csv_lines(2).encode("utf-16-le"))

    assert [values["full_name"] for _, values in read_rows(path)] == ["Тест Тестович"] * 2


def test_a_broken_zip_named_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(valid_xlsx([ROW])[:-200])

    assert _refusal(path).problem is Problem.NOT_XLSX


# --- the shell command -------------------------------------------------------------------------


def _settings(tmp_path: Path, **limits: int) -> Settings:
    return Settings(
        bot_token="123456:TEST-token",
        database_url=f"sqlite+aiosqlite:///{tmp_path}/cli.db",
        _env_file=None,  # type: ignore[call-arg]
        **limits,  # type: ignore[arg-type]
    )


async def _stored(settings: Settings) -> int:
    engine = create_engine(settings.database_url)
    try:
        async with engine.connect() as conn:
            return (await conn.execute(text("SELECT count(*) FROM insured_persons"))).scalar_one()
    finally:
        await engine.dispose()


@pytest.mark.parametrize("bomb", ["entities", "zip"])
async def test_the_shell_refuses_a_bomb_with_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], zip_bomb: Path, bomb: str
) -> None:
    if bomb == "entities":
        path = tmp_path / "laughs.xlsx"
        path.write_bytes(entity_bomb_xlsx())
    else:
        path = zip_bomb

    assert await run_import(_settings(tmp_path), path, clock=lambda: NOW) == 2

    err = capsys.readouterr().err
    assert err.startswith(f"Cannot import {path}: ") and err.count("\n") == 1
    assert "Traceback" not in err
    assert ("declares XML entities" if bomb == "entities" else "unpacks to 524 MB") in err


async def test_the_shell_stops_at_the_row_cap_and_says_what_was_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2,500 rows in an XLSX capped at 2,100: two batches of 1,000 are stored, then it stops
    monkeypatch.setattr(child, "BATCH", 1000)
    rows = [[*ROW[:6], f"UA-{700000 + n}", *ROW[7:9], "", "self"] for n in range(2500)]
    path = tmp_path / "big.xlsx"
    path.write_bytes(valid_xlsx(rows))
    settings = _settings(tmp_path, registry_max_rows=2100)

    assert await run_import(settings, path, clock=lambda: NOW) == 2

    err = capsys.readouterr().err.strip()
    assert err == (
        f"Cannot import {path}: more than 2100 rows (REGISTRY_MAX_ROWS); split the file"
        " (the file's first 2000 row(s) were saved; importing it again skips them)"
    )
    assert await _stored(settings) == 2000
