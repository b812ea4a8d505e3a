"""Architecture: the engine, the CLI and text input never pull in Qt, and the import contracts hold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

QT_FREE_MODULES = (
    "attribview.core.analysis",
    "attribview.core.profiles",
    "attribview.nlp.pipeline",
    "attribview.cli.main",
    "attribview.textio",
    "attribview.atomic",
    "attribview.store.db",
    "attribview.store.library",
)

_CHECK_NO_QT = """
import importlib
import sys

for name in sys.argv[1:]:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.startswith("PySide6"))
if qt:
    print("Qt modules imported: " + ", ".join(qt))
    raise SystemExit(1)
print("ok")
"""


def test_engine_cli_and_textio_import_no_qt() -> None:
    # A fresh interpreter: this test run may already have imported Qt (pytest-qt is installed).
    result = subprocess.run(
        [sys.executable, "-c", _CHECK_NO_QT, *QT_FREE_MODULES],
        capture_output=True, text=True, cwd=REPO_ROOT, timeout=120, check=False,
    )
    assert result.returncode == 0, f"stdout: {result.stdout}\nstderr: {result.stderr}"
    assert result.stdout.strip() == "ok"


def test_import_linter_contracts_hold() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    assert lint_imports.exists(), f"import-linter is not installed next to {sys.executable}"
    result = subprocess.run(
        [str(lint_imports), "--no-cache", "--no-logo"],
        capture_output=True, text=True, cwd=REPO_ROOT, timeout=300, check=False,
    )
    assert result.returncode == 0, f"lint-imports failed:\n{result.stdout}\n{result.stderr}"
