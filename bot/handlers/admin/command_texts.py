"""Replies of the staff commands, in the staff member's language (HTML, values escaped)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from babel.dates import format_date, format_time

from bot.handlers.admin.privacy_texts import privacy_stats_line
from bot.i18n import Translator
from bot.services.registry.importer import ImportOutcome
from bot.services.staff.chart import ChartLabels
from bot.services.staff.find import MAX_SHOWN, CardHit, FindResult, MemberHit, RequestHit
from bot.services.staff.phone_fix import PhoneFix
from bot.services.staff.stats import Stats, duration_parts
from bot.textfit import MESSAGE_LIMIT, pack
from storage.models import RequestStatus


def split_message(blocks: Iterable[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Pack blocks (joined by newlines) into messages of at most `limit` units, as Telegram
    counts them; a block longer than that is cut at line ends where possible."""
    return [page for page in pack(list(blocks), limit) if page]


def esc(value: object) -> str:
    return html.escape(str(value), quote=False)


def _label(i18n: Translator, key: str, fallback: str | None) -> str:
    """The translated name of a stored value; the value itself when there is none."""
    if i18n.has(key):
        return i18n(key)
    return _or_dash(i18n, fallback)


def _or_dash(i18n: Translator, value: object | None) -> str:
    return esc(value) if value not in (None, "") else i18n("staffcmd-none")


def _member(hit: MemberHit, i18n: Translator) -> str:
    lines = [
        i18n(
            "staffcmd-find-member",
            id=hit.member_id,
            name=_or_dash(i18n, hit.full_name),
            phone=_or_dash(i18n, hit.phone),
            year=_or_dash(i18n, hit.birth_year),
            language=_label(i18n, f"language-name-{hit.language}", hit.language),
        )
    ]
    if hit.unreachable:
        lines.append(i18n("staffcmd-find-member-unreachable"))
    if hit.cards:
        cards = ", ".join(f"{esc(policy)} ({esc(insured)})" for policy, insured in hit.cards)
        lines.append(i18n("staffcmd-find-member-cards", cards=cards))
    else:
        lines.append(i18n("staffcmd-find-member-no-cards"))
    if hit.open_requests:
        named = [
            f"{number} ({_label(i18n, f'request-status-{status}', status)})"
            for number, status in hit.open_requests
        ]
        more = [i18n("staffcmd-find-member-more-requests")] if hit.more_open else []
        lines.append(i18n("staffcmd-find-member-requests", requests=", ".join([*named, *more])))
    if hit.topic:
        lines.append(i18n("staffcmd-find-member-topic", link=html.escape(hit.topic)))
    return "\n".join(lines)


def _card(hit: CardHit, i18n: Translator) -> str:
    lines = [
        i18n(
            "staffcmd-find-card",
            policy=esc(hit.policy_number),
            program=esc(hit.program),
            holder_type=_label(i18n, f"holder-type-{hit.holder_type}", hit.holder_type),
            start=format_date(hit.coverage_start, format="medium", locale=i18n.locale),
            end=format_date(hit.coverage_end, format="medium", locale=i18n.locale),
            status=i18n(f"card-status-{hit.status.value}"),
            name=esc(hit.full_name),
            relation=_label(i18n, f"relation-{hit.relation}", hit.relation),
            insured_id=esc(hit.insured_id),
            year=str(hit.birth_year),
            phone=_or_dash(i18n, hit.phone),
        )
    ]
    if hit.member_ids:
        members = ", ".join(f"#{member_id}" for member_id in hit.member_ids)
        lines.append(i18n("staffcmd-find-card-members", members=members))
    else:
        lines.append(i18n("staffcmd-find-card-no-members"))
    return "\n".join(lines)


def _moment(when: datetime, i18n: Translator) -> str:
    """A date and a time of day, in the staff language: "Dec 4, 2026, 09:28"."""
    day = format_date(when, format="medium", locale=i18n.locale)
    return f"{day}, {format_time(when, format='HH:mm', locale=i18n.locale)}"


def _request(hit: RequestHit, i18n: Translator, zone: tzinfo) -> str:
    lines = [
        i18n(
            "staffcmd-find-request",
            number=hit.number,
            kind=_label(i18n, f"request-kind-{hit.kind}", hit.kind),
            status=_label(i18n, f"request-status-{hit.status}", hit.status),
            sent=_moment(hit.created_at.astimezone(zone), i18n),
            member=hit.member_id,
        ),
        i18n("staff-card-assignee", assignee=esc(hit.assignee))
        if hit.assignee
        else i18n("staff-card-unassigned"),
    ]
    if hit.link:
        lines.append(i18n("staff-card-link", link=html.escape(hit.link)))
    else:
        lines.append(i18n("staffcmd-find-request-no-card"))
    return "\n".join(lines)


def find_result(
    result: FindResult, i18n: Translator, zone: tzinfo, *, name: str | None = None
) -> list[str]:
    """What /find found; `name`: the name looked for, shown as typed (else the masked query)."""
    query = esc(name if name is not None else result.target)
    if result.empty:
        return [i18n("staffcmd-find-none-name" if name else "staffcmd-find-none", query=query)]
    blocks = [
        i18n(
            "staffcmd-find-title",
            query=query,
            members=result.members_total,
            cards=result.cards_total,
        )
    ]
    blocks += ["\n" + _request(hit, i18n, zone) for hit in result.requests]
    blocks += ["\n" + _member(hit, i18n) for hit in result.members]
    if result.members_total > MAX_SHOWN:
        blocks.append(i18n("staffcmd-find-more", count=result.members_total - MAX_SHOWN))
    blocks += ["\n" + _card(hit, i18n) for hit in result.cards]
    if result.cards_total > MAX_SHOWN:
        blocks.append(i18n("staffcmd-find-more", count=result.cards_total - MAX_SHOWN))
    return blocks


def _linked(members: int, i18n: Translator) -> str:
    return i18n("staffcmd-linked", members=members)


def phone_fix(fix: PhoneFix, i18n: Translator) -> str:
    if not fix.changed:
        return i18n("staffcmd-setphone-same", insured_id=esc(fix.insured_id), phone=fix.new_phone)
    done = i18n(
        "staffcmd-setphone-done",
        insured_id=esc(fix.insured_id),
        old=_or_dash(i18n, fix.old_phone),
        new=fix.new_phone,
    )
    lines = [done]
    if fix.members_told:
        lines.append(_linked(fix.members_told, i18n))
    if fix.unlinked:
        members = ", ".join(f"#{member_id}" for member_id in fix.unlinked)
        lines.append(i18n("staffcmd-setphone-unlinked", members=members))
    if not fix.members_told and not fix.unlinked:
        lines.append(i18n("staffcmd-setphone-not-linked"))
    return "\n".join(lines)


def import_report(file_name: str, outcome: ImportOutcome, i18n: Translator) -> str:
    """The short summary; the rejected rows go in a CSV file sent with it."""
    report = outcome.report
    lines = [
        i18n(
            "staffcmd-import-report",
            file=esc(file_name),
            rows=outcome.rows,
            added=report.added,
            updated=report.updated,
            unchanged=report.unchanged,
            rejected=len(report.rejected),
        )
    ]
    if outcome.members_told:
        lines.append(_linked(outcome.members_told, i18n))
    return "\n".join(lines)


def rejected_file_name(file_name: str) -> str:
    """`march.xlsx` → `march-rejected.csv`."""
    stem = Path(file_name).stem or "registry"
    return f"{stem[:100]}-rejected.csv"


def duration(value: timedelta, i18n: Translator) -> str:
    if value < timedelta(seconds=30):  # what rounds to "0 min": answered at once
        return i18n("staffcmd-duration-under-minute")
    days, hours, minutes = duration_parts(value)
    parts = []
    if days:
        parts.append(i18n("staffcmd-duration-days", count=days))
    if hours:
        parts.append(i18n("staffcmd-duration-hours", count=hours))
    if minutes or not parts:
        parts.append(i18n("staffcmd-duration-minutes", count=minutes))
    return " ".join(parts)


def stats(figures: Stats, i18n: Translator) -> list[str]:
    blocks = [i18n("staffcmd-stats-title", total=figures.total)]
    if figures.by_status:
        lines = [i18n("staffcmd-stats-by-status")]
        lines += [
            i18n(
                "staffcmd-stats-line",
                label=_label(i18n, f"request-status-{status}", status),
                count=count,
            )
            for status, count in figures.by_status
        ]
        blocks.append("\n" + "\n".join(lines))
    if figures.by_kind:
        lines = [i18n("staffcmd-stats-by-kind")]
        lines += [
            i18n(
                "staffcmd-stats-line", label=_label(i18n, f"request-kind-{kind}", kind), count=count
            )
            for kind, count in figures.by_kind
        ]
        blocks.append("\n" + "\n".join(lines))
    if figures.median_first_action is None:
        blocks.append("\n" + i18n("staffcmd-stats-median-none"))
    else:
        blocks.append(
            "\n"
            + i18n(
                "staffcmd-stats-median",
                duration=duration(figures.median_first_action, i18n),
                count=figures.with_first_action,
            )
        )
    blocks.append(privacy_stats_line(figures.retention, i18n))
    blocks.append(i18n("staffcmd-stats-failed", count=figures.failed_notifications))
    return blocks


def chart_labels(i18n: Translator) -> ChartLabels:
    """The /stats chart's words in the staff member's language."""
    return ChartLabels(
        per_day=i18n("helpdesk-chart-per-day"),
        times=i18n("helpdesk-chart-times"),
        ratings=i18n("helpdesk-chart-ratings"),
        hours=i18n("helpdesk-chart-hours"),
        minutes=i18n("helpdesk-chart-minutes"),
        first_action=i18n("helpdesk-chart-first-action"),
        done=i18n("helpdesk-chart-done"),
        no_data=i18n("helpdesk-chart-no-data"),
        no_ratings=i18n("helpdesk-chart-no-ratings"),
        duration=lambda value: duration(value, i18n),
        statuses={status: i18n(f"request-status-{status.value}") for status in RequestStatus},
    )
