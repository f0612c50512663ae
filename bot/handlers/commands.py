"""Member commands in the private chat: /start, /menu, /support, /help, /language, /cancel."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError
from aiogram.filters import CommandObject, ExceptionTypeFilter
from aiogram.types import CallbackQuery, Chat, ErrorEvent, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.api.entities import DialogUpdate
from aiogram_dialog.api.exceptions import (
    DialogStackOverflow,
    OutdatedIntent,
    UnknownIntent,
    UnknownState,
)

from bot.callbacks import OpenRequest
from bot.clock import Clock
from bot.filters.commands import LooksLikeCommand, TypedCommand, command, command_start
from bot.filters.magic import Magic
from bot.i18n import Translator
from bot.services import members
from dialogs.answers import answer_awaited
from dialogs.common import open_over_menu, pressed_back, set_error
from dialogs.deeplinks import open_link
from dialogs.requests.common import step_back
from dialogs.states import REQUEST_FORMS, LanguageSG, MainSG, MyRequestsSG, SupportSG
from storage.models import Member
from storage.uow import UnitOfWork

logger = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="commands")
    # its messages are commands only: a member's answer in a step is refused in one check
    router.message.filter(LooksLikeCommand(), Magic(F.chat.type == "private"))

    @router.message(command_start())
    @router.message(command("menu"))
    async def start(
        _message: Message, dialog_manager: DialogManager, command: CommandObject
    ) -> None:
        if command.command.casefold() == "start" and command.args:
            # t.me/<bot>?start=<payload>: a request, the cards, activation, support
            await open_link(dialog_manager, command.args)
            return
        await dialog_manager.start(MainSG.menu, mode=StartMode.RESET_STACK)

    @router.message(command("help"))
    async def help_(_message: Message, dialog_manager: DialogManager) -> None:
        await dialog_manager.start(MainSG.help, mode=StartMode.RESET_STACK)

    @router.message(command("support"))
    async def support(_message: Message, dialog_manager: DialogManager) -> None:
        # the support screen over the menu, as its button and the t.me link open it
        await open_over_menu(dialog_manager, SupportSG.info)

    @router.message(command("language"))
    async def language(_message: Message, dialog_manager: DialogManager) -> None:
        await dialog_manager.start(LanguageSG.select)

    @router.message(command("cancel"))
    async def cancel(_message: Message, dialog_manager: DialogManager) -> None:
        # Leaves any form; nothing already submitted or confirmed is touched.
        await dialog_manager.start(
            MainSG.menu, mode=StartMode.RESET_STACK, data={"notice": "cancelled"}
        )

    @router.callback_query(OpenRequest.filter(), Magic(F.message.chat.type == "private"))
    async def open_request(
        callback: CallbackQuery, callback_data: OpenRequest, dialog_manager: DialogManager
    ) -> None:
        # the button under a status notification opens that request's page
        await callback.answer()
        await open_over_menu(
            dialog_manager, MyRequestsSG.detail, {"request_id": callback_data.request_id}
        )

    return router


def create_typed_command_router() -> Router:
    """A command typed in words, the whole message: "отмена", "cancel" leave a form as /cancel
    does, "меню", "main menu" open the menu as /menu does; a form would have taken the word as
    its answer ("отмена" as the specialty). "отменить", "стоп" leave a request form too, and
    are left elsewhere to the screen ("отменить" on a request's page asks to cancel it), and
    "назад", "back" go back a step of a request form (`requests.common.step_back`). On
    "Cancel request R-000042?" the words are the question's, not a command's: that step says
    it expected another answer."""
    router = Router(name="typed-commands")
    router.message.filter(Magic(F.chat.type == "private"), TypedCommand())

    @router.message()
    async def typed(message: Message, dialog_manager: DialogManager, typed_command: str) -> None:
        context = dialog_manager.current_context() if dialog_manager.has_context() else None
        if context is not None and context.state == MyRequestsSG.cancel:
            raise SkipHandler
        in_form = context is not None and context.state.group in REQUEST_FORMS
        if typed_command == "leave" and not in_form:  # "отменить" on a request's page: its own
            raise SkipHandler
        if typed_command == "back":  # "назад": a form's step before, or a screen's "⬅️ Back"
            sent = context is not None and (context.state.state or "").endswith(":sent")
            if in_form and not sent:
                await step_back(dialog_manager)
            elif context is None:
                raise SkipHandler  # (no screen: the menu is shown, as for any message)
            else:
                await pressed_back(message, dialog_manager)  # (the menu has none: shown again)
            if dialog_manager.has_context() and dialog_manager.current_context() is context:
                await dialog_manager.show()  # (a step switched to: shown, as a dialog's own are)
            return
        notice = {"notice": "cancelled"} if typed_command in ("cancel", "leave") else None
        await dialog_manager.start(MainSG.menu, mode=StartMode.RESET_STACK, data=notice)

    return router


def create_unknown_command_router() -> Router:
    """A command none of the routers above took (/strat, /foo): answered with the member's
    commands, and never handed to the dialogs, whose text steps would take it as the answer
    (a specialty "/foo", a comment, a name). The step the member is on stays."""
    router = Router(name="unknown-commands")
    router.message.filter(LooksLikeCommand(), Magic(F.chat.type == "private"))

    @router.message()
    async def unknown(message: Message, i18n: Translator) -> None:
        if message.text is None:
            raise SkipHandler  # a caption beginning with "/": a photo or file for the step
        await message.reply(i18n("member-unknown-command"))

    return router


def create_fallback_router() -> Router:
    """Input no dialog step accepted: repeat the current step, or show the menu."""
    router = Router(name="fallback")
    router.message.filter(Magic(F.chat.type == "private"))

    @router.message()
    async def unexpected(
        message: Message,
        dialog_manager: DialogManager,
        uow: UnitOfWork,
        clock: Clock,
        i18n: Translator,
        member: Member | None = None,
    ) -> None:
        if dialog_manager.has_context():
            set_error(dialog_manager, "input-unexpected")
            await dialog_manager.show(ShowMode.SEND)
        elif not await answer_awaited(message, uow, member, clock(), i18n):
            # no dialog open (none yet, or its state lost): the message a request waits for
            # goes to it, as on the menu; any other opens the menu
            await dialog_manager.start(MainSG.menu, mode=StartMode.RESET_STACK)

    @router.errors(ExceptionTypeFilter(UnknownIntent, OutdatedIntent, UnknownState))
    async def lost_context(
        event: ErrorEvent, dialog_manager: DialogManager, event_chat: Chat | None = None
    ) -> None:
        if event_chat is None or event_chat.type != "private":
            # a member's button data pressed elsewhere (a group, the admin chat): no dialog
            # there to recover; the press is answered as out of date
            return
        if dialog_manager.has_context():
            # A button of a screen the dialog state does not hold, while a dialog is open: a
            # step shown and never stored (the process died before the state's commit), a
            # dialog already finished, an old message, a press Telegram sent again after a
            # crash, or a reply-keyboard button of a step already left (an old client still
            # shows the phone step's "Back"). The member's place stands, with its draft, and
            # is shown where they look (an inline press is also answered as out of date):
            query = event.update.callback_query
            pressed = query.message.message_id if query and query.message else None
            if pressed is not None and pressed == dialog_manager.current_stack().last_message_id:
                # the dialog's own message: it shows the stored step in place
                await dialog_manager.show(ShowMode.EDIT)
                how = "in place"
            else:
                # another message: the stored step again at the bottom of the chat, saying the
                # button was old (left alone, a member who reads the newest message would press
                # its stale buttons for ever while the dialog edits a message further up)
                set_error(dialog_manager, "input-keyboard-outdated")
                await dialog_manager.show(ShowMode.SEND)
                how = "below"
            logger.info(
                "a button of a screen the dialog state does not hold (%s) on update %s: "
                "the stored step is shown %s",
                type(event.exception).__name__,
                event.update.update_id,
                how,
            )
            return
        # Old buttons point to a dialog that is gone (e.g. after an update): start afresh.
        logger.info(
            "dialog context lost (%s) on update %s: the menu again",
            type(event.exception).__name__,
            event.update.update_id,
        )
        await dialog_manager.start(
            MainSG.menu,
            mode=StartMode.RESET_STACK,
            data={"notice": "expired"},
            show_mode=ShowMode.SEND,
        )

    @router.errors(ExceptionTypeFilter(TelegramForbiddenError))
    async def blocked(_event: ErrorEvent, clock: Clock, member: Member | None = None) -> None:
        # The member blocked the bot (or it left a group) while we answered: nobody to show
        # anything to. Their messages are held until they write again.
        logger.info("Telegram refused a reply: the chat blocked the bot or is gone")
        if member is not None:
            members.mark_unreachable(member, clock())

    @router.errors(ExceptionTypeFilter(DialogStackOverflow))
    async def stack_full(_event: ErrorEvent, dialog_manager: DialogManager) -> None:
        # Forms end by resetting to the menu, so this should not happen; if some path still
        # stacks dialogs up to aiogram-dialog's limit, the member gets the menu, not silence.
        await dialog_manager.start(MainSG.menu, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)

    @router.errors(in_background)
    async def background_failed(event: ErrorEvent) -> None:
        # aiogram-dialog's background update (the deliverer's refresh of an open page after a
        # notification, bot/delivery) runs in a task nobody awaits: an error left there was
        # asyncio's "Task exception was never retrieved", an ERROR with a traceback each time.
        # The refresh is a courtesy and the notification stands: said once, and dropped.
        failed = event.exception
        logger.warning(
            "could not refresh an open dialog: %s: %s",
            type(failed).__name__,
            failed,
            exc_info=not isinstance(failed, TelegramAPIError),  # a fault of ours: where
        )

    return router


def in_background(event: ErrorEvent) -> bool:
    """The error is a background dialog update's (aiogram-dialog's `BgManager`), no member's."""
    return isinstance(event.update, DialogUpdate)
