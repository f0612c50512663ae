"""The registry's enumerations, in a module of their own: what a registry row may say of its
holder and of the person's relation to them.

`storage.models` stores them (and re-exports them); the registry's checker (`bot/services/
registry/rows.py`) types rows with them in the reading child, which then needs neither
SQLAlchemy nor SQLModel nor pydantic: 0.35 s of CPU less before its first batch
(docs/performance.md, "Registry import")."""

from __future__ import annotations

from enum import StrEnum


class HolderType(StrEnum):
    INDIVIDUAL = "individual"
    CORPORATE = "corporate"


class Relation(StrEnum):
    SELF = "self"
    SPOUSE = "spouse"
    CHILD = "child"
    OTHER = "other"
