"""The clinic directory (`clinics`, `clinic_specialties`): the import's reads and writes, and the
form's questions ("which cities", "which clinics of this city for this specialty"). Portable
SQL: an indexed join on the specialty and the city key. Nothing here commits."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, func, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import Clinic, ClinicSpecialty


async def all_by_key(session: AsyncSession) -> dict[str, Clinic]:
    """Every stored clinic (active or not) by its natural key; a directory is small."""
    rows = await session.execute(select(Clinic))
    return {clinic.key: clinic for clinic in rows.scalars()}


async def specialties(session: AsyncSession) -> dict[int, set[str]]:
    rows = await session.execute(select(ClinicSpecialty.clinic_id, ClinicSpecialty.specialty))
    found: dict[int, set[str]] = {}
    for clinic_id, specialty in rows.all():
        found.setdefault(clinic_id, set()).add(specialty)
    return found


async def set_specialties(session: AsyncSession, clinic_id: int, codes: Iterable[str]) -> None:
    await session.execute(
        delete(ClinicSpecialty).where(col(ClinicSpecialty.clinic_id) == clinic_id)
    )
    session.add_all(ClinicSpecialty(clinic_id=clinic_id, specialty=code) for code in codes)


async def deactivate(session: AsyncSession, clinic_ids: Iterable[int], now: datetime) -> None:
    ids = list(clinic_ids)
    if ids:
        await session.execute(
            update(Clinic).where(col(Clinic.id).in_(ids)).values(active=False, updated_at=now)
        )


async def cities(session: AsyncSession, specialty: str | None) -> list[tuple[int, str]]:
    """(a clinic id standing for its city, the city) of every city with an active clinic (for
    `specialty`, unless None), by name."""
    query = select(func.min(Clinic.id), func.min(Clinic.city)).where(col(Clinic.active))
    if specialty is not None:
        joined = col(ClinicSpecialty.clinic_id) == col(Clinic.id)
        query = query.join(ClinicSpecialty, joined)
        query = query.where(col(ClinicSpecialty.specialty) == specialty)
    rows = await session.execute(
        query.group_by(col(Clinic.city_key)).order_by(col(Clinic.city_key))
    )
    return [(int(clinic_id or 0), str(city)) for clinic_id, city in rows.all()]


async def city_phones(session: AsyncSession) -> dict[str, str | None]:
    """A phone of each city's active clinics (None where none has one), by the city's key."""
    rows = await session.execute(
        select(col(Clinic.city_key), func.min(Clinic.phone))
        .where(col(Clinic.active))
        .group_by(col(Clinic.city_key))
    )
    return {str(key): phone for key, phone in rows.all()}


async def in_city(
    session: AsyncSession, city_key: str, specialty: str, offset: int, limit: int
) -> tuple[list[Clinic], int]:
    """A page of the active clinics of a city for `specialty` (by name), and how many there are."""
    where = (
        col(Clinic.active),
        col(Clinic.city_key) == city_key,
        col(ClinicSpecialty.specialty) == specialty,
    )
    joined = col(ClinicSpecialty.clinic_id) == col(Clinic.id)
    total = await session.scalar(
        select(func.count()).select_from(Clinic).join(ClinicSpecialty, joined).where(*where)
    )
    rows = await session.execute(
        select(Clinic)
        .join(ClinicSpecialty, joined)
        .where(*where)
        .order_by(col(Clinic.name), col(Clinic.id))
        .offset(offset)
        .limit(limit)
    )
    return list(rows.scalars()), int(total or 0)


async def seeing(session: AsyncSession, specialty: str) -> list[Clinic]:
    """Every active clinic that sees `specialty`, in any city (a directory is small)."""
    rows = await session.execute(
        select(Clinic)
        .join(ClinicSpecialty, col(ClinicSpecialty.clinic_id) == col(Clinic.id))
        .where(col(Clinic.active), col(ClinicSpecialty.specialty) == specialty)
        .order_by(col(Clinic.id))
    )
    return list(rows.scalars())


async def get(session: AsyncSession, clinic_id: int) -> Clinic | None:
    return await session.get(Clinic, clinic_id)


async def sees(session: AsyncSession, clinic_id: int, specialty: str) -> bool:
    found = await session.scalar(
        select(ClinicSpecialty.clinic_id).where(
            col(ClinicSpecialty.clinic_id) == clinic_id, col(ClinicSpecialty.specialty) == specialty
        )
    )
    return found is not None


async def active(session: AsyncSession) -> list[Clinic]:
    """Every active clinic, by city and name (a directory is small)."""
    rows = await session.execute(
        select(Clinic)
        .where(col(Clinic.active))
        .order_by(col(Clinic.city_key), col(Clinic.name), col(Clinic.id))
    )
    return list(rows.scalars())


async def specialties_of(session: AsyncSession, clinic_id: int) -> set[str]:
    """The specialties one clinic sees."""
    rows = await session.execute(
        select(ClinicSpecialty.specialty).where(col(ClinicSpecialty.clinic_id) == clinic_id)
    )
    return set(rows.scalars())
