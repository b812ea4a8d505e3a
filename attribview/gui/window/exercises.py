"""Exercise, key and attempt files, and the class report, from the File menu."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from attribview.core.exercise import Exercise, load_attempt, load_exercise, save_attempt, save_exercise
from attribview.core.titles import file_stem
from attribview.errors import AttribviewError
from attribview.gui.class_report import ClassReportDialog
from attribview.gui.legend import plural
from attribview.gui.training import TrainingSession, exercise_of
from attribview.gui.window.parts import WindowParts
from attribview.gui.window.training import ARTICLE_ORIGIN

EXERCISE_FILTER = "attribview exercises and attempts (*.json);;All files (*)"


class ExerciseFiles(WindowParts):
    """Saves and opens the training files a class passes around."""

    def _training_path(self, caption: str, suffix: str, *, save: bool) -> str:
        start = str(Path(self._recent()[0]).parent) if self._recent() else ""
        if save:
            title = self.training.exercise.title if self.training is not None else \
                self.document.title if self.document is not None else "exercise"
            name = f"{file_stem(title)}{suffix}"
            start = str(Path(start) / name) if start else name
            path, _ = QFileDialog.getSaveFileName(self, caption, start, EXERCISE_FILTER)
        else:
            path, _ = QFileDialog.getOpenFileName(self, caption, start, EXERCISE_FILTER)
        return path

    def _exercise_to_save(self, keyless: str) -> tuple[Exercise, str] | None:
        """The open article as an exercise (with how its key was made); in training on an opened
        exercise, that exercise; None (and the message ``keyless`` for a copy without key) if none."""
        of_article = self.training is None or self.training.origin == ARTICLE_ORIGIN
        if self.document is not None and of_article:
            what = "with the library's corrections" if self.document.stored \
                else "with the engine's attribution (the article is not in the library: no corrections)"
            return exercise_of(self.document), what
        if self.training is not None and self.training.exercise.keyed:
            return self.training.exercise, "as opened"
        self.status_label.setText(keyless if self.training is not None else
                                  "Open an article first: the exercise is made of the open article.")
        return None

    def save_exercise(self, path: str | None = None) -> str | None:
        """Save the open article as an exercise with its answer key (the trainer's file)."""
        chosen = self._exercise_to_save("This copy has no answer key to save: open the trainer's key file.")
        if chosen is None:
            return None
        exercise, what = chosen
        path = path or self._training_path("Save the exercise", ".exercise.json", save=True)
        if not path or not self._write_exercise(exercise, path):
            return None
        self.status_label.setText(f"Exercise saved to {Path(path).name}, {what}.")
        return path

    def save_exercise_without_answers(self, path: str | None = None) -> tuple[str, str] | None:
        """Save the trainees' copy (the article and the groups, no answers) and, beside it, the key
        (``NAME.key.json``) the trainer scores their attempts with. Returns (copy, key)."""
        chosen = self._exercise_to_save("This is already the trainees' copy: it has no answers to leave out.")
        if chosen is None:
            return None
        exercise, what = chosen
        path = path or self._training_path("Save the exercise for trainees", ".exercise.json", save=True)
        if not path:
            return None
        key = str(Path(path).with_name(f"{Path(path).name.removesuffix('.json').removesuffix('.exercise')}"
                                       ".key.json"))
        if not self._write_exercise(exercise, key) or not self._write_exercise(exercise.without_key(), path):
            return None
        self.status_label.setText(f"Trainees' copy saved to {Path(path).name} (no answers); keep the key "
                                  f"{Path(key).name}, {what}.")
        return path, key

    def _write_exercise(self, exercise: Exercise, path: str) -> bool:
        try:
            save_exercise(exercise, path)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return False
        return True

    def class_report(self, key: str | None = None, attempts: Sequence[str] | None = None) -> \
            ClassReportDialog | None:
        """Score a class: the key file and the attempt files (asked for when not given), in a table."""
        start = str(Path(self._recent()[0]).parent) if self._recent() else ""
        key = key or QFileDialog.getOpenFileName(self, "The exercise's key file", start, EXERCISE_FILTER)[0]
        if not key:
            return None
        if attempts is None:
            attempts = QFileDialog.getOpenFileNames(self, "The trainees' attempt files",
                                                    str(Path(key).parent), EXERCISE_FILTER)[0]
        if not attempts:
            return None
        try:
            dialog = ClassReportDialog.of_files(key, attempts, self)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return None
        dialog.show()
        self.status_label.setText(f"Class report: {plural(len(attempts), 'attempt')} scored against "
                                  f"{Path(key).name}.")
        return dialog

    def open_exercise(self, path: str | None = None) -> bool:
        """Open an exercise file in training mode: its own text, groups and colours; no analysis."""
        path = path or self._training_path("Open an exercise", "", save=False)
        if not path:
            return False
        try:
            exercise = load_exercise(path)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return False
        self._enter_training(TrainingSession(exercise, origin=Path(path).name))
        return True

    def save_attempt(self, path: str | None = None) -> str | None:
        if self.training is None:
            return None
        path = path or self._training_path("Save your attempt", ".attempt.json", save=True)
        if not path:
            return None
        try:
            save_attempt(self.training.exercise, self.training.answers, path)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return None
        self.status_label.setText(f"Attempt saved to {Path(path).name}.")
        return path

    def open_attempt(self, path: str | None = None) -> bool:
        """Load saved answers to the exercise in training (not checked until Check)."""
        if self.training is None:
            self.status_label.setText("Open the exercise first, then its attempt.")
            return False
        path = path or self._training_path("Open an attempt", "", save=False)
        if not path:
            return False
        try:
            answers = load_attempt(self.training.exercise, path)
        except AttribviewError as error:
            self._report_error("attribview", str(error))
            return False
        self.training.answers = dict(answers)
        self.training.score = None
        self._refresh_training()
        self.status_label.setText(f"Opened the attempt {Path(path).name}: Check to see the score.")
        return True
