"""Recent files (menu and welcome screen)."""

from __future__ import annotations

from pathlib import Path

from attribview.gui.plain import tooltip
from attribview.gui.window.parts import WindowParts

MAX_RECENT = 8


class RecentFiles(WindowParts):
    """Keeps the list of recently opened files in the settings."""

    # files, settings --------------------------------------------------------------------------------

    def _recent(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _remember(self, path: str) -> None:
        path = str(Path(path).resolve())
        recent = [path, *(p for p in self._recent() if p != path)][:MAX_RECENT]
        self.settings.setValue("recent_files", recent)
        self._refresh_recent(recent)

    def _refresh_recent(self, recent: list[str]) -> None:
        self.recent_menu.clear()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name.replace("&", "&&"))
            action.setToolTip(tooltip(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        self.recent_menu.setEnabled(bool(recent))
        self.welcome.set_recent_files(recent)
