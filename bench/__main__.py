"""Every benchmark, one table of ratios and a chart: ``python -m bench [--quick or --smoke]``.

Runs the member steps against the bare aiogram echo bot, with the bare aiogram-dialog bot beside
them (bench/steps_bench.py), memory with many members mid-form (bench/memory_bench.py), outbox
delivery while members are busy (bench/busy_bench.py), outbox delivery alone
(bench/deliver_bench.py), staff at work while members wait (bench/staff_bench.py), the phone
lookup at a million cards (bench/lookup_bench.py), the Bot API client (bench/api_bench.py), the
month calendar page cached and not (bench/calendar_bench.py), the hourly retention sweep with
many closed requests against few (bench/retention_bench.py) and, when present, the registry
import (bench/import_bench.py).
Each ratio is against a baseline measured in the same run. ``--quick`` shrinks every bench to a
smoke run of seconds to a minute; its figures mean little. ``--smoke`` is smaller still: the
least that fills every line of the table (tests/e2e/test_bench_runner.py); its figures mean
nothing. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import (
    api_bench,
    busy_bench,
    calendar_bench,
    deliver_bench,
    lookup_bench,
    memory_bench,
    retention_bench,
    steps_bench,
)

DEFAULT_CHART = Path(__file__).resolve().parent / ".cache" / "bench.png"
# each bench's arguments by the size of the run: the full bench, --quick, --smoke
ARGS: dict[str, dict[str, list[str]]] = {
    "full": {},
    "quick": {
        "steps": ["--quick"],
        "memory": ["--quick"],
        "busy": ["--quick"],
        "deliver": ["--count", "90"],
        "staff": ["--quick"],
        "lookup": ["--quick"],
        "api": ["--rounds", "3", "--calls", "100"],
        "calendar": ["--rounds", "3", "--members", "100"],
        "retention": ["--requests", "500", "10000", "--rounds", "3"],
    },
    "smoke": {
        "steps": ["--members", "4", "--rounds", "1"],
        "memory": ["--members", "20"],
        "busy": ["--members", "5", "--notifications", "30", "--notified", "15"],
        "deliver": ["--count", "30"],
        "staff": ["--members", "10", "--spread", "0.5"],
        "lookup": ["--cards", "5000", "--lookups", "100"],
        "api": ["--rounds", "1", "--calls", "10"],
        "calendar": ["--rounds", "1", "--members", "8"],
        "retention": ["--requests", "50", "500", "--rounds", "1"],
    },
}
# the registry import's file sizes (small, large) and XLSX rows, by the size of the run
IMPORT_SIZES = {
    "full": ((10_000, 100_000), 100_000),
    "quick": ((1_000, 2_000), 1_000),
    "smoke": ((300, 600), 300),
}
STEP_AIM, STEP_FLOOR = 0.5, 0.25


@dataclass(frozen=True)
class Line:
    """A row of the table: what was measured, its figure, the aim and whether it is met."""

    bench: str
    measure: str
    value: str
    aim: str
    met: bool | None


def step_lines(size: str) -> tuple[list[Line], list[steps_bench.Row]]:
    args = steps_bench.parse_args(ARGS[size].get("steps", []))
    rows = asyncio.run(steps_bench.measure(args))
    lines = []
    for row in rows:
        value = f"{row.ratio:.3f}x (p95 {row.p95:.2f} s, CPU {row.cpu_ms:.1f} ms"
        if row.over_dialog is not None:  # what the project costs over its two frameworks
            value += f"; {row.over_dialog:.2f}x the bare aiogram-dialog bot"
        aim = f">= {STEP_AIM}x (floor {STEP_FLOOR}x), p95 < 1 s"
        met: bool | None = row.ratio >= STEP_AIM and row.p95 < 1
        if row.setup in steps_bench.BARE_SETUPS:  # the stack's own floor: measured, not judged
            aim, met = "(a baseline)", None
        lines.append(
            Line(f"steps ({row.setup})", f"{row.step}: throughput / echo", value + ")", aim, met)
        )
    return lines, rows


def memory_lines(size: str) -> list[Line]:
    args = memory_bench.parse_args(ARGS[size].get("memory", []))
    result = asyncio.run(memory_bench.measure(args.members))
    return [
        Line(
            "memory",
            f"RSS, {result.members} members mid-form, minus echo",
            f"{result.over_echo_mb:+.0f} MB ({result.project_mb:.0f} vs {result.echo_mb:.0f})",
            "<= +50 MB",
            result.over_echo_mb <= 50,
        ),
        Line(
            "memory",
            "growth per member, project vs echo",
            f"{result.project_per_member_kb:.1f} vs {result.echo_per_member_kb:.1f} KB",
            "no growth beyond storage",
            None,
        ),
    ]


def busy_lines(size: str) -> list[Line]:
    args = busy_bench.parse_args(ARGS[size].get("busy", []))
    result = asyncio.run(busy_bench.measure(args))
    return [
        Line(
            "delivery, members busy",
            "outbox + answers / 30 msg/s",
            f"{result.all_rate / busy_bench.CAP:.3f} (outbox alone "
            f"{result.rate / busy_bench.CAP:.3f}; {result.outbox_refused} x 429 to the outbox, "
            f"{result.member_refused} to member answers; {result.unanswered} answers missing)",
            ">= 0.93, 0 x 429, none missing",
            result.all_rate / busy_bench.CAP >= 0.93
            and result.refused == 0
            and result.unanswered == 0,
        )
    ]


def deliver_lines(size: str) -> list[Line]:
    args = deliver_bench.parse_args(ARGS[size].get("deliver", []))

    async def both() -> tuple[deliver_bench.Run, deliver_bench.Run]:
        with tempfile.TemporaryDirectory(prefix="deliver-bench-") as folder:
            workdir = Path(folder)
            base = await deliver_bench.deliver(
                "baseline",
                args.count,
                args.members,
                limits=None,
                pacer=deliver_bench.unlimited(),
                workdir=workdir,
            )
            paced = await deliver_bench.deliver(
                "paced",
                args.count,
                args.members,
                limits=deliver_bench.RateLimits(),
                pacer=deliver_bench.Pacer(),
                workdir=workdir,
            )
            return base, paced

    _, paced = asyncio.run(both())
    share = paced.rate / deliver_bench.CAP
    return [
        Line(
            "delivery alone",
            "outbox rate / 30 msg/s",
            f"{share:.3f} ({paced.refused} x 429)",
            ">= 0.93, 0 x 429",
            share >= 0.93 and paced.refused == 0,
        )
    ]


def staff_lines(size: str) -> list[Line]:
    """Issue 14's acceptance run (bench/staff_bench.py): staff at work, members answered."""
    from bench import staff_bench

    args = staff_bench.parse_args(ARGS[size].get("staff", []))
    result = asyncio.run(staff_bench.measure(args.members, args.spread))
    gap = result.shortest_chat_gap
    return [
        Line(
            "staff at work",
            f"{result.expected} member messages: seconds after the staff actions",
            f"{result.seconds:.1f} s ({result.delivered} sent; ideal / this = "
            f"{result.ideal / result.seconds if result.seconds else 0:.3f})",
            f"<= {staff_bench.TARGET:.0f} s, all sent",
            result.seconds <= staff_bench.TARGET and result.delivered == result.expected,
        ),
        Line(
            "staff at work",
            "429s; fastest to one member; the group's busiest minute",
            f"{result.refused}; {1 / gap if gap else 0:.2f}/s; {result.group_minute_peak}",
            "0; <= 1/s; <= 20",
            result.refused == 0 and gap >= 1.0 and result.group_minute_peak <= 20,
        ),
    ]


def lookup_lines(size: str) -> list[Line]:
    args = lookup_bench.parse_args(ARGS[size].get("lookup", []))
    bot, raw = asyncio.run(lookup_bench.measure(args.cards, args.lookups))
    return [
        Line(
            "phone lookup",
            f"at {args.cards:,} cards (p95; mean / raw sqlite3)",
            f"{bot.p95_ms:.3f} ms ({bot.mean_ms / raw.mean_ms:.1f}x raw)",
            "< 1 ms",
            bot.p95_ms < 1,
        )
    ]


def api_lines(size: str) -> list[Line]:
    """The bot's Bot API session against stock aiogram's, CPU per call (bench/api_bench.py)."""
    args = api_bench.parse_args(ARGS[size].get("api", []))
    return [
        Line(
            "Bot API client",
            f"{row.call}: encode + parse CPU, ours / stock aiogram",
            f"{row.ratio:.2f}x ({row.ours_us:.0f} vs {row.stock_us:.0f} µs)",
            "< 1x",
            row.ratio < 1,
        )
        for row in api_bench.measure(args.rounds, args.calls)
    ]


def calendar_lines(size: str) -> list[Line]:
    """The month page with the cache against without, CPU per render (bench/calendar_bench.py)."""
    args = calendar_bench.parse_args(ARGS[size].get("calendar", []))
    row = asyncio.run(calendar_bench.measure(args.rounds, args.members))
    return [
        Line(
            "calendar page",
            "CPU per render, cached / before (no cache, the library's markup factory)",
            f"{row.ratio:.2f}x ({row.cached_us:.0f} vs {row.uncached_us:.0f} µs)",
            "< 1x",
            row.ratio < 1,
        )
    ]


# the aim of each registry-import ratio (issue 12, goal 2), by the start of the measure's name
IMPORT_AIMS = {
    "import ": 3.0,  # vs a raw sqlite3 executemany of the same rows
    "re-import ": 1.0,  # vs the first import
    "peak RSS ": 1.0,  # vs 200 MB, and the large file vs the small one (flat in the row count)
    "XLSX import ": 1.3,  # vs a bare openpyxl read-only pass
}


def retention_lines(size: str) -> list[Line]:
    """The hourly retention sweep, many closed requests against few (bench/retention_bench.py)."""
    args = retention_bench.parse_args(ARGS[size].get("retention", []))
    small, large = asyncio.run(retention_bench.run(*args.requests, args.rounds))
    ratio = large.hourly_s / small.hourly_s
    return [
        Line(
            "retention sweep",
            f"hourly, {large.requests:,} closed requests vs {small.requests:,}",
            f"{large.hourly_s * 1000:.1f} / {small.hourly_s * 1000:.1f} ms = {ratio:.2f}x",
            "<= 1.5x (flat)",
            ratio <= 1.5,
        )
    ]


def import_lines(size: str) -> list[Line]:
    """The registry import bench (bench/import_bench.py): its ratios against their aims."""
    from bench import import_bench

    sizes, xlsx_rows = IMPORT_SIZES[size]
    found = import_bench.run(sizes=sizes, xlsx_rows=xlsx_rows)
    lines = []
    for measure, value, baseline, ratio in found:
        aim = next(a for start, a in IMPORT_AIMS.items() if measure.startswith(start))
        if measure.startswith("peak RSS") and " vs " in measure:
            aim = 1.2  # flat: the large file may cost at most a fifth more than the small one
        lines.append(
            Line(
                "registry import",
                measure,
                f"{value:.2f} / {baseline:.2f} = {ratio:.2f}x",
                f"<= {aim}x",
                ratio <= aim,
            )
        )
    return lines


def table(lines: list[Line]) -> list[str]:
    heads = ("bench", "measure", "value", "aim", "met")
    cells = [
        (
            line.bench,
            line.measure,
            line.value,
            line.aim,
            "-" if line.met is None else ("yes" if line.met else "NO"),
        )
        for line in lines
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads)]
    out = ["  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)) for cell in cells]
    return out


def chart(rows: list[steps_bench.Row], path: Path) -> None:
    """Bars of each step's throughput ratio per setup, with the aim and the floor."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    steps = list(dict.fromkeys(r.step for r in rows))
    setups = list(dict.fromkeys(r.setup for r in rows))
    width = 0.8 / max(1, len(setups))
    fig, ax = plt.subplots(figsize=(10, 4.5))
    for n, setup in enumerate(setups):
        values = [
            next((r.ratio for r in rows if r.step == s and r.setup == setup), 0) for s in steps
        ]
        ax.bar([i + n * width for i in range(len(steps))], values, width, label=setup)
    ax.axhline(STEP_AIM, color="green", linestyle="--", label=f"aim {STEP_AIM}x")
    ax.axhline(STEP_FLOOR, color="red", linestyle=":", label=f"floor {STEP_FLOOR}x")
    ax.set_xticks([i + width * (len(setups) - 1) / 2 for i in range(len(steps))], steps)
    ax.set_ylabel("throughput / bare aiogram echo bot")
    ax.set_title("Member steps, many members at once")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))  # beside the bars, not over them
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument("--quick", action="store_true", help="a short run of every bench")
    sizes.add_argument("--smoke", action="store_true", help="the least that fills the table")
    parser.add_argument("--chart", type=Path, default=DEFAULT_CHART, help="where the PNG goes")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    size = "smoke" if args.smoke else "quick" if args.quick else "full"
    lines, rows = step_lines(size)
    others: list[Callable[[str], list[Line]]] = [
        memory_lines,
        busy_lines,
        deliver_lines,
        staff_lines,
        lookup_lines,
        api_lines,
        calendar_lines,
        retention_lines,
        import_lines,
    ]
    for bench in others:
        lines += bench(size)
    for text in table(lines):
        print(text)  # noqa: T201
    chart(rows, args.chart)
    print(f"chart: {args.chart}")  # noqa: T201


if __name__ == "__main__":
    main()
