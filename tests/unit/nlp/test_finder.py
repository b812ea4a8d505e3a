"""The order the rules run in over one Doc (``finder.py``), on the real model. Invented sentences."""

from __future__ import annotations

from spacy.tokens import Doc

from attribview.core.analysis import Analyzer
from attribview.nlp.finder import _candidates, find_attributions
from attribview.nlp.rules.index import DocIndex


def parsed(analyzer: Analyzer, text: str) -> Doc:
    """``text`` through the model's components up to, not including, the rules."""
    doc = analyzer.nlp.make_doc(text)
    for name, component in analyzer.nlp.pipeline:
        if name == "attribview_attributions":
            break
        doc = component(doc)
    return doc


def test_only_verbs_and_said_forms_are_asked_whether_they_are_cues(analyzer: Analyzer) -> None:
    doc = parsed(analyzer, "The mayor said the claim about the bridge was false, according to Ana Vel.")
    marked = {doc[i].text: cue_word for i, cue_word in _candidates(DocIndex(doc))}
    assert marked["said"] is True
    assert marked["claim"] is False and marked["bridge"] is False
    assert "The" not in marked and "false" not in marked


def test_cues_and_according_to_are_still_found(analyzer: Analyzer) -> None:
    text = "The mayor of Varn said the bridge was safe. The ferry is late, according to Ana Vel."
    found = [(text[a.start:a.end], text[a.source[0]:a.source[1]] if a.source else None)
             for a in find_attributions(parsed(analyzer, text))]
    assert ("the bridge was safe", "The mayor of Varn") in found
    assert any(source == "Ana Vel" for _, source in found)
