"""SQL the repositories share: bulk statements in a few sizes (`padded`, `in_chunks`), statements
written as SQL text where one statement does what the ORM needs several for (`typed_text`), bulk
writes sent as the driver's own executemany (`execute_many`) and reads by keys sent to the driver
(`select_many`); and what sending a statement to the driver takes, shared with the member's lane
(`storage/driver_lane.py`): its SQL and parameters (`driver_form`, `statement_for`), its columns'
result processors, and the flush `session.execute` would make first (`autoflushed`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Select, TextClause, bindparam, text
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ClauseElement

T = TypeVar("T")

# A bulk statement's text follows the number of values it carries: an `IN` list of n keys or a
# many-row INSERT of n rows is a statement of its own for each n. The driver prepares each text
# once and keeps it (sqlite3 the last 128 per connection, SQLAlchemy's asyncpg adapter 100), and a
# read of 1,000 keys or an INSERT of 1,000 rows compiles to a program of tens to hundreds of
# kilobytes: a registry import's batches, each with its own counts, left 20-30 MB of them in the
# connection (kept in the pool after the import) and prepared every statement anew.
# So bulk statements carry a few sizes only: `IN` lists padded (`padded`), and many rows written
# as one executemany of a one-row statement (`execute_many`), not as a many-row INSERT
# (docs/performance.md, "Registry import: statements of a few sizes").
_SMALLEST_LIST = 8


# the largest id an Integer primary key holds (PostgreSQL's integer; asyncpg refuses a larger
# value in a comparison with one): a number typed by a person is checked against it first
MAX_ROW_ID = 2**31 - 1


def padded(keys: Collection[T]) -> list[T]:
    """`keys` for an `IN` list, padded to a power of two (8 at least) by repeating the last one:
    the same rows match, and the statement is one of a few texts whatever the count."""
    listed = list(keys)
    if not listed:
        return listed
    size = _SMALLEST_LIST
    while size < len(listed):
        size *= 2
    return listed + [listed[-1]] * (size - len(listed))


def in_chunks(keys: Sequence[T], size: int = 1024) -> Iterator[list[T]]:
    """`keys` for `IN` lists of at most `size`, each `padded`: a statement takes at most 32,766
    values on SQLite and 32,767 through asyncpg, and any number of keys may come (an export of a
    year's requests)."""
    for start in range(0, len(keys), size):
        yield padded(keys[start : start + size])


def typed_text(sql: str, table: Any, *columns: str) -> TextClause:
    """`sql` with its `:column` parameters bound to `table`'s column types, so values go in as
    the ORM writes them (JSON serialized, aware datetimes as UTC, enums by value).

    For the statements whose words are the same on SQLite (3.24 on) and PostgreSQL but that
    SQLAlchemy's Core builds per dialect only (`INSERT … ON CONFLICT`)."""
    return text(sql).bindparams(*(bindparam(name, type_=table.c[name].type) for name in columns))


Processor = Callable[[Any], Any]


def unchanged(value: Any) -> Any:
    """The bind processor of a type that has none: the value goes to the driver as it is."""
    return value


@lru_cache(maxsize=256)
def driver_form(
    statement: ClauseElement,
    dialect: Dialect,
    sizes: tuple[tuple[str, int], ...] = (),
    keys: tuple[str, ...] = (),
) -> tuple[str, tuple[str, ...], tuple[Processor, ...], dict[str, Any]]:
    """`statement`'s SQL for `dialect`, as its driver takes it: with `sizes` values in its
    expanding lists, or, given the `keys` of the rows an INSERT or UPDATE writes, for an
    executemany of them (SQLAlchemy's own SQL for that: no RETURNING of the new ids); the names
    of its positional parameters in order (an expanding list's as `name_1`, `name_2`, ...), each
    one's bind processor (`unchanged` when its type has none), and the values the statement
    holds itself (a literal the dialect adds, as SQLite's `OFFSET 0` after a `LIMIT`).

    What goes in through these processors is stored as SQLAlchemy stores it: the member's reads
    on SQLite (`storage/driver_lane.py`) and the registry's bulk writes (`execute_many`) are sent
    past SQLAlchemy's per-statement work this way."""
    options: dict[str, Any] = {"column_keys": list(keys), "for_executemany": True} if keys else {}
    compiled: Any = statement.compile(dialect=dialect, **options)
    values: dict[str, Any] = dict.fromkeys(compiled.params)
    expanding = dict(sizes)
    for name, size in sizes:
        values[name] = [None] * size
    state = compiled.construct_expanded_state(values)
    names = tuple(state.positiontup or ())
    binds = compiled.binds  # by name
    processors = []
    of_bind: dict[str, Processor] = {}  # an expanding list's values share their bind's
    for name in names:
        base, _, index = name.rpartition("_")
        key = base if base in expanding and index.isdigit() else name
        process = of_bind.get(key)
        if process is None:
            bind_type = binds[key].type.dialect_impl(dialect)
            process = of_bind[key] = bind_type.bind_processor(dialect) or unchanged
        processors.append(process)
    held = {name: bind.value for name, bind in binds.items() if not bind.required}
    return state.statement, names, tuple(processors), held


# Each processor's answers so far, value -> processed: a registry import's batches repeat their
# dates and enumerations from one batch to the next (100,000 cards: 137,000 dates processed
# batch by batch, some 25,000 distinct). Processors are pure functions of a value; each belongs
# to one of the cached statement forms (`driver_form`, `result_processors`). At most
# _PROCESSORS of them keep answers, each at most _KEPT (a form made again, once its cache let it
# go, brings new processors: the oldest answers go first).
_DONE: dict[Processor, dict[Any, Any]] = {}
_KEPT = 32_768
_PROCESSORS = 64


def _processed(values: Sequence[Any], process: Processor) -> Sequence[Any]:
    """`values` through `process`, each distinct value once (a bulk write repeats its dates and
    enumerations: a registry's 100,000 cards hold some 20,000 birth dates); values that are not
    hashable (JSON) one by one."""
    if process is unchanged:
        return values
    done = _DONE.get(process)
    if done is None:
        if len(_DONE) >= _PROCESSORS:
            del _DONE[next(iter(_DONE))]
        done = _DONE[process] = {}
    try:
        missing = set(values).difference(done)
    except TypeError:
        return [process(value) for value in values]
    if len(done) + len(missing) > _KEPT:
        done.clear()
    for value in missing:
        done[value] = process(value)
    return list(map(done.__getitem__, values))


async def execute_many(
    session: AsyncSession,
    statement: ClauseElement,
    keys: Sequence[str],
    rows: Sequence[Sequence[Any]],
    shared: Mapping[str, Any] | None = None,
) -> None:
    """`session.execute(statement, [dict(zip(keys, row)) | shared for row in rows])` for a bulk
    INSERT or UPDATE, at the driver's cost: the statement compiled once per dialect and keys, the
    rows' values taken a column at a time (no dict built per row), each distinct value of a
    column through its type's own bind processor once (so it is stored as SQLAlchemy stores it;
    the `shared` values, the same in every row, once), then one executemany. SQLAlchemy's own
    path builds a parameter set per row (0.3-0.6 of a registry import's CPU in its writing
    process: docs/performance.md, "Registry import")."""
    if not rows:
        return
    shared = shared or {}
    by_key = dict(zip(keys, zip(*rows, strict=True), strict=True))
    connection = await session.connection()
    sql, names, processors, _held = driver_form(
        statement, connection.dialect, keys=(*keys, *shared)
    )
    columns = [
        [process(shared[name])] * len(rows) if name in shared else _processed(by_key[name], process)
        for name, process in zip(names, processors, strict=True)
    ]
    await connection.exec_driver_sql(sql, list(zip(*columns, strict=True)))


def statement_for(
    statement: ClauseElement, dialect: Dialect, values: Mapping[str, Any]
) -> tuple[str, list[Any]]:
    """The driver's SQL and positional parameters for `statement` with `values` (a list for
    an expanding parameter)."""
    sizes = tuple(
        (name, len(value)) for name, value in values.items() if isinstance(value, list | tuple)
    )
    sql, names, processors, held = driver_form(statement, dialect, sizes)
    if len(sizes) == len(values) == 1 and not held and len(names) == sizes[0][1]:
        # one list is the statement's only parameter (a read by keys): its values, in order
        process, items = processors[0], values[sizes[0][0]]
        return sql, list(items) if process is unchanged else [process(item) for item in items]
    flat = held | dict(values)
    for name, _size in sizes:
        flat.update((f"{name}_{index}", item) for index, item in enumerate(values[name], 1))
    return sql, [process(flat[name]) for name, process in zip(names, processors, strict=True)]


@lru_cache(maxsize=256)
def result_processors(statement: Select[Any], dialect: Dialect) -> tuple[Processor | None, ...]:
    """The result processor of each selected column (None: the value as the driver gives it)."""
    return tuple(
        column.type.dialect_impl(dialect).result_processor(dialect, None)
        for column in statement.selected_columns
    )


async def autoflushed(session: AsyncSession) -> None:
    """Pending ORM changes flushed, as `session.execute` flushes them before a statement it
    runs (only when there are any: a flush of nothing still walks the session)."""
    sync = session.sync_session
    if sync.autoflush and (sync.new or sync.deleted or sync.identity_map.check_modified()):
        await session.flush()


async def select_many(
    session: AsyncSession, statement: Select[Any], name: str, keys: Collection[Any]
) -> list[tuple[Any, ...]]:
    """The rows of `statement`, a SELECT whose expanding parameter `name` takes `keys` (`padded`),
    at the driver's cost: its SQL for the list's size made once (`statement_for`), and each
    distinct value of a column through its type's result processor once, so the rows are what
    `session.execute(statement, {name: keys})` returns (as tuples). SQLAlchemy's own execution
    writes the list's parameters anew each time, a name and a placeholder for each key: a
    registry import's reads by key, 300,000 keys for 100,000 rows, spent a fifth of its writing
    process's CPU there (docs/performance.md, "Registry import")."""
    listed = padded(keys)
    if not listed:
        return []
    await autoflushed(session)
    connection = await session.connection()
    sql, parameters = statement_for(statement, connection.dialect, {name: listed})
    rows = (await connection.exec_driver_sql(sql, tuple(parameters))).all()
    if not rows:
        return []
    loaders = result_processors(statement, connection.dialect)
    columns = [
        column if load is None else _processed(column, load)
        for column, load in zip(zip(*rows, strict=True), loaders, strict=True)
    ]
    return list(zip(*columns, strict=True))
