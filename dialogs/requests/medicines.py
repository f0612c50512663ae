"""Medicines request: the list (typed and/or prescription photos), delivery address, summary.

The list-or-photos step and the address step are built by factories that the lab-test form
uses too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager, Window
from aiogram_dialog.widgets.input import MessageInput, TextInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import cards
from bot.services.forms import (
    KIND_WORDS,
    MEDICINE_NAMES,
    address_named,
    bare_request,
    clean_text,
    delivery_address_in,
    is_done,
    list_after,
    list_edit,
    list_line,
    named_medicines,
    names_document,
)
from bot.services.profile import ADDRESS_MAX, clean_address, named_address, saved_addresses
from bot.services.profile import AddressSource as Source
from bot.textfit import cut
from dialogs.common import (
    ContentIs,
    MemberDialog,
    clear_error,
    member_window,
    place_input,
    set_error,
    set_notice,
    text_step,
    today,
)
from dialogs.requests.common import (
    DOCS,
    LIST_AHEAD,
    Added,
    Field,
    add_line,
    advance,
    answered_ahead,
    clear_lines,
    docs_getter,
    edit_buttons,
    on_attachment,
    on_clear_docs,
    said_with,
    sent_getter,
    sent_widgets,
    start_form,
    stored_docs,
    submit,
    summary_getter,
    summary_input,
)
from dialogs.requests.render import LONG, all_details, full_text_button
from dialogs.states import MedicinesSG
from dialogs.text_input import refuse_text
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat
from storage.models import Member, Relation, RequestKind

ADDRESS = "address"
ITEMS = "items"
LIST_MAX = 4096  # a whole Telegram message: the list is the main content of these forms
LIST_SHOWN = 1000  # the step shows the start of a longer list; the rest is a button away


@dataclass(frozen=True)
class ListStep:
    """The detail key and Fluent keys of a "type a list and/or send photos" step."""

    key: str
    prompt: str
    collected: str
    empty: str
    next_button: str
    document: str  # said when a message names the referral or prescription, not what it lists
    kind: str  # the request's (`RequestKind`): its words are no line of the list ("ліки")


def clean_list(text: str | None) -> str | None:
    """A typed list, trimmed; it needs a letter (digits or dots alone name nothing), and names
    more than the referral or prescription ("по направлению": its photo is the list)."""
    value = clean_text(text, max_len=LIST_MAX)
    if not value or not any(ch.isalpha() for ch in value) or names_document(value):
        return None
    return value


def kept_address(manager: DialogManager, text: str, step: State) -> str | None:
    """`text` without the address it gives after its list ("нурофен дитячий. доставка на
    Хрещатик 22, кв 5", `forms.delivery_address_in`), which answers the form's address step
    `step` (passed over to the summary, `answered_ahead`), said so; None when it gives none."""
    found = delivery_address_in(text, today(manager))
    value = clean_address(found[1]) if found is not None else None
    if found is None or value is None:
        return None
    manager.dialog_data[ADDRESS] = value
    answered_ahead(manager, step)
    set_notice(manager, "address-kept", address=value)
    return found[0]


# the words left at either end of a line once whom it is for is taken out of it ("это для
# сына", "нурофен для Тараса": "нурофен")
_FOR_WORDS = frozenset({"для", "for", "на", "to", "это", "це", "this", "is", "its", "а", "и",
                        "і", "and", "ещё", "еще", "ще", "also", "үшін", "арналған"})  # fmt: skip


async def for_whom(text: str, manager: DialogManager, kind: str) -> tuple[str, bool]:
    """A line that names a family member with a card of the member's ("лекарства для
    ребенка", "нурофен для Тараса", "для сына: нурофен", `named_holder`): the request moved to
    their card (made the active one and committed, as "👥 For another person" does; said so),
    and the line without whom it is for ("нурофен"; "" when it says nothing else), True. The
    line as it is, False, for any other, or for a card that takes no request now."""
    from dialogs.requests.named import is_open, named_holder  # (they build on this module)
    from dialogs.requests.new import make_active

    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    holder = named_holder(text, await cards.list_cards(session, member, today(manager)))
    if holder is None or not is_open(holder[0]):
        return text, False
    card, rest = holder
    if card.relation == Relation.SELF and rest == text:
        return text, False  # "мне нужен нурофен" says who asks, not whom for (a child's form)
    if not card.is_active and not await make_active(manager, card.card_id):
        return "", True  # (the commit failed, and the step says so: nothing is added)
    set_notice(manager, "list-card-moved", holder=card.holder_name, policy=card.policy_number)
    head, colon, tail = rest.partition(":")
    head = _without_whom(head, kind)
    if colon and any(ch.isalpha() for ch in tail):  # "для сына: нурофен"
        return (f"{head}: {tail.strip()}" if head else tail.strip()), True
    return head, True


def _without_whom(text: str, kind: str) -> str:
    """`text` without the family's words ("ребенка") and, at either end, the words left with
    them ("для", "это", the words of asking); "" when it says no more than the request's own
    words ("лекарства для ребенка"; "капли на ночь" keeps its "капли")."""
    from dialogs.requests.named import without_relations

    def left(token: str) -> bool:
        bare = token.strip(",.!?;:'’—-").casefold()
        return (
            not bare
            or bare in _FOR_WORDS
            or (any(ch.isalpha() for ch in bare) and not bare_request(bare))
        )

    def own(token: str) -> bool:  # the request's word ("лекарства"), not a medicine's name
        bare = token.strip(",.!?;:").casefold()
        return KIND_WORDS.get(bare) == kind and bare not in MEDICINE_NAMES

    tokens = without_relations(text).split()
    if all(left(t) or own(t) for t in tokens):
        return ""
    while tokens and left(tokens[0]):
        tokens.pop(0)
    while tokens and left(tokens[-1]):
        tokens.pop()
    return " ".join(tokens).strip(" ,;—-")


def list_window(
    step: ListStep,
    state: State,
    after: State,
    confirm: State,
    then: Callable[[DialogManager], Awaitable[None]] | None = None,
    address: State | None = None,
) -> Window:
    """Text and/or photos or files (an album too); "Next" appears once there is something;
    `then`, once on the next step (a day typed before it answers it); `address`, the form's
    address step, which an address given with the list answers (`kept_address`)."""

    async def on_text(message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
        """Each message adds its lines to the list (people send one item a message); "готово",
        "that's all" (`forms.DONE_WORDS`) is the press of "Next", never a line; "очистить
        список", "удалить последнее", "убрать нурофен" change the list (`forms.list_edit`)."""
        kept = None
        if is_done(text):
            await on_next(message, None, manager)
            return
        if names_document(text):  # "по направлению": its photo, not a line of the list
            set_notice(manager, step.document, attached=len(stored_docs(manager)))
            return
        text, moved = await for_whom(text, manager, step.kind)  # "нурофен для Тараса"
        if moved and not text:
            return
        if address is not None and (kept := kept_address(manager, text, address)) is not None:
            text = kept  # the list without the address, which is said kept
            if not text:
                return
        before = str(manager.dialog_data.get(step.key) or "")
        edit = list_edit(text, before.split("\n") if before else [])
        if edit is not None and not edit.found:
            set_error(manager, "list-item-not-found")
            return
        if edit is not None:
            clear_error(manager)
            if edit.lines:
                manager.dialog_data[step.key] = "\n".join(edit.lines)
            else:
                clear_lines(manager, step.key)
            return
        value = clean_list(list_line(text))  # "и ферритин": "ферритин"
        if value is None:
            refuse_text(manager, text, LIST_MAX, step.empty)
            return
        added = add_line(manager, step.key, message.message_id, value, LIST_MAX)
        if added is Added.TOO_LONG:
            set_error(manager, "list-full", max=LIST_MAX)
        elif added is Added.NEW and kept is None and not moved:
            clear_error(manager)

    async def on_clear(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
        clear_error(manager)
        clear_lines(manager, step.key)

    async def on_file(message: Message, widget: MessageInput, manager: DialogManager) -> None:
        before = len(manager.dialog_data.get(DOCS, []))
        await on_attachment(message, widget, manager)
        added = len(manager.dialog_data.get(DOCS, [])) > before
        # a caption is often the list itself; it must not replace a list typed before
        caption = message.caption
        if added and caption and address is not None:  # "рецепт, доставка на Хрещатик 22"
            kept = kept_address(manager, caption, address)
            caption = caption if kept is None else kept
        caption = clean_list(caption)
        if added and caption and not manager.dialog_data.get(step.key):
            manager.dialog_data[step.key] = caption

    async def on_next(_event: Any, _button: Button | None, manager: DialogManager) -> None:
        if not manager.dialog_data.get(step.key) and not stored_docs(manager):
            set_error(manager, step.empty)
            return
        await advance(manager, after, confirm)
        if then is not None:
            await then(manager)

    async def getter(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
        docs = await docs_getter(dialog_manager, **kwargs)
        text = dialog_manager.dialog_data.get(step.key, "")
        return {
            **docs,
            "list_text": cut(text, LIST_SHOWN),
            "has_list": bool(text) or docs["has_docs"],
            LONG: len(text) > LIST_SHOWN,
        }

    async def whole_list(manager: DialogManager) -> str:
        return str(manager.dialog_data.get(step.key, ""))

    return member_window(
        I18nFormat(step.prompt),
        I18nFormat(step.collected, when="list_text"),
        I18nFormat("docs-count", when="has_docs"),
        I18nError(),
        TextInput(id=step.key, on_success=on_text),
        MessageInput(on_file, filter=ContentIs(ContentType.PHOTO, ContentType.DOCUMENT)),
        Button(I18nButtonText(step.next_button), id="next", on_click=on_next, when="has_list"),
        full_text_button(whole_list),
        Button(
            I18nButtonText("btn-list-clear"), id="clear_list", on_click=on_clear, when="list_text"
        ),
        Button(
            I18nButtonText("btn-docs-clear"), id="clear", on_click=on_clear_docs, when="has_docs"
        ),
        Cancel(I18nButtonText("btn-cancel")),
        getter=getter,
        state=state,
    )


# how much of an address a button shows (the summary shows it whole)
ADDRESS_SHOWN = 60


async def saved_getter(dialog_manager: DialogManager, member: Member, **_: Any) -> dict[str, Any]:
    session: AsyncSession = dialog_manager.middleware_data["session"]
    offered = await saved_addresses(session, member)
    shown = {f"{source}_address": cut(offered.get(source, ""), ADDRESS_SHOWN) for source in Source}
    return {
        **shown,
        "or_home": Source.HOME in offered,
        "or_saved": Source.HOME not in offered and bool(offered),
    }


def address_window(
    state: State, confirm: State, *, prompt: str, use_home: str, invalid: str
) -> Window:
    """An address typed, or with one tap the profile's home or additional address or the one
    the latest delivery went to, or named so in words ("домой", "туда же"); then the summary."""

    async def on_typed(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
        if (named := address_named(text)) is not None:  # "домой", "туда же": the one saved
            session: AsyncSession = manager.middleware_data["session"]
            member: Member = manager.middleware_data["member"]
            saved = await named_address(session, member, named)
            if saved is None:
                home = named == Source.HOME
                set_error(manager, "address-unknown-home" if home else "address-unknown-last")
                return
            manager.dialog_data[ADDRESS] = saved
            await advance(manager, confirm, confirm)
            return
        value = clean_address(text)
        if value is None:
            refuse_text(manager, text, ADDRESS_MAX, invalid, collapse=True)
            return
        manager.dialog_data[ADDRESS] = value
        await advance(manager, confirm, confirm)

    async def on_saved(_callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
        session: AsyncSession = manager.middleware_data["session"]
        member: Member = manager.middleware_data["member"]
        source = Source((button.widget_id or "").removeprefix("use_"))
        # read again: an old button may outlive the address it showed
        if address := (await saved_addresses(session, member)).get(source):
            manager.dialog_data[ADDRESS] = address
            await advance(manager, confirm, confirm)

    def use(source: Source, label: str) -> Button:
        return Button(
            I18nButtonText(label),
            id=f"use_{source}",
            on_click=on_saved,
            when=f"{source}_address",
        )

    return text_step(
        prompt,
        ADDRESS,
        on_typed,
        state,
        I18nFormat("address-or-home", when="or_home"),
        I18nFormat("address-or-saved", when="or_saved"),
        use(Source.HOME, use_home),
        use(Source.EXTRA, "address-btn-use-extra"),
        use(Source.LAST, "address-btn-use-last"),
        Cancel(I18nButtonText("btn-cancel")),
        getter=saved_getter,
        takes=[place_input(on_typed)],  # a venue shared: its address
    )


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """The draft named; a list given after a colon when the medicines were asked for on the
    menu ("ліки для Софії: нурофен дитячий", `LIST_AHEAD`), or the medicines its words name
    ("заказать инсулин", `forms.named_medicines`), is the list's first line, said so."""
    await start_form(start_data, manager)
    said = said_with(start_data, LIST_AHEAD)
    if said is not None:
        listed = clean_list(list_after(said, RequestKind.MEDICINES) or named_medicines(said))
        kept = kept_address(manager, listed, MedicinesSG.address) if listed else None
        if kept is not None:  # "…: нурофен дитячий. доставка на Хрещатик 22, кв 5"
            listed = clean_list(kept)
        if listed is not None:
            manager.dialog_data[ITEMS] = listed
            if kept is None:
                set_notice(manager, "list-kept")
            else:
                set_notice(manager, "list-address-kept", address=manager.dialog_data[ADDRESS])


def _details(manager: DialogManager) -> dict[str, Any]:
    data = manager.dialog_data
    return {ITEMS: data.get(ITEMS, ""), ADDRESS: data.get(ADDRESS, "")}


async def on_send(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await submit(manager, RequestKind.MEDICINES, _details(manager), MedicinesSG.sent)


MEDICINES_LIST = ListStep(
    key=ITEMS,
    prompt="medicines-items-prompt",
    collected="medicines-items-collected",
    empty="medicines-items-empty",
    next_button="medicines-btn-next",
    document="medicines-prescription-named",
    kind=RequestKind.MEDICINES,
)

# the summary's fields: each one's "✏️" and the step it reopens, named in words too
MEDICINES_FIELDS: tuple[Field, ...] = (
    ("list", "medicines-btn-edit-items", MedicinesSG.items),
    ("address", "medicines-btn-edit-address", MedicinesSG.address),
)


def medicines_dialog() -> Dialog:
    return MemberDialog(
        list_window(
            MEDICINES_LIST,
            MedicinesSG.items,
            MedicinesSG.address,
            MedicinesSG.confirm,
            address=MedicinesSG.address,
        ),
        address_window(
            MedicinesSG.address,
            MedicinesSG.confirm,
            prompt="medicines-address-prompt",
            use_home="medicines-btn-use-home",
            invalid="medicines-address-invalid",
        ),
        member_window(
            I18nFormat("medicines-summary"),
            I18nFormat("medicines-summary-docs", when="has_docs"),
            I18nError(),
            Button(I18nButtonText("btn-send"), id="send", on_click=on_send),
            summary_input(on_send, MEDICINES_FIELDS),  # "да": sent; "изменить дату": that step
            full_text_button(all_details(_details)),
            Column(
                *edit_buttons(MEDICINES_FIELDS),
            ),
            Cancel(I18nButtonText("btn-cancel")),
            getter=summary_getter(_details),
            state=MedicinesSG.confirm,
        ),
        member_window(*sent_widgets(), getter=sent_getter, state=MedicinesSG.sent, rests=True),
        on_start=on_start,
    )
