"""Database tables (SQLModel). Enumerations are stored as short strings for portability.

Timestamps have no defaults: every one is given from the injected clock by whoever writes the row
(a forgotten one fails the NOT NULL constraint instead of reading the machine's clock)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


class HolderType(StrEnum):
    INDIVIDUAL = "individual"
    CORPORATE = "corporate"


class Relation(StrEnum):
    SELF = "self"
    SPOUSE = "spouse"
    CHILD = "child"
    OTHER = "other"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"


class LinkVia(StrEnum):
    PHONE = "phone"
    ACTIVATION = "activation"


def _ts(*, nullable: bool = False, index: bool = False) -> Column[datetime]:
    return Column(UTCDateTime(), nullable=nullable, index=index)


class Policy(SQLModel, table=True):
    """An insurance contract from the insurer's registry; several cards may share one."""

    __tablename__ = "policies"

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=64, unique=True, index=True)
    program: str = Field(max_length=200)
    holder_type: str = Field(max_length=16)
    contract_signed: date
    coverage_start: date
    coverage_end: date
    updated_at: datetime = Field(sa_column=_ts())


class InsuredPerson(SQLModel, table=True):
    """One insured person on a policy: what the member sees as an insurance card."""

    __tablename__ = "insured_persons"

    id: int | None = Field(default=None, primary_key=True)
    insured_id: str = Field(max_length=64, unique=True, index=True)
    policy_id: int = Field(
        sa_column=Column(Integer, ForeignKey("policies.id", ondelete="CASCADE"), nullable=False)
    )
    full_name: str = Field(max_length=200)
    birth_date: date
    phone: str | None = Field(default=None, max_length=20, index=True)
    relation: str = Field(max_length=16)
    updated_at: datetime = Field(sa_column=_ts())


class Member(SQLModel, table=True):
    """A Telegram user of the bot and the profile they keep."""

    __tablename__ = "members"

    id: int | None = Field(default=None, primary_key=True)
    telegram_id: int = Field(sa_column=Column(BigInteger, unique=True, nullable=False))
    language: str | None = Field(default=None, max_length=8)
    phone: str | None = Field(default=None, max_length=20, index=True)
    phone_confirmed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    full_name: str | None = Field(default=None, max_length=200)
    gender: str | None = Field(default=None, max_length=8)
    birth_date: date | None = None
    home_address: str | None = Field(default=None, max_length=300)
    extra_address: str | None = Field(default=None, max_length=300)
    active_card_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("insured_persons.id", ondelete="SET NULL"), nullable=True
        ),
    )
    # set when Telegram answers 403 (the member blocked the bot); cleared when they write again
    unreachable_since: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    created_at: datetime = Field(sa_column=_ts())


class CardLink(SQLModel, table=True):
    """A card linked to a member, by phone match or by activation."""

    __tablename__ = "card_links"
    __table_args__ = (UniqueConstraint("member_id", "card_id", name="uq_card_links_member_card"),)

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False)
    )
    card_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("insured_persons.id", ondelete="CASCADE"), nullable=False
        )
    )
    via: str = Field(max_length=16)
    linked_at: datetime = Field(sa_column=_ts())


class ActivationAttempt(SQLModel, table=True):
    """One try of insured ID + date of birth; the ID is kept only as a keyed hash."""

    __tablename__ = "activation_attempts"

    id: int | None = Field(default=None, primary_key=True)
    telegram_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    insured_key: str = Field(max_length=64, index=True)
    succeeded: bool = False
    created_at: datetime = Field(sa_column=_ts(index=True))


class Reminder(SQLModel, table=True):
    """Something the bot must tell a member on a given day (delivered by the scheduler)."""

    __tablename__ = "reminders"
    __table_args__ = (
        UniqueConstraint("member_id", "kind", "card_id", name="uq_reminders_member_kind_card"),
    )

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False)
    )
    kind: str = Field(max_length=32)
    card_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("insured_persons.id", ondelete="CASCADE"), nullable=True
        ),
    )
    due_on: date
    created_at: datetime = Field(sa_column=_ts())
    sent_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class SupportTicket(SQLModel, table=True):
    """A member's message to support, e.g. "no card found" with policy, phone and name."""

    __tablename__ = "support_tickets"

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False)
    )
    kind: str = Field(max_length=16)
    policy_number: str | None = Field(default=None, max_length=64)
    phone: str | None = Field(default=None, max_length=20)
    full_name: str | None = Field(default=None, max_length=200)
    text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    status: str = Field(default="open", max_length=16)
    created_at: datetime = Field(sa_column=_ts())


class FsmRecord(SQLModel, table=True):
    """aiogram FSM / aiogram-dialog state for one storage key, so a restart loses nothing."""

    __tablename__ = "fsm_records"

    key: str = Field(primary_key=True, max_length=255)
    state: str | None = Field(default=None, max_length=255)
    data: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    updated_at: datetime = Field(sa_column=_ts())


class RequestKind(StrEnum):
    APPOINTMENT = "appointment"
    MEDICINES = "medicines"
    LAB_TESTS = "lab_tests"
    REIMBURSEMENT = "reimbursement"
    CALLBACK = "callback"


class RequestStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    NEED_INFO = "need_info"
    DONE = "done"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class ActorKind(StrEnum):
    MEMBER = "member"
    STAFF = "staff"
    SYSTEM = "system"


class Request(SQLModel, table=True):
    """A member's request on a card; its history (`request_events`) is the source of truth."""

    __tablename__ = "requests"
    __table_args__ = (
        # a second "Send" of the same draft (a re-press, a re-delivered update) finds the first
        UniqueConstraint("member_id", "submission_token", name="uq_requests_member_submission"),
        # a number once given is never given again, even after its row is deleted
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    card_id: int = Field(
        sa_column=Column(Integer, ForeignKey("insured_persons.id"), nullable=False)
    )
    kind: str = Field(max_length=16)
    status: str = Field(default=RequestStatus.NEW, max_length=16, index=True)
    # the form's answers as JSON (dates ISO, amounts as decimal strings)
    details: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    assignee_telegram_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, nullable=True)
    )
    assignee_name: str | None = Field(default=None, max_length=128)
    # the request's card in the admin chat, edited after every change
    staff_message_id: int | None = None
    # chosen when the form opens (see dialogs/requests/common.py:start_form)
    submission_token: str | None = Field(default=None, max_length=32)
    first_staff_action_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    created_at: datetime = Field(sa_column=_ts(index=True))
    updated_at: datetime = Field(sa_column=_ts())

    @property
    def number(self) -> str:
        return f"R-{self.id:06d}"


class RequestEvent(SQLModel, table=True):
    """One step of a request's history: a status change or a message, with who and when."""

    __tablename__ = "request_events"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("requests.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    from_status: str | None = Field(default=None, max_length=16)
    to_status: str | None = Field(default=None, max_length=16)
    actor_kind: str = Field(max_length=8)
    actor_telegram_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    comment: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(sa_column=_ts())


class RequestDocument(SQLModel, table=True):
    """A photo or file attached to a request, kept as Telegram's file_id (never downloaded)."""

    __tablename__ = "request_documents"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("requests.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    event_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("request_events.id", ondelete="SET NULL"), nullable=True
        ),
    )
    file_id: str = Field(max_length=255)
    file_unique_id: str = Field(max_length=64)
    kind: str = Field(max_length=16)  # photo | document
    file_name: str | None = Field(default=None, max_length=255)
    mime_type: str | None = Field(default=None, max_length=100)
    file_size: int | None = None
    media_group_id: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(sa_column=_ts())


class AdminTopic(SQLModel, table=True):
    """The admin-chat forum topic of one member: one row per member, enforced by the database."""

    __tablename__ = "admin_topics"

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False, unique=True
        )
    )
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    # None while the topic is being created, and in a group without topics
    thread_id: int | None = None
    title: str = Field(max_length=128)
    created_at: datetime = Field(sa_column=_ts())


class RelayLink(SQLModel, table=True):
    """Which member (and request) an admin-chat message belongs to, for replies both ways."""

    __tablename__ = "relay_links"
    __table_args__ = (
        UniqueConstraint("admin_chat_id", "admin_message_id", name="uq_relay_links_admin_message"),
    )

    id: int | None = Field(default=None, primary_key=True)
    admin_chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    admin_message_id: int
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False)
    )
    request_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("requests.id", ondelete="SET NULL"), nullable=True),
    )
    member_message_id: int | None = None
    direction: str = Field(max_length=10)  # to_staff | to_member
    created_at: datetime = Field(sa_column=_ts())


class AuditEntry(SQLModel, table=True):
    """A staff action: status change, a personal-data view, a phone fix, an import."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    staff_telegram_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    action: str = Field(max_length=32)
    target: str | None = Field(default=None, max_length=128)
    details: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(sa_column=_ts(index=True))


class NotificationStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    HELD = "held"  # the member blocked the bot; released when they write again


class Notification(SQLModel, table=True):
    """The outbox: a message to a member or to staff, written in the transaction that causes it."""

    __tablename__ = "notifications"

    id: int | None = Field(default=None, primary_key=True)
    audience: str = Field(max_length=8)  # member | staff
    member_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=True, index=True
        ),
    )
    request_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("requests.id", ondelete="CASCADE"), nullable=True),
    )
    kind: str = Field(max_length=32)
    payload: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    dedup_key: str = Field(max_length=128, unique=True)
    status: str = Field(default=NotificationStatus.PENDING, max_length=8, index=True)
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_column=_ts(index=True))
    claimed_by: str | None = Field(default=None, max_length=64)
    claimed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    sent_message_id: int | None = None
    created_at: datetime = Field(sa_column=_ts())
    sent_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
