"""The status bar's profile button: which profile the open article is read with, and a menu to read it
with another (the automatic choice, each profile by its label, and none)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from attribview.core.analysis import AUTO, NO_PROFILE
from attribview.gui.document import Document

NO_PROFILE_LABEL = "No profile (each speaker a group of its own)"


def _menu_text(text: str) -> str:
    """A label as a menu item shows it: an "&" is itself, not a shortcut mark."""
    return text.replace("&", "&&")


class ProfileChoice(QToolButton):
    """Shows "Profile: <label>" for the open article; its menu lists every profile.

    "Automatic" comes first, ticked when the article is read with the profile its content is given
    automatically, so that a profile chosen by mistake can be undone without knowing which was automatic.

    Signals:
        profile_chosen: the id of the profile the user chose (``auto`` for the automatic choice, ``none``
            for none), never one that would read the article as it is read now
    """

    profile_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self.setMaximumHeight(self.fontMetrics().height() + 4)  # no taller than the status bar's text
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolTip("The speaker groups this article is read with: choose another to analyse it again")
        self.setMenu(QMenu(self))
        self._group = QActionGroup(self)
        self._current: str | None = None
        self._automatic: str | None = None
        self.set_article(None)

    @property
    def actions_by_profile(self) -> dict[str, QAction]:
        """The menu's actions by profile id (``auto`` for the automatic choice, ``none`` for none)."""
        return {str(action.data()): action for action in self._group.actions()}

    def set_article(self, article: Document | None) -> None:
        """Show the article's profile and offer the others (hidden without an article)."""
        self.setVisible(article is not None)
        menu = self.menu()
        menu.clear()
        for action in self._group.actions():
            self._group.removeAction(action)
        if article is None:
            self._current = self._automatic = None
            return
        self._current = article.analysis.profile or NO_PROFILE
        self._automatic = article.automatic
        menu.addSection("Analyse this article again with")
        labels = sorted(((profile.id, profile.label) for profile in article.profiles.values()),
                        key=lambda item: item[1].casefold())
        entries = [(AUTO, automatic_label(article)), *labels, (NO_PROFILE, NO_PROFILE_LABEL)]
        for profile_id, label in entries:
            action = menu.addAction(_menu_text(label))
            action.setData(profile_id)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, chosen=profile_id: self._choose(chosen))
            self._group.addAction(action)
            if profile_id == AUTO:
                menu.addSeparator()
        self._tick(AUTO if article.profile_automatic else self._current)
        automatic = " (automatic)" if article.profile_automatic else ""
        self.setText(_menu_text(f"Profile: {article.profile_label or 'none'}{automatic}"))

    def _tick(self, choice: str) -> None:
        action = self.actions_by_profile.get(choice)  # none for a profile no longer installed
        if action is not None:
            action.setChecked(True)

    def _choose(self, choice: str) -> None:
        """Ask for the choice unless it reads the article as it is read now (the tick goes back then)."""
        wanted = self._automatic if choice == AUTO else choice
        if wanted != self._current:
            self.profile_chosen.emit(choice)
        elif self._current is not None:
            self._tick(AUTO if self._current == self._automatic else self._current)


def automatic_label(article: Document) -> str:
    """The "Automatic" entry, with the profile the automatic choice gives this article."""
    chosen = article.profiles.get(article.automatic)
    return f"Automatic ({chosen.label if chosen is not None else 'no profile'})"
