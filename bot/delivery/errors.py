"""Outcomes of a delivery attempt other than "sent"."""

from __future__ import annotations

from datetime import timedelta


class HeldError(Exception):
    """The member blocked the bot: keep the message until they write again."""


class RetrySoonError(Exception):
    """Not now, for a reason of our own (a topic being created or recreated): try again."""

    def __init__(self, reason: str, delay: timedelta = timedelta(seconds=1)) -> None:
        super().__init__(reason)
        self.delay = delay


class UndeliverableError(Exception):
    """This notification can never be sent (its member or kind is gone)."""
