"""The attribview spaCy components, registered as factories, and the pipeline that uses them."""

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from attribview.nlp import lexicon
from attribview.nlp.finder import find_attributions
from attribview.nlp.hedges import find_hedges
from attribview.nlp.learned import add_learned_tagger
from attribview.nlp.results import ATTRIBUTIONS, HEDGES, attributions_of, set_attributions
from attribview.nlp.speakers import resolve_speakers

#: What the rule components write (see ``results``), as their factories declare it.
_WRITTEN = [f"doc._.{ATTRIBUTIONS}", "doc.spans"]


def _abbreviation_before(token: Token) -> bool:
    """Whether ``token`` follows a title's abbreviation, as "Sgt." or as "Sgt" + "."."""
    doc = token.doc
    previous = doc[token.i - 1]
    if previous.text.endswith(".") and previous.lower_ in lexicon.TITLES:
        return True
    return previous.text == "." and token.i >= 2 and doc[token.i - 2].lower_ + "." in lexicon.TITLES


class ParagraphSplitter:
    """Start a sentence after every line break, never after a title's abbreviation ("Sgt.")."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text_with_ws and not token.is_space:
                token.is_sent_start = True
            elif _abbreviation_before(token):
                token.is_sent_start = False  # "Sgt. Vadin Shyshimarin": an abbreviation ends no sentence
            elif token.is_space and "\n" in token.text:
                token.is_sent_start = False
        return doc


class AttributionFinderComponent:
    """Find attributions (cues, "according to", quotations) and unattributed hedges."""

    def __call__(self, doc: Doc) -> Doc:
        set_attributions(doc, find_attributions(doc))
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


@Language.factory("attribview_attributions", assigns=[*_WRITTEN, f"doc._.{HEDGES}"],
                  requires=["token.dep", "token.lemma", "token.tag", "doc.ents"])
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinderComponent:
    return AttributionFinderComponent()


@Language.factory("attribview_speakers", assigns=_WRITTEN, requires=[f"doc._.{ATTRIBUTIONS}", "doc.ents"])
def make_speaker_resolver(nlp: Language, name: str) -> SpeakerResolverComponent:
    return SpeakerResolverComponent()


def add_components(nlp: Language, *, learned: bool = True) -> Language:
    """Add the attribview components to a loaded English pipeline.

    Titles written with a period ("Sgt.", "Lt.", "Col.") become single tokens: split, their period
    ends a sentence in the middle of a name, and no later rule can join the parse again. Without
    ``learned``, the rules alone (what the learned tagger's training data is annotated with).
    """
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for title in lexicon.TITLES:
            if title.endswith(".") and len(title) > 2:
                for form in {title.capitalize(), title.upper(), title}:
                    tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe("attribview_paragraphs", before="parser")
    nlp.add_pipe("attribview_attributions", last=True)
    nlp.add_pipe("attribview_speakers", last=True)
    if learned:
        add_learned_tagger(nlp)
    return nlp
