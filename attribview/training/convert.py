"""PolNeAR-style gold (``<id>.json`` with source/cue/content fragments) to spaCy DocBins of BIO tags.

PolNeAR is univocal: a token is at most one of the source, cue or content of one attribution, so the
fragments of an article form one tag sequence over its tokens.
"""

import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from attribview.nlp.learned import OUTSIDE

#: Which of an attribution's fragment lists carries which role.
FRAGMENTS = (("source_fragments", "SOURCE"), ("cue_fragments", "CUE"), ("content_fragments", "CONTENT"))
HELD_ASIDE = "HELD-ASIDE.txt"
#: Articles kept out of training to fit the confidence calibration on.
CALIBRATION_SIZE = 80
#: Articles kept out of training for spaCy's own evaluation while it trains.
DEV_SIZE = 40


def bio_tags(doc: Doc, quotes: Iterable[dict[str, Any]]) -> list[str]:
    """One BIO tag per token: a token takes the role of the first fragment it overlaps; each fragment
    starts with a B- tag; spaces stay outside."""
    tags = [OUTSIDE] * len(doc)
    for quote in quotes:
        for key, role in FRAGMENTS:
            for start, end in quote.get(key) or ():
                inside = [t.i for t in doc if not t.is_space and t.idx < end and t.idx + len(t) > start]
                for position, i in enumerate(inside):
                    if tags[i] == OUTSIDE:
                        tags[i] = ("B-" if position == 0 else "I-") + role
    return tags


def tagged_doc(make_doc: Callable[[str], Doc], gold: dict[str, Any]) -> Doc:
    """The article's tokens with the BIO tags as ``tag_`` (what spaCy's Tagger trains on)."""
    doc = make_doc(gold["text"])
    for token, tag in zip(doc, bio_tags(doc, gold["quotes"]), strict=True):
        token.tag_ = tag
    return doc


@dataclass(frozen=True)
class Split:
    """Article ids: trained on, evaluated on while training, calibrated on; the held-aside never."""

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


def write_docbin(make_doc: Callable[[str], Doc], folder: Path, ids: Iterable[str], path: Path) -> int:
    """Convert the given articles into one ``.spacy`` file; returns how many."""
    docs = DocBin(attrs=["ORTH", "TAG", "SPACY"], store_user_data=False)
    count = 0
    for article_id in ids:
        docs.add(tagged_doc(make_doc, load_gold(folder, article_id)))
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(path)
    return count
