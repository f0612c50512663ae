"""Everything stored about one member, as one JSON document (the /mydata export) from which
the readable summary is also written."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from storage.models import Member
from storage.repositories import cards as cards_repo
from storage.repositories import privacy as privacy_repo

SCHEMA_VERSION = 1


def row(model: SQLModel) -> dict[str, Any]:
    """Every column of a row, JSON-ready (dates ISO, enums as their values)."""
    return model.model_dump(mode="json")


async def collect(session: AsyncSession, member: Member, now: datetime) -> dict[str, Any]:
    """The member's data, table by table: the profile, linked cards (with the registry's card
    and policy as the member sees them), requests with their history, documents and rating,
    tickets, reminders, outbox rows, activation attempts (the ID only as a keyed hash), the
    admin-chat topic, relay links, the e-card images sent (file_ids) and dialog state."""
    assert member.id is not None
    cards = [
        {"link": row(link), "card": row(person), "policy": row(policy)}
        for person, policy, link in await cards_repo.linked_to(session, member.id)
    ]
    requests = await privacy_repo.requests_of(session, member.id)
    ids = [r.id for r in requests if r.id is not None]
    events = await privacy_repo.events_of(session, ids)
    documents = await privacy_repo.documents_of(session, ids)
    ratings = {r.request_id: r for r in await privacy_repo.ratings_of(session, member.id)}
    own = await privacy_repo.member_rows(session, member.id, member.telegram_id)
    return {
        "schema_version": SCHEMA_VERSION,
        "exported_at": now.isoformat(),
        "member": row(member),
        "cards": cards,
        "requests": [
            {
                **row(request),
                "number": request.number,
                "events": [row(e) for e in events if e.request_id == request.id],
                "documents": [row(d) for d in documents if d.request_id == request.id],
                "rating": row(ratings[request.id]) if request.id in ratings else None,
            }
            for request in requests
        ],
        **{table: [row(r) for r in rows] for table, rows in own.items() if table != "card_links"},
        "dialog_state": [
            row(r) for r in await privacy_repo.state_rows(session, member.telegram_id)
        ],
    }


def to_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False).encode()
