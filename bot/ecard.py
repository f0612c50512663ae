"""The e-card: an image of the active insurance card for a clinic's reception (Pillow + segno).

Plain values in (texts already in the member's language), PNG bytes out; no aiogram, no I/O
but the fonts, so the dialog draws it in a worker thread (`asyncio.to_thread`).
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

    Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

# raise it with any change to how the card is drawn: every cached image is then drawn again
DRAWING_VERSION = 2  # 2: the insured ID's row, five rows closer together
WIDTH, HEIGHT = 1200, 720
QR_SIZE = 300
# fonts with Cyrillic and Kazakh letters (ә ғ қ ң ө ұ ү һ і): DejaVu, from Debian's
# fonts-dejavu-core, else the copy matplotlib ships
_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
)
STATUS_COLOURS = {"active": "#1e8e3e", "waiting": "#e37400", "expired": "#80868b"}


@dataclass(frozen=True)
class ECard:
    insurer: str
    title: str
    rows: tuple[tuple[str, str], ...]  # (label, value): program, person, their ID, policy, dates
    status_kind: str  # active | waiting | expired
    status: str  # its words in the member's language
    status_note: str  # "" for an active card; else what the status means for the clinic
    hotline: str  # "24/7: +7 727 …"
    qr_data: str  # the policy number


def fingerprint(card: ECard) -> str:
    """What the image of `card` shows, as a hash: every text on it and the drawing code's
    version. Equal fingerprints draw equal images (the cache of sent images keys on it)."""
    drawn = json.dumps([DRAWING_VERSION, asdict(card)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(drawn.encode()).hexdigest()


@cache
def _font_path(bold: bool) -> str | None:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in _FONT_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    try:
        import matplotlib
    except ImportError:
        return None
    bundled = Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / name
    return str(bundled) if bundled.exists() else None


def _font(size: int, *, bold: bool = False) -> Font:
    from PIL import ImageFont

    path = _font_path(bold)
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _fit(
    draw: ImageDraw.ImageDraw, text: str, size: int, width: int, *, bold: bool = False
) -> tuple[str, Font]:
    """The largest font up to `size` in which `text` fits `width`, cut with "…" below 18 px."""
    while size > 18:
        font = _font(size, bold=bold)
        if draw.textlength(text, font=font) <= width:
            return text, font
        size -= 2
    font = _font(18, bold=bold)
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…", font


def draw_card(card: ECard) -> bytes:
    """The card as a PNG.

    Pillow and segno are imported here, when a card is first drawn (a worker thread), not
    when the bot starts: most processes never draw one (docs/performance.md, "Memory")."""
    import segno
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    colour = STATUS_COLOURS.get(card.status_kind, "#80868b")
    draw.rectangle((0, 0, WIDTH, 130), fill="#0b5394")
    text, font = _fit(draw, card.insurer, 52, WIDTH - 80, bold=True)
    draw.text((40, 22), text, font=font, fill="white")
    text, font = _fit(draw, card.title, 28, WIDTH - 80)
    draw.text((40, 86), text, font=font, fill="#dbe8f6")

    text_width = WIDTH - QR_SIZE - 120
    y = 160
    step = 82 if len(card.rows) <= 4 else 70  # five rows leave the status and its note room
    for label, value in card.rows:
        draw.text((40, y), label, font=_font(22), fill="#5f6368")
        text, font = _fit(draw, value, 34, text_width, bold=True)
        draw.text((40, y + 26), text, font=font, fill="#202124")
        y += step
    draw.rounded_rectangle((40, y + 6, 40 + text_width, y + 62), radius=14, fill=colour)
    text, font = _fit(draw, card.status, 30, text_width - 40, bold=True)
    draw.text((60, y + 16), text, font=font, fill="white")
    if card.status_note:
        text, font = _fit(draw, card.status_note, 24, text_width, bold=True)
        draw.text((40, y + 74), text, font=font, fill=colour)

    qr = segno.make(card.qr_data, error="m")
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=10, border=2)
    code = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    code = code.resize((QR_SIZE, QR_SIZE), Image.Resampling.NEAREST)
    image.paste(code, (WIDTH - QR_SIZE - 40, 170))
    text, font = _fit(draw, card.qr_data, 26, QR_SIZE, bold=True)
    draw.text((WIDTH - QR_SIZE - 40, 180 + QR_SIZE), text, font=font, fill="#202124")

    draw.rectangle((0, HEIGHT - 80, WIDTH, HEIGHT), fill="#f1f3f4")
    text, font = _fit(draw, card.hotline, 30, WIDTH - 80, bold=True)
    draw.text((40, HEIGHT - 60), text, font=font, fill="#0b5394")
    if card.status_kind != "active":  # a waiting or expired card says so across the image
        draw.rectangle((0, 130, 12, HEIGHT - 80), fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
