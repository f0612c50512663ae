"""Imports run down the layers only: storage ← services ← delivery / handlers / dialogs ← app.

Every `import` and `from … import` (relative ones resolved, those under TYPE_CHECKING too) of
every module under bot/, dialogs/ and storage/ is read with `ast` and checked against the rules
below; a rule names a package and the modules it must not import (a prefix matches the module
and everything under it).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "dialogs", "storage")
APP = ("bot.app", "bot.factory", "bot.cli", "bot.scheduler", "bot.polling", "bot.sandbox")

RULES: dict[str, tuple[str, ...]] = {
    # the database layer knows nothing of the bot
    "storage": ("bot", "dialogs", "tgsandbox"),
    # the rules: no Telegram, nothing above them, settings come in as arguments
    "bot.services": (
        "aiogram",
        "aiogram_dialog",
        "dialogs",
        "bot.handlers",
        "bot.delivery",
        "bot.middlewares",
        "bot.filters",
        "bot.callbacks",
        "bot.config",
        "bot.i18n",
        *APP,
    ),
    # the two aiogram sides share callback data through bot.callbacks, not each other
    "bot.delivery": ("bot.handlers", "bot.middlewares", "bot.filters", "dialogs", *APP),
    "bot.handlers": ("bot.delivery", *APP),
    "dialogs": ("bot.handlers", "bot.delivery", "bot.middlewares", "bot.filters", *APP),
    "bot.middlewares": ("bot.handlers", "bot.delivery", "dialogs", *APP),
    "bot.filters": ("bot.handlers", "bot.delivery", "dialogs", *APP),
    "bot.callbacks": ("bot.handlers", "bot.delivery", "dialogs", *APP),
    # counters and logging, in every process: `import-registry` loads no aiogram (its RSS)
    "bot.observability": (
        "aiogram",
        "aiogram_dialog",
        "dialogs",
        "bot.handlers",
        "bot.delivery",
        "bot.middlewares",
    ),
    "bot.config": ("bot.handlers", "bot.delivery", "dialogs", "bot.middlewares", *APP),
}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path) -> Iterator[tuple[int, str]]:
    """(line, module) for each import in the file; `from x import y` gives x and x.y."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def violations(
    root: Path, packages: tuple[str, ...], rules: dict[str, tuple[str, ...]]
) -> list[str]:
    found: set[str] = set()
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            importer = module_name(path, root)
            for owner, forbidden in rules.items():
                if not _within(importer, owner):
                    continue
                for line, imported in imports_of(path, root):
                    if _within(imported, owner):
                        continue  # a package's own modules
                    for prefix in forbidden:
                        if _within(imported, prefix):
                            where = path.relative_to(root)
                            found.add(f"{where}:{line}: {owner} must not import {prefix}")
    return sorted(found)


def test_imports_run_down_the_layers_only() -> None:
    assert violations(ROOT, PACKAGES, RULES) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from bot.handlers.admin import buttons\n", "bot.services must not import bot.handlers"),
        ("import aiogram.types\n", "bot.services must not import aiogram"),
        ("from ...handlers import commands\n", "bot.services must not import bot.handlers"),
        ("from bot.services import cards\n", None),
    ],
)
def test_the_check_sees_a_service_importing_up(
    tmp_path: Path, source: str, expected: str | None
) -> None:
    services = tmp_path / "bot" / "services" / "deep"
    services.mkdir(parents=True)
    for folder in (tmp_path / "bot", tmp_path / "bot" / "services", services):
        (folder / "__init__.py").write_text("")
    (services / "bad.py").write_text(f'"""x"""\n{source}')

    found = violations(tmp_path, ("bot",), RULES)

    if expected is None:
        assert found == []
    else:
        assert found == [f"bot/services/deep/bad.py:2: {expected}"]
