"""`/start <payload>` links (`t.me/<bot>?start=<payload>`) an insurer puts in an e-mail, an SMS
or on the plastic card: what a payload asks for, read without trusting it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.services.activation import can_be_id, normalize_insured_id

_REQUEST = re.compile(r"^r[_-]?(?:R-?)?0*(\d{1,9})$", re.IGNORECASE)
_ACTIVATE = re.compile(r"^activate_(.+)$", re.IGNORECASE)


class LinkKind(StrEnum):
    REQUEST = "request"
    CARDS = "cards"
    ACTIVATE = "activate"
    SUPPORT = "support"
    MENU = "menu"  # an unknown or malformed payload


# what a member must have done before the link can open (the rest open for anyone)
NEEDS_CARDS = frozenset({LinkKind.REQUEST, LinkKind.CARDS})


@dataclass(frozen=True)
class DeepLink:
    kind: LinkKind
    request_id: int | None = None
    insured_id: str | None = None


def valid_insured_id(text: str) -> str | None:
    """An insured ID as stored (spaces out, upper case), or None when it cannot be one."""
    value = normalize_insured_id(text)
    return value if can_be_id(value) else None


def parse(payload: str | None) -> DeepLink:
    """`r_42` (request R-000042), `cards`, `activate_<insured id>`, `support`; else the menu."""
    text = (payload or "").strip()
    if match := _REQUEST.match(text):
        return DeepLink(LinkKind.REQUEST, request_id=int(match.group(1)))
    if text.lower() in {LinkKind.CARDS, LinkKind.SUPPORT}:
        return DeepLink(LinkKind(text.lower()))
    if (match := _ACTIVATE.match(text)) and (insured := valid_insured_id(match.group(1))):
        return DeepLink(LinkKind.ACTIVATE, insured_id=insured)
    return DeepLink(LinkKind.MENU)
