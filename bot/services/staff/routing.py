"""Several staff chats: which supergroup a request goes to, and who is staff in each chat.

`STAFF_ROUTES` (JSON, or the path of a `.json` or `.toml` file) names the extra chats, each with
its own staff, and the rules that send requests there; what no rule matches goes to the default
chat (`ADMIN_CHAT_ID` with `STAFF_IDS`). A rule matches when every condition it names holds:
the request's kind, the country of the card's phone (ISO 3166 alpha-2, e.g. "KZ"), the program
of the card's policy (compared without case). The first matching rule wins.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.phones import phone_country
from storage.models import InsuredPerson, Member, Policy, Request, RequestKind


class StaffChat(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    chat_id: int = Field(lt=0, description="a supergroup's id (negative)")
    # empty: anyone in that chat is staff (as with STAFF_IDS)
    staff_ids: tuple[int, ...] = ()


class RouteRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    chat: str
    kinds: tuple[RequestKind, ...] = ()
    countries: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()

    @field_validator("countries")
    @classmethod
    def _countries(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for code in value:
            if len(code) != 2 or not code.isalpha():
                raise ValueError(f"{code!r} is not a two-letter country code")
        return tuple(code.upper() for code in value)

    def matches(self, kind: RequestKind, country: str | None, program: str | None) -> bool:
        if self.kinds and kind not in self.kinds:
            return False
        if self.countries and country not in self.countries:
            return False
        wanted = {p.casefold() for p in self.programs}
        return not wanted or (program or "").casefold() in wanted


class StaffRoutes(BaseModel):
    """The extra staff chats by name and the rules, in order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    chats: dict[str, StaffChat] = Field(default_factory=dict)
    rules: tuple[RouteRule, ...] = ()

    def check(self, default_chat_id: int | None) -> None:
        """The rules across fields; raises ValueError with a sentence naming what is wrong."""
        if not self.chats and not self.rules:
            return
        if default_chat_id is None:
            raise ValueError("needs ADMIN_CHAT_ID, the default chat for what no rule matches")
        seen: dict[int, str] = {}
        for name, chat in self.chats.items():
            if chat.chat_id == default_chat_id:
                raise ValueError(f"chat {name!r} is ADMIN_CHAT_ID, which is already the default")
            if chat.chat_id in seen:
                raise ValueError(f"chats {seen[chat.chat_id]!r} and {name!r} have the same id")
            seen[chat.chat_id] = name
        for number, rule in enumerate(self.rules, 1):
            if rule.chat not in self.chats:
                raise ValueError(f"rule {number} names chat {rule.chat!r}, which is not in chats")
            if not (rule.kinds or rule.countries or rule.programs):
                raise ValueError(f"rule {number} has no condition (use ADMIN_CHAT_ID for the rest)")


def parse_routes(value: object) -> StaffRoutes:
    """STAFF_ROUTES as JSON text, a path to a .json or .toml file, or already parsed."""
    if isinstance(value, StaffRoutes):
        return value
    data: Any = value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return StaffRoutes()
        if text[0] not in "{[":
            path = Path(text)
            if not path.is_file():
                raise ValueError(f"{text} is neither JSON nor a file")
            text = path.read_text(encoding="utf-8")
            if path.suffix.lower() == ".toml":
                try:
                    data = tomllib.loads(text)
                except tomllib.TOMLDecodeError as exc:
                    raise ValueError(f"{path.name} is not valid TOML: {exc}") from None
                return _validated(data)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not valid JSON: {exc}") from None
    return _validated(data)


def _validated(data: Any) -> StaffRoutes:
    try:
        return StaffRoutes.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ValueError(f"{where}: {first['msg']}") from None


@dataclass(frozen=True)
class StaffDesk:
    """The staff chats this bot works in: the default one and the routed ones, with their staff."""

    default_chat_id: int | None
    default_staff: frozenset[int]
    routes: StaffRoutes

    @property
    def staff(self) -> Mapping[int, Collection[int]]:
        chats: dict[int, Collection[int]] = {}
        if self.default_chat_id is not None:
            chats[self.default_chat_id] = self.default_staff
        for chat in self.routes.chats.values():
            chats[chat.chat_id] = frozenset(chat.staff_ids)
        return chats

    @property
    def chat_ids(self) -> list[int]:
        return list(self.staff)

    def chat_for(self, kind: RequestKind, country: str | None, program: str | None) -> int | None:
        for rule in self.routes.rules:
            if rule.matches(kind, country, program):
                return self.routes.chats[rule.chat].chat_id
        return self.default_chat_id


async def chat_of_request(session: AsyncSession, desk: StaffDesk, request: Request) -> int | None:
    """The staff chat of a request: the one it was routed to, or its route decided now (stored
    on the request, so its card, refreshes and escalations stay in one chat even when the rules
    change later)."""
    if request.staff_chat_id is not None:
        return request.staff_chat_id
    person = await session.get(InsuredPerson, request.card_id)
    policy = await session.get(Policy, person.policy_id) if person else None
    phone = person.phone if person and person.phone else None
    if phone is None:
        member = await session.get(Member, request.member_id)
        phone = member.phone if member else None
    chat_id = desk.chat_for(
        RequestKind(request.kind), phone_country(phone), policy.program if policy else None
    )
    request.staff_chat_id = chat_id
    session.add(request)
    return chat_id


async def handled_in(
    session: AsyncSession, request_id: int, chat_id: int, default_chat_id: int | None
) -> bool:
    """Whether staff of `chat_id` work on the request (its card was routed there); an unknown
    request passes, for the action to say it is gone."""
    request = await session.get(Request, request_id)
    if request is None:
        return True
    return (request.staff_chat_id or default_chat_id) == chat_id
