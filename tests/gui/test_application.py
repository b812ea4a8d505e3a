"""A render made before any window (a snapshot, a PDF) leaves the process an application that windows can
use: a window made after it in the same process (as in one pytest run) does not abort Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: In a fresh process: a snapshot rendered with no application yet, then the viewer's window.
SCRIPT = """
import tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from attribview.core.types import Analysis
from attribview.gui.document import make_document
from attribview.gui.snapshot import render_image

article = make_document(Analysis(text="The ferry runs again.", profile=None, quotes=(), sentences=()), {},
                        title="ferry")
assert QApplication.instance() is None
assert render_image(article, 400).width() == 400
from attribview.gui.main_window import MainWindow
folder = Path(tempfile.mkdtemp())
window = MainWindow(settings=QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat),
                    library_path=folder / "library.sqlite3")
window.show()
print(type(QApplication.instance()).__name__)
window.close()
"""


def test_a_window_can_follow_a_snapshot_in_one_process() -> None:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=root,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["QApplication"]
