"""Where a content ends: the clause of its cue, a reporter's gloss, edge punctuation, a dateline.

The small English model often attaches a complement clause to the wrong head, so a content is cut
from the running text and then trimmed of what is the reporter's, not the speaker's.
"""

from spacy.tokens import Span, Token

from attribview.nlp import lexicon
from attribview.nlp.rules.grammar import cue_lemma, is_cue
from attribview.nlp.rules.index import DocIndex

_CUT_PUNCT = ",;:—–-("
_TRAILING_PUNCT = ".,;:—–-( "


def clause_end(ix: DocIndex, cue: Token, sent: Span) -> int:
    """Token index one past where the clause of ``cue`` ends."""
    top = cue
    while top.dep_ == "conj" and top.head.i != top.i and top.head.i < top.i:
        top = top.head
    end = sent.end if top.dep_ == "ROOT" else cue.right_edge.i + 1
    # "wants to triple X, grow Y and create Z": a bare infinitive hung on the cue goes on the "to" clause
    infinitive = any(c.dep_ == "xcomp" for c in cue.children) and cue.tag_ != "VB"
    for child in cue.rights:
        # "believes A, but that B": a second "that" clause is a second complement, not a new act
        coordinated = child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} and not (
            infinitive and child.tag_ == "VB") and not any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        if coordinated and _second_clause(cue, child):
            continue
        if coordinated or (child.dep_ == "advcl" and is_cue(child)):
            end = min(end, child.left_edge.i)
    return min(end, sent.end)


def _second_clause(cue: Token, verb: Token) -> bool:
    """A "but" clause with its own subject after the cue's reported clause: in "said the remarks
    were aimed at the union, but the words were read more widely" the parser hangs it on the cue,
    yet it goes on with what was said. Not when it reports or takes a stance itself ("but the board
    was quick to point out ..."), nor when its subject is the speaker ("but he left early")."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    earlier = [c for c in cue.children if c.i < verb.i]
    if not subjects or not any(c.dep_ == "ccomp" for c in earlier) or not any(
            c.dep_ == "cc" and c.lower_ == "but" for c in earlier):
        return False
    subject = subjects[0].lower_
    if subject in lexicon.PERSON_PRONOUNS or any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == subject for c in cue.children):
        return False
    return not any(is_cue(t) or cue_lemma(t) in lexicon.STANCE_VERBS
                   for t in verb.subtree if t.pos_ == "VERB")


def before_adjuncts(ix: DocIndex, cue: Token, start: int, end: int, *, stance: bool) -> int:
    """Stop before the cue's own adjuncts that close the content: a time ("endorsed Marsh on Tuesday",
    "..., before the vote", "backed the plan as it passed"), a setting ("in an interview") and, after a
    stance's object or infinitive, a participle of the holder's story ("backed the plan, putting him at
    odds with the board"). Only trailing ones: "pleaded guilty in May to fraud" keeps what follows the
    time."""
    cut = end
    objects_before = any(c.dep_ == "dobj" for c in cue.rights) and not any(
        c.dep_ in {"ccomp", "xcomp", "oprd"} for c in cue.rights)
    for child in reversed([c for c in cue.rights if start < c.left_edge.i and c.i < end]):
        if child.is_punct or child.dep_ == "cc":
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        timed = (child.dep_ in {"npadvmod", "advmod", "prep"} and bool(objects)
                 and objects[0].ent_type_ in {"DATE", "TIME"}) or (
            child.dep_ == "prep" and child.lower_ in lexicon.TIME_PREPS)
        participle = stance and _bare_participle(child)
        # "praised the bill as it went through the senate": a time clause hung on the cue after its
        # object is the reporter's account of when
        occasion = child.dep_ == "advcl" and objects_before and any(
            c.dep_ == "mark" and c.lower_ in lexicon.OCCASION_MARKS for c in child.children)
        # "praised the plan in an interview", "said ... at a rally": where it was said
        setting = child.dep_ == "prep" and child.lower_ in lexicon.CHANNEL_PREPS and bool(objects) and (
            objects[0].lemma_.lower() in lexicon.SETTING_NOUNS)
        # "calls the quay a landmark even though it was built last year": a concession hung on
        # the cue with no comma is the reporter's aside ("said X, although Y" may be the speaker's)
        concession = child.dep_ == "advcl" and ix.doc[child.left_edge.i - 1].text != "," and any(
            c.dep_ == "mark" and c.lower_ in lexicon.CONCESSIVE_MARKS for c in child.children)
        if not (timed or participle or occasion or setting or concession):
            break
        cut = child.left_edge.i
    if stance:  # "wants to avoid a fight, recalling how ...": the participle hangs on the infinitive
        for verb in (c for c in cue.rights if c.dep_ == "xcomp" and start <= c.i < cut):
            last = [c for c in verb.rights if not c.is_punct and c.i < cut]
            if last and _bare_participle(last[-1]) and ix.doc[last[-1].i - 1].text == ",":
                cut = last[-1].left_edge.i
    return cut


def _bare_participle(token: Token) -> bool:
    """An adverbial "-ing" clause with no conjunction of its own (", putting him at odds ...")."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and token.left_edge.i == token.i and not any(
        c.dep_ == "mark" for c in token.children)


def before_speaker_action(ix: DocIndex, start: int, end: int) -> int:
    """Stop before "and left the meeting": a bare past verb that goes on with the speaker's story.

    In "X said the station would close in May and left the meeting early", the reported clause has
    an auxiliary (would, had, could) and the coordinated verb has none and no subject of its own.
    """
    doc = ix.doc
    for token in doc[start:end]:
        if token.dep_ != "conj" or token.tag_ != "VBD" or not start <= token.head.i < token.i:
            continue
        head = token.head
        if head.dep_ not in {"ccomp", "xcomp"} or not any(c.dep_ == "aux" for c in head.children):
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in token.children):
            continue
        cut = token.left_edge.i
        while cut > start and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
            cut -= 1
        return cut
    return end


def without_gloss(ix: DocIndex, start: int, end: int) -> int:
    """Cut a reporter's gloss at the end of a content: ", one of the first areas ...",
    ", as fighting raged ...", ", though he has not said how", ", which forced her to ...",
    ", with whom she ...", ", an offer the board rejected"."""
    doc = ix.doc
    for k in range(start + 1, end - 1):
        if doc[k].text == ";" and ix.quote_of_token[k] is None:
            return k  # "...; they only learned on Friday": a new clause of the reporter's
        if is_dash(doc[k]) and ix.quote_of_token[k] is None and (
                doc[k + 1].lower_ in lexicon.GLOSS_MARKS | lexicon.CONCESSIVE_MARKS) and not any(
                is_dash(t) for t in doc[k + 1:end]):
            return k  # "... with the union – albeit on terms it has not accepted" (not "– as set out –")
        if doc[k].tag_ in {"WDT", "WP"} and doc[k].head.dep_ == "relcl" and doc[k - 1].is_quote and (
                ix.quote_of_token[k - 1] is not None and ix.quote_of_token[k] is None):
            return k  # "the end of the “long, costly strike” that was set off by ...": the reporter's
    last = end - 1  # the last word: a closing quotation mark is often hung on the main verb
    while last > start and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    for k in range(start + 2, end - 1):
        if doc[k].text != ",":
            continue
        root = doc[k + 1]
        while start <= root.head.i < end and root.head.i > k and root.head.i != root.i:
            root = root.head
        # "Kharkiv, the country's second city ..., the region whose capture ...": appositions in a row
        last_apposition = max((c.right_edge.i for c in root.head.children if c.dep_ == "appos"
                               and c.i > root.i), default=-1) if root.dep_ == "appos" else -1
        if max(root.right_edge.i, last_apposition) < last or ix.quote_of_token[k + 1] is not None:
            continue
        marks = {c.lower_ for c in root.children if c.dep_ == "mark"}
        # ", though he has not said how": a concession about the speaker is the reporter's
        about_speaker = marks & lexicon.CONCESSIVE_MARKS and any(
            c.dep_ == "nsubj" and c.lower_ in lexicon.PERSON_PRONOUNS for c in root.children)
        # ", which ...", ", with whom she ...", ", much of which ...": a relative clause about the last noun
        relative = root.dep_ in {"relcl", "acl"} and any(
            t.tag_ in {"WDT", "WP", "WP$", "WRB"} for t in doc[k + 1:min(k + 4, root.i + 1)])
        # "backed the plan, an offer the board ...": a second noun hung on the cue glosses the first
        loose_apposition = root.dep_ in {"npadvmod", "dobj"} and root.pos_ in {"NOUN", "PRON"} and (
            root.head.i < start) and not any(c.dep_ == "nummod" for c in root.children)
        # ", prompting Kyiv to call it ...": what the statement set off is the reporter's account
        consequence = root.tag_ == "VBG" and root.lemma_.lower() in lexicon.CONSEQUENCE_VERBS
        # ", with a few members abstaining": an absolute phrase is the reporter's circumstance
        absolute = root.dep_ == "prep" and root.lower_ in lexicon.ABSOLUTE_PREPS and any(
            c.dep_ == "pcomp" or (c.dep_ == "pobj" and any(g.tag_ == "VBG" for g in c.children))
            for c in root.children)
        if root.dep_ == "appos" or relative or absolute or loose_apposition or about_speaker or (
                consequence or (root.dep_ == "advcl" and marks & lexicon.GLOSS_MARKS)) or (
                root.dep_ == "prep" and root.lower_ in lexicon.GLOSS_PREPS):
            return k
    return end


def is_dash(token: Token) -> bool:
    """A dash between clauses: a long dash, or a hyphen with space on both sides ("X - though Y")."""
    if token.text in {"–", "—", "--"}:
        return True
    return token.text == "-" and bool(token.whitespace_) and token.i > 0 and bool(
        token.doc[token.i - 1].whitespace_)


def after_dateline(ix: DocIndex, sent: Span) -> int:
    """Where a sentence starts after a wire dateline: "KYIV, March 3 (Reuters) - Russia ..."."""
    first = sent[0]
    if not (first.is_upper and len(first.text) > 1):
        return sent.start
    for token in sent[1:12]:
        if token.text in {"-", "—", "–"} and token.whitespace_:
            return token.i + 1
    return sent.start


def trim(ix: DocIndex, start: int, end: int) -> tuple[int, int] | None:
    """Character span of tokens [start, end) without edge punctuation (quotation marks kept)."""
    doc = ix.doc
    while start < end and (doc[start].is_space or doc[start].text in _CUT_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _TRAILING_PUNCT
                           or doc[end - 1].dep_ == "cc"):
        end -= 1
    if end <= start or not any(t.is_alpha for t in doc[start:end]):
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
