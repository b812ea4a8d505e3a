"""The status bar's profile button: which profile the open article is read with, and a menu to read it
with another (each profile by its label, and none)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from attribview.core.analysis import NO_PROFILE
from attribview.gui.document import Document

NO_PROFILE_LABEL = "No profile (each speaker a group of its own)"


def _menu_text(text: str) -> str:
    """A label as a menu item shows it: an "&" is itself, not a shortcut mark."""
    return text.replace("&", "&&")


class ProfileChoice(QToolButton):
    """Shows "Profile: <label>" for the open article; its menu lists every profile.

    Signals:
        profile_chosen: the id of the profile the user chose (``none`` for none), not the current one
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
        self.set_article(None)

    @property
    def actions_by_profile(self) -> dict[str, QAction]:
        """The menu's actions by profile id (``none`` for none)."""
        return {str(action.data()): action for action in self._group.actions()}

    def set_article(self, article: Document | None) -> None:
        """Show the article's profile and offer the others (hidden without an article)."""
        self.setVisible(article is not None)
        menu = self.menu()
        menu.clear()
        for action in self._group.actions():
            self._group.removeAction(action)
        if article is None:
            self._current = None
            return
        self._current = article.analysis.profile or NO_PROFILE
        menu.addSection("Analyse this article again with")
        labels = {profile.id: profile.label for profile in article.profiles.values()}
        for profile_id, label in [*sorted(labels.items(), key=lambda item: item[1].casefold()),
                                  (NO_PROFILE, NO_PROFILE_LABEL)]:
            action = menu.addAction(_menu_text(label))
            action.setData(profile_id)
            action.setCheckable(True)
            action.setChecked(profile_id == self._current)
            action.triggered.connect(lambda _checked=False, chosen=profile_id: self._choose(chosen))
            self._group.addAction(action)
        self.setText(_menu_text(f"Profile: {article.profile_label or 'none'}"))

    def _choose(self, profile_id: str) -> None:
        if profile_id != self._current:
            self.profile_chosen.emit(profile_id)
