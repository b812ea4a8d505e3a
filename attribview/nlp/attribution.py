"""The attribution record the components fill in and the core turns into quotes."""

from dataclasses import dataclass, field


@dataclass
class Attribution:
    """Who said what, in character offsets of ``doc.text``.

    ``source_head`` is the token index of the source mention's head (the word the speaker resolver
    starts from); ``follows`` is the attribution a cue-less continuation carries on.
    """

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    source_head: int | None = None
    confidence: float = 0.8
    follows: "Attribution | None" = field(default=None, repr=False, compare=False)
    speaker: str | None = None
    mention: str | None = None
    flags: set[str] = field(default_factory=set)

    @property
    def content(self) -> tuple[int, int]:
        return self.start, self.end
