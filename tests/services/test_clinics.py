"""The clinic directory's import (`import-clinics`) on SQLite and PostgreSQL (`session_factory`)."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import run_clinics_import
from bot.sandbox.demo import DEMO_CLINICS
from bot.services import clinics
from bot.services.registry import RegistryFormatError
from storage.models import Clinic, ClinicSpecialty
from tests.services.test_registry import cli_settings

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
HEADER = "city;name;address;specialties;phone\n"
GOOD = (
    "Almaty;City Clinic No. 4;Abay ave 10;therapist|ent;+7 727 300 0104\n"
    'Almaty;Dent-Lux;Tole Bi st 55;"Dentist; therapist";\n'  # `;` inside a quoted cell
    "Kyiv;Міська поліклініка № 4;вул. Хрещатик, 10;therapist;044 000 0104\n"
)
BAD = (
    ";No City;Somewhere 1;therapist;\n"  # line 5
    "Almaty;Bad Phone;Abay ave 1;therapist;+7 12\n"  # line 6
    "Almaty;Typo;Abay ave 2;terapist|dentist;\n"  # line 7
    "almaty ;  city clinic no. 4;ABAY AVE 10;dentist;\n"  # line 8: line 2 again
)


def write(tmp_path: Path, text: str, name: str = "clinics.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode())
    return path


async def run(session_factory, path: Path, now: datetime = NOW) -> clinics.ClinicReport:
    async with session_factory() as session, session.begin():
        return await clinics.import_clinics(session, clinics.read_clinics(path), now)


async def stored(session_factory) -> dict[str, tuple[bool, str | None, list[str]]]:
    async with session_factory() as session:
        found = {}
        for clinic in (await session.execute(select(Clinic))).scalars():
            codes = await session.execute(
                select(ClinicSpecialty.specialty)
                .where(ClinicSpecialty.clinic_id == clinic.id)
                .order_by(ClinicSpecialty.specialty)
            )
            found[clinic.name] = (clinic.active, clinic.phone, list(codes.scalars()))
        return found


async def test_good_rows_are_stored_and_bad_ones_reported_by_line(session_factory, tmp_path):
    report = await run(session_factory, write(tmp_path, HEADER + GOOD + BAD, bom=True))

    assert (report.added, report.updated, report.unchanged, report.deactivated) == (3, 0, 0, 0)
    assert [(r.line, r.reasons) for r in report.rejected] == [
        (5, ("city: empty",)),
        (6, ("phone: not a valid phone number",)),
        (7, (f"specialties: unknown terapist (known: {', '.join(clinics.SPECIALTIES)})",)),
        (8, ("the same clinic as line 2",)),
    ]
    assert await stored(session_factory) == {
        "City Clinic No. 4": (True, "+77273000104", ["ent", "therapist"]),
        "Dent-Lux": (True, None, ["dentist", "therapist"]),
        "Міська поліклініка № 4": (True, "+380440000104", ["therapist"]),
    }


async def test_a_full_reimport_updates_and_makes_missing_clinics_inactive(
    session_factory, tmp_path
):
    await run(session_factory, write(tmp_path, HEADER + GOOD))
    again = await run(session_factory, write(tmp_path, HEADER + GOOD, "same.csv"), LATER)
    assert (again.added, again.updated, again.unchanged, again.deactivated) == (0, 0, 3, 0)

    changed = (
        "city,name,address,specialties,phone\n"  # `,` this time: the reader finds it
        "ALMATY,City Clinic No. 4,Abay ave 10,therapist|ent|dentist,+7 727 300 0104\n"
        'Kyiv,Міська поліклініка № 4,"вул. Хрещатик, 10",therapist,044 000 0104\n'
        "Kyiv,Bad,Somewhere,therapist,not a phone\n"
    )
    report = await run(session_factory, write(tmp_path, changed, "changed.csv"), LATER)
    assert (report.added, report.updated, report.unchanged, report.deactivated) == (0, 1, 1, 1)
    assert [r.line for r in report.rejected] == [4]
    assert clinics.report_lines(report) == [
        "inactive now: 1 (stored clinics this file no longer lists: no longer offered, "
        "kept for old requests)"
    ]
    assert await stored(session_factory) == {
        "City Clinic No. 4": (True, "+77273000104", ["dentist", "ent", "therapist"]),
        "Dent-Lux": (False, None, ["dentist", "therapist"]),
        "Міська поліклініка № 4": (True, "+380440000104", ["therapist"]),
    }
    async with session_factory() as session:
        assert [c for _, c in await clinics.cities(session, "dentist")] == [
            "ALMATY"
        ]  # Dent-Lux gone
        page, pages = await clinics.clinics_page(session, " almaty", "dentist", 0)
        assert ([c.name for c in page], pages) == (["City Clinic No. 4"], 1)

    back = await run(session_factory, write(tmp_path, HEADER + GOOD, "back.csv"), LATER)
    assert (back.updated, back.unchanged, back.deactivated) == (2, 1, 0)  # active again


async def test_a_file_of_bad_rows_only_deactivates_nothing(session_factory, tmp_path):
    await run(session_factory, write(tmp_path, HEADER + GOOD))
    bad = "".join(BAD.splitlines(keepends=True)[:3])  # line 8 alone would be a good row
    report = await run(session_factory, write(tmp_path, HEADER + bad, "bad.csv"))
    assert (report.added, report.updated, report.deactivated, len(report.rejected)) == (0, 0, 0, 3)
    assert all(active for active, _, _ in (await stored(session_factory)).values())


def test_a_file_without_the_columns_is_refused_before_the_database(tmp_path):
    with pytest.raises(RegistryFormatError, match="missing column"):
        clinics.read_clinics(write(tmp_path, "city;name;phone\nAlmaty;X;\n"))


async def test_the_shell_command_prints_the_report(tmp_path, capsys):
    settings = cli_settings(tmp_path)  # migrated by the command itself, as in the shell
    assert await run_clinics_import(settings, write(tmp_path, HEADER + GOOD + BAD)) == 0
    out = capsys.readouterr().out
    assert "Imported clinics.csv: 7 row(s)" in out
    assert "added: 3" in out
    assert "rejected: 4" in out
    assert "line 6: phone: not a valid phone number" in out

    assert (
        await run_clinics_import(
            settings, write(tmp_path, HEADER + GOOD.splitlines(keepends=True)[0], "one.csv")
        )
        == 0
    )
    assert "inactive now: 2" in capsys.readouterr().out
    assert await run_clinics_import(settings, tmp_path / "missing.csv") == 2


async def test_the_demo_directory_imports_cleanly(tmp_path, capsys):
    assert await run_clinics_import(cli_settings(tmp_path), DEMO_CLINICS) == 0
    out = capsys.readouterr().out
    assert "added: 15" in out
    assert "rejected: 0" in out
