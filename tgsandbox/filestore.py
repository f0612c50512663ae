"""Every file the emulator knows: by file_id, and by file_path once getFile was called."""

from __future__ import annotations

import itertools
import secrets
from typing import Any

from tgsandbox.errors import WRONG_FILE_ID, bad_request
from tgsandbox.files import (
    extension,
    guess_mime,
    image_mime,
    image_size,
    photo_dimensions,
    photo_size_json,
)
from tgsandbox.models import StoredFile

_PREFIXES = {
    "photo": "AgACAgIAAxkBAAI",
    "document": "BQACAgIAAxkBAAI",
    "voice": "AwACAgIAAxkBAAI",
}
VOICE_MIME = "audio/ogg"


class FileStore:
    def __init__(self) -> None:
        self.by_id: dict[str, StoredFile] = {}
        self.by_path: dict[str, StoredFile] = {}
        self._numbers = itertools.count(1)

    def get(self, file_id: str) -> StoredFile | None:
        return self.by_id.get(file_id)

    def require(self, file_id: str) -> StoredFile:
        found = self.by_id.get(file_id)
        if found is None:
            raise bad_request(WRONG_FILE_ID)
        return found

    def _new_ids(self, kind: str) -> tuple[str, str]:
        number = next(self._numbers)
        return (
            f"{_PREFIXES[kind]}{number:05d}{secrets.token_urlsafe(24)}",
            f"AQAD{number:05d}{secrets.token_urlsafe(6)}",
        )

    def add_photo(self, data: bytes) -> list[dict[str, Any]]:
        """Register a photo; returns its PhotoSize list. Raises ValueError if not an image."""
        size = image_size(data)
        if size is None:
            raise ValueError("IMAGE_PROCESS_FAILED")
        dimensions = photo_dimensions(*size)
        largest = dimensions[-1][0] * dimensions[-1][1]
        sizes: list[dict[str, Any]] = []
        for width, height in dimensions:
            file_id, unique_id = self._new_ids("photo")
            estimate = max(1, int(len(data) * width * height / max(1, largest)))
            sizes.append(photo_size_json(file_id, unique_id, width, height, estimate))
        for item in sizes:
            self.by_id[item["file_id"]] = StoredFile(
                item["file_id"], item["file_unique_id"], "photo", data,
                mime_type=image_mime(data), width=item["width"], height=item["height"],
                photo_sizes=sizes,
            )  # fmt: skip
        return sizes

    def add_document(self, data: bytes, file_name: str | None, mime: str | None) -> dict[str, Any]:
        file_id, unique_id = self._new_ids("document")
        stored = StoredFile(
            file_id, unique_id, "document", data, file_name, mime or guess_mime(file_name)
        )
        self.by_id[file_id] = stored
        return self.document_json(stored)

    def add_voice(self, data: bytes, duration: int) -> dict[str, Any]:
        """A voice message (OGG/Opus, as Telegram's clients record them); its Voice object."""
        file_id, unique_id = self._new_ids("voice")
        stored = StoredFile(file_id, unique_id, "voice", data, mime_type=VOICE_MIME,
                            duration=duration)  # fmt: skip
        self.by_id[file_id] = stored
        return self.voice_json(stored)

    @staticmethod
    def voice_json(stored: StoredFile) -> dict[str, Any]:
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": stored.duration,
            "mime_type": stored.mime_type,
            "file_size": stored.file_size,
        }

    @staticmethod
    def document_json(stored: StoredFile) -> dict[str, Any]:
        document: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
        }
        if stored.file_name:
            document["file_name"] = stored.file_name
        document.update(mime_type=stored.mime_type, file_size=stored.file_size)
        return document

    def path_of(self, stored: StoredFile) -> str:
        """The file_path getFile reports; the download route serves it from then on."""
        if stored.file_path is None:
            folder = {"photo": "photos", "voice": "voice"}.get(stored.kind, "documents")
            default = {"photo": "jpg", "voice": "oga"}.get(stored.kind, "bin")
            suffix = extension(stored.file_name, stored.mime_type, default)
            stored.file_path = f"{folder}/file_{next(self._numbers)}.{suffix}"
            self.by_path[stored.file_path] = stored
        return stored.file_path
