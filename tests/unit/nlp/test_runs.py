"""Long runs without a space reach spaCy's tokenizer in pieces: same text, linear time."""

import pytest
import spacy

from attribview.nlp.runs import MAX_RUN, RunCuttingTokenizer


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The mayor of Velmora said “no”.  Twice.\n\nThen left.", id="ordinary"),
        pytest.param("a" * MAX_RUN, id="run-at-the-limit"),
        pytest.param("b" * (MAX_RUN + 1), id="run-over-the-limit"),
        pytest.param('He said ' + '"' * (5 * MAX_RUN + 3) + ' and “' + "”" * 999 + ".\n", id="floods"),
        pytest.param("x" * (3 * MAX_RUN) + " \n " + "y" * (MAX_RUN + 7), id="two-runs"),
    ],
)
def test_the_doc_is_the_same_text(text: str) -> None:
    tokenizer = spacy.blank("en").tokenizer
    doc = RunCuttingTokenizer(tokenizer)(text)
    assert doc.text == text
    assert all(len(token.text) <= MAX_RUN for token in doc)
    if len(max(text.split(), key=len)) <= MAX_RUN:
        assert [t.text for t in doc] == [t.text for t in tokenizer(text)]
