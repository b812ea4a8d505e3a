"""The attribution record the components fill in and the core turns into quotes."""

from dataclasses import dataclass, field

#: The kind of a held stance or intention ("wants to ...", "endorsed ..."), as opposed to a statement.
STANCE = "stance"
#: The engines that find attributions (see ``blend.py``): the rules alone, the learned tagger alone, both.
RULES, LEARNED, COMBINED = "rules", "learned", "combined"
ENGINES = (RULES, LEARNED, COMBINED)


@dataclass
class Attribution:
    """Who said what, in character offsets of ``doc.text``.

    ``source_head`` is the token index of the source mention's head (the word the speaker resolver
    starts from); ``follows`` is the attribution a cue-less continuation carries on; ``tail`` is the
    content's second fragment after a cue set between commas ("X, she said, Y").
    """

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    source_head: int | None = None
    confidence: float = 0.8
    follows: "Attribution | None" = field(default=None, repr=False, compare=False)
    tail: tuple[int, int] | None = None
    speaker: str | None = None
    mention: str | None = None
    flags: set[str] = field(default_factory=set)
