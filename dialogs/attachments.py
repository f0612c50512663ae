"""A photo or file a member sent, read from the message as the bot keeps it (by file_id); a
voice message too where it goes to staff as a message (never as a form's document)."""

from __future__ import annotations

from dataclasses import replace

from aiogram.types import Message

from bot.services.documents import Attachment

FILE_NAME_MAX = 255  # the column's width; Telegram allows longer names
CAPTION_MAX = 1024  # Telegram's limit for a caption, and the column's width


VOICE_MIME = "audio/ogg"  # what Telegram's clients record


def attachment_of(message: Message, *, voice: bool = False) -> Attachment | None:
    """A photo (its largest size) or a document from an incoming message; with `voice`, a
    voice message too."""
    if message.photo:
        photo = message.photo[-1]
        return Attachment(
            photo.file_id,
            photo.file_unique_id,
            "photo",
            None,
            "image/jpeg",
            photo.file_size,
            message.media_group_id,
        )
    if message.document:
        doc = message.document
        return Attachment(
            doc.file_id,
            doc.file_unique_id,
            "document",
            doc.file_name[:FILE_NAME_MAX] if doc.file_name else None,
            doc.mime_type,
            doc.file_size,
            message.media_group_id,
        )
    if voice and message.voice:
        note = message.voice
        return Attachment(
            note.file_id,
            note.file_unique_id,
            "voice",
            None,
            note.mime_type or VOICE_MIME,
            note.file_size,
        )
    return None


def captioned(message: Message, *, voice: bool = False) -> Attachment | None:
    """`attachment_of(message)` with what the member wrote under it (a request's document)."""
    attachment = attachment_of(message, voice=voice)
    if attachment is None:
        return None
    caption = (message.caption or "").strip()[:CAPTION_MAX]
    return replace(attachment, caption=caption or None)
