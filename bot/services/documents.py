"""Attachments on requests: what is accepted, and the limits."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MAX_DOCUMENTS = 20
MAX_FILE_BYTES = 20 * 1024 * 1024  # what a bot can download from Telegram
ALLOWED_MIME_TYPES = frozenset(
    {"application/pdf", "image/jpeg", "image/png", "image/heic", "image/heif", "image/webp"}
)


@dataclass(frozen=True)
class Attachment:
    file_id: str
    file_unique_id: str
    kind: str  # photo | document | voice (a voice message to staff)
    file_name: str | None = None
    mime_type: str | None = None
    file_size: int | None = None
    media_group_id: str | None = None
    caption: str | None = None  # what the member wrote under it, in a request's form

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attachment:
        return cls(**data)


def refusal(attachment: Attachment, already: list[Attachment]) -> str | None:
    """The Fluent key explaining why this attachment is refused, or None to accept it."""
    if len(already) >= MAX_DOCUMENTS:
        return "docs-too-many"
    if attachment.file_size is not None and attachment.file_size > MAX_FILE_BYTES:
        return "docs-too-big"
    if attachment.kind == "document" and attachment.mime_type not in ALLOWED_MIME_TYPES:
        return "docs-bad-type"
    return None


def is_duplicate(attachment: Attachment, already: list[Attachment]) -> bool:
    return any(a.file_unique_id == attachment.file_unique_id for a in already)
