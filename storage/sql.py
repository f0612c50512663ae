"""Statements written as SQL text where one statement does what the ORM needs several for."""

from __future__ import annotations

from typing import Any

from sqlalchemy import TextClause, bindparam, text


def typed_text(sql: str, table: Any, *columns: str) -> TextClause:
    """`sql` with its `:column` parameters bound to `table`'s column types, so values go in as
    the ORM writes them (JSON serialized, aware datetimes as UTC, enums by value).

    For the statements whose words are the same on SQLite (3.24 on) and PostgreSQL but that
    SQLAlchemy's Core builds per dialect only (`INSERT … ON CONFLICT`)."""
    return text(sql).bindparams(*(bindparam(name, type_=table.c[name].type) for name in columns))
