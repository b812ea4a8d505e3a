"""The small dialog that adds an attribution the engine missed, from a selection in the article."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from attribview.core.types import kind_label
from attribview.gui.document import GroupStyle
from attribview.gui.legend import swatch_icon
from attribview.gui.plain import plain_label

#: The kinds a person can give an added attribution, in the order offered.
KINDS = ("direct", "indirect", "mixed", "according_to")
#: Characters shown of the selected text before it is cut.
EXCERPT = 400
OPENING_QUOTES = "\"“‘«„'"


def guess_kind(text: str) -> str:
    """A direct quote when the selection opens with a quotation mark, else reported speech."""
    return "direct" if text.lstrip()[:1] in OPENING_QUOTES else "indirect"


class AddAttributionDialog(QDialog):
    """Speaker (completed from known speakers), group and kind for the selected words.

    Without a profile every speaker is its own group, so the group list is hidden and the speaker is
    required; with one, the group follows a known speaker and must be chosen for anyone else.

    Args:
        text: the selected words of the article.
        groups: the article's groups (the profile's), in display order; unused without a profile.
        known: speaker name -> group, for completion and to choose the group of a known speaker.
        has_profile: whether the article has a profile.
    """

    def __init__(self, text: str, groups: Sequence[GroupStyle], known: Mapping[str, str | None], *,
                 has_profile: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add an attribution")
        self._known = dict(known)
        self._has_profile = has_profile
        self._group_chosen = False

        said = " ".join(text.split())
        self.said = plain_label(said if len(said) <= EXCERPT else said[: EXCERPT - 1].rstrip() + "…")
        self.said.setWordWrap(True)
        self.said.setMinimumWidth(380)

        self.speaker_edit = QLineEdit()
        self.speaker_edit.setPlaceholderText("Who said it (leave empty if nobody is named)" if has_profile
                                             else "Who said it")
        completions = QStringListModel(sorted(self._known, key=str.casefold), self)
        completer = QCompleter(completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker_edit.setCompleter(completer)

        self.group_combo = QComboBox()
        self.group_combo.setMinimumContentsLength(18)
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_combo.addItem("Choose a group…", None)
        base = self.palette().color(QPalette.ColorRole.Base)
        for style in groups:
            self.group_combo.addItem(swatch_icon(style.colour, base), style.label, style.id)

        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(guess_kind(text)))

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow("Said", self.said)
        form.addRow("Speaker", self.speaker_edit)
        group_label = QLabel("Group")
        form.addRow(group_label, self.group_combo)
        group_label.setVisible(has_profile)
        self.group_combo.setVisible(has_profile)
        form.addRow("Kind", self.kind_combo)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.ok_button
        ok.setText("Add")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.speaker_edit.textChanged.connect(self._on_speaker_changed)
        self.group_combo.activated.connect(self._on_group_activated)
        self._update_ok()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def speaker(self) -> str | None:
        return " ".join(self.speaker_edit.text().split()) or None

    def group(self) -> str | None:
        """The chosen group; without a profile, the speaker (every speaker is its own group)."""
        if not self._has_profile:
            return self.speaker()
        data = self.group_combo.currentData()
        return data if isinstance(data, str) else None

    def kind(self) -> str:
        data = self.kind_combo.currentData()
        return data if isinstance(data, str) else "manual"

    def _on_speaker_changed(self, _text: str) -> None:
        name = self.speaker()
        group = self._known.get(name) if name else None
        if self._has_profile and group is not None and not self._group_chosen:
            index = self.group_combo.findData(group)
            if index >= 0:
                self.group_combo.setCurrentIndex(index)
        self._update_ok()

    def _on_group_activated(self, _index: int) -> None:
        self._group_chosen = True  # a person's choice is not overridden by the speaker typed after it
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.group() is not None  # a quote with no group would not be highlighted
        self.ok_button.setEnabled(ok)
        self.ok_button.setToolTip("" if ok else
                                  "Choose a group (or a known speaker)" if self._has_profile else
                                  "Name the speaker")
