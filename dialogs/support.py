"""Support contacts, hours, and whether the call centre is open right now."""

from __future__ import annotations

from typing import Any

from aiogram.types import Message
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Start
from babel.dates import format_time, get_day_names, get_timezone_location

from bot.config import Settings
from bot.i18n import Translator
from bot.services.hours import DayHours, open_state
from dialogs.common import (
    MemberDialog,
    back_button,
    fmt_time_or_datetime,
    member_date,
    member_window,
    member_zone,
    now,
    on_free_message,
)
from dialogs.states import SupportChatSG, SupportSG
from dialogs.widgets import I18nButtonText, I18nFormat


def _hours_lines(settings: Settings, i18n: Translator) -> str:
    names = get_day_names("abbreviated", locale=i18n.locale)
    groups: list[tuple[int, int, DayHours | None]] = []
    for day, hours in enumerate(settings.callcentre_hours.days):
        if groups and groups[-1][2] == hours:
            groups[-1] = (groups[-1][0], day, hours)
        else:
            groups.append((day, day, hours))
    lines = []
    for first, last, hours in groups:
        days = names[first] if first == last else f"{names[first]}–{names[last]}"
        if hours is None:
            span = i18n("support-closed-day")
        else:
            opens = format_time(hours.opens, "HH:mm", locale=i18n.locale)
            closes = format_time(hours.closes, "HH:mm", locale=i18n.locale)
            span = f"{opens}–{closes}"
        lines.append(f"{days}: {span}")
    return "\n".join(lines)


def open_now(manager: DialogManager, settings: Settings) -> dict[str, Any]:
    """Whether the call centre (and staff) are at work now, and when that changes, as the
    member reads it: `is_open`, `is_closed`, `change` (a time today, else date and time),
    `today` ("yes" when the change falls on the member's today) and `away` (closed, and when
    it opens is known: what a message sent now may be told)."""
    state = open_state(settings.callcentre_hours, now(manager), settings.tz)
    change = fmt_time_or_datetime(state.next_change, manager) if state.next_change else ""
    opens_today = state.next_change is not None and member_date(
        state.next_change, manager
    ) == member_date(now(manager), manager)
    return {
        "is_open": state.is_open,
        "is_closed": not state.is_open,
        "away": not state.is_open and bool(change),
        "change": change,
        "today": "yes" if opens_today else "no",
    }


async def support_getter(
    dialog_manager: DialogManager, settings: Settings, i18n: Translator, **_: Any
) -> dict[str, Any]:
    opening = open_now(dialog_manager, settings)
    zone, at = member_zone(dialog_manager), now(dialog_manager)
    if (
        opening["change"]
        and zone.own
        and at.astimezone(zone.tz).utcoffset() != at.astimezone(settings.tz).utcoffset()
    ):
        # the hours listed are in the insurer's zone, the change in the member's: said so
        # ("opens at 06:00 (your time)" under "Hours (Almaty time): 09:00–21:00")
        opening["change"] = i18n("time-yours", time=opening["change"])
    return {
        "phones": "\n".join(settings.support_phones),
        "emails": "\n".join(settings.support_emails),
        "hotline": settings.support_hotline,
        "short_number": settings.support_short_number,
        "hours": _hours_lines(settings, i18n),
        "zone": get_timezone_location(settings.tz, locale=i18n.locale, return_city=True),
        **opening,
    }


async def on_support_message(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    """A message on support's own page is one for support: kept and offered, as a question
    of the bot's (`common.keep_for_support(to_support=True)`)."""
    await on_free_message(message, widget, manager, to_support=True)


def support_dialog() -> Dialog:
    return MemberDialog(
        member_window(
            I18nFormat("support-title"),
            I18nFormat("support-open-now", when="is_open"),
            I18nFormat("support-closed-now", when="is_closed"),
            I18nFormat("support-contacts"),
            Start(I18nButtonText("btn-write-support"), id="chat", state=SupportChatSG.chat),
            back_button(),
            getter=support_getter,
            state=SupportSG.info,
            rests=True,
            on_message=on_support_message,
        ),
    )
