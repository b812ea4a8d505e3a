"""Who is checking: the name the history and the exports record for each change on the desk.

Asked once, on the first change (the login name, often "root" or a service account, says nothing about
who checked a quote), kept in the settings and editable from the Check menu.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

SETTING = "desk/checker"
#: A name longer than this is cut: it is a person's name, shown on one line of the history.
MAX_NAME = 80


class Checker:
    """The checker's name, from the settings or asked in a small dialog."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        self._settings = settings
        self._parent = parent
        self.dialog: QInputDialog | None = None  # while it is open (tests answer it)

    def saved(self) -> str | None:
        name = " ".join(str(self._settings.value(SETTING, "") or "").split())
        return name or None

    def name(self) -> str | None:
        """The saved name, else asked now; None (the login name is recorded) when the user declines."""
        return self.saved() or self.ask()

    def ask(self) -> str | None:
        """Ask for the name (the saved one filled in) and save it; None when cancelled or left empty."""
        dialog = QInputDialog(self._parent)
        dialog.setWindowTitle("Who is checking?")
        dialog.setLabelText("Your name, as the history and the exports record each change:")
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(self.saved() or "")
        self.dialog = dialog
        try:
            accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
            name = " ".join(dialog.textValue().split())[:MAX_NAME]
        finally:
            self.dialog = None
            dialog.deleteLater()
        if not accepted or not name:
            return None
        self._settings.setValue(SETTING, name)
        return name
