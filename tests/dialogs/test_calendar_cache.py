"""A cached month page is the page rendered afresh, for every member, language, month and day.

`CachedDaysView` (dialogs/widgets/calendar.py) renders a calendar's days page once per month,
locale, bounds, first weekday and today, and hands out copies carrying the member's intent id;
the window's markup factory then finds nothing to add (aiogram-dialog's writes the same data into
the copies in place, the bot's `IntentKeyboardFactory` hands them on). Every page here is
rendered through a window, by a cached calendar and by the same calendar without a cache, and the
keyboards must be the same to the byte; no button the cache keeps is ever handed out, and none
is ever changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest
from aiogram import Router
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_dialog import Dialog, DialogManager, Window
from aiogram_dialog.api.entities import Context
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from aiogram_dialog.utils import CB_SEP, remove_intent_id
from aiogram_dialog.widgets.kbd.calendar_kbd import CalendarDaysView, CalendarScope
from aiogram_dialog.widgets.text import Const

from bot.config import SUPPORTED_LOCALES, Settings
from bot.i18n import TranslatorHub
from dialogs.common import member_window
from dialogs.requests.dates import FutureCalendar
from dialogs.states import LabTestsSG
from dialogs.widgets.calendar import (
    PAGES_KEPT,
    BirthDateCalendar,
    CachedDaysView,
    LocalizedCalendar,
)
from tests.conftest import FakeClock
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card, stored_requests
from tests.factories import make_person, make_policy

ALMATY = ZoneInfo("Asia/Almaty")  # the insurer's zone (Settings.insurer_timezone)


class FormSG(StatesGroup):
    date = State()


class OtherFormSG(StatesGroup):
    date = State()


class WindowOfOffers(LocalizedCalendar):
    """Fixed bounds across a leap February and a March a year later; neither moves with today."""

    async def bounds(self, manager: DialogManager) -> tuple[date | None, date | None]:
        return date(2024, 2, 10), date(2025, 3, 20)


class MembersOwnDays(LocalizedCalendar):
    """Bounds of the member's own (as a claim's are: from their card), not of the day alone."""

    async def bounds(self, manager: DialogManager) -> tuple[date | None, date | None]:
        first, last = manager.middleware_data["offered"]
        return first, last


class Manager:
    """What a window's keyboard reads of a DialogManager: the open context (its intent id and
    widget data) and the middleware data (the clock, the settings, the member's translator)."""

    def __init__(self, middleware_data: dict[str, Any], intent_id: str, state: State) -> None:
        self.middleware_data = middleware_data
        self.context = Context(_intent_id=intent_id, _stack_id="", state=state, start_data=None)

    def current_context(self) -> Context:
        return self.context

    def is_preview(self) -> bool:
        return False


def _month_begins(first: date, count: int) -> Iterator[date]:
    day = first.replace(day=1)
    for _ in range(count):
        yield day
        day = (day + timedelta(days=32)).replace(day=1)


async def _render(window: Window, manager: Manager) -> InlineKeyboardMarkup:
    markup = await window.render_kbd({}, cast(DialogManager, manager))
    assert isinstance(markup, InlineKeyboardMarkup)
    return markup


async def test_a_cached_page_is_the_page_rendered_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    misses = {"cached": 0, "fresh": 0}
    render = CalendarDaysView.render

    async def counted(self: CachedDaysView, *args: Any) -> Any:
        misses["cached" if self.pages is not None else "fresh"] += 1
        return await render(self, *args)

    monkeypatch.setattr(CalendarDaysView, "render", counted)

    def calendars(pages: int) -> list[tuple[str, LocalizedCalendar, State]]:
        return [
            # the same class under two ids in two dialogs; one cache small enough to evict
            ("date_cal", FutureCalendar("date_cal", pages=pages), FormSG.date),
            ("appt_cal", FutureCalendar("appt_cal", pages=min(pages, 3)), OtherFormSG.date),
            ("offers", WindowOfOffers("offers", pages=pages), FormSG.date),
            ("any_day", LocalizedCalendar("any_day", pages=pages), OtherFormSG.date),
            ("birth_cal", BirthDateCalendar("birth_cal", pages=pages), FormSG.date),
            ("claim_cal", MembersOwnDays("claim_cal", pages=pages), OtherFormSG.date),
        ]

    cached = calendars(PAGES_KEPT)
    fresh = calendars(0)
    # the reference: the library's window and markup factory, no cache; the cached pages through
    # the library's factory (which writes the intent id into the buttons it is given) and through
    # a member's step (`member_window`: `IntentKeyboardFactory`, which copies them)
    windows = {(name, "fresh"): Window(Const("·"), cal, state=state) for name, cal, state in fresh}
    for name, calendar, state in cached:
        windows[name, "library"] = Window(Const("·"), calendar, state=state)
        windows[name, "ours"] = member_window(Const("·"), calendar, state=state)
    clock = FakeClock(datetime(2024, 1, 1, tzinfo=ALMATY))
    settings = Settings(bot_token="123456:TEST-token", database_url="sqlite://", _env_file=None)  # type: ignore[call-arg]
    hub = TranslatorHub()
    # three members, each in a dialog of their own (their intent ids), with the days
    # `MembersOwnDays` offers them (from today): the second shares the first one's first day,
    # the third their last day
    members = {"aB3dE6g": (-40, 20), "Zx9Yw8v": (-40, 50), "Qr5St7u": (-10, 20)}

    renders: dict[str, int] = {}
    # each first instant is 23:30 in Almaty: the page is rendered then, and again an hour later,
    # on the next day (a leap day, the end of a non-leap February, a new year)
    evenings = [
        datetime(2024, 2, 28, 23, 30, tzinfo=ALMATY),
        datetime(2025, 2, 27, 23, 30, tzinfo=ALMATY),
        datetime(2024, 12, 31, 23, 30, tzinfo=ALMATY),
    ]
    for evening in evenings:
        # the month before today's, today's and the next (with those of the other evenings:
        # before, on and after each end of `WindowOfOffers`); the birth calendar's first month
        months = {*_month_begins(evening.date() - timedelta(days=31), 3)}
        months |= {date(2025, 4, 1), date(1900, 1, 1)}
        for locale in SUPPORTED_LOCALES:
            i18n = hub.get(locale)
            for month in sorted(months):
                for moment in (evening, evening + timedelta(hours=1)):
                    clock.now = moment
                    for intent, (first, last) in members.items():
                        offered = (
                            evening.date() + timedelta(days=first),
                            evening.date() + timedelta(days=last),
                        )
                        data = {
                            "clock": clock,
                            "settings": settings,
                            "i18n": i18n,
                            "offered": offered,
                        }
                        for name, calendar, state in cached:
                            manager = Manager(data, intent, state)
                            # (the fresh calendar has the same id: it reads the same offset)
                            calendar.set_offset(month, cast(DialogManager, manager))
                            want = await _render(windows[name, "fresh"], manager)
                            for factory in ("library", "ours"):
                                got = await _render(windows[name, factory], manager)
                                where = (name, factory, locale, month, moment, intent)
                                assert got == want, where
                                assert got.model_dump_json() == want.model_dump_json(), where
                                # not one of the buttons handed out is one the cache keeps
                                kept = {id(button) for button in _kept(calendar)}
                                given = [b for row in got.inline_keyboard for b in row]
                                assert not any(id(b) in kept for b in given), where
                                # whatever a caller does to the page it was given stays with it
                                for row in got.inline_keyboard:
                                    for button in row:
                                        button.text = "changed"
                                        button.callback_data = "changed"
                            renders[name] = renders.get(name, 0) + 1

    assert misses["fresh"] == sum(renders.values())
    # each page was made once, for the first member, and copied for the others; but the members'
    # own days are a page of each member's
    assert misses["cached"] == renders["claim_cal"] + sum(
        count / len(members) for name, count in renders.items() if name != "claim_cal"
    )
    for _name, calendar, _state in cached:
        view = calendar.views[CalendarScope.DAYS]
        assert isinstance(view, CachedDaysView) and view.pages is not None
        assert 0 < len(view.pages) <= view.pages.maxsize
        _assert_untouched(calendar)


def _kept(calendar: LocalizedCalendar) -> list[InlineKeyboardButton]:
    """Every button of the pages `calendar`'s days view keeps."""
    view = calendar.views[CalendarScope.DAYS]
    assert isinstance(view, CachedDaysView) and view.pages is not None
    return [button for page in view.pages.values() for row in page for button in row]


def _assert_untouched(calendar: LocalizedCalendar) -> None:
    """The kept pages are as the calendar rendered them: no intent id (the factories add it to
    what they are given), nothing a caller wrote into the buttons it was given."""
    for button in _kept(calendar):
        assert button.text != "changed"
        assert button.callback_data is not None and CB_SEP not in button.callback_data


def _page_of(messages: Any, member: MemberClient) -> Message:
    """The member's own last screen (two members share the message manager here)."""
    return [m for m in messages.sent_messages if m.chat.id == member.user.id][-1]


def _callbacks(page: Message) -> tuple[set[str | None], list[str]]:
    """The intent ids a screen's buttons carry, and their callback data without them."""
    markup = page.reply_markup
    assert markup is not None
    split = [
        remove_intent_id(button.callback_data)
        for row in markup.inline_keyboard
        for button in row
        if button.callback_data is not None
    ]
    return {intent for intent, _ in split}, [data for _, data in split]


def _lab_calendar(dp: Router) -> FutureCalendar:
    def dialogs(router: Router) -> Iterator[Dialog]:
        if isinstance(router, Dialog):
            yield router
        for sub in router.sub_routers:
            yield from dialogs(sub)

    [lab] = [d for d in dialogs(dp) if d.states_group() is LabTestsSG]
    calendar = lab.find("date_cal")
    assert isinstance(calendar, FutureCalendar)
    return calendar


async def _to_the_date_step(member: MemberClient) -> None:
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click("🧪 Lab tests")
    await member.send("Complete blood count")
    await member.click("➡️ Next")


async def test_a_second_member_gets_the_cached_page_with_their_own_intent_id(
    member, build_dp, messages, session_factory
) -> None:
    await member_with_active_card(member, session_factory)
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0002")
        await make_person(session, policy, full_name="Ivan Petrenko", phone="+380671234567")
    other = MemberClient(member.dp, messages, user_id=2002, first_name="Ivan")
    await other.send("/start")
    await other.click("📱 Confirm phone")
    await other.share_contact("380671234567")

    await _to_the_date_step(member)
    first = _page_of(messages, member)
    await _to_the_date_step(other)
    second = _page_of(messages, other)
    view = _lab_calendar(member.dp).views[CalendarScope.DAYS]
    assert isinstance(view, CachedDaysView) and view.pages is not None
    assert len(view.pages) == 1  # the second member was shown the page the first one's made

    # each screen carries its own member's intent id only, once, on every button
    (mine, my_data), (theirs, their_data) = _callbacks(first), _callbacks(second)
    assert len(mine) == len(theirs) == 1 and mine != theirs and None not in mine | theirs
    assert my_data == their_data and not any(CB_SEP in data for data in my_data)
    assert first.reply_markup is not None and second.reply_markup is not None
    days = [b.text for row in first.reply_markup.inline_keyboard for b in row]
    assert days == [b.text for row in second.reply_markup.inline_keyboard for b in row]
    assert "🗓 November 2026" in days and "[ 22 ]" in days and "21" not in days

    # pressing a day of the cached page picks that day, for each member
    await other.client.click(second, InlineButtonTextLocator("25"))
    assert "find a laboratory nearby" in other.text()
    await other.send("Kyiv, Lesi Ukrainky Blvd 20")
    assert "Preferred date: November 25, 2026" in other.text()
    await other.click("✅ Send")

    await member.client.click(first, InlineButtonTextLocator("27"))
    assert "find a laboratory nearby" in member.text()
    await member.send("Almaty, Abay Ave 10, flat 3")
    assert "Preferred date: November 27, 2026" in member.text()
    await member.click("✅ Send")

    requests = await stored_requests(session_factory)
    assert [r.details["preferred_date"] for r in requests] == ["2026-11-25", "2026-11-27"]

    # the page the cache keeps went out in neither member's message, and is as it was rendered
    calendar = _lab_calendar(member.dp)
    kept = {id(button) for button in _kept(calendar)}
    assert kept  # the month page, without the step's own buttons
    sent = [getattr(m.reply_markup, "inline_keyboard", []) for m in messages.sent_messages]
    assert not any(id(button) in kept for rows in sent for row in rows for button in row)
    _assert_untouched(calendar)
