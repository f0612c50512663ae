"""A message about a request already made: cancelling it, adding to it, asking where it is or
moving it."""

from __future__ import annotations

from enum import StrEnum

from bot.services.forms.text import _words, plain_phrase

# a message about a request already made: to cancel or move it, or to know where it is
# ("отмените запись к стоматологу", "перенесите запись на пятницу", "статус заявки", "cancel my
# appointment", "өтінішті болдырмаңыз"), as a word begins; not a new request
_ABOUT_MADE_CHANGE = ("перенесит", "перенести", "перенесіть", "перенос", "reschedul", "postpon")
# (not "перенесла операцию": underwent an operation)
_ABOUT_STATUS = ("статус", "status", "мәртебе")
# changed ("поменять дату записи", "змінити час", "change my appointment") or asked after
# ("где моя заявка", "where is my request"): with a word for the request, its day or its time
_ABOUT_VERBS = ("помен", "измен", "змін", "change", "өзгерт")
_ABOUT_WHERE = frozenset({"где", "де", "where", "қайда"})
# when the member will be called or answered ("когда мне перезвонят?", "коли буде відповідь",
# "when will you call me?", "қашан хабарласасыздар"), not when they can do something
_ABOUT_WHEN = frozenset({"когда", "коли", "when", "қашан"})
_ANSWERED = ("перезвон", "позвон", "передзвон", "зателефон", "call", "қоңырау", "хабарлас",
             "ответ", "відповід", "answer", "reply", "жауап")  # fmt: skip
_CAN = ("можно", "можна", "могу", "можу", "can", "could", "бола")
_MY = frozenset({"мой", "моя", "мою", "моё", "мое", "мои", "моей", "моего", "моим", "мій", "мої",
                 "моє", "моєю", "моєї", "мого", "моїм", "my", "менің"})  # fmt: skip
# what became of it ("что с моей заявкой?", "що з моїм запитом?", "what happened to my claim?")
_ABOUT_WHAT = frozenset({"что", "що", "what", "whats"})
_BECAME = frozenset({"с", "со", "з", "із", "with", "to", "about", "там", "случилось",
                     "сталося", "happened", "happening"})  # fmt: skip
_ABOUT_NOUNS = ("заявк", "запрос", "запит", "дат", "date", "appointment", "booking", "request",
                "өтініш", "claim", "refund", "возмещени", "відшкодуван", "заявлени",
                "компенсаци", "компенсаці", "өтемақы")  # fmt: skip
# (the words, not their beginnings: "записаться" asks for one)
_ABOUT_NOUN_WORDS = frozenset({"запись", "записи", "записью", "запис", "время", "час", "time"})


# the words of cancelling, as a word begins ("отмените", "скасуйте", "cancel", "болдырмаңыз");
# not what was cancelled ("мне отменили лекарство": a new one may be asked for)
_CANCELLING = ("отмен", "скасу", "скасов", "cancel", "болдырм")
_CANCELLED = ("отменил", "отменен", "отменён", "скасувал", "скасован", "cancelled", "canceled")


def _cancels(word: str) -> bool:
    return word.startswith(_CANCELLING) and not word.startswith(_CANCELLED)


# the most words of a message that only asks to cancel ("отмените, пожалуйста"); a longer one
# says more, for support to read
CANCEL_WORDS = 5


# a request deleted or withdrawn, named with it ("удалить заявку", "відкликати запит", "withdraw
# my request"): its cancelling; the words alone change lists and addresses elsewhere
_DELETING = ("удал", "видал", "delete", "remove", "отозв", "відклик", "withdraw", "өшір")
# the request no longer needed, said whole ("уже не актуально", "no longer needed")
NOT_NEEDED = frozenset(
    {"уже не нужно", "уже не надо", "больше не нужно", "больше не надо", "уже не актуально",
     "не актуально", "неактуально", "уже неактуально", "вже не потрібно", "вже не треба",
     "більше не потрібно", "вже не актуально", "не актуально вже", "неактуально вже",
     "no longer needed", "not needed anymore", "not needed any more", "no longer relevant",
     "енді керек емес", "қажет емес енді"}
)  # fmt: skip


def asks_cancelling(typed: str) -> bool:
    """Whether a short message asks to cancel and says nothing else ("отмените заявку",
    "хочу скасувати", "cancel it please", "удалить заявку", "уже не актуально")."""
    words = _words(typed)
    if not 0 < len(words) <= CANCEL_WORDS:
        return False
    if any(_cancels(word) for word in words) or plain_phrase(typed) in NOT_NEEDED:
        return True
    return any(w.startswith(_DELETING) for w in words) and any(
        w.startswith(_ABOUT_NOUNS) for w in words
    )


# something to be added to a request asked for in words ("добавить документ", "прикрепить
# фото", "add a photo"): its "Add a message or documents"
_ADDING = ("добав", "прикреп", "прилож", "дода", "прикріп", "add", "attach", "қос", "тірке")
_ADDED = ("документ", "фото", "файл", "чек", "скан", "сообщени", "повідомлен", "справк",
          "довідк", "photo", "file", "document", "message", "receipt", "scan", "құжат", "сурет",
          "хабар")  # fmt: skip


def asks_adding(typed: str) -> bool:
    """Whether a short message asks to add a document or a message ("добавить документ",
    "хочу прикрепить фото", "add a file")."""
    words = _words(typed)
    return (
        0 < len(words) <= CANCEL_WORDS
        and any(w.startswith(_ADDING) for w in words)
        and any(w.startswith(_ADDED) for w in words)
    )


class MadeAsked(StrEnum):
    """What a message about a request already made asks (`made_request_asked`)."""

    CHANGE = "change"  # to move or change it: support does
    CANCEL = "cancel"
    STATUS = "status"  # where it is, when the member is called


def made_request_asked(typed: str) -> MadeAsked | None:
    """What a message about a request already made asks: to move or change it, to cancel it, or
    where it is; None for any other message ("хочу отменить запись к стоматологу": to cancel,
    not a new appointment)."""
    words = _words(typed)
    nouns = any(word.startswith(_ABOUT_NOUNS) or word in _ABOUT_NOUN_WORDS for word in words)
    if any(word.startswith(_ABOUT_MADE_CHANGE) for word in words) or (
        nouns and any(word.startswith(_ABOUT_VERBS) for word in words)
    ):
        return MadeAsked.CHANGE
    if any(_cancels(word) for word in words):
        return MadeAsked.CANCEL
    answered = (  # "когда мне перезвонят?"
        _ABOUT_WHEN.intersection(words)
        and not any(word.startswith(_CAN) for word in words)
        and any(word.startswith(_ANSWERED) for word in words)
    )
    where = nouns and _ABOUT_WHERE.intersection(words) and _MY.intersection(words)
    became = _ABOUT_WHAT.intersection(words) and _BECAME.intersection(words)
    where = where or (nouns and became and _MY.intersection(words))
    if answered or where or any(word.startswith(_ABOUT_STATUS) for word in words):
        return MadeAsked.STATUS
    return None


def about_made_request(typed: str) -> bool:
    """Whether a message is about a request already made (`made_request_asked`), not one
    asking for a new request."""
    return made_request_asked(typed) is not None
