"""The wheel carries what the bot needs outside a checkout: translations, the sandbox page and
demo registry, the migrations, and the `insurance-bot` command."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TREE = ("bot", "dialogs", "storage", "tgsandbox", "locales", "data", "pyproject.toml", "README.md")


def test_the_wheel_holds_locales_sandbox_data_migrations_and_the_command(tmp_path: Path):
    source = tmp_path / "src"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.sqlite3*")
    for name in TREE:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, symlinks=True, ignore=ignore)
        else:
            shutil.copy(path, source / name)
    out = tmp_path / "dist"
    build = "import sys; from setuptools import build_meta as b; print(b.build_wheel(sys.argv[1]))"
    subprocess.run(
        [sys.executable, "-c", build, str(out)], cwd=source, check=True, capture_output=True
    )
    [wheel] = out.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        scripts = next(n for n in names if n.endswith("entry_points.txt"))
        entry_points = archive.read(scripts).decode()
    for lang in ("uk", "ru", "kk", "en"):
        expected = {p.name for p in (ROOT / "locales" / lang).glob("*.ftl")}
        packed = {Path(n).name for n in names if n.startswith(f"bot/locales/{lang}/")}
        assert packed == expected, lang
    assert "bot/sandbox/data/demo_registry.csv" in names
    assert "bot/sandbox/data/demo_clinics.csv" in names
    assert "tgsandbox/static/index.html" in names
    assert "storage/migrations/env.py" in names
    assert any(n.startswith("storage/migrations/versions/0001") for n in names)
    assert "insurance-bot = bot.main:main" in entry_points
