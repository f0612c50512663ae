"""A member's message to staff outside a form: a Telegram reply to the bot's message about a
request (bot/handlers/helpdesk.py), or a message sent on a screen that asks nothing while a
request waits for one (`answer_awaited`: a resting screen's input, the fallback), or else a
score typed for the request just done, or the comment of a rating asked for a moment ago.

Both add it to the request as "Add a message or documents" does (an answer to "need info" puts
the request back to work), or, when the request is closed, send it to support as "Write to
support" does. Checked as there: the text's length, the file's size and type."""

from __future__ import annotations

from datetime import datetime

from aiogram.types import ForceReply, Message

from bot.i18n import Translator
from bot.services import ratings, requests, support_chat
from bot.services.documents import MAX_DOCUMENTS, Attachment, refusal
from bot.services.forms import (
    TEXT_MAX,
    clean_text,
    is_acknowledged,
    is_farewell,
    is_greeting,
    is_thanks,
    is_thanks_closing,
    too_long,
)
from dialogs.attachments import captioned
from storage.models import Member, Request, RequestRating
from storage.uow import UnitOfWork


async def to_staff(
    message: Message,
    uow: UnitOfWork,
    member: Member,
    request: Request | None,
    now: datetime,
    i18n: Translator,
) -> None:
    """`message` added to `request`, or to support when the request is closed or None; the
    member is told where it went once it is stored (commit, then speak)."""
    text: str | None = None
    attachments: list[Attachment] = []
    attachment = captioned(message, voice=True)
    if attachment is not None:
        if reason := refusal(attachment, []):
            await message.reply(i18n(reason, max=MAX_DOCUMENTS))
            return
        attachments.append(attachment)
    else:
        # the limit of where it goes: a request's messages, or a message to support (longer)
        to_request = request is not None and requests.takes_messages(request)
        limit = TEXT_MAX if to_request else support_chat.TEXT_MAX
        text = clean_text(message.text, min_len=1, max_len=limit)
        if text is None:
            long = too_long(message.text, limit)
            await message.reply(i18n("input-too-long", max=limit) if long else i18n("reply-empty"))
            return
    album = attachments[0].media_group_id if attachments else None
    # an album's parts arrive as messages of their own: the member is told of the first only
    told = (
        album is not None
        and request is not None
        and await requests.album_started(uow.session, request, album)
    )
    done: str | None
    went = await support_chat.pass_on(
        uow.session, member, request, text, attachments, message.message_id, now
    )
    if request is not None and went:
        done = None if told else i18n("reply-sent-to", number=request.number)
    else:
        done = (
            i18n("reply-closed-to-support", number=request.number)
            if request is not None
            else i18n("reply-to-support")
        )
    if not await uow.commit():
        await message.reply(i18n("error-not-saved"))
        return
    if done is not None:
        await message.reply(done)


async def _rating_comment(
    message: Message, uow: UnitOfWork, member: Member, now: datetime, i18n: Translator
) -> bool:
    """`message`'s text as the comment of the rating asked for a moment ago, when one was and
    none came (the member closed the reply the prompt opened); False otherwise."""
    rating = await ratings.awaiting_comment(uow.session, member, now)
    if rating is None or rating.prompt_message_id is None or message.text is None:
        return False
    await ratings.comment(uow.session, member, rating.prompt_message_id, message.text, now)
    if not await uow.commit():
        await message.reply(i18n("error-not-saved"))
        return True
    await message.reply(i18n("rating-comment-thanks"))
    return True


async def _typed_score(
    message: Message, uow: UnitOfWork, member: Member, now: datetime, i18n: Translator
) -> bool:
    """A score typed ("5", "⭐⭐⭐⭐") after "How did we do?" rates the one request done a while
    ago with no rating yet, as its button would; the comment is asked for the same way."""
    said = ratings.score_said(message.text or "")
    if said is None:
        return False
    request_id = await ratings.typed_score_target(uow.session, member, now)
    if request_id is None:
        return False
    score, words = said
    # the words said with it ("бәрі жақсы, рахмет! 5", "5, но долго ждала") are its comment,
    # a thank-you alone is not
    comment = None if not words or is_thanks(words) else words
    await rate_typed(message, uow, member, request_id, score, now, i18n, comment)
    return True


async def rate_typed(
    message: Message,
    uow: UnitOfWork,
    member: Member,
    request_id: int,
    score: int,
    now: datetime,
    i18n: Translator,
    comment: str | None = None,
) -> None:
    """`score`, typed, stored as the request's rating as its button would, then thanked for
    and the comment asked for (once stored: commit, then speak); or, `comment` said with it,
    stored with it and thanked for."""
    try:
        rating = await ratings.rate(uow.session, member, request_id, score, now, comment)
    except (requests.RequestNotFoundError, ratings.RatingRefusedError):  # reopened meanwhile
        await message.reply(i18n("rating-not-now"))
        return
    if not await uow.commit():
        await message.reply(i18n("error-not-saved"))
        return
    thanks = i18n("rating-thanks", stars="⭐" * rating.score, score=rating.score)
    if comment:
        await message.reply(thanks + "\n" + i18n("rating-comment-thanks"))
        return
    await message.reply(thanks)
    await ask_comment(message, uow, rating, i18n)


async def ask_comment(
    message: Message, uow: UnitOfWork, rating: RequestRating, i18n: Translator
) -> None:
    """After a rating's first score, pressed or typed: the "write a comment" prompt, sent in
    `message`'s chat and remembered (a reply to it is the comment)."""
    if rating.prompt_message_id is not None:
        return
    prompt = await message.answer(
        i18n("rating-comment-prompt"), reply_markup=ForceReply(selective=True)
    )
    await ratings.set_prompt(uow.session, rating, prompt.message_id)
    await uow.commit()


def _free(message: Message) -> bool:
    """Whether `message` is one a member writes to support: text (not a command), a photo, a
    file or a voice message."""
    if message.text is not None:
        return not message.text.startswith("/")
    return captioned(message, voice=True) is not None


async def answer_about(
    message: Message,
    uow: UnitOfWork,
    member: Member | None,
    request_id: int | None,
    now: datetime,
    i18n: Translator,
) -> bool:
    """`message`, sent on the page of the member's request `request_id`, added to it while it
    is open, as "Add a message or documents" does; False when it is closed or gone, or the
    message is not one to pass on: a thank-you, a greeting, an "ok" or a goodbye alone while
    the member wrote last, which the screen answers (as `answer_awaited` does)."""
    if member is None or member.id is None or request_id is None or not _free(message):
        return False
    try:
        request = await requests.own(uow.session, member, request_id)
    except requests.RequestNotFoundError:
        return False
    if not requests.takes_messages(request):
        return False
    if _said_to_the_bot(message) and await requests.waits_on_member_alone(uow.session, request):
        return False  # "спасибо" on the page of a request just sent: no line for support
    await to_staff(message, uow, member, request, now, i18n)
    return True


async def answer_awaited(
    message: Message, uow: UnitOfWork, member: Member | None, now: datetime, i18n: Translator
) -> bool:
    """`message`, sent where no step asks anything, to the request waiting for it
    (`requests.awaiting`: support asked for more information, or the member or staff wrote
    about it a moment ago). With several waiting, the member is told how to choose and nothing
    is sent. With none, a text is the comment of the rating asked for a moment ago, if one was.
    A thank-you, a greeting or an "ok" alone is not passed on while the member wrote last
    ("дякую" just after sending): the screen answers it.
    False when nothing waits, or the message is not one to pass on: the caller says it was not
    expected."""
    if member is None or member.id is None or (message.text or "").startswith("/"):
        return False
    free = _free(message)
    waiting = await requests.awaiting(uow.session, member, now)
    if not free:
        if not waiting:
            return False
        # a sticker, a location, a video while support waits for an answer: what can be passed
        # on, rather than "not taken on this screen"
        await message.reply(i18n("support-chat-unsupported"))
        return True
    if not waiting:
        return message.text is not None and (
            await _typed_score(message, uow, member, now, i18n)
            or await _rating_comment(message, uow, member, now, i18n)
        )
    if len(waiting) > 1:
        numbers = ", ".join(request.number for request in waiting)
        await message.reply(i18n("answer-which-request", numbers=numbers))
        return True
    if _said_to_the_bot(message) and await requests.waits_on_member_alone(uow.session, waiting[0]):
        return False  # "дякую" just after sending: answered on the screen, kept from support
    await to_staff(message, uow, member, waiting[0], now, i18n)
    return True


def _said_to_the_bot(message: Message) -> bool:
    """A thank-you (one that says the matter is done, "спасибо, всё решили", too), a greeting,
    an "ok" or a goodbye and nothing else: no line for support unless support spoke last
    (`requests.waits_on_member_alone`)."""
    text = message.text or ""
    said_so = (is_thanks_closing, is_greeting, is_acknowledged, is_farewell)
    return any(said(text) for said in said_so)
