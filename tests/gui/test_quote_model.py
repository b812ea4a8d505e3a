"""The quote table's model passes Qt's model tester."""

from __future__ import annotations

from attribview.gui.document import Document
from attribview.gui.quote_model import QuoteFilterModel, QuoteTableModel


def test_quote_model_passes_the_model_tester(qtmodeltester: object, sample: Document) -> None:
    model = QuoteTableModel()
    model.set_article(sample)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    proxy = QuoteFilterModel()
    proxy.setSourceModel(model)
    proxy.set_search("said")
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]
