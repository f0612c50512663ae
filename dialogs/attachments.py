"""A photo or file a member sent, read from the message as the bot keeps it (by file_id)."""

from __future__ import annotations

from dataclasses import replace

from aiogram.types import Message

from bot.services.documents import Attachment

FILE_NAME_MAX = 255  # the column's width; Telegram allows longer names
CAPTION_MAX = 1024  # Telegram's limit for a caption, and the column's width


def attachment_of(message: Message) -> Attachment | None:
    """A photo (its largest size) or a document from an incoming message."""
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
    return None


def captioned(message: Message) -> Attachment | None:
    """`attachment_of(message)` with what the member wrote under it (a request's document)."""
    attachment = attachment_of(message)
    if attachment is None:
        return None
    caption = (message.caption or "").strip()[:CAPTION_MAX]
    return replace(attachment, caption=caption or None)
