"""Notification kinds are a closed set: one payload class and one sender per kind, a payload
checked when it is queued and again when it is sent (a row that no longer fits fails alone)."""

from __future__ import annotations

import logging

import pytest
from pydantic import ValidationError
from sqlalchemy import text, update
from sqlmodel import col

from bot.delivery.member import MemberSender
from bot.delivery.staff import StaffSender
from bot.services import notifications, outbox
from bot.services.notifications import (
    PAYLOADS,
    CardRefresh,
    CardsLinked,
    PayloadError,
    RequestStatusChanged,
)
from storage.models import (
    Audience,
    Notification,
    NotificationKind,
    NotificationStatus,
    RequestStatus,
)
from tests.delivery.conftest import DMITRY, OLENA, DeliveryWorld

S = NotificationStatus


def test_every_kind_has_one_payload_class_and_one_sender_for_its_audience() -> None:
    assert set(PAYLOADS) == set(NotificationKind)
    senders = {Audience.MEMBER: MemberSender.SENDERS, Audience.STAFF: StaffSender.SENDERS}
    for kind, cls in PAYLOADS.items():
        assert cls.kind is kind
        assert kind in senders[cls.audience], f"no {cls.audience} sender for {kind}"
    assert not set(MemberSender.SENDERS) & set(StaffSender.SENDERS)


def test_a_payload_is_checked_when_built_and_when_loaded() -> None:
    with pytest.raises(ValidationError):
        RequestStatusChanged(status="lost")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        CardsLinked(count=0)
    loaded = notifications.load("request_status", {"status": "done", "comment": None})
    assert loaded == RequestStatusChanged(status=RequestStatus.DONE)
    with pytest.raises(PayloadError, match="status"):
        notifications.load("request_status", {"status": "lost"})
    with pytest.raises(PayloadError, match="comment"):
        notifications.load("request_status", {"status": "done", "comment": 5})
    with pytest.raises(PayloadError, match="no payload class"):
        notifications.load("fax", {})


async def test_enqueue_takes_kind_and_audience_from_the_payload_class(world: DeliveryWorld) -> None:
    member = await world.member(OLENA)
    request_id = world.requests[member.id or 0]
    async with world.sessions.begin() as session:
        with pytest.raises(ValueError, match="request_id"):
            await outbox.enqueue(session, CardRefresh(), dedup_key="r:1", now=world.clock())
        row = await outbox.enqueue(
            session,
            CardRefresh(),
            dedup_key="r:1",
            now=world.clock(),
            member_id=member.id,
            request_id=request_id,
        )
        again = await outbox.enqueue(
            session, CardsLinked(count=2), dedup_key="r:1", now=world.clock(), member_id=member.id
        )
    assert again.id == row.id  # the dedup key still decides: the first row stands
    stored = await world.row(row.id)
    assert (stored.kind, stored.audience, stored.payload) == (
        NotificationKind.CARD_REFRESH,
        Audience.STAFF,
        {},
    )


async def test_a_row_that_no_longer_fits_fails_with_its_reason_and_the_run_goes_on(
    world: DeliveryWorld, caplog: pytest.LogCaptureFixture
) -> None:
    olena, dmitry = await world.member(OLENA), await world.member(DMITRY)
    broken = await world.notify(olena, "never")
    unknown = await world.notify(olena, "nor this")
    fine = await world.notify(dmitry, "still delivered")
    async with world.sessions.begin() as session:
        # as an older version might have left them: a renamed field, a kind since removed
        await session.execute(
            update(Notification)
            .where(col(Notification.id) == broken.id)
            .values(payload={"state": "done", "comment": "never"})
        )
        await session.execute(
            text("UPDATE notifications SET kind = 'fax' WHERE id = :id"), {"id": unknown.id}
        )

    with caplog.at_level(logging.ERROR, logger="bot.delivery"):
        assert await world.deliverer().run_once() == 3

    assert world.received(DMITRY) == ["still delivered"]
    assert (await world.row(fine.id)).status == S.SENT
    assert world.received(OLENA) == []
    row = await world.row(broken.id)
    assert row.status == S.FAILED
    assert "status: Field required" in (row.last_error or "")
    assert "state: Extra inputs are not permitted" in (row.last_error or "")
    async with world.sessions() as session:
        status, error = (
            await session.execute(
                text("SELECT status, last_error FROM notifications WHERE id = :id"),
                {"id": unknown.id},
            )
        ).one()
    assert status == "failed"
    assert "fax" in error
    logged = [r.getMessage() for r in caplog.records]
    assert any(f"notification {broken.id} cannot be sent" in m for m in logged)
    assert any(f"notification {unknown.id} cannot be sent" in m for m in logged)
    assert not any("never" in m for m in logged)  # the reason names fields, not their values
