"""``--set`` overrides reach spaCy typed: numbers and booleans as JSON, anything else as text."""

from attribview.training.__main__ import _parsed


def test_set_values_parse_as_json_where_they_can() -> None:
    parsed = _parsed({"system.seed": "2", "training.dropout": "0.2", "paths.source": "a_model"})
    assert parsed == {"system.seed": 2, "training.dropout": 0.2, "paths.source": "a_model"}
