"""status and kind columns checked against their enums; JSON documents in JSON columns

The enum columns keep their VARCHAR type and values (the models' non-native enums store the
same strings); the upgrade checks that every stored value is one the code knows, and stops,
naming the table, column and values, when one is not. The JSON-as-text columns become JSON:
each stored text is parsed first (a row that is not JSON stops the upgrade, naming it), and an
audit entry of a request action, which held the staff comment as plain text, becomes
{"comment": text}. PostgreSQL converts in place (`USING col::json`); SQLite rebuilds the tables
and copies the text as it is (Alembic casts nothing to JSON there: a CAST to JSON has NUMERIC
affinity and would turn the text into 0).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 20:30:00.000000
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REQUEST_STATUSES = ("new", "in_progress", "need_info", "done", "rejected", "cancelled")
# the values as they are at this revision (the models' enums may grow later)
ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("policies", "holder_type"): ("individual", "corporate"),
    ("insured_persons", "relation"): ("self", "spouse", "child", "other"),
    ("members", "gender"): ("female", "male"),
    ("card_links", "via"): ("phone", "activation"),
    ("reminders", "kind"): ("activation_opens",),
    ("support_tickets", "kind"): ("no_card",),
    ("support_tickets", "status"): ("open",),
    ("requests", "kind"): ("appointment", "medicines", "lab_tests", "reimbursement", "callback"),
    ("requests", "status"): REQUEST_STATUSES,
    ("request_events", "from_status"): REQUEST_STATUSES,
    ("request_events", "to_status"): REQUEST_STATUSES,
    ("request_events", "actor_kind"): ("member", "staff", "system"),
    ("request_documents", "kind"): ("photo", "document"),
    ("relay_links", "direction"): ("to_staff", "to_member"),
    ("notifications", "audience"): ("member", "staff"),
    ("notifications", "kind"): (
        "request_status",
        "staff_copy",
        "appointment_tomorrow",
        "need_info_nudge",
        "activation_open",
        "cards_linked",
        "request_card",
        "card_refresh",
        "member_message",
        "ticket",
        "escalation",
    ),
    ("notifications", "status"): ("pending", "sending", "sent", "failed", "held"),
}
# table -> (key column, JSON column, nullable)
JSON_COLUMNS: dict[str, tuple[str, str, bool]] = {
    "requests": ("id", "details", False),
    "notifications": ("id", "payload", False),
    "audit_log": ("id", "details", True),
    "fsm_records": ("key", "data", False),
}


def _check_enums() -> None:
    bind = op.get_bind()
    unknown = []
    for (table, column), values in ENUMS.items():
        t = sa.table(table, sa.column(column))
        c = t.c[column]
        found = bind.execute(
            sa.select(c).distinct().where(c.is_not(None), c.not_in(values))
        ).scalars()
        unknown += [f"{table}.{column} = {value!r}" for value in found]
    if unknown:
        raise RuntimeError("values the code does not know: " + ", ".join(unknown))


def _audit_as_json(action: str, text: str) -> str:
    """An audit entry's details as JSON text: request actions kept the staff comment as text."""
    if action.startswith("request_"):
        return json.dumps({"comment": text}, ensure_ascii=False)
    try:
        json.loads(text)
    except ValueError:
        return json.dumps({"text": text}, ensure_ascii=False)
    return text


def _rewrite_audit(convert: Any) -> None:
    bind = op.get_bind()
    audit = sa.table("audit_log", sa.column("id"), sa.column("action"), sa.column("details"))
    rows = bind.execute(
        sa.select(audit.c.id, audit.c.action, audit.c.details).where(audit.c.details.is_not(None))
    ).all()
    for row_id, action, details in rows:
        new = convert(action, details)
        if new != details:
            bind.execute(audit.update().where(audit.c.id == row_id).values(details=new))


def _check_json() -> None:
    bind = op.get_bind()
    bad = []
    for table, (key, column, _) in JSON_COLUMNS.items():
        if table == "audit_log":
            continue  # made JSON by _audit_as_json, whatever it holds
        t = sa.table(table, sa.column(key), sa.column(column))
        for row_key, text in bind.execute(sa.select(t.c[key], t.c[column])):
            if text is None:
                continue
            try:
                json.loads(text)
            except ValueError:
                bad.append(f"{table}.{column} of {row_key!r}")
    if bad:
        raise RuntimeError("not JSON: " + ", ".join(bad))


def _retype(to: Any) -> None:
    """Every JSON column to the type `to` (sa.JSON or sa.Text), the stored text unchanged."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, (_, column, nullable) in JSON_COLUMNS.items():
        options: dict[str, Any] = {}
        if sqlite and table == "requests":  # the rebuilt table keeps AUTOINCREMENT (see 0004)
            options["table_kwargs"] = {"sqlite_autoincrement": True}
        with op.batch_alter_table(table, **options) as batch:
            batch.alter_column(
                column,
                type_=to(),
                existing_nullable=nullable,
                postgresql_using=f"{column}::{'json' if to is sa.JSON else 'text'}",
            )


def upgrade() -> None:
    # both checks come before the first write, so a refused upgrade leaves everything as it was
    _check_enums()
    _check_json()
    _rewrite_audit(_audit_as_json)
    _retype(sa.JSON)


def _audit_as_text(action: str, text: str) -> str:
    if action.startswith("request_"):
        value = json.loads(text)
        if isinstance(value, dict) and set(value) == {"comment"}:
            return str(value["comment"])
    return text


def downgrade() -> None:
    _retype(sa.Text)
    _rewrite_audit(_audit_as_text)
