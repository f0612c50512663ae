"""After "done" the member rates the request 1-5 and may add a comment; staff see it on the card."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from bot.services.notifications import CardRefresh, LowRating, RatingAsk
from bot.services.requests import RequestNotFoundError
from storage.models import Member, RequestRating, RequestStatus
from storage.repositories import helpdesk as helpdesk_repo
from storage.repositories import privacy as privacy_repo
from storage.repositories import requests as requests_repo

SCORES = range(1, 6)
COMMENT_MAX = 1000
LOW = 3  # a score this low or lower is told to staff, not only shown on the card
# a line written outside a form this long after the score, with no Telegram reply to the
# prompt (the member closed the reply the prompt opened), is still the comment
COMMENT_WAIT = timedelta(minutes=30)


# a score typed rather than pressed ("5", "5/5", "⭐⭐⭐⭐⭐", "4 звезды") rates the one request
# done this long ago or less that has no rating yet
TYPED_SCORE_WAIT = timedelta(hours=24)
_TYPED_SCORE = re.compile(
    r"([1-5])\s*(?:/\s*5|из\s*5|з\s*5|of\s*5|out of\s*5|⭐+|★+|stars?|звезд[аы]?|зірк[аи]?|"
    r"жұлдыз)?[\s!.]*",
    re.IGNORECASE,
)
_STARS = re.compile(r"(⭐|★){1,5}[\s!.]*")
# the words a score is given with ("ставлю 4", "оценка: 5", "на пять", "I give 5", "5 баллов"),
# left out, and a score written in words ("пять", "чотири", "five", "бес")
_SCORE_SAID = re.compile(
    r"^(?:(?:я\s+)?(?:ставлю|поставлю|даю|оцениваю|оценка|оцінка|оцінюю|ставлю|i\s+give|give|"
    r"rating|my\s+rating\s+is|rate|баға|бағалаймын)\s*[:\-]?\s*)?(?:вам\s+)?(?:на\s+)?"
    r"(.+?)(?:\s*(?:баллов|балла|балл|бали|балів|бал|points?|ұпай))?[\s!.]*$",
    re.IGNORECASE,
)
_SCORE_WORDS = {
    **dict.fromkeys(("один", "одна", "единица", "one", "бір"), "1"),
    **dict.fromkeys(("два", "две", "двойка", "two", "екі"), "2"),
    **dict.fromkeys(("три", "тройка", "three", "үш"), "3"),
    **dict.fromkeys(("четыре", "четверка", "четверку", "чотири", "four", "төрт"), "4"),
    **dict.fromkeys(("пять", "пятерка", "пятерку", "пʼять", "п'ять", "five", "бес"), "5"),
}


def read_score(text: str) -> int | None:
    """A score of 1-5 typed whole: a digit (with "/5", "stars" and the like after it) or one
    to five stars, given in words or not ("ставлю 4", "на пять", "5 баллов"); None for
    anything else ("5 минут", "спасибо")."""
    # ⭐️ is ⭐ with a variation selector; "звёзд" is written with "е" as often as with "ё"
    typed = text.strip().replace("\ufe0f", "").replace("ё", "е").replace("Ё", "Е")
    if said := _SCORE_SAID.fullmatch(typed):
        core = said.group(1).strip()
        typed = _SCORE_WORDS.get(core.casefold(), core)
    if match := _TYPED_SCORE.fullmatch(typed):
        return int(match.group(1))
    if _STARS.fullmatch(typed):
        return sum(ch in "⭐★" for ch in typed)
    return None


# a score said among a few words ("бәрі жақсы, рахмет! 5", "Всё отлично, 5!", "5, но долго
# ждала"): the parts between punctuation, one of them the score alone; a message this long or
# longer is a message, not a score
_PARTS = re.compile(r"[,.!;:\n]+")
SAID_MAX = 200


def score_said(text: str) -> tuple[int, str] | None:
    """A score typed whole (`read_score`), or as one part of a short message whose other parts
    are words about it: the score and those words ("" when none); None for anything else (a
    question, two numbers, "у меня 2 вопроса")."""
    whole = read_score(text)
    if whole is not None:
        return whole, ""
    if "?" in text or len(text) >= SAID_MAX or len(re.findall(r"\d+", text)) > 1:
        return None  # a question, a message, a list ("1. анализы 2. лекарства")
    parts = [part.strip() for part in _PARTS.split(text) if part.strip()]
    read = [(part, read_score(part)) for part in parts]
    scores = [score for _part, score in read if score is not None]
    if len(scores) == 1 and len(parts) >= 2:
        return scores[0], ", ".join(part for part, score in read if score is None)
    if scores:
        return None
    # or given with its verb inside a part, its words about it around ("всё хорошо ставлю
    # пять", "ставлю 5 баллов всё быстро")
    given = [(at, found) for at, part in enumerate(parts) if (found := _given_in(part))]
    if len(given) != 1:
        return None
    at, (score, rest) = given[0]
    return score, ", ".join(part for part in [*parts[:at], rest, *parts[at + 1 :]] if part)


# the verbs a score is given with, which may stand inside a sentence (`_SCORE_SAID` reads a
# part that is only the score with its words); before the score, or after it as Kazakh puts it
# ("бәрі жақсы 5 бағалаймын")
_GIVING = frozenset({"ставлю", "поставлю", "даю", "оцениваю", "оцінюю", "ставимо", "give",
                     "бағалаймын", "қоямын"})  # fmt: skip
_GIVER = frozenset({"я", "i", "мен"})  # who gives it, left out with the verb
_GIVEN_WORDS = 3  # the verb, the score and a word after it ("ставлю 5 баллов")


def _given_in(part: str) -> tuple[int, str] | None:
    """The one score a part gives with its verb ("всё хорошо ставлю пять"), and the part's
    other words; None when it gives none, or several."""
    words = part.split()
    found: list[tuple[int, int, int]] = []  # (score, first word, past the last)
    for at, word in enumerate(words):
        if word.casefold() not in _GIVING:
            continue
        start = at - 1 if at and words[at - 1].casefold() in _GIVER else at
        for size in range(_GIVEN_WORDS, 1, -1):
            score = read_score(" ".join(words[at : at + size])) if at + size <= len(words) else None
            if score is not None:
                found.append((score, start, at + size))
                break
        else:
            if at and (score := read_score(words[at - 1])) is not None:  # "5 бағалаймын"
                found.append((score, at - 1, at + 1))
    if len({score for score, _start, _end in found}) != 1:
        return None
    score, start, end = found[0]
    return score, " ".join([*words[:start], *words[end:]])


async def typed_score_target(session: AsyncSession, member: Member, now: datetime) -> int | None:
    """The request a typed score rates: the one done within TYPED_SCORE_WAIT with no rating
    yet; None when there is none, or more than one (which one would be a guess)."""
    assert member.id is not None
    found = await helpdesk_repo.unrated_done(session, member.id, now - TYPED_SCORE_WAIT, 2)
    return found[0] if len(found) == 1 else None


class RatingRefusedError(ValueError):
    """Not a score of 1-5, or the request is not (or no longer) done."""


async def ask(session: AsyncSession, member_id: int, request_id: int, now: datetime) -> None:
    """Queue the rating question (once per request, however often it is marked done)."""
    await outbox.enqueue(
        session,
        RatingAsk(),
        dedup_key=f"rate:{request_id}",
        member_id=member_id,
        request_id=request_id,
        now=now,
    )


async def _refresh(session: AsyncSession, rating: RequestRating, now: datetime) -> None:
    await outbox.enqueue(
        session,
        CardRefresh(),
        dedup_key=f"refresh:rating:{rating.request_id}:{now.timestamp()}",
        member_id=rating.member_id,
        request_id=rating.request_id,
        now=now,
    )


async def _tell_staff(session: AsyncSession, rating: RequestRating, now: datetime) -> None:
    """A low score (and then its comment) told to staff, once per score and per comment."""
    if rating.score > LOW:
        return
    await outbox.enqueue(
        session,
        LowRating(score=rating.score, comment=rating.comment),
        dedup_key=f"low:{rating.request_id}:{rating.score}:{now.timestamp()}"
        if rating.comment
        else f"low:{rating.request_id}:{rating.score}",
        member_id=rating.member_id,
        request_id=rating.request_id,
        now=now,
    )


async def rate(
    session: AsyncSession,
    member: Member,
    request_id: int,
    score: int,
    now: datetime,
    comment: str | None = None,
) -> RequestRating:
    """Store (or change) the member's score of their done request, and the comment said with
    it ("5, но долго ждала": `score_said`); the card is refreshed, and a low score is told to
    staff (with that comment, in one message)."""
    if score not in SCORES:
        raise RatingRefusedError(score)
    request = await requests_repo.get(session, request_id)
    if request is None or request.member_id != member.id:
        raise RequestNotFoundError(request_id)
    if request.status != RequestStatus.DONE:
        raise RatingRefusedError(request.status)
    assert member.id is not None
    rating = await helpdesk_repo.rating_of(session, request_id)
    if rating is None:
        rating = RequestRating(
            request_id=request_id, member_id=member.id, score=score, created_at=now, updated_at=now
        )
        try:
            async with session.begin_nested():
                session.add(rating)
                await session.flush()
        except IntegrityError:  # a double press raced: the other row stands, take its place
            rating = await helpdesk_repo.rating_of(session, request_id)
            if rating is None:
                raise
    rating.score, rating.updated_at = score, now
    if comment:
        await _set_comment(session, rating, comment)
    session.add(rating)
    await _refresh(session, rating, now)
    await _tell_staff(session, rating, now)
    await session.flush()
    return rating


async def set_prompt(session: AsyncSession, rating: RequestRating, message_id: int) -> None:
    """Remember the "write a comment" prompt: a reply to it is the comment."""
    rating.prompt_message_id = message_id
    session.add(rating)
    await session.flush()


async def awaiting_comment(
    session: AsyncSession, member: Member, now: datetime
) -> RequestRating | None:
    """The rating whose comment the member was asked for less than COMMENT_WAIT ago, if its
    comment has not come."""
    assert member.id is not None
    return await helpdesk_repo.rating_awaiting_comment(session, member.id, now - COMMENT_WAIT)


async def comment(
    session: AsyncSession, member: Member, prompt_message_id: int, text: str, now: datetime
) -> RequestRating | None:
    """The member's comment, written in reply to the prompt; None when that is no prompt."""
    assert member.id is not None
    rating = await helpdesk_repo.rating_by_prompt(session, member.id, prompt_message_id)
    if rating is None:
        return None
    await _set_comment(session, rating, text)
    rating.updated_at = now
    session.add(rating)
    await _refresh(session, rating, now)
    await _tell_staff(session, rating, now)
    await session.flush()
    return rating


async def _set_comment(session: AsyncSession, rating: RequestRating, text: str) -> None:
    """`text` as the rating's comment (cut at COMMENT_MAX). Free text on a done request: the
    retention sweep takes it even if it swept it before (the request's row first, then the
    rating's, in the order the sweep writes them)."""
    await privacy_repo.sweep_again(session, rating.request_id)
    rating.comment = text.strip()[:COMMENT_MAX]
