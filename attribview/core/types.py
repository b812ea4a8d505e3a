"""The results of an analysis as frozen values: what the CLI prints and the GUI shows."""

from dataclasses import asdict, dataclass, field
from typing import Any

from attribview.nlp.attribution import STANCE

#: How people read each kind of attribution (viewer, report).
KIND_LABELS = {
    "direct": "direct quote",
    "indirect": "reported speech",
    "mixed": "partial quote",
    "according_to": "“according to”",
    STANCE: "stance or intention",
    "manual": "added by hand",
}
#: How people read each flag.
FLAG_LABELS = {
    "anonymous": "anonymous source",
    "continuation": "continues the previous quote",
    "unattributed": "hedged claim nobody signs",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " "))


def flag_labels(flags: tuple[str, ...]) -> list[str]:
    return [FLAG_LABELS.get(f, f.replace("_", " ")) for f in flags]


@dataclass(frozen=True)
class Quote:
    """One attribution, in character offsets of the original article text."""

    start: int
    end: int
    text: str
    speaker: str | None
    group: str | None
    kind: str
    confidence: float
    cue_start: int | None = None
    cue_end: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    mention: str | None = None
    flags: tuple[str, ...] = ()

    @property
    def is_stance(self) -> bool:
        """A stance or intention ("wants to ...", "endorsed ..."): held, not said."""
        return self.kind == STANCE

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["flags"] = list(self.flags)
        return data


@dataclass(frozen=True)
class Sentence:
    """A sentence with the groups whose words it carries (empty for the reporter's narration)."""

    start: int
    end: int
    groups: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "groups": list(self.groups), "flags": list(self.flags)}


@dataclass(frozen=True)
class Analysis:
    """Everything attribview found in one article."""

    text: str
    profile: str | None
    quotes: tuple[Quote, ...]
    sentences: tuple[Sentence, ...]
    encoding: str = "utf-8"
    groups: dict[str, str] = field(default_factory=dict)
    counting: str = "relations"  # what counted as one attribution (see core.profiles.Conventions)

    def to_json(self) -> dict[str, Any]:
        """The contract of ``attribview analyze --json`` (see ../shared/eval/FORMAT.md), plus extras."""
        return {
            "profile": self.profile,
            "counting": self.counting,
            "encoding": self.encoding,
            "quotes": [q.to_json() for q in self.quotes],
            "sentences": [s.to_json() for s in self.sentences],
        }
