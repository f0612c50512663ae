"""Member journeys through the real bot process, its HTTP session and real JSON."""

from tgsandbox import DEFAULT_FORUM_CHAT_ID, OutgoingFile

OLENA, AIGERIM, BAUYRZHAN = 10001, 10002, 10003


async def test_phone_share_links_the_family_cards(sandbox):
    await sandbox.say(OLENA, "/start", "Вітаємо")
    await sandbox.press(OLENA, "📱 Підтвердити телефон", "Поділитися")
    answer = await sandbox.reply_after(
        OLENA, lambda: sandbox.state.send_contact(OLENA), "Знайдено 3"
    )
    assert "Коваленко Софія Андріївна" in answer["text"]
    await sandbox.stored(
        "select count(*) from card_links join members on members.id = card_links.member_id "
        "where members.telegram_id = 10001 and members.phone = '+380501112233'",
        [(3,)],
    )


async def test_someone_elses_contact_is_refused(sandbox):
    await sandbox.say(OLENA, "/start", "Вітаємо")
    await sandbox.press(OLENA, "📱 Підтвердити телефон", "Поділитися")
    await sandbox.reply_after(
        OLENA,
        lambda: sandbox.state.send_contact(OLENA, own=False, contact_user_id=10002),
        "не Ваш власний контакт",
    )
    await sandbox.stored("select phone from members where telegram_id = 10001", [(None,)])


async def test_activation_by_insured_id_and_birth_date(sandbox):
    await sandbox.say(BAUYRZHAN, "/start", "қош келдіңіз")
    await sandbox.press(BAUYRZHAN, "🪪 ID нөмірі арқылы белсендіру", "ID")
    await sandbox.say(BAUYRZHAN, "KZ-100301", "туған")
    await sandbox.say(BAUYRZHAN, "06.06.1982", "SIP-2026-0004")
    await sandbox.stored(
        "select via from card_links join members on members.id = card_links.member_id "
        "where members.telegram_id = 10003",
        [("activation",)],
    )


async def test_request_then_a_document_added_to_it(sandbox):
    await sandbox.callback_request_in_russian(AIGERIM, "+77010000101", "SPH-2026-0001")
    await sandbox.press(AIGERIM, "📋 Мои заявки", "страница 1")
    await sandbox.press(AIGERIM, "R-000001 · 📞 Обратный звонок · 🆕 новая", "История")
    await sandbox.press(AIGERIM, "✉️ Добавить сообщение или документы", "Отправить")
    await sandbox.reply_after(
        AIGERIM,
        lambda: sandbox.state.send_files(
            AIGERIM,
            "document",
            [OutgoingFile("receipt.pdf", b"%PDF-1.4 test", "application/pdf")],
            caption="Чек из аптеки <№5>",
        ),
        "1",
    )
    await sandbox.press(AIGERIM, "✅ Отправить", "добавлено")
    await sandbox.stored(
        "select r.kind, r.status, d.kind, d.file_name, d.mime_type, d.caption from requests r "
        "join request_documents d on d.request_id = r.id",
        [("callback", "new", "document", "receipt.pdf", "application/pdf", "Чек из аптеки <№5>")],
    )

    # staff get the file in the member's topic, tagged, with what she wrote under it
    def staff_copy() -> dict | None:
        files = [m for m in sandbox.state.history(DEFAULT_FORUM_CHAT_ID) if "document" in m]
        return files[-1] if files else None

    copy = await sandbox.state.wait_for(staff_copy, within=sandbox.within)
    assert "R-000001" in copy["caption"] and copy["caption"].endswith("\nЧек из аптеки <№5>")
