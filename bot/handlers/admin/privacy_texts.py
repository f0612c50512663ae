"""Replies of /audit and the retention line of /stats (HTML, values escaped)."""

from __future__ import annotations

import html
from datetime import tzinfo

from bot.i18n import Translator
from bot.services.privacy.retention import RetentionRun
from bot.services.staff.audit_view import SHOWN, AuditView, details_text
from bot.textfit import cut

DETAILS_SHOWN = 200


def privacy_stats_line(run: RetentionRun | None, i18n: Translator) -> str:
    if run is None:
        return i18n("privacy-stats-retention-none")
    return i18n(
        "privacy-stats-retention",
        date=run.at.strftime("%Y-%m-%d %H:%M"),
        requests=run.requests,
        audit=run.audit_entries,
        drafts=run.drafts,
    )


def audit_lines(result: AuditView, i18n: Translator, zone: tzinfo) -> list[str]:
    """A header, then one line per entry (the newest `SHOWN`), at the time where staff work
    (`zone`, the insurer's); the workbook has them all, in UTC."""
    if not result.entries:
        return [i18n("privacy-audit-empty", subject=html.escape(result.subject))]
    lines = [
        i18n(
            "privacy-audit-title",
            subject=html.escape(result.subject),
            total=result.total,
            shown=min(SHOWN, len(result.entries)),
        )
    ]
    for e in result.entries[:SHOWN]:
        who = i18n("privacy-audit-nobody") if e.staff_telegram_id == 0 else e.staff_telegram_id
        when = e.created_at.astimezone(zone)
        line = f"{when:%Y-%m-%d %H:%M} · {who} · <b>{html.escape(e.action)}</b>"
        if e.target:
            line += f" · {html.escape(e.target)}"
        if e.details:
            line += f"\n    {html.escape(cut(details_text(e), DETAILS_SHOWN))}"
        lines.append(line)
    return lines
