"""The emulator is its own package: it imports nothing of this bot, and no bot framework at load.

Any Telegram client can be tested against it, so at module level it needs only the standard
library and aiohttp; aiogram is imported only inside the `bot_session` helper, for aiogram users.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

TGSANDBOX = Path(__file__).resolve().parents[2] / "tgsandbox"
PRODUCT = {"bot", "dialogs", "storage"}
AT_LOAD = {"aiohttp", "tgsandbox"} | set(sys.stdlib_module_names)


def _imports(tree: ast.AST) -> list[tuple[int, str, bool]]:
    """(line, top-level module, imported at module level) for every absolute import."""
    at_load = {id(n) for n in ast.iter_child_nodes(tree)}
    for node in ast.walk(tree):  # `if TYPE_CHECKING:` blocks are not run at load
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            at_load -= {id(child) for child in node.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [(node.lineno, name.split(".")[0], id(node) in at_load) for name in names]
    return found


def test_imports_nothing_of_the_bot() -> None:
    files = sorted(TGSANDBOX.rglob("*.py"))
    assert len(files) > 15
    wrong = [
        f"{path.relative_to(TGSANDBOX)}:{line} imports {module}"
        for path in files
        for line, module, _ in _imports(ast.parse(path.read_text(encoding="utf-8")))
        if module in PRODUCT
    ]
    assert wrong == []


def test_needs_only_aiohttp_when_loaded() -> None:
    wrong = [
        f"{path.relative_to(TGSANDBOX)}:{line} imports {module}"
        for path in sorted(TGSANDBOX.rglob("*.py"))
        for line, module, at_load in _imports(ast.parse(path.read_text(encoding="utf-8")))
        if at_load and module not in AT_LOAD
    ]
    assert wrong == []


def test_the_check_sees_a_product_import() -> None:
    tree = ast.parse("import json\nfrom bot.config import Settings\ndef f():\n    import aiogram\n")
    assert _imports(tree) == [(1, "json", True), (2, "bot", True), (4, "aiogram", False)]
