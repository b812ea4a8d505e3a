"""``--set`` overrides reach spaCy typed: numbers and booleans as JSON, anything else as text."""

import pytest

from attribview.training.__main__ import _parsed, main


def test_set_values_parse_as_json_where_they_can() -> None:
    parsed = _parsed({"system.seed": "2", "training.dropout": "0.2", "paths.source": "a_model"})
    assert parsed == {"system.seed": 2, "training.dropout": 0.2, "paths.source": "a_model"}


def test_a_set_without_a_value_is_one_line_of_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["shared", "--set", "system.seed"])
    assert ended.value.code == 2
    assert "--set system.seed: expected SECTION.KEY=VALUE" in capsys.readouterr().err
