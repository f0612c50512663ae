"""reply_templates.text: Telegram HTML, so a canned reply keeps the formatting staff gave it
(bold, italics, links); the plain texts kept before are escaped into it

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 20:20:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the formatting tags `aiogram.utils.text_decorations.html_decoration` writes, but a link's
# opening tag, which carries its address (SQL has no portable regular expression to drop it)
TAGS = ("b", "i", "u", "s", "code", "pre", "blockquote", "tg-spoiler", "a")


def _escaped(value: str) -> str:
    """html.escape(value, quote=False) in SQL both databases run: "&" first."""
    return f"replace(replace(replace({value}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"


def _plain(value: str) -> str:
    """The text of HTML `value`: the formatting tags dropped, then unescaped ("&amp;" last)."""
    for tag in TAGS:
        value = f"replace(replace({value}, '<{tag}>', ''), '</{tag}>', '')"
    return f"replace(replace(replace({value}, '&lt;', '<'), '&gt;', '>'), '&amp;', '&')"


def upgrade() -> None:
    op.execute(f"UPDATE reply_templates SET text = {_escaped('text')}")  # noqa: S608


def downgrade() -> None:
    op.execute(f"UPDATE reply_templates SET text = {_plain('text')}")  # noqa: S608
