"""What members say on the menu that is no request and no question: a greeting and an "ok"
are answered, not offered to support under "Messages are not taken on this screen"; a life or
health in danger is answered at once with the ambulance's numbers and the insurer's 24/7 line."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import TranslatorHub
from storage.models import Notification
from tests.dialogs.requests_helpers import member_with_active_card

EN = TranslatorHub().get("en")

AMBULANCE = "call an ambulance now: 103 or 112"
HOTLINE = "The insurer's 24/7 dispatcher line: +7 727 765 43 21"


async def _queued(session_factory) -> list[Notification]:
    async with session_factory() as session:
        return list((await session.execute(select(Notification))).scalars())


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("Здравствуйте!", "How can I help?"),
        ("Добрий день", "How can I help?"),
        ("сәлеметсіз бе", "How can I help?"),
        ("ок", "If you need anything else"),
        ("👍", "If you need anything else"),
        ("Понятно", "If you need anything else"),
        ("хорошо, спасибо", "You are welcome!"),
        # a goodbye (it was "I could not tell what to do with this"), alone or after thanks
        ("до свидания", "Goodbye! If you need anything else"),
        ("ок, бувайте", "Goodbye! If you need anything else"),
        ("сау болыңыз", "Goodbye! If you need anything else"),
        ("спасибо, до свидания", "You are welcome!"),
        ("thanks, bye", "You are welcome!"),
    ],
)
async def test_a_greeting_or_an_ok_is_answered_and_kept_for_no_one(
    member, session_factory, typed, answer
):
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert answer in member.text(), typed
    assert "I could not tell what to do with this" not in member.text()
    assert "✉️ Send it to support" not in member.buttons()


@pytest.mark.parametrize(
    "typed",
    [
        "мне плохо, нужна скорая",
        "мені погано",
        "Emergency!",
        "жедел жәрдем керек",
        "сильная боль в груди",  # (a complaint, which would offer a visit: the ambulance first)
        "chest pain since morning",
    ],
)
async def test_a_life_in_danger_is_told_the_ambulance_and_the_24_7_line_at_once(
    member, session_factory, typed
):
    """ "мне плохо, нужна скорая" was "⚠️ Messages are not taken on this screen"."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert AMBULANCE in member.text(), typed
    assert HOTLINE in member.text()
    assert "I could not tell what to do with this" not in member.text()
    assert not any(b.startswith("📝 New request:") for b in member.buttons()), typed
    await member.click("✉️ Send it to support")  # and support hears of it, with one press
    assert [n.payload["text"] for n in await _queued(session_factory)] == [typed]
    assert AMBULANCE in member.text()  # (support may be away: not an answer to wait for)


async def test_a_life_in_danger_written_to_support_is_told_the_ambulance_too(
    member, session_factory
):
    await member_with_active_card(member, session_factory)
    await member.click("☎️ Support")
    await member.click("✉️ Write to support")
    await member.send("Сыну плохо, задыхается, что делать?")
    assert "Sent to support" in member.text()
    assert AMBULANCE in member.text()
    assert "Do not wait for an answer here" in member.text()
    await member.send("У него полис SIP-2026-0001")
    assert AMBULANCE not in member.text()  # (said once, for the message that named it)
    assert len(await _queued(session_factory)) == 2


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("Добрый день! Перезвоните мне", "📝 New request: 📞 Call-back"),
        ("Hello, please call me back", "📝 New request: 📞 Call-back"),
        ("Сәлеметсіз бе, стоматологқа жазыңыз", "📝 New request: 🩺 Doctor appointment · Dentist"),
        ("Добрый вечер. Верните деньги за анализы", "📝 New request: 💵 Reimbursement"),
        ("вот, верните деньги", "📝 New request: 💵 Reimbursement"),
    ],
)
async def test_a_request_opened_with_a_greeting_is_offered(
    member, session_factory, typed: str, offered: str
):
    """ "Добрый день! Перезвоните мне" was "Messages are not taken on this screen": a request
    is read where the message begins, and a greeting began it."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert offered in member.buttons()
    assert "I could not tell what to do with this myself" not in member.text()


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("ертең кардиологқа жазыңыз", "📝 New request: 🩺 Doctor appointment · Cardiologist"),
        ("сәрсенбіде дәрі жеткізіңіз", "📝 New request: 💊 Medicines"),
    ],
)
async def test_a_kazakh_request_with_a_day_before_it_is_offered(
    member, session_factory, typed: str, offered: str
):
    """ "ертең кардиологқа жазыңыз" (book me to a cardiologist tomorrow) was "not taken on this
    screen": Kazakh puts the polite verb last and what it asks for just before it, and a day
    may come first."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert offered in member.buttons()


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        (
            "дәрі керек: парацетамол, мекенжай: Алматы, Абай 10",
            "📝 New request: 💊 Medicines",
        ),
        (
            "маған дәрігерге жазылу керек, ертең түстен кейін",
            "📝 New request: 🩺 Doctor appointment",
        ),
    ],
)
async def test_a_kazakh_sentence_naming_medicines_or_a_doctor_is_offered_the_one_it_names(
    member, session_factory, typed: str, offered: str
):
    """In a sentence "дәрі" (medicines) was read as the start of "дәрігер" (a doctor) too, and
    the two requests named neither: "not taken on this screen". The word is the one it is
    nearest to."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert offered in member.buttons()
    assert not any(b.startswith("📝 New request: ") and b != offered for b in member.buttons())


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("запишите к терпевту", "📝 New request: 🩺 Doctor appointment · Therapist (GP)"),
        ("нужны лекарсва", "📝 New request: 💊 Medicines"),
        ("к гиниколагу", "📝 New request: 🩺 Doctor appointment · Gynecologist"),
    ],
)
async def test_a_request_typed_with_a_slip_is_offered(
    member, session_factory, typed: str, offered: str
):
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert offered in member.buttons()


@pytest.mark.parametrize(
    "typed", ["какой у меня лимит?", "сколько стоит прием", "what does my plan cover"]
)
async def test_a_question_is_offered_to_support_as_one(member, session_factory, typed: str):
    """A question on the menu was told "⚠️ Messages are not taken on this screen": the bot
    says support answers it, and offers to send it."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert "❓ I cannot answer that myself; support can. Send this to support?" in member.text()
    assert "I could not tell what to do with this myself" not in member.text()
    assert "✉️ Send it to support" in member.buttons()


@pytest.mark.parametrize(
    ("typed", "matter"),
    [
        ("хочу пожаловаться на клинику", "feedback"),
        ("скарга на лікаря, він запізнився на годину", "feedback"),
        ("ваш бот не работает", "feedback"),
        ("I want to leave feedback about the clinic", "feedback"),
        ("я вышла замуж и сменила фамилию", "data"),
        ("у мене новий паспорт", "data"),
        ("my surname changed", "data"),
        ("тегімді ауыстырдым", "data"),
    ],
)
async def test_a_complaint_or_a_changed_surname_is_offered_to_support_as_one(
    member, session_factory, typed: str, matter: str
):
    """A complaint ("хочу пожаловаться на клинику") or a surname changed was told "I could not
    tell what to do with this myself", as if the bot had not read it: it is told that support
    takes complaints and feedback, or changes the insurer's records (a document may be asked
    for), and the message is offered to support as before."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert EN(f"input-{matter}-offer") in member.text()
    assert "I could not tell what to do with this myself" not in member.text()
    await member.click("✉️ Send it to support")
    assert [n.payload["text"] for n in await _queued(session_factory)] == [typed]


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("как записаться к врачу?", "📝 New request: 🩺 Doctor appointment"),
        ("як повернути гроші?", "📝 New request: 💵 Reimbursement"),
        ("how do I get a refund?", "📝 New request: 💵 Reimbursement"),
        ("как заказать лекарства?", "📝 New request: 💊 Medicines"),
        ("how can I book a dentist?", "📝 New request: 🩺 Doctor appointment · Dentist"),
        # in Kazakh, "қалай" (how) anywhere and "болады" (can be) last
        ("қалай дәрігерге жазылуға болады?", "📝 New request: 🩺 Doctor appointment"),
        ("ақшаны қалай қайтаруға болады?", "📝 New request: 💵 Reimbursement"),
        ("өтемақыны қалай аламын?", "📝 New request: 💵 Reimbursement"),
        ("лимит қалай болады?", None),
        # how long, how much: about one made, or for support
        ("как долго ждать возмещения?", None),
        ("как добавить ребенка?", None),
        # asked with no "?" (they were "I cannot answer that myself; support can")
        ("как получить возмещение", "📝 New request: 💵 Reimbursement"),
        ("як отримати відшкодування", "📝 New request: 💵 Reimbursement"),
        ("how to claim money back", "📝 New request: 💵 Reimbursement"),
        ("как заказать лекарства", "📝 New request: 💊 Medicines"),
        ("как заказать звонок", "📝 New request: 📞 Call-back"),
        ("как долго ждать возмещения", None),
        ("как добавить ребенка", None),
    ],
)
async def test_asked_how_a_request_is_made_it_is_offered(
    member, session_factory, typed: str, offered: str | None
):
    """ "как записаться к врачу?" was "I cannot answer that myself; support can", though
    the way is the request here: asked how one is made, it is offered."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    if offered is None:
        assert not any(b.startswith("📝 New request:") for b in member.buttons()), typed
    else:
        assert offered in member.buttons(), typed


@pytest.mark.parametrize(
    ("said", "offered"),
    [
        ("У меня есть направление на анализы, что делать?", "🧪 Lab tests"),
        ("I have a prescription, what should I do?", "💊 Medicines"),
        ("Маю направлення на УЗД, куди звертатися?", "🩺 Doctor appointment · УЗД"),
        ("у меня есть направление на анализы", "🧪 Lab tests"),
        ("запишите меня на прием", "🩺 Doctor appointment"),
        ("запишіть мене на прийом до лікаря", "🩺 Doctor appointment"),
        # medicines named by their form or by the one asked for: not a visit for the complaint
        ("болит горло, нужны таблетки", "💊 Medicines"),
        ("потрібні пігулки", "💊 Medicines"),
        ("I need pills for my allergy", "💊 Medicines"),
        ("заказать инсулин", "💊 Medicines"),
        # a medicine named by its name ("I could not tell what to do with this myself")
        ("нужен нурофен и но-шпа", "💊 Medicines"),
        ("купите парацетамол", "💊 Medicines"),
        ("потрібен ібупрофен", "💊 Medicines"),
        ("need paracetamol", "💊 Medicines"),
        # a medicine taken, with how the member feels, and none asked for: the doctor
        ("аспирин не помогает, болит голова", "🩺 Doctor appointment"),
        ("после нурофена болит живот", "🩺 Doctor appointment"),
        # asked in the last clause, after what is told
        ("оплатили лечение, верните деньги", "💵 Reimbursement"),
    ],
)
async def test_a_document_had_or_a_visit_or_pills_asked_for_offers_its_request(
    member, session_factory, said, offered
):
    """A referral or a prescription the member has ("…, что делать?") was a question for
    support, and "запишите меня на прием" named no request: the request a document is for is
    the way to use it, and "на прием" names the doctor's visit."""
    await member_with_active_card(member, session_factory)
    await member.send(said)
    assert [b for b in member.buttons() if b.startswith("📝 New request:")] == [
        f"📝 New request: {offered}"
    ], said


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("my card doesn't work at the clinic", None),
        ("my card", None),
        ("to the cardio tomorrow", "📝 New request: 🩺 Doctor appointment · Cardiologist"),
        ("к кардио на завтра", "📝 New request: 🩺 Doctor appointment · Cardiologist"),
    ],
)
async def test_the_insurance_card_named_is_not_the_cardiologist(
    member, session_factory, typed: str, offered: str | None
):
    """ "my card doesn't work at the clinic" offered "Doctor appointment · Cardiologist":
    "card" begins "cardiologist", and a word of four letters that begins a label's word named
    it. The card's word names no doctor; "cardio" still does."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    appointments = [b for b in member.buttons() if b.startswith("📝 New request: 🩺")]
    assert appointments == ([offered] if offered else []), typed


@pytest.mark.parametrize("typed", ["треба повернути за аналізи", "нужно вернуть за лекарства"])
async def test_given_back_for_something_the_money_unsaid_is_the_refund(
    member, session_factory, typed: str
):
    """ "треба повернути за аналізи" offered "Lab tests", and "нужно вернуть за лекарства"
    "Medicines": what is given back for something is its money, the word for money left
    unsaid, as "повернути гроші за аналізи" is the refund."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert [b for b in member.buttons() if b.startswith("📝 New request:")] == [
        "📝 New request: 💵 Reimbursement"
    ]
