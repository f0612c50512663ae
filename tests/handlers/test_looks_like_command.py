"""`LooksLikeCommand`, the command routers' own filter, never refuses what a command takes."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from aiogram.types import Chat, Message
from hypothesis import given
from hypothesis import strategies as st

from bot.filters.commands import LooksLikeCommand, command, command_start

COMMANDS = [command_start(), command("menu"), command("help"), command("mydata"), command("id")]
WORDS = st.sampled_from(
    ["/start", "/menu", "/Menu", "/START", "/mydata@insurance_bot", "/id", "start", "/", "@x"]
)
SPACES = st.sampled_from(["", " ", "\n", "\t", "\u2003", "\xa0"])


class _Bot:
    async def me(self) -> Any:
        return SimpleNamespace(username="insurance_bot")


def _message(text: str | None, caption: str | None) -> Message:
    return Message(
        message_id=1,
        date=datetime(2026, 11, 22, tzinfo=UTC),
        chat=Chat(id=1, type="private"),
        text=text,
        caption=caption,
    )


texts = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.builds(lambda a, b, c: f"{a}{b} {c}", SPACES, WORDS, st.text(max_size=6)),
)


@given(text=texts, caption=texts)
async def test_a_message_a_command_takes_looks_like_a_command(
    text: str | None, caption: str | None
) -> None:
    message = _message(text, caption)
    taken = [bool(await c(message, _Bot())) for c in COMMANDS]  # type: ignore[arg-type]
    if any(taken):
        assert await LooksLikeCommand()(message)


async def test_a_typed_answer_does_not_look_like_a_command() -> None:
    for text in ("25.12.2026", "Complete blood count", "  hello /start", ""):
        assert not await LooksLikeCommand()(_message(text, None))
    assert await LooksLikeCommand()(_message(" /start payload", None))
    assert await LooksLikeCommand()(_message(None, "/help"))


async def test_a_command_is_taken_in_any_case() -> None:
    """A phone's keyboard makes the first letter a capital: "/Menu" was no command at all."""
    for text in ("/Menu", "/MENU", "/menu"):
        assert await command("menu")(_message(text, None), _Bot())  # type: ignore[arg-type]
    assert await command_start()(_message("/Start r_000042", None), _Bot())  # type: ignore[arg-type]
    assert not await command("menu")(_message("/menus", None), _Bot())  # type: ignore[arg-type]
