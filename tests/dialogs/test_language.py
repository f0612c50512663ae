from sqlalchemy import select

from storage.models import Member
from tests.dialogs.harness import MemberClient


async def test_greets_in_the_telegram_language(build_dp, messages):
    for code, greeting in [
        ("ru", "Добро пожаловать"),
        ("uk", "Вітаємо в сервісі"),
        ("kk", "қош келдіңіз"),
        ("de", "Welcome"),
    ]:
        client = MemberClient(build_dp(), messages, user_id=hash(code) % 10_000, language_code=code)
        await client.send("/start")
        assert greeting in client.text(), code


async def test_language_command_switches_and_is_stored(member, session_factory):
    await member.send("/start")
    assert "Welcome" in member.text()
    await member.send("/language")
    assert "Choose your language" in member.text()
    assert "✅ 🇬🇧 English" in member.buttons()
    await member.click("🇺🇦 Українська")
    assert "Вітаємо в сервісі" in member.text()
    assert "📱 Підтвердити телефон" in member.buttons()
    async with session_factory() as session:
        assert (await session.execute(select(Member.language))).scalar_one() == "uk"


async def test_language_switch_mid_form_returns_to_the_form(member):
    await member.send("/start")
    await member.click("🪪 Activate by insured ID")
    await member.send("KZ-100001")
    await member.send("/language")
    await member.click("🇷🇺 Русский")
    assert "дату рождения" in member.text()  # the birth-date step, now in Russian


async def test_a_language_typed_rather_than_picked_is_taken(member, session_factory):
    """ "на русском", "eng", "қазақша" were "I did not expect that here"; each is now the
    language it names."""
    await member.send("/start")
    await member.send("/language")
    await member.send("на русском")
    assert "Добро пожаловать" in member.text()
    async with session_factory() as session:
        assert (await session.execute(select(Member.language))).scalar_one() == "ru"
    await member.send("/language")
    await member.send("Қазақша")
    assert "қош келдіңіз" in member.text()
    await member.send("/language")
    await member.send("eng")
    assert "Welcome" in member.text()
    await member.send("/language")
    await member.send("klingon")
    assert "I did not expect that here" in member.text()


async def test_a_language_turned_down_is_said_back_not_switched_to(member, session_factory):
    """ "не русский" on the language step switched to Russian, the one language the member
    had ruled out: its words name it. It is said back (without the ✅ the button of the
    language spoken now carries), and the step asked again."""
    await member.send("/start")
    await member.send("/language")
    await member.send("не русский")
    assert "👌 Not 🇷🇺 Русский, then. Which one is it?" in member.text()
    await member.send("not English")
    assert "👌 Not 🇬🇧 English, then." in member.text()
    assert "Choose your language" in member.text()  # the same step
    async with session_factory() as session:
        assert (await session.execute(select(Member.language))).scalar_one() == "en"
