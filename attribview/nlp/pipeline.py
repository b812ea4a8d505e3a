"""The attribview spaCy components, registered as factories, and the pipeline that uses them."""

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from attribview.nlp import lexicon
from attribview.nlp.attribution import from_records, to_records
from attribview.nlp.finder import find_attributions
from attribview.nlp.hedges import find_hedges
from attribview.nlp.speakers import resolve_speakers

#: ``doc._.attributions``: plain records (see ``attribution.to_records``), so Docs cross processes.
ATTRIBUTIONS = "attributions"
#: ``doc._.hedges``: character spans of unattributed hedges ("is believed to", "reportedly").
HEDGES = "hedges"

for _name in (ATTRIBUTIONS, HEDGES):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


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
        doc._.set(ATTRIBUTIONS, to_records(find_attributions(doc)))
        doc._.set(HEDGES, find_hedges(doc))
        return doc


class SpeakerResolverComponent:
    """Resolve each attribution's source mention (pronoun, role noun, short name) to a speaker."""

    def __call__(self, doc: Doc) -> Doc:
        attributions = from_records(doc._.get(ATTRIBUTIONS) or [])
        doc._.set(ATTRIBUTIONS, to_records(resolve_speakers(doc, attributions)))
        return doc


@Language.factory("attribview_paragraphs")
def make_paragraph_splitter(nlp: Language, name: str) -> ParagraphSplitter:
    return ParagraphSplitter()


@Language.factory("attribview_attributions", requires=["token.dep", "token.lemma"])
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinderComponent:
    return AttributionFinderComponent()


@Language.factory("attribview_speakers", requires=["doc._.attributions"])
def make_speaker_resolver(nlp: Language, name: str) -> SpeakerResolverComponent:
    return SpeakerResolverComponent()


def add_components(nlp: Language) -> Language:
    """Add the attribview components to a loaded English pipeline.

    Titles written with a period ("Sgt.", "Lt.", "Col.") become single tokens: split, their period
    ends a sentence in the middle of a name, and no later rule can join the parse again.
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
    return nlp
