"""Presentation: text size, contrast and full screen for a classroom; the window's place, layout and
saved state."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QStyle

from attribview.gui.layout import (
    TEXT_SHARE,
    fit_columns,
    is_small,
    share_columns,
    share_reading,
    share_side,
    window_rect,
    within,
)
from attribview.gui.quote_model import Column
from attribview.gui.window.parts import WindowParts

#: The table's columns sized to their contents; "What was said" (the last) stretches over the rest.
SHORT_COLUMNS = (Column.SPEAKER, Column.GROUP, Column.KIND, Column.STATUS, Column.CONFIDENCE)

#: Text sizes a classroom can choose, as a multiple of the article's size, and one step of Ctrl+=.
MIN_SCALE = 0.7
MAX_SCALE = 3.0
SCALE_STEP = 1.15


class Presentation(WindowParts):
    """Applies the classroom settings and shares the window between the article and its panels."""

    # presentation: for a classroom ----------------------------------------------------------------

    @property
    def text_scale(self) -> float:
        value = self.settings.value("presentation/text_scale", 1.0, type=float)
        return float(value) if isinstance(value, (int, float)) else 1.0

    def set_text_scale(self, scale: float) -> None:
        scale = round(max(MIN_SCALE, min(MAX_SCALE, scale)), 3)
        self.settings.setValue("presentation/text_scale", scale)
        self._apply_presentation()

    def larger_text(self) -> None:
        self.set_text_scale(self.text_scale * SCALE_STEP)

    def smaller_text(self) -> None:
        self.set_text_scale(self.text_scale / SCALE_STEP)

    def _on_contrast_toggled(self) -> None:
        self.settings.setValue("presentation/high_contrast", self.contrast_action.isChecked())
        self._apply_presentation()

    def _on_full_screen_toggled(self) -> None:
        checked = self.full_screen_action.isChecked()
        self.settings.setValue("presentation/full_screen", checked)
        if checked:
            self.showFullScreen()
        else:
            self.showNormal()

    def _apply_presentation(self) -> None:
        contrast = bool(self.settings.value("presentation/high_contrast", False, type=bool))
        self.contrast_action.setChecked(contrast)
        self.article_view.set_presentation(self.text_scale, contrast)
        self.training_panel.set_presentation(self.text_scale, contrast)
    def _restore_settings(self) -> None:
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        for key, splitter in self._splitters().items():
            saved = self.settings.value(f"window/{key}")
            if saved is not None:
                splitter.restoreState(saved)
                self._default_layout = False
        self._refresh_recent(self._recent())
        self._apply_presentation()
        if self.settings.value("presentation/full_screen", False, type=bool):
            self.full_screen_action.setChecked(True)
            self.showFullScreen()
        self._sync_training_actions()

    def _place_on_screen(self) -> None:
        """The saved place if it fits this screen (moved into it otherwise), else one from the screen."""
        available = self.screen().availableGeometry()
        geometry = self.settings.value("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            self.setGeometry(within(self.geometry(), available))
            return
        self.setGeometry(window_rect(available))
        if is_small(available) and self.settings.value("window/state") is None:
            self.library_dock.hide()  # a laptop's width goes to the article; Ctrl+L shows the library
            self.summary_dock.hide()

    def _share_space(self) -> None:
        """The first article on screen, with no saved layout: article, table and side panels share the
        window as ``gui.layout`` says (the legend's needs are known only once it shows an article)."""
        if self._default_layout and self.isVisible():
            self._default_layout = self.document is None  # plain text first: again once analysed
            share_columns(self.main_splitter, self.legend, self.width())
            share_reading(self.reading_splitter, self.table)
            share_side(self.side_splitter, self.legend)
            self._fit_columns()  # to the reading column's new width

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        frame = self.frameGeometry()  # a title bar is known only now: keep the frame on the screen
        inside = within(frame, self.screen().availableGeometry())
        if inside != frame:
            self.setGeometry(self.geometry().adjusted(
                inside.left() - frame.left(), inside.top() - frame.top(),
                inside.right() - frame.right(), inside.bottom() - frame.bottom()))

    def _table_room(self) -> int:
        """The width the table's viewport has in the reading column."""
        layout = self.quotes_area.layout()
        margins = layout.contentsMargins().left() + layout.contentsMargins().right() if layout else 0
        scrollbar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return self.main_splitter.sizes()[0] - margins - 2 * self.table.frameWidth() - scrollbar

    def _fit_columns(self) -> None:
        """Size the table's short columns to the room its viewport has in the reading column."""
        fit_columns(self.table, SHORT_COLUMNS, self._table_room(), yielding=(Column.SPEAKER, Column.GROUP))

    def _on_table_resized(self) -> None:
        """A wider table gives its room to "What was said" (the stretching last column); a narrower one
        is fitted again once that column would have less than its share, so the quotes never scroll away."""
        short = sum(self.table.columnWidth(column) for column in SHORT_COLUMNS)
        if short > self._table_room() * (1 - TEXT_SHARE):
            self._fit_columns()

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main_splitter": self.main_splitter, "reading_splitter": self.reading_splitter,
                "side_splitter": self.side_splitter}

    def _save_layout(self) -> None:
        """The window's place, docks and splitters, for the next start."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        for key, splitter in self._splitters().items():
            self.settings.setValue(f"window/{key}", splitter.saveState())
        self.settings.sync()
