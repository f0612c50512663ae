"""What the outbox carries: one payload class per notification kind.

A payload is checked twice: when it is built (before `outbox.enqueue` stores it) and when the
deliverer reads it back (`load`), so a row written by an older version that no longer fits its
class is marked failed with the reason instead of breaking a delivery run. The class names its
kind, its audience and whether the notification is about a request; the senders are a table in
`bot/delivery/` (`MemberSender.SENDERS`, `StaffSender.SENDERS`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.services.documents import Attachment
from storage.models import Audience, NotificationKind, RequestStatus

K = NotificationKind

# what staff send a member in their own words, or the visit they booked (`/visit`): where and
# when
STAFF_WORDS = (K.STAFF_COPY, K.CANNED_REPLY, K.VISIT_BOOKED)


class PayloadError(ValueError):
    """A stored payload that does not fit its kind's class (or a kind with no class)."""


class Payload(BaseModel):
    """The base of every payload; subclasses set `kind` and `audience`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: ClassVar[NotificationKind]
    audience: ClassVar[Audience]
    # False: `request_id` may be None (a message outside any request, a ticket, a card)
    about_request: ClassVar[bool] = True


class _ToMember(Payload):
    audience = Audience.MEMBER


class _ToStaff(Payload):
    audience = Audience.STAFF


class RequestStatusChanged(_ToMember):
    """The member's request moved to `status`; staff may have written a comment."""

    kind = K.REQUEST_STATUS
    status: RequestStatus
    comment: str | None = None


class StaffCopy(_ToMember):
    """A staff message in the admin chat, copied to the member."""

    kind = K.STAFF_COPY
    about_request = False
    from_chat_id: int
    message_id: int


class AppointmentTomorrow(_ToMember):
    kind = K.APPOINTMENT_TOMORROW


class VisitBooked(_ToMember):
    """Staff booked the appointment's visit (`/visit`): its day and hour are on the request.
    `remind`: the day before it is still ahead, and the member is told they will be reminded
    then (a visit booked for today or tomorrow gets no reminder: this is it). `was_day`,
    `was_at`: the booking it replaces, when booked again."""

    kind = K.VISIT_BOOKED
    remind: bool = True
    # booked again: the day and hour it replaces (the request keeps only the new ones), so the
    # member reads a move, not a second visit
    was_day: str | None = None
    was_at: str | None = None


class NeedInfoNudge(_ToMember):
    """Staff asked a question a while ago and the member has not answered."""

    kind = K.NEED_INFO_NUDGE
    question: str | None = None


class ActivationOpen(_ToMember):
    """A card's waiting period is over: requests may be made on it."""

    kind = K.ACTIVATION_OPEN
    about_request = False
    card_id: int | None = None


class CoverageStarted(_ToMember):
    """Coverage started on these linked cards (each was waiting for it): requests may be made."""

    kind = K.COVERAGE_STARTED
    about_request = False
    card_ids: list[int] = Field(min_length=1)


class CardsLinked(_ToMember):
    """A registry import linked cards to the member's phone."""

    kind = K.CARDS_LINKED
    about_request = False
    count: int = Field(ge=1)


class RequestCard(_ToStaff):
    """A new request: its documents, answers in full and the card with buttons."""

    kind = K.REQUEST_CARD


class CardRefresh(_ToStaff):
    """The request changed: edit its card."""

    kind = K.CARD_REFRESH


class AttachmentData(BaseModel):
    """A photo or file by Telegram's file_id (as `bot.services.documents.Attachment`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file_id: str
    file_unique_id: str
    kind: str
    file_name: str | None = None
    mime_type: str | None = None
    file_size: int | None = None
    media_group_id: str | None = None
    caption: str | None = None


class MemberMessage(_ToStaff):
    """A member's text and files, about a request or to support (`request_id` None)."""

    kind = K.MEMBER_MESSAGE
    about_request = False
    text: str | None = None
    attachments: tuple[AttachmentData, ...] = ()
    # the member's own Telegram message, so an edit of it can follow into the topic
    member_message_id: int | None = None


def member_message(
    text: str | None, attachments: Iterable[Attachment], member_message_id: int | None = None
) -> MemberMessage:
    return MemberMessage(
        text=text,
        attachments=tuple(AttachmentData(**a.to_dict()) for a in attachments),
        member_message_id=member_message_id,
    )


class Ticket(_ToStaff):
    kind = K.TICKET
    about_request = False
    ticket_id: int


class TicketAnswered(_ToStaff):
    """Cards were linked to a member whose "card not found" tickets were open: said in their
    topic, the tickets marked answered."""

    kind = K.TICKET_ANSWERED
    about_request = False
    ticket_ids: list[int] = Field(min_length=1)
    cards: int = Field(ge=1)


class Escalation(_ToStaff):
    """A request waited for staff longer than the SLA (`hours`; `working`: hours the call
    centre was open)."""

    kind = K.ESCALATION
    hours: float = Field(ge=0)
    working: bool = False


# --- helpdesk tools (issue 14) ----------------------------------------------------------------


class CannedReply(_ToMember):
    """A template staff sent with `/reply`, already filled and HTML-escaped (`html`)."""

    kind = K.CANNED_REPLY
    about_request = False
    html: str = Field(min_length=1)


class StaffEdit(_ToMember):
    """Staff edited a message of theirs that was copied to the member: edit the copy.

    `html` is the new text (or caption, when `caption`) as Telegram's HTML."""

    kind = K.STAFF_EDIT
    about_request = False
    from_chat_id: int
    message_id: int
    html: str
    caption: bool = False


class RatingAsk(_ToMember):
    """The request is done: ask the member for a 1-5 rating."""

    kind = K.RATING_ASK


class LowRating(_ToStaff):
    """The member rated their done request `score` (LOW or less), and with `comment` wrote
    why: told in the staff chat's General topic, where it is seen (the card, long scrolled
    away, is edited too)."""

    kind = K.LOW_RATING
    score: int = Field(ge=1, le=5)
    comment: str | None = None


class MemberEdit(_ToStaff):
    """The member edited a message relayed to their topic: edit the copy or post a correction."""

    kind = K.MEMBER_EDIT
    about_request = False
    member_message_id: int
    text: str | None = None
    caption: bool = False


class MemberErased(_ToStaff):
    """The member erased their data (bot/services/privacy/erase.py): said in their topic."""

    kind = K.MEMBER_ERASED
    about_request = False
    requests_kept: int = Field(ge=0)


def _classes() -> dict[NotificationKind, type[Payload]]:
    found: dict[NotificationKind, type[Payload]] = {}
    for cls in (_ToMember, _ToStaff):
        for sub in cls.__subclasses__():
            assert sub.kind not in found, f"two payload classes for {sub.kind}"
            found[sub.kind] = sub
    return found


PAYLOADS: dict[NotificationKind, type[Payload]] = _classes()


def load(kind: str, data: Any) -> Payload:
    """The payload of a stored notification, checked against its kind's class.

    The error names the fields and what is wrong with them, never their values (a member's
    text may hold a phone number, and the reason is logged and kept in `last_error`).
    """
    try:
        cls = PAYLOADS[NotificationKind(kind)]
    except (ValueError, KeyError):
        raise PayloadError(f"no payload class for kind {kind!r}") from None
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'payload'}: {e['msg']}"
            for e in exc.errors(include_url=False, include_input=False)
        )
        raise PayloadError(f"{kind} payload does not fit: {problems}") from None
