"""What one import has seen so far, kept compact: keys (insured IDs, policy numbers) with a small
value each, in a private in-memory SQLite database of the standard library's `sqlite3`.

The rules across a file's rows need every key seen before (a duplicate insured ID names the line
it was first seen on; a policy's later rows must repeat its first row's columns). As Python dicts
of strings and tuples that cost 130-300 bytes a key, and the import's memory grew with the file;
in a B-tree of its own it is some 30-40 bytes a key, outside Python's heap. This is not the
project's database: nothing here is stored, it lives as long as one import, and only one thread
uses it at a time (the import reads, then writes).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable

Value = int | str
_PER_STATEMENT = 512  # keys in one IN list (SQLite allows 999 parameters before 3.32)
# every IN list is padded to the full size with its last key (the same rows match): a text of its
# own per size would be prepared anew and kept by sqlite3's statement cache (storage/sql.py)
_MANY = f"SELECT key, value FROM seen WHERE key IN ({', '.join('?' * _PER_STATEMENT)})"  # noqa: S608 (only ? marks)


class Seen:
    """A set of keys, each with a value (an int or a string), in memory."""

    def __init__(self) -> None:
        # One transaction from the first write to `close`, never committed: nothing is kept, and
        # a statement costs no commit of its own.
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, value) WITHOUT ROWID")

    def first(self, key: str, value: Value) -> Value | None:
        """Remember `value` for `key` unless the key is known: None, or the value it has."""
        if self._db.execute("INSERT OR IGNORE INTO seen VALUES (?, ?)", (key, value)).rowcount:
            return None
        return self.get(key)

    def get(self, key: str) -> Value | None:
        found = self._db.execute("SELECT value FROM seen WHERE key = ?", (key,)).fetchone()
        return None if found is None else found[0]

    def many(self, keys: Collection[str]) -> dict[str, Value]:
        """The known ones of these keys, with their values."""
        found: dict[str, Value] = {}
        listed = list(keys)
        for start in range(0, len(listed), _PER_STATEMENT):
            chunk = listed[start : start + _PER_STATEMENT]
            chunk += [chunk[-1]] * (_PER_STATEMENT - len(chunk))  # one text, prepared once
            found.update(self._db.execute(_MANY, chunk))
        return found

    def add(self, items: Iterable[tuple[str, Value]]) -> int:
        """Remember these keys (the ones not known yet) with their values; how many were new."""
        return self._db.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?)", items).rowcount

    def forget(self, keys: Iterable[str]) -> None:
        self._db.executemany("DELETE FROM seen WHERE key = ?", [(key,) for key in keys])

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM seen").fetchone()[0])

    def close(self) -> None:
        self._db.close()
