from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from bot.services import lifecycle, requests
from bot.services.documents import MAX_DOCUMENTS, Attachment, refusal
from bot.services.money import (
    CURRENCIES,
    CURRENCY_WORDS,
    amount_named,
    amounts_added,
    clean_iban,
    iban_in_text,
    parse_amount,
    read_amount,
)
from bot.services.notifications import Ticket
from storage.models import Request, RequestDocument, RequestKind, RequestStatus
from tests.factories import make_member, make_person, make_policy

NOW = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)
TODAY = date(2026, 11, 22)


async def _linked(session, **policy):
    from bot.services.cards import confirm_phone

    p = await make_policy(session, **policy)
    card = await make_person(session, p)
    member = await make_member(session)
    await confirm_phone(session, member, card.phone, NOW, NOW.date())
    return member, card


def _photo(n: int, group: str | None = None) -> Attachment:
    return Attachment(
        file_id=f"photo-{n}",
        file_unique_id=f"u{n}",
        kind="photo",
        file_size=100_000,
        media_group_id=group,
    )


async def test_submit_stores_request_first_event_and_documents(session):
    member, card = await _linked(session)
    pdf = Attachment("doc-1", "ud1", "document", "receipt.pdf", "application/pdf", 200_000)
    request = await requests.submit(
        session,
        member,
        RequestKind.REIMBURSEMENT,
        {"amount": "1234.50"},
        [_photo(1, "g"), _photo(2, "g"), pdf],
        NOW,
        TODAY,
    )
    assert request.number == f"R-{request.id:06d}"
    assert (request.card_id, request.status) == (card.id, RequestStatus.NEW)
    page = await requests.page_of(session, member, request.id)
    assert page.details == {"amount": "1234.50"}
    assert [(e.from_status, e.to_status) for e in page.events] == [(None, "new")]
    assert [d.file_id for d in page.documents] == ["photo-1", "photo-2", "doc-1"]
    assert page.documents[2].file_name == "receipt.pdf"
    assert page.can_cancel


@pytest.mark.parametrize(
    ("policy", "reason", "on"),
    [
        ({"coverage_start": date(2026, 12, 1)}, "request-card-waiting", date(2026, 12, 1)),
        ({"coverage_end": date(2026, 11, 21)}, "request-card-expired", date(2026, 11, 21)),
    ],
)
async def test_request_only_on_a_card_active_today(session, policy, reason, on):
    member, _ = await _linked(session, **policy)
    with pytest.raises(requests.RequestNotAllowedError) as caught:
        await requests.submit(session, member, RequestKind.CALLBACK, {}, [], NOW, TODAY)
    assert (caught.value.reason, caught.value.on) == (reason, on)


async def test_no_card_no_request(session):
    member = await make_member(session)
    with pytest.raises(requests.RequestNotAllowedError, match="request-no-card"):
        await requests.submit(session, member, RequestKind.CALLBACK, {}, [], NOW, TODAY)


async def test_cancel_only_while_new(session):
    member, _ = await _linked(session)
    request = await requests.submit(session, member, RequestKind.CALLBACK, {}, [], NOW, TODAY)
    await requests.change_status(
        session, request.id, RequestStatus.IN_PROGRESS, requests.ActorKind.STAFF, 5, NOW
    )
    with pytest.raises(lifecycle.TransitionError):
        await requests.cancel(session, member, request.id, NOW)
    other = await requests.submit(session, member, RequestKind.CALLBACK, {}, [], NOW, TODAY)
    await requests.cancel(session, member, other.id, NOW)
    assert other.status == RequestStatus.CANCELLED


async def test_answer_to_need_info_resumes_work_with_documents(session):
    member, _ = await _linked(session)
    request = await requests.submit(session, member, RequestKind.CALLBACK, {}, [], NOW, TODAY)
    for target in (RequestStatus.IN_PROGRESS, RequestStatus.NEED_INFO):
        await requests.change_status(
            session, request.id, target, requests.ActorKind.STAFF, 5, NOW, "which clinic?"
        )
    await requests.add_member_message(
        session, member, request.id, "City clinic 3", [_photo(9)], NOW
    )
    page = await requests.page_of(session, member, request.id)
    assert request.status == RequestStatus.IN_PROGRESS
    assert [(e.to_status, e.actor_kind, e.comment) for e in page.events][-2:] == [
        (None, "member", "City clinic 3"),
        ("in_progress", "member", None),
    ]
    doc = (await session.execute(select(RequestDocument))).scalar_one()
    assert doc.event_id == page.events[-2].id


async def test_other_members_request_is_not_found(session):
    member, _ = await _linked(session)
    request = await requests.submit(session, member, RequestKind.CALLBACK, {}, [], NOW, TODAY)
    stranger = await make_member(session, telegram_id=999)
    with pytest.raises(requests.RequestNotFoundError):
        await requests.page_of(session, stranger, request.id)
    with pytest.raises(requests.RequestNotFoundError):
        await requests.cancel(session, stranger, request.id, NOW)


async def test_list_is_paged_newest_first(session):
    member, _ = await _linked(session)
    made = []
    for minute in range(7):
        at = NOW.replace(minute=minute)
        made.append(await requests.submit(session, member, RequestKind.CALLBACK, {}, [], at, TODAY))
    first, pages = await requests.list_page(session, member, 0)
    second, _ = await requests.list_page(session, member, 1)
    assert pages == 2
    assert [r.id for r in first + second] == [r.id for r in reversed(made)]


def test_document_limits():
    twenty = [_photo(n) for n in range(MAX_DOCUMENTS)]
    assert refusal(_photo(99), twenty) == "docs-too-many"
    assert refusal(_photo(99), twenty[:-1]) is None
    big = Attachment("d", "u", "document", "scan.pdf", "application/pdf", 21 * 1024 * 1024)
    assert refusal(big, []) == "docs-too-big"
    exe = Attachment("d", "u", "document", "virus.exe", "application/x-msdownload", 10)
    assert refusal(exe, []) == "docs-bad-type"
    heic = Attachment("d", "u", "document", "IMG_1.HEIC", "image/heic", 10)
    assert refusal(heic, []) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,50", "1234.50"),
        ("1234.5", "1234.5"),
        ("1,234.50", "1234.50"),
        ("1.234,50", "1234.50"),
        ("350", "350"),
        ("abc", None),
        ("0", None),
        ("-5", None),
        ("0,001", None),
        ("1.5.5", None),
        # dots alone before three digits group the thousands: an amount has no third decimal
        ("12.500", "12500"),
        ("1.250.000", "1250000"),
        ("12.50", "12.50"),
        ("1.2345", None),
    ],
)
def test_amounts(text, expected):
    value = parse_amount(text)
    assert (str(value) if value is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("1 234,50", "1234.50", None),
        ("1 500 грн", "1500", "UAH"),
        ("1500грн.", "1500", "UAH"),
        ("₴ 250", "250", "UAH"),
        ("1 234,50 UAH", "1234.50", "UAH"),
        ("15 000 тг", "15000", "KZT"),
        ("12 000 ₸", "12000", "KZT"),
        ("15000 теңге", "15000", "KZT"),
        ("$120", "120", "USD"),
        ("120.50 usd", "120.50", "USD"),
        ("1,234.50$", "1234.50", "USD"),
        ("€ 80", "80", "EUR"),
        ("80 євро", "80", "EUR"),
        # in thousands, as people write it: "5 тыс" was "I could not read that as an amount"
        ("5 тыс", "5000", None),
        ("5к", "5000", None),
        ("1,5 тыс.", "1500", None),
        ("3 тис. грн", "3000", "UAH"),
        ("15к ₸", "15000", "KZT"),
        ("5 мың теңге", "5000", "KZT"),
        ("3 тысячи гривен", "3000", "UAH"),
        ("$2k", "2000", "USD"),
        # its cents said, or "about" so much: "I could not read that as an amount"
        ("1500 грн 50 коп", "1500.50", "UAH"),
        ("2000 тг 5 тиын", "2000.05", "KZT"),
        ("$12 30 cents", "12.30", "USD"),
        ("около 2000", "2000", None),
        ("приблизно 500 грн", "500", "UAH"),
        # or what it is: "всего", "сумма:", "я заплатил"
        ("всего 1800", "1800", None),
        ("сумма: 1500 грн", "1500", "UAH"),
        ("я заплатил 2000 тг", "2000", "KZT"),
        ("total 100 USD", "100", "USD"),
        # in words, as said or dictated, with digits too
        ("полторы тысячи", "1500", None),
        ("тысяча двести", "1200", None),
        ("п'ять тисяч гривень", "5000", "UAH"),
        ("півтисячі", "500", None),
        ("екі мың бес жүз теңге", "2500", "KZT"),
        ("two hundred and fifty USD", "250", "USD"),
        ("$ пятьсот", "500", "USD"),
        ("две тысячи 500", "2500", None),
        ("2 тысячи 500", "2500", None),  # (read as 2 500 thousands before)
        ("5 тысяч 200 грн", "5200", "UAH"),
        ("1 500 тысяч", "1500000", None),
    ],
)
def test_an_amount_with_its_currency_before_or_after_it(text, amount, currency):
    read = read_amount(text)
    assert read is not None
    assert (str(read[0]), read[1]) == (amount, currency)


@pytest.mark.parametrize(
    "text",
    ["1 500 руб", "100 грн грн", "грн 100 UAH", "100 $ 5", "грн", "0 грн", "abc", "-5 €", "5 кг",
     "тыс", "5 тыс руб", "0 тыс", "1500 грн 150 коп", "12,50 грн 30 коп", "около",
     "сто рублей", "один анализ", "a", "к", "пол", "полис"],
)  # fmt: skip
def test_no_amount_or_a_currency_not_reimbursed(text):
    assert read_amount(text) is None


@pytest.mark.parametrize(
    ("text", "added"),
    [
        ("1500 + 300", ("1800", None)),
        ("1500 грн и 300 грн", ("1800", "UAH")),
        ("500 плюс 250,50", ("750.50", None)),
        ("1000 and $20", ("1020", "USD")),
        # not amounts added: one amount, currencies that differ, words between
        ("1500", None),
        ("1500 грн + 20 USD", None),
        ("5000 за прием и 2000 за анализы", None),
    ],
)
def test_amounts_added_in_one_answer(text, added):
    read = amounts_added(text)
    assert (None if read is None else (str(read[0]), read[1])) == added


@pytest.mark.parametrize(
    ("text", "amount", "currency", "rest"),
    [
        ("хочу вернуть деньги за анализы, 15 000 тг вчера", "15000", "KZT",
         "хочу вернуть деньги за анализы вчера"),
        ("I paid $120 yesterday", "120", "USD", "I paid yesterday"),
        ("1500грн за ліки", "1500", "UAH", "за ліки"),
        ("верните 1 234,50 грн.", "1234.50", "UAH", "верните"),
        ("2 аналізи по 500 грн", "500", "UAH", "2 аналізи по"),
        ("MRI 40 000 tenge on 3 December", "40000", "KZT", "MRI on 3 December"),
    ],
)  # fmt: skip
def test_an_amount_named_in_a_sentence_with_its_currency(text, amount, currency, rest):
    named = amount_named(text)
    assert named is not None
    assert (str(named.amount), named.currency, named.rest) == (amount, currency, rest)


@pytest.mark.parametrize("text", ["за 2 анализа", "refund of 1500", "12.11 500", "1 500 руб"])
def test_no_amount_named_without_its_currency(text):
    assert amount_named(text) is None


def test_every_currency_word_names_a_currency_offered():
    assert set(CURRENCY_WORDS.values()) == set(CURRENCIES)
    assert all(word == word.casefold() for word in CURRENCY_WORDS)


def test_iban_ua_and_kz_only():
    assert clean_iban("UA21 3223 1300 0002 6007 2335 6600 1") == "UA213223130000026007233566001"
    assert clean_iban("kz86125kzt5004100100") == "KZ86125KZT5004100100"
    assert clean_iban("UA213223130000026007233566002") is None  # checksum
    assert clean_iban("DE89370400440532013000") is None  # valid, but not UA/KZ
    assert clean_iban("hello") is None


async def test_claim_token_fits_its_column_whatever_the_host_name(session):
    from bot.services import outbox

    member, _ = await _linked(session)
    await requests.submit(session, member, RequestKind.CALLBACK, {}, [], NOW, TODAY)
    worker = "a-very-long-kubernetes-pod-host-name-" * 4 + ":12345"
    [claimed] = await outbox.claim(session, worker, NOW)
    from storage.models import Notification

    row = await session.get(Notification, claimed)
    assert len(row.claimed_by) <= 64
    assert row.claimed_by.startswith(outbox.claim_prefix(worker))


async def test_claim_takes_exactly_the_limit(session):
    """A claim of 30 out of 50 takes 30 (PostgreSQL once took all 50: its planner rescanned
    the limited subquery while the claim was changing the rows it selects on)."""
    from bot.services import outbox

    for n in range(50):
        await outbox.enqueue(session, Ticket(ticket_id=n + 1), dedup_key=f"k{n}", now=NOW)
    first = await outbox.claim(session, "a", NOW, 30)
    second = await outbox.claim(session, "b", NOW, 30)
    assert len(first) == 30
    assert len(second) == 20
    assert not set(first) & set(second)


async def test_the_same_draft_sent_twice_is_one_request(session):
    member, _ = await _linked(session)
    details = {"phone": "+380501112233", "time_window": "any", "topic": "Limits"}
    first = await requests.submit(
        session, member, RequestKind.CALLBACK, details, [], NOW, TODAY, token="draft-1"
    )
    await session.commit()
    again = await requests.submit(
        session, member, RequestKind.CALLBACK, details, [], NOW, TODAY, token="draft-1"
    )
    other = await requests.submit(
        session, member, RequestKind.CALLBACK, details, [], NOW, TODAY, token="draft-2"
    )
    assert again.id == first.id
    assert other.id != first.id


async def test_a_deleted_requests_number_is_never_given_again(session):
    member, _ = await _linked(session)
    details = {"topic": "Limits"}
    first = await requests.submit(session, member, RequestKind.CALLBACK, details, [], NOW, TODAY)
    await session.commit()
    await session.delete(first)
    await session.commit()
    second = await requests.submit(session, member, RequestKind.CALLBACK, details, [], NOW, TODAY)
    assert second.number != first.number


async def test_the_last_iban_is_the_newest_claim_s_still_kept(session):
    """The account offered on a claim: the newest earlier claim's IBAN; one anonymised by
    retention (its IBAN gone) is passed over, and other kinds of request never count."""
    from bot.services.privacy.fields import anonymous_details
    from bot.services.reimbursement import last_iban

    member, _card = await _linked(session)
    assert await last_iban(session, member) is None

    def claim(iban: str) -> dict:
        return {"service_date": "2026-11-20", "amount": "10.00", "currency": "UAH", "iban": iban}

    older = "UA213223130000026007233566001"
    newer = "KZ86125KZT5004100100"
    for details in (claim(older), claim(newer)):
        await requests.submit(
            session, member, RequestKind.REIMBURSEMENT, details, [_photo(1)], NOW, TODAY
        )
    await requests.submit(
        session, member, RequestKind.CALLBACK,
        {"phone": "+380501112233", "time_window": "any", "topic": "x"}, [], NOW, TODAY,
    )  # fmt: skip
    assert await last_iban(session, member) == newer
    claims = (
        await session.execute(select(Request).where(Request.kind == "reimbursement"))
    ).scalars()
    newest = max(claims, key=lambda r: r.id)
    newest.details = anonymous_details(newest.details)  # retention took the newer claim's
    await session.flush()
    assert await last_iban(session, member) == older


@pytest.mark.parametrize(
    "text",
    [
        "IBAN: UA213223130000026007233566001",
        "IBAN:UA213223130000026007233566001",
        "мой счёт UA21 3223 1300 0002 6007 2335 6600 1 в Приватбанке",
        "ua213223130000026007233566001.",
    ],
)
def test_an_iban_in_a_sentence_is_found(text):
    """ "IBAN: UA21…" and "мой счёт UA21… в Приватбанке" were "That is not a valid IBAN"."""
    assert iban_in_text(text) == "UA213223130000026007233566001"


@pytest.mark.parametrize(
    "text", ["UA213223130000026007233566003", "4149 4393 1234 5678", "на карту", "UA21", ""]
)
def test_no_iban_in_a_sentence(text):
    assert iban_in_text(text) is None
