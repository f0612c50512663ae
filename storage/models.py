"""Database tables (SQLModel). Enumerations are stored as their short string values for
portability (non-native enums: a plain VARCHAR, the value checked on the way in and out); JSON
columns hold the documents (a request's answers, a notification's payload, audit details).

Timestamps have no defaults: every one is given from the injected clock by whoever writes the row
(a forgotten one fails the NOT NULL constraint instead of reading the machine's clock)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlmodel import Field, SQLModel

from storage.registry_values import HolderType, Relation
from storage.types import UTCDateTime


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"


class LinkVia(StrEnum):
    PHONE = "phone"
    ACTIVATION = "activation"


class ReminderKind(StrEnum):
    ACTIVATION_OPENS = "activation_opens"
    COVERAGE_STARTS = "coverage_starts"  # a linked card's coverage starts (it was waiting)


class TicketKind(StrEnum):
    NO_CARD = "no_card"


class TicketStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"  # "card not found", and cards were linked to the member since


class DocumentKind(StrEnum):
    PHOTO = "photo"
    DOCUMENT = "document"
    VOICE = "voice"  # a voice message to staff (never one of a form's documents)


class RelayDirection(StrEnum):
    TO_STAFF = "to_staff"
    TO_MEMBER = "to_member"


def _ts(*, nullable: bool = False, index: bool = False) -> Column[datetime]:
    return Column(UTCDateTime(), nullable=nullable, index=index)


def _values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]


def _enum(
    enum: type[StrEnum], length: int, *, nullable: bool = False, index: bool = False
) -> Column[Any]:
    """A non-native enum: VARCHAR(`length`) holding the member's value (not its name); an
    unknown value is refused when written and raises when read. No CHECK constraint, so a new
    member needs no migration."""
    kind = Enum(
        enum, native_enum=False, validate_strings=True, length=length, values_callable=_values
    )
    return Column(kind, nullable=nullable, index=index)


def _json(*, nullable: bool = False) -> Column[Any]:
    # none_as_null: a Python None is SQL NULL, not the JSON text 'null'
    return Column(JSON(none_as_null=True), nullable=nullable)


# A policy number without its separators ("SIP 2026 0001" read out for "SIP-2026-0001"), as
# `FOLDED_INSURED_ID` is for insured IDs: staff's /find looks a number up by it (migration
# 0023); the same care with a batch migration of "policies" on SQLite.
FOLDED_POLICY_NUMBER = (
    "replace(replace(replace(replace(number, '-', ''), '/', ''), '.', ''), '_', '')"
)


class Policy(SQLModel, table=True):
    """An insurance contract from the insurer's registry; several cards may share one."""

    __tablename__ = "policies"
    __table_args__ = (Index("ix_policies_folded_number", text(FOLDED_POLICY_NUMBER)),)

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=64, unique=True, index=True)
    program: str = Field(max_length=200)
    holder_type: HolderType = Field(sa_column=_enum(HolderType, 16))
    contract_signed: date
    coverage_start: date
    coverage_end: date
    updated_at: datetime = Field(sa_column=_ts())


# An insured ID without the separators people leave out or type differently ("KZ100003" for
# "KZ-100003"): activation looks a typed ID up by it when the exact one is not found. The index
# is on this very expression, and the lookup writes it the same way, so SQLite and PostgreSQL
# both use the index (migration 0019). SQLAlchemy cannot reflect it on SQLite: a later
# `batch_alter_table("insured_persons")` there rebuilds the table without it, so such a
# migration must create it again (`tests/test_migrations.py` checks the plan uses it at the
# head).
FOLDED_INSURED_ID = (
    "replace(replace(replace(replace(insured_id, '-', ''), '/', ''), '.', ''), '_', '')"
)


class InsuredPerson(SQLModel, table=True):
    """One insured person on a policy: what the member sees as an insurance card."""

    __tablename__ = "insured_persons"
    __table_args__ = (Index("ix_insured_persons_folded_id", text(FOLDED_INSURED_ID)),)

    id: int | None = Field(default=None, primary_key=True)
    insured_id: str = Field(max_length=64, unique=True, index=True)
    policy_id: int = Field(
        sa_column=Column(Integer, ForeignKey("policies.id", ondelete="CASCADE"), nullable=False)
    )
    full_name: str = Field(max_length=200)
    birth_date: date
    phone: str | None = Field(default=None, max_length=20, index=True)
    relation: Relation = Field(sa_column=_enum(Relation, 16))
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
    gender: Gender | None = Field(default=None, sa_column=_enum(Gender, 8, nullable=True))
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
    # set when the member erased their data: the row stays only as the anonymous owner of the
    # requests the insurer must keep (telegram_id is then -id; bot/services/privacy/erase.py)
    erased_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


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
    via: LinkVia = Field(sa_column=_enum(LinkVia, 16))
    linked_at: datetime = Field(sa_column=_ts())


class ActivationAttempt(SQLModel, table=True):
    """One try of insured ID + date of birth; the ID is kept only as a keyed hash."""

    __tablename__ = "activation_attempts"

    id: int | None = Field(default=None, primary_key=True)
    telegram_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    insured_key: str = Field(max_length=64, index=True)
    succeeded: bool = False
    created_at: datetime = Field(sa_column=_ts(index=True))


class ActivationGuard(SQLModel, table=True):
    """One row per attempt limit (an account, or an insured ID as its keyed hash): an activation
    updates the rows of its limits first, so the row locks make check-and-record one step for
    guesses sent at once (bot/services/activation.py; storage/repositories/attempts.py)."""

    __tablename__ = "activation_guards"

    key: str = Field(primary_key=True, max_length=80)
    touched_at: datetime = Field(sa_column=_ts())


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
    kind: ReminderKind = Field(sa_column=_enum(ReminderKind, 32))
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
    kind: TicketKind = Field(sa_column=_enum(TicketKind, 16))
    policy_number: str | None = Field(default=None, max_length=64)
    phone: str | None = Field(default=None, max_length=20)
    full_name: str | None = Field(default=None, max_length=200)
    text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    status: TicketStatus = Field(default=TicketStatus.OPEN, sa_column=_enum(TicketStatus, 16))
    created_at: datetime = Field(sa_column=_ts())


class FsmRecord(SQLModel, table=True):
    """aiogram FSM / aiogram-dialog state for one storage key, so a restart loses nothing."""

    __tablename__ = "fsm_records"

    key: str = Field(primary_key=True, max_length=255)
    state: str | None = Field(default=None, max_length=255)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=_json())
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


def request_number(request_id: int) -> str:
    """How members and staff see a request's id: R-000042."""
    return f"R-{request_id:06d}"


class Request(SQLModel, table=True):
    """A member's request on a card; its history (`request_events`) is the source of truth."""

    __tablename__ = "requests"
    __table_args__ = (
        # a second "Send" of the same draft (a re-press, a re-delivered update) finds the first
        UniqueConstraint("member_id", "submission_token", name="uq_requests_member_submission"),
        # the retention sweep's search: closed requests not yet swept, by their last change
        Index("ix_requests_retention", "anonymised_at", "status", "updated_at"),
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
    kind: RequestKind = Field(sa_column=_enum(RequestKind, 16))
    status: RequestStatus = Field(
        default=RequestStatus.NEW, sa_column=_enum(RequestStatus, 16, index=True)
    )
    # the form's answers (dates ISO, amounts as decimal strings)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=_json())
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
    # the staff chat the request was routed to (STAFF_ROUTES), set when its card is first sent;
    # None before then (and on rows older than routing: the default chat)
    staff_chat_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    # when the retention sweep took this closed request's free text (docs/privacy.md); None
    # before, and again once free text reaches it later (a rating comment, a note, a canned
    # reply) or messages about it held for a member who blocked the bot are released
    anonymised_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    # an appointment's visit as staff booked it (`/visit`, bot/services/visits.py): its day, on
    # which the reminder of the day before is looked for (the day and the hour are shown from
    # `details`, as the form's answers are)
    visit_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True, index=True))

    @property
    def number(self) -> str:
        return request_number(self.id or 0)


class RequestEvent(SQLModel, table=True):
    """One step of a request's history: a status change or a message, with who and when."""

    __tablename__ = "request_events"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("requests.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    from_status: RequestStatus | None = Field(
        default=None, sa_column=_enum(RequestStatus, 16, nullable=True)
    )
    to_status: RequestStatus | None = Field(
        default=None, sa_column=_enum(RequestStatus, 16, nullable=True)
    )
    actor_kind: ActorKind = Field(sa_column=_enum(ActorKind, 8))
    actor_telegram_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    comment: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(sa_column=_ts())


class RequestDocument(SQLModel, table=True):
    """A photo or file attached to a request, kept as Telegram's file_id. With
    DOWNLOAD_DOCUMENTS the bot also keeps a copy on disk (docs/privacy.md): its path relative to
    that directory and when it was made; tries are counted and the next waits until
    `download_after` (also the lease of the process downloading it)."""

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
    kind: DocumentKind = Field(sa_column=_enum(DocumentKind, 16))
    file_name: str | None = Field(default=None, max_length=255)
    mime_type: str | None = Field(default=None, max_length=100)
    file_size: int | None = None
    media_group_id: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(sa_column=_ts())
    # what the member wrote under it (Telegram's caption; migration 0018)
    caption: str | None = Field(default=None, max_length=1024)
    # -- the copy on disk (DOWNLOAD_DOCUMENTS; migration 0014) --
    local_path: str | None = Field(default=None, max_length=255)
    downloaded_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    download_attempts: int = Field(
        default=0, sa_column=Column(Integer, nullable=False, server_default="0")
    )
    download_after: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class AdminTopic(SQLModel, table=True):
    """A member's forum topic in one staff chat: one row per member and chat, enforced by the
    database. The row is written (and committed) before the topic is created: a reservation."""

    __tablename__ = "admin_topics"
    __table_args__ = (UniqueConstraint("member_id", "chat_id", name="uq_admin_topics_member_chat"),)

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False)
    )
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    # None while the topic is being created, and in a group without topics
    thread_id: int | None = None
    title: str = Field(max_length=128)
    created_at: datetime = Field(sa_column=_ts())
    # which creation this reservation is (1, 2, ...): its title ends with the token
    # "#<member id>" or "#<member id>.<attempt>", by which a topic whose id was lost is matched
    attempt: int = Field(default=1, sa_column=Column(Integer, nullable=False, server_default="1"))
    # the state the topic's icon shows (a TopicState value) and whether it is closed
    state: str | None = Field(default=None, max_length=16)
    closed: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )


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
    direction: RelayDirection = Field(sa_column=_enum(RelayDirection, 10))
    created_at: datetime = Field(sa_column=_ts())


class AuditEntry(SQLModel, table=True):
    """A staff action: status change, a personal-data view, a phone fix, an import."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    staff_telegram_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    action: str = Field(max_length=32)
    target: str | None = Field(default=None, max_length=128)
    details: dict[str, Any] | None = Field(default=None, sa_column=_json(nullable=True))
    created_at: datetime = Field(sa_column=_ts(index=True))


class NotificationStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    HELD = "held"  # the member blocked the bot; released when they write again


class Audience(StrEnum):
    MEMBER = "member"
    STAFF = "staff"


class NotificationKind(StrEnum):
    """What a notification says; its payload class is in bot/services/notifications.py."""

    # to members
    REQUEST_STATUS = "request_status"
    STAFF_COPY = "staff_copy"
    APPOINTMENT_TOMORROW = "appointment_tomorrow"
    NEED_INFO_NUDGE = "need_info_nudge"
    ACTIVATION_OPEN = "activation_open"
    COVERAGE_STARTED = "coverage_started"
    CARDS_LINKED = "cards_linked"
    # to staff
    REQUEST_CARD = "request_card"
    CARD_REFRESH = "card_refresh"
    MEMBER_MESSAGE = "member_message"
    TICKET = "ticket"
    TICKET_ANSWERED = "ticket_answered"  # cards were linked to a member who wrote "no card"
    ESCALATION = "escalation"
    # helpdesk tools (issue 14)
    CANNED_REPLY = "canned_reply"  # to the member: a filled template
    STAFF_EDIT = "staff_edit"  # to the member: staff edited a message copied to them
    RATING_ASK = "rating_ask"  # to the member: rate a finished request
    MEMBER_EDIT = "member_edit"  # to staff: the member edited a message relayed to the topic
    MEMBER_ERASED = "member_erased"
    LOW_RATING = "low_rating"  # to staff: a member rated a done request low (and why)
    VISIT_BOOKED = "visit_booked"  # to the member: staff booked the visit (`/visit`)


class Notification(SQLModel, table=True):
    """The outbox: a message to a member or to staff, written in the transaction that causes it."""

    __tablename__ = "notifications"
    # the outbox rows about a request, by their status (the retention sweep's reads and drops)
    __table_args__ = (Index("ix_notifications_request_status", "request_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    audience: Audience = Field(sa_column=_enum(Audience, 8))
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
    kind: NotificationKind = Field(sa_column=_enum(NotificationKind, 32))
    # checked against the kind's class in bot/services/notifications.py when queued and sent
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=_json())
    dedup_key: str = Field(max_length=128, unique=True)
    status: NotificationStatus = Field(
        default=NotificationStatus.PENDING, sa_column=_enum(NotificationStatus, 8, index=True)
    )
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_column=_ts(index=True))
    claimed_by: str | None = Field(default=None, max_length=64)
    claimed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    sent_message_id: int | None = None
    created_at: datetime = Field(sa_column=_ts())
    sent_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    # set (and committed) just before a staff request card's first Telegram call, cleared when
    # the outcome is stored: still set on a later attempt means the earlier one may have posted
    send_started_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


# --- helpdesk tools (issue 14): internal notes, canned replies, ratings --------------------


class StaffNote(SQLModel, table=True):
    """An internal note staff wrote in a member's topic: kept here, never sent to the member."""

    __tablename__ = "staff_notes"
    __table_args__ = (
        UniqueConstraint("admin_chat_id", "admin_message_id", name="uq_staff_notes_admin_message"),
    )

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    request_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("requests.id", ondelete="SET NULL"), nullable=True, index=True
        ),
    )
    staff_telegram_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    admin_chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    admin_message_id: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(sa_column=_ts())
    updated_at: datetime = Field(sa_column=_ts())


class ReplyTemplate(SQLModel, table=True):
    """A canned reply staff send with `/reply <name>`: one text per name and language."""

    __tablename__ = "reply_templates"
    __table_args__ = (UniqueConstraint("name", "language", name="uq_reply_templates_name_lang"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=32)
    language: str = Field(max_length=8)
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_by: int = Field(sa_column=Column(BigInteger, nullable=False))
    created_at: datetime = Field(sa_column=_ts())
    updated_at: datetime = Field(sa_column=_ts())


class RequestRating(SQLModel, table=True):
    """The member's 1-5 rating of a finished request and an optional comment (one per request)."""

    __tablename__ = "request_ratings"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("requests.id", ondelete="CASCADE"), nullable=False, unique=True
        )
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False)
    )
    score: int
    comment: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # the bot's "write a comment" prompt: a reply to it is the comment
    prompt_message_id: int | None = None
    created_at: datetime = Field(sa_column=_ts())
    updated_at: datetime = Field(sa_column=_ts())


# -- staff access (issue 13) -------------------------------------------------------------------
class StaffMember(SQLModel, table=True):
    """A person an owner made staff with `/staff add` (removed with `/staff remove`)."""

    __tablename__ = "staff_members"

    telegram_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    added_by: int = Field(sa_column=Column(BigInteger, nullable=False))
    added_at: datetime = Field(sa_column=_ts())


class DeliveryWorker(SQLModel, table=True):
    """A process that delivers the outbox, with its heartbeat: a process found gone (its pid
    dead on this host, or its heartbeat stale) has its claimed rows released at once."""

    __tablename__ = "delivery_workers"

    # the worker id the claim tokens start with (`bot.services.outbox.claim_prefix`)
    worker_id: str = Field(primary_key=True, max_length=48)
    host: str = Field(max_length=255)
    pid: int
    started_at: datetime = Field(sa_column=_ts())
    heartbeat_at: datetime = Field(sa_column=_ts())


# -- the e-card's cached image (issue 15) ------------------------------------------------------
class ECardImage(SQLModel, table=True):
    """The `file_id` Telegram gave the e-card last sent to a member for one card in one
    language, with the fingerprint of everything drawn on it: while the fingerprint matches,
    "Show my card" sends the photo by this file_id without drawing (bot/services/ecards.py)."""

    __tablename__ = "ecard_images"
    __table_args__ = (
        UniqueConstraint("member_id", "card_id", "language", name="uq_ecard_images_card"),
    )

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    card_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("insured_persons.id", ondelete="CASCADE"), nullable=False
        )
    )
    language: str = Field(max_length=8)
    fingerprint: str = Field(max_length=64)  # sha256 hex of the drawn texts and drawing version
    file_id: str = Field(max_length=255)
    created_at: datetime = Field(sa_column=_ts())


# -- clinic directory (issue 15) ---------------------------------------------------------------
class Clinic(SQLModel, table=True):
    """A clinic of the insurer's directory (`insurance-bot import-clinics`). `key` is the
    natural key (city, name and address, case and spacing folded): importing the file again
    updates the row; a clinic the file no longer lists is kept inactive (requests name it)."""

    __tablename__ = "clinics"
    __table_args__ = (Index("ix_clinics_city_key_active", "city_key", "active"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=620, unique=True)
    city: str = Field(max_length=100)
    city_key: str = Field(max_length=100)
    name: str = Field(max_length=200)
    address: str = Field(max_length=300)
    phone: str | None = Field(default=None, max_length=20)
    active: bool = Field(sa_column=Column(Boolean, nullable=False, server_default=true()))
    updated_at: datetime = Field(sa_column=_ts())


class ClinicSpecialty(SQLModel, table=True):
    """A specialty a clinic sees (one row each: "clinics of this city for a dentist" is an
    indexed join on both databases, no JSON operator needed)."""

    __tablename__ = "clinic_specialties"

    clinic_id: int = Field(
        sa_column=Column(Integer, ForeignKey("clinics.id", ondelete="CASCADE"), primary_key=True)
    )
    specialty: str = Field(max_length=50, primary_key=True, index=True)
