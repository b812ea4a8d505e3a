"""The Qt application of a process that renders without a window: a snapshot, a PDF report."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


def ensure_application() -> None:
    """Make the process's Qt application when it has none, on the offscreen platform without a display.

    Always a QApplication, never a bare QGuiApplication: a process keeps its one application to the end,
    and a window or dialog made in it later (the viewer's, a test's) aborts Qt without the widgets' kind.
    """
    if QCoreApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication(["attribview"])  # kept alive by Qt as the instance
