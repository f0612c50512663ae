"""The /stats chart: requests per day by status, median time to first action and to done, ratings.

`chart_data` reads the figures; `render` draws the PNG with matplotlib's Agg canvas (no pyplot,
no global state). Drawing takes tenths of a second, so the handler runs it in a worker thread."""

from __future__ import annotations

import io
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import RequestStatus
from storage.repositories import stats as stats_repo

DAYS = 14
COLOURS = {
    RequestStatus.NEW: "#4e79a7",
    RequestStatus.IN_PROGRESS: "#f28e2b",
    RequestStatus.NEED_INFO: "#edc948",
    RequestStatus.DONE: "#59a14f",
    RequestStatus.REJECTED: "#e15759",
    RequestStatus.CANCELLED: "#9c9c9c",
}


@dataclass(frozen=True)
class ChartData:
    days: list[date]
    per_day: dict[RequestStatus, list[int]]  # one count per day, by the request's status now
    median_first_action: timedelta | None
    median_done: timedelta | None
    ratings: list[int]  # how many 1s, 2s, … 5s

    @property
    def requests(self) -> int:
        return sum(sum(counts) for counts in self.per_day.values())


@dataclass(frozen=True)
class ChartLabels:
    """The chart's words in the staff language (Fluent strings; emoji are dropped), and how a
    duration is written (as /stats writes it: "2 h 5 min")."""

    per_day: str
    times: str
    ratings: str
    hours: str
    minutes: str
    first_action: str
    done: str
    no_data: str
    no_ratings: str
    duration: Callable[[timedelta], str]
    statuses: dict[RequestStatus, str] = field(default_factory=dict)


# a time the figures have none of (no request done yet): no bar, and this above its place
NO_VALUE = "—"


@dataclass(frozen=True)
class TimesPanel:
    """The median times' bars: the axis' unit, each bar's height in it, and its label."""

    unit: str
    heights: list[float]
    texts: list[str]


def times_panel(data: ChartData, labels: ChartLabels) -> TimesPanel:
    """In hours when the longer time is two hours or more, else in minutes (a team that answers
    in seconds read "0.0 hours"); each bar labelled with its duration."""
    values = [data.median_first_action, data.median_done]
    longest = max((value for value in values if value is not None), default=timedelta())
    in_hours = longest >= timedelta(hours=2)
    unit = timedelta(hours=1) if in_hours else timedelta(minutes=1)
    return TimesPanel(
        unit=labels.hours if in_hours else labels.minutes,
        heights=[value / unit if value is not None else 0.0 for value in values],
        texts=[labels.duration(value) if value is not None else NO_VALUE for value in values],
    )


def _median(values: list[float]) -> timedelta | None:
    return timedelta(seconds=statistics.median(values)) if values else None


async def chart_data(
    session: AsyncSession, today: date, zone: tzinfo, days: int = DAYS
) -> ChartData:
    """The last `days` days (in `zone`) of requests; times and ratings over the same requests."""
    first = today - timedelta(days=days - 1)
    since = datetime.combine(first, time(), zone)
    rows = await stats_repo.request_rows(session, since, None)
    day_list = [first + timedelta(days=i) for i in range(days)]
    index = {day: i for i, day in enumerate(day_list)}
    per_day = {status: [0] * days for status in RequestStatus}
    to_first: list[float] = []
    to_done: list[float] = []
    scores: Counter[int] = Counter()
    for request, done_at, rating in rows:
        day = request.created_at.astimezone(zone).date()
        if day in index:
            per_day[RequestStatus(request.status)][index[day]] += 1
        if request.first_staff_action_at is not None:
            to_first.append(
                max((request.first_staff_action_at - request.created_at).total_seconds(), 0)
            )
        if done_at is not None:
            to_done.append(max((done_at - request.created_at).total_seconds(), 0))
        if rating is not None:
            scores[rating.score] += 1
    return ChartData(
        days=day_list,
        per_day=per_day,
        median_first_action=_median(to_first),
        median_done=_median(to_done),
        ratings=[scores[score] for score in range(1, 6)],
    )


def plain(label: str) -> str:
    """A label without emoji (the chart's font has none)."""
    kept = "".join(c for c in label if unicodedata.category(c) not in ("So", "Cn", "Co", "Mn"))
    return " ".join(kept.replace("\ufe0f", "").split())


def render(data: ChartData, labels: ChartLabels) -> bytes:
    """The PNG (three panels side by side)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(13, 4.2), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    per_day, times, ratings = figure.subplots(1, 3, width_ratios=[2.2, 1, 1])

    names = [day.strftime("%d.%m") for day in data.days]
    bottom = [0] * len(names)
    for status, counts in data.per_day.items():
        if not any(counts):
            continue
        label = plain(labels.statuses.get(status, status.value))
        per_day.bar(names, counts, bottom=bottom, label=label, color=COLOURS[status])
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    per_day.set_title(plain(labels.per_day))
    per_day.tick_params(axis="x", labelrotation=60, labelsize=8)
    per_day.yaxis.get_major_locator().set_params(integer=True)
    if data.requests:
        per_day.legend(fontsize=8)
    else:
        per_day.text(0.5, 0.5, plain(labels.no_data), ha="center", transform=per_day.transAxes)

    panel = times_panel(data, labels)
    bars = times.bar(
        [plain(labels.first_action), plain(labels.done)],
        panel.heights,
        color=["#4e79a7", "#59a14f"],
    )
    times.bar_label(bars, labels=panel.texts)
    times.set_title(plain(labels.times))
    times.set_ylabel(plain(panel.unit))
    times.set_ylim(0, max(max(panel.heights), 1) * 1.15)  # room for the labels; never below 0

    rated = ratings.bar([str(score) for score in range(1, 6)], data.ratings, color="#edc948")
    ratings.bar_label(rated)
    ratings.set_title(plain(labels.ratings))
    ratings.set_ylim(0, max(max(data.ratings), 1) * 1.15)
    ratings.yaxis.get_major_locator().set_params(integer=True)
    if not any(data.ratings):
        ratings.text(0.5, 0.5, plain(labels.no_ratings), ha="center", transform=ratings.transAxes)

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
