"""The repository's training config trains: two steps on invented articles, then the weights load
into the analysis pipeline and tag."""

import json
from pathlib import Path

from spacy.cli.train import train

from attribview.nlp.learned import ROLES, add_learned_tagger
from attribview.nlp.model import load_pipeline
from attribview.paths import resources_dir
from attribview.training.__main__ import CONFIG
from attribview.training.convert import write_docbin

ARTICLES = [
    ("The ferry operator said the crossing would close on Monday.", "The ferry operator", "said",
     "the crossing would close on Monday"),
    ("Residents of Holm complained that the road was flooded.", "Residents of Holm", "complained",
     "the road was flooded"),
]


def _gold(text: str, source: str, cue: str, content: str) -> dict[str, object]:
    def span(part: str) -> list[list[int]]:
        return [[text.index(part), text.index(part) + len(part)]]

    return {"text": text, "quotes": [{"source_fragments": span(source), "cue_fragments": span(cue),
                                      "content_fragments": span(content)}]}


def test_two_training_steps_give_weights_the_pipeline_loads(tmp_path: Path) -> None:
    for number, article in enumerate(ARTICLES):
        (tmp_path / f"a{number}.json").write_text(json.dumps(_gold(*article)), encoding="utf-8")
    rules = load_pipeline(learned=False)
    write_docbin(rules, tmp_path, ["a0", "a1"], tmp_path / "train.spacy")
    overrides = {"paths.train": str(tmp_path / "train.spacy"), "paths.dev": str(tmp_path / "train.spacy"),
                 "training.max_steps": 2, "training.eval_frequency": 2}
    train(resources_dir() / CONFIG, tmp_path / "model", overrides=overrides, use_gpu=-1)
    trained = load_pipeline(learned=False)
    from spacy import load  # noqa: PLC0415

    load(tmp_path / "model" / "model-last").get_pipe("attribview_learned").to_disk(
        tmp_path / "weights", exclude=["vocab"])
    assert add_learned_tagger(trained, tmp_path / "weights") is not None
    doc = trained(ARTICLES[0][0])
    assert doc._.get(ROLES).shape == (len(doc), 3)
