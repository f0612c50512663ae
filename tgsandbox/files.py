"""File helpers: image size sniffing, placeholder images, photo size sets."""

from __future__ import annotations

import mimetypes
import struct
import zlib
from typing import Any

PHOTO_SIDES = (90, 320, 800)
MAX_PHOTO_SIDE = 1280
DOWNLOAD_LIMIT = 20 * 1024 * 1024  # getFile refuses bigger files, as Telegram does for bots
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, JPEG, GIF or WebP image, ``None`` if not an image."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return 512, 512
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


def image_mime(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"GIF8"):
        return "image/gif"
    if data[:4] == b"RIFF":
        return "image/webp"
    return "image/jpeg"


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    pos = 2
    while pos + 9 < len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _JPEG_SOF:
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return int(width), int(height)
        pos += 2 + length
    return None


def placeholder_png(seed: int, width: int = 64, height: int = 48) -> bytes:
    """A small solid-colour PNG, so simulated photos are real images the page can show."""
    r, g, b = (seed * 67) % 200 + 30, (seed * 131) % 200 + 30, (seed * 29) % 200 + 30
    row = b"\x00" + bytes((r, g, b)) * width
    raw = row * height

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def guess_mime(file_name: str | None, fallback: str = "application/octet-stream") -> str:
    if not file_name:
        return fallback
    mime, _ = mimetypes.guess_type(file_name)
    return mime or fallback


def extension(file_name: str | None, mime_type: str | None, default: str) -> str:
    if file_name and "." in file_name:
        return file_name.rsplit(".", 1)[1].lower()[:8]
    if mime_type:
        guessed = mimetypes.guess_extension(mime_type)
        if guessed:
            return guessed.lstrip(".")
    return default


def photo_dimensions(width: int, height: int) -> list[tuple[int, int]]:
    """The sizes Telegram would offer for a photo: thumbnails up to the (capped) original."""
    longest = max(width, height, 1)
    sides = [side for side in PHOTO_SIDES if side < longest]
    sides.append(min(longest, MAX_PHOTO_SIDE))
    return [
        (max(1, round(width * side / longest)), max(1, round(height * side / longest)))
        for side in sides
    ]


def photo_size_json(
    file_id: str, unique_id: str, width: int, height: int, size: int
) -> dict[str, Any]:
    return {
        "file_id": file_id,
        "file_unique_id": unique_id,
        "width": width,
        "height": height,
        "file_size": size,
    }
