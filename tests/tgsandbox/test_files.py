"""Files: user uploads fetched with getFile, bot uploads, file_id re-use, albums."""

from __future__ import annotations

import base64

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile, InputMediaDocument, InputMediaPhoto

from tests.tgsandbox.conftest import MEMBER, Control
from tgsandbox import EmulatorState
from tgsandbox.files import placeholder_png

PDF = b"%PDF-1.4\n" + b"x" * 2000


async def test_user_document_can_be_downloaded(bot: Bot, control: Control) -> None:
    body = {"files": [{"name": "receipt.pdf", "data_base64": base64.b64encode(PDF).decode()}]}
    [message] = await control.call("POST", f"/chats/{MEMBER}/document", body)
    document = message["document"]
    file = await bot.get_file(document["file_id"])
    assert file.file_path and file.file_path.endswith(".pdf")
    assert file.file_size == len(PDF)
    downloaded = await bot.download_file(file.file_path)
    assert downloaded is not None
    assert downloaded.read() == PDF


async def test_user_upload_through_multipart(bot: Bot, base_url: str) -> None:
    import aiohttp

    form = aiohttp.FormData()
    form.add_field("caption", "two scans")
    form.add_field("files", placeholder_png(5), filename="a.png", content_type="image/png")
    form.add_field("files", placeholder_png(6), filename="b.png", content_type="image/png")
    url = f"{base_url}/sandbox/api/chats/{MEMBER}/photo"
    async with aiohttp.ClientSession() as http, http.post(url, data=form) as resp:
        messages = (await resp.json())["result"]
    assert len(messages) == 2
    assert messages[0]["media_group_id"] == messages[1]["media_group_id"]
    assert messages[0]["caption"] == "two scans"
    downloaded = await bot.download(messages[1]["photo"][-1]["file_id"])
    assert downloaded is not None
    assert downloaded.read() == placeholder_png(6)


async def test_bot_upload_and_file_id_reuse(bot: Bot, state: EmulatorState) -> None:
    photo = await bot.send_photo(
        MEMBER,
        BufferedInputFile(placeholder_png(7), "scan.png"),
        caption="<i>scan</i>",
        parse_mode="HTML",
    )
    assert photo.photo and photo.caption == "scan" and photo.caption_entities
    again = await bot.send_photo(state.forum.id, photo.photo[-1].file_id)
    assert again.photo and again.photo[-1].file_unique_id == photo.photo[-1].file_unique_id

    document = await bot.send_document(MEMBER, BufferedInputFile(PDF, "policy.pdf"))
    assert document.document and document.document.mime_type == "application/pdf"
    relayed = await bot.send_document(state.forum.id, document.document.file_id)
    assert relayed.document and relayed.document.file_name == "policy.pdf"

    with pytest.raises(TelegramBadRequest, match="can't use file of type Document as Photo"):
        await bot.send_photo(MEMBER, document.document.file_id)
    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_document(MEMBER, "no-such-file-id")
    with pytest.raises(TelegramBadRequest, match="IMAGE_PROCESS_FAILED"):
        await bot.send_photo(MEMBER, BufferedInputFile(PDF, "not-a-photo.jpg"))
    with pytest.raises(TelegramBadRequest, match="message caption is too long"):
        await bot.send_document(MEMBER, document.document.file_id, caption="c" * 1025)


async def test_send_media_group(bot: Bot, control: Control) -> None:
    photo = await bot.send_photo(MEMBER, BufferedInputFile(placeholder_png(8), "p.png"))
    assert photo.photo
    media = [
        InputMediaPhoto(media=photo.photo[-1].file_id, caption="first"),
        InputMediaPhoto(media=BufferedInputFile(placeholder_png(9), "q.png")),
    ]
    album = await bot.send_media_group(MEMBER, media)
    assert len(album) == 2
    assert album[0].media_group_id and album[0].media_group_id == album[1].media_group_id
    assert album[0].caption == "first"
    assert len(await control.history(MEMBER)) == 3

    docs = [InputMediaDocument(media=BufferedInputFile(PDF, f"{n}.pdf")) for n in range(3)]
    assert len(await bot.send_media_group(MEMBER, docs)) == 3
    with pytest.raises(TelegramBadRequest, match="can't be mixed"):
        await bot.send_media_group(MEMBER, [docs[0], media[0]])
    with pytest.raises(TelegramBadRequest, match="wrong number of media"):
        await bot.send_media_group(MEMBER, [media[0]])


async def test_file_too_big_for_get_file(bot: Bot, state: EmulatorState) -> None:
    document = state.files.add_document(b"\0" * (20 * 1024 * 1024 + 1), "big.bin", None)
    with pytest.raises(TelegramBadRequest, match="file is too big"):
        await bot.get_file(document["file_id"])


async def test_a_user_s_voice_message_is_relayed_by_file_id_and_downloaded(
    bot: Bot, control: Control, state: EmulatorState
) -> None:
    """A voice note comes alone, as Telegram's Voice; a bot sends it on with sendVoice by its
    file_id (not as a document), copies it, or fetches it with getFile."""
    [message] = await control.call("POST", f"/chats/{MEMBER}/voice", {"caption": "listen"})
    voice = message["voice"]
    assert voice["mime_type"] == "audio/ogg" and voice["duration"] > 0
    assert message["caption"] == "listen" and "document" not in message

    sent = await bot.send_voice(state.forum.id, voice["file_id"], caption="<b>from Olena</b>",
                                parse_mode="HTML")  # fmt: skip
    assert sent.voice is not None and sent.voice.file_unique_id == voice["file_unique_id"]
    assert sent.caption == "from Olena"
    with pytest.raises(TelegramBadRequest, match="can't use file of type Voice as Document"):
        await bot.send_document(state.forum.id, voice["file_id"])
    copied = await bot.copy_message(state.forum.id, MEMBER, message["message_id"])
    assert "voice" in state.chats[state.forum.id].messages[copied.message_id]
    downloaded = await bot.download(voice["file_id"])
    assert downloaded is not None and downloaded.read().startswith(b"OggS")

    uploaded = await bot.send_voice(MEMBER, BufferedInputFile(b"OggS-recorded", "v.ogg"))
    assert uploaded.voice is not None and uploaded.voice.mime_type == "audio/ogg"
    with pytest.raises(Exception, match="alone"):
        await control.call("POST", f"/chats/{MEMBER}/voice", {"files": [{}, {}]})
