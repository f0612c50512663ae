"""Staff's /setphone: correct a card's registry phone and re-run card linking (this writes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.activation import card_of_insured_id
from bot.services.cards import relink_phones
from bot.services.linked import notify_cards_linked
from bot.services.phones import mask_phone, normalize_phone
from bot.services.registry.rows import canonical_id, mask_id
from bot.services.staff.audit import audit
from bot.services.staff.find import MEMBER_NUMBER, masked_phone
from storage.repositories import find as find_repo
from storage.repositories import members as members_repo


class CardNotFoundError(LookupError):
    """No card with that insured ID (`masked` is safe to show)."""

    def __init__(self, masked: str) -> None:
        super().__init__(masked)
        self.masked = masked


class InvalidPhoneError(ValueError):
    """The text is not a valid phone number."""


class NoMemberPhoneError(LookupError):
    """ "#42" given for the phone: no such member, or one who has not confirmed a phone."""


@dataclass(frozen=True)
class PhoneFix:
    insured_id: str  # masked
    old_phone: str | None  # masked
    new_phone: str  # masked
    changed: bool
    members_told: int
    # members whose phone-made link to this card went away (their phone is no longer its phone)
    unlinked: tuple[int, ...] = ()


async def _phone_of(session: AsyncSession, text: str, default_region: str) -> str:
    """The phone `text` gives: a number, or "#42", member #42's confirmed phone (staff see
    members' phones masked: the member who wrote "card not found" is named by their number)."""
    if number := MEMBER_NUMBER.fullmatch(text):
        member = await members_repo.get(session, int(number[1]))
        if member is None or member.phone is None or member.phone_confirmed_at is None:
            raise NoMemberPhoneError(text)
        return member.phone
    phone = normalize_phone(text, default_region)
    if phone is None:
        raise InvalidPhoneError(text)
    return phone


async def set_card_phone(
    session: AsyncSession,
    insured_id: str,
    phone_text: str,
    staff_id: int,
    now: datetime,
    *,
    default_region: str = "UA",
) -> PhoneFix:
    """Correct a card's registry phone, re-run linking for the old and the new phone, and
    queue `cards_linked` for members who gained cards; audited as "setphone". The phone may
    be a member's number, "#42": that member's confirmed phone.

    Raises InvalidPhoneError, NoMemberPhoneError or CardNotFoundError (then nothing changed).
    """
    phone = await _phone_of(session, phone_text, default_region)
    key = canonical_id(insured_id)
    # as members type it: "KZ100001" for "KZ-100001" too
    found = await card_of_insured_id(session, key) if key else None
    if found is None:
        raise CardNotFoundError(mask_id(key))
    person, _policy = found
    assert person.id is not None
    old = person.phone
    told = 0
    unlinked: tuple[int, ...] = ()
    if old != phone:
        before = await find_repo.members_linked_to(session, person.id)
        person.phone = phone
        person.updated_at = now
        session.add(person)
        await session.flush()
        gained = await relink_phones(session, {p for p in (old, phone) if p}, now)
        told = await notify_cards_linked(session, gained, now)
        unlinked = tuple(sorted(before - await find_repo.members_linked_to(session, person.id)))
    shown = mask_id(person.insured_id)  # the card's own ID, however it was typed
    fix = PhoneFix(shown, masked_phone(old), mask_phone(phone), old != phone, told, unlinked)
    await audit(
        session,
        staff_id,
        "setphone",
        now,
        target=fix.insured_id,
        details={
            "old": fix.old_phone,
            "new": fix.new_phone,
            "members_told": told,
            "unlinked": list(unlinked),
        },
    )
    return fix
