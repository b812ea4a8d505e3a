"""PolNeAR-style gold (``<id>.json`` with source/cue/content fragments) to spaCy DocBins of BIO tags.

PolNeAR is univocal: a token is at most one of the source, cue or content of one attribution, so the
fragments of an article form one tag sequence over its tokens. The docs are stored as the rules' pipeline
annotates them (parse, entities, the rules' attributions), the gold tags beside them in ``user_data``:
the tagger reads the rules' output as features, and its reader (``AnnotatedCorpus``) pairs each
annotated doc with a reference doc of the gold tags.
"""

import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry

from attribview.nlp.learned import OUTSIDE
from attribview.nlp.learned_features import word_indices

#: Which of an attribution's fragment lists carries which role.
FRAGMENTS = (("source_fragments", "SOURCE"), ("cue_fragments", "CUE"), ("content_fragments", "CONTENT"))
HELD_ASIDE = "HELD-ASIDE.txt"
#: Articles kept out of training to fit the confidence calibration on.
CALIBRATION_SIZE = 80
#: Articles kept out of training for spaCy's own evaluation while it trains (which checkpoint is kept),
#: and the validation split every design choice is made on (``evaluate --corpora validation``).
DEV_SIZE = 40


def bio_tags(doc: Doc, quotes: Iterable[dict[str, Any]]) -> list[str]:
    """One BIO tag per token: a token takes the role of the first fragment it overlaps; each fragment
    starts with a B- tag; spaces stay outside."""
    tags = [OUTSIDE] * len(doc)
    for quote in quotes:
        for key, role in FRAGMENTS:
            for start, end in quote.get(key) or ():
                inside = word_indices(doc, start, end)
                for position, i in enumerate(inside):
                    if tags[i] == OUTSIDE:
                        tags[i] = ("B-" if position == 0 else "I-") + role
    return tags


#: ``doc.user_data`` key of the gold tags of a stored, annotated doc.
GOLD_TAGS = "attribview_gold_tags"


def reference_doc(doc: Doc, tags: list[str]) -> Doc:
    """The doc's tokens with the BIO tags as ``tag_`` (what spaCy's Tagger trains on)."""
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], tags=tags)


@registry.readers("attribview.AnnotatedCorpus.v1")  # type: ignore[untyped-decorator]
def annotated_corpus(path: Path) -> Callable[[Language], Iterable[Example]]:
    """Examples of a DocBin written by :func:`write_docbin`: the rules' annotated doc as predicted,
    its gold tags as reference."""
    def read(nlp: Language) -> Iterable[Example]:
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
            tags = doc.user_data.pop(GOLD_TAGS)
            yield Example(doc, reference_doc(doc, tags))

    return read


@dataclass(frozen=True)
class Split:
    """Article ids: trained on, validated on (``dev``: the checkpoint and every choice of design),
    calibrated on; the held-aside never. Fixed: seed 0 over the sorted ids, the held-aside left out
    first, then 80 calibration and 40 validation articles, the rest trained on."""

    train: list[str]
    dev: list[str]
    calibration: list[str]


def split_ids(folder: Path, seed: int = 0) -> Split:
    """A fixed, seeded split of the articles that are not held aside."""
    held = set((folder / HELD_ASIDE).read_text(encoding="utf-8").split())
    ids = sorted(p.stem for p in folder.glob("*.json") if p.stem not in held)
    random.Random(seed).shuffle(ids)
    calibration, dev = ids[:CALIBRATION_SIZE], ids[CALIBRATION_SIZE:CALIBRATION_SIZE + DEV_SIZE]
    return Split(train=sorted(ids[CALIBRATION_SIZE + DEV_SIZE:]), dev=sorted(dev),
                 calibration=sorted(calibration))


def load_gold(folder: Path, article_id: str) -> dict[str, Any]:
    with (folder / f"{article_id}.json").open(encoding="utf-8") as handle:
        gold: dict[str, Any] = json.load(handle)
    return gold


def write_docbin(nlp: Language, folder: Path, ids: Iterable[str], path: Path) -> int:
    """Analyse the given articles with the rules' pipeline ``nlp`` and store them with their gold tags
    in one ``.spacy`` file; returns how many."""
    docs = DocBin(store_user_data=True)
    golds = (load_gold(folder, article_id) for article_id in ids)
    count = 0
    for doc, gold in nlp.pipe(((g["text"], g) for g in golds), as_tuples=True, batch_size=16):
        doc.user_data[GOLD_TAGS] = bio_tags(doc, gold["quotes"])
        docs.add(doc)
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(path)
    return count
