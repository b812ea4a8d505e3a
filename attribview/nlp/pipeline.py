"""The attribview spaCy components, registered as factories, and the pipeline that uses them."""

from typing import Any

import numpy
from spacy.attrs import IS_SPACE, LOWER, ORTH, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from attribview.nlp import lexicon
from attribview.nlp.finder import find_attributions
from attribview.nlp.hedges import find_hedges
from attribview.nlp.learned import add_learned_tagger
from attribview.nlp.results import ATTRIBUTIONS, HEDGES, Attributions, attributions_of, set_attributions
from attribview.nlp.speakers import resolve_speakers

#: The dash that ends a wire dateline, and how many tokens into its line it may come.
_DASHES = frozenset({"-", "—", "–", "―"})
_DATELINE_TOKENS = 12


def _dateline_opens(word: str) -> bool:
    """Whether a line's first word may open a wire dateline: a place in capitals ("KYIV", "MOSCOW")."""
    return len(word) > 1 and word.isupper() and word.isalpha()


class ParagraphSplitter:
    """Start a sentence after every line break and a wire dateline, never after a title's abbreviation
    ("Sgt.").

    Read from the Doc's arrays, not token by token, and written back as one array: a pass of ``Token``s
    over a long article costs more than this whole step, and ``Token.is_sent_start`` rescans the whole
    Doc at each token it sets.
    """

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        texts = [strings[o] for o in doc.to_array(ORTH).tolist()]
        lowers = [strings[o] for o in doc.to_array(LOWER).tolist()]
        spaces = doc.to_array(IS_SPACE).tolist()
        titles = lexicon.TITLES
        line = 0  # where the current line's first word is
        starts: dict[int, int] = {}  # token -> 1 (starts a sentence) or -1 (starts none)
        for i in range(1, len(texts)):
            before = texts[i - 1]
            if "\n" in before and not spaces[i]:
                starts[i] = 1
                line = i
            elif before in _DASHES and i - line <= _DATELINE_TOKENS and _dateline_opens(texts[line]) and (
                    doc[i - 1].whitespace_ and doc[i - 2].whitespace_):
                # "MOSCOW, March 4 (Reuters) - Russian air defences ...": the story starts after its
                # dateline, which the parser otherwise takes for the subject of the lead sentence
                starts[i] = 1
            elif (before.endswith(".") and lowers[i - 1] in titles) or (
                    before == "." and i >= 2 and lowers[i - 2] + "." in titles):
                starts[i] = -1  # "Sgt. Oren Valko": an abbreviation ends no sentence
            elif spaces[i] and "\n" in texts[i]:
                starts[i] = -1
        if starts:
            if doc.has_annotation("DEP"):  # what ``Token.is_sent_start`` refuses too: the parse decides
                raise ValueError(Errors.E043)
            sent_starts = doc.to_array(SENT_START).astype(numpy.int64)
            sent_starts[list(starts)] = list(starts.values())
            doc.from_array([SENT_START], sent_starts.astype(numpy.uint64))  # type: ignore[arg-type]  # thinc types
        return doc


class AttributionFinderComponent:
    """Find attributions (cues, "according to", quotations) and unattributed hedges."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(ATTRIBUTIONS, Attributions(find_attributions(doc)))
        doc._.set(HEDGES, find_hedges(doc))
        return doc


class SpeakerResolverComponent:
    """Resolve each attribution's source mention (pronoun, role noun, short name) to a speaker."""

    def __call__(self, doc: Doc) -> Doc:
        set_attributions(doc, resolve_speakers(doc, attributions_of(doc)))
        return doc


@Language.factory("attribview_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_splitter(nlp: Language, name: str) -> ParagraphSplitter:
    return ParagraphSplitter()


@Language.factory("attribview_attributions", assigns=[f"doc._.{ATTRIBUTIONS}", f"doc._.{HEDGES}"],
                  requires=["token.dep", "token.lemma", "token.tag", "doc.ents"])
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinderComponent:
    return AttributionFinderComponent()


@Language.factory("attribview_speakers", assigns=[f"doc._.{ATTRIBUTIONS}", "doc.spans"],
                  requires=[f"doc._.{ATTRIBUTIONS}", "doc.ents"])
def make_speaker_resolver(nlp: Language, name: str) -> SpeakerResolverComponent:
    return SpeakerResolverComponent()


def add_components(nlp: Language, *, learned: bool = True) -> Language:
    """Add the attribview components to a loaded English pipeline.

    Titles written with a period ("Sgt.", "Lt.", "Col.") become single tokens: split, their period
    ends a sentence in the middle of a name, and no later rule can join the parse again. Without
    ``learned``, the rules alone (what the learned tagger's training data is annotated with). The
    lemmas the small model gets wrong for cue verbs (``lemma_fixes`` of the lexicon) are set by the
    attribute ruler, which runs before the lemmatizer.
    """
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for title in lexicon.TITLES:
            if title.endswith(".") and len(title) > 2:
                for form in {title.capitalize(), title.upper(), title}:
                    tokenizer.add_special_case(form, [{ORTH: form}])
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler):  # the lemmatizer keeps a lemma the ruler has set ("hopes")
        fixes: list[dict[str, Any]] = [{"patterns": [[{"LOWER": form}]], "attrs": {"LEMMA": lemma}}
                                       for form, lemma in lexicon.LEMMA_FIXES.items()]
        ruler.add_patterns(fixes)
    nlp.add_pipe("attribview_paragraphs", before="parser")
    nlp.add_pipe("attribview_attributions", last=True)
    nlp.add_pipe("attribview_speakers", last=True)
    if learned:
        add_learned_tagger(nlp)
    return nlp
