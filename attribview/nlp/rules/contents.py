"""The content of a cue: what follows it (past channel, time and recipient) or what precedes it."""

from spacy.tokens import Span, Token

from attribview.nlp import lexicon
from attribview.nlp.rules.boundaries import (
    after_dateline,
    before_adjuncts,
    before_speaker_action,
    clause_end,
    trim,
    without_gloss,
)
from attribview.nlp.rules.grammar import cue_lemma, is_cue
from attribview.nlp.rules.index import DocIndex

#: Dependencies of the words of a recipient after "tell"-like verbs ("told reporters that ...").
_RECIPIENT_DEPS = frozenset({"dobj", "dative", "det", "amod", "compound", "poss", "nsubj", "case"})
#: Tags of a finite verb (past, present, modal).
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Tags of a wh-word ("what", "which", "where"): a clause it opens is a thing, not a finding.
_WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})


def content_after(ix: DocIndex, cue: Token, sent: Span, subject: Token | None, *,
                  stance: bool = False) -> tuple[int, int] | None:
    """The content after ``cue``, past channel, time and recipient phrases, in characters.

    With ``stance``, the object of a stance verb counts as content ("wants talks"), clause or not.
    """
    doc = ix.doc
    lemma = cue_lemma(cue)
    end = clause_end(ix, cue, sent)
    i, clause_seen = _content_start(ix, cue, subject, end, lemma, stance)
    if i >= end or (lemma in lexicon.THAT_ONLY_VERBS and not (
            clause_seen or stance or _finite_clause(cue, i, end))):
        return None
    has_clause = clause_seen or any(
        t.dep_ in {"ccomp", "parataxis", "xcomp"} and t.i >= i and t.head.i == cue.i for t in cue.children
    ) or ix.quote_of_token[i] is not None or doc[i - 1].text == ":"
    # "Residents told of killings and torture", "she spoke of fear": the object of "of" is what they said
    told_of = lemma in lexicon.TOLD_OF_VERBS and doc[i].dep_ == "prep" and (
        doc[i].lower_ in lexicon.TOLD_OF_PREPS)
    if not has_clause and not stance and not told_of:
        needs_clause = lemma in lexicon.CLAUSE_ONLY_VERBS or lemma not in (
            lexicon.OBJECT_CONTENT_VERBS | {"say"})
        if needs_clause and not _clause_follows(ix, cue, i, end):
            return None
        # "called Nyok “...”", "called for talks", "called it a crime": not "called a meeting"
        if lemma == "call" and not any(
                t.dep_ in {"oprd", "ccomp", "xcomp"} or t.lower_ == "for" for t in doc[i:end]
        ) and not any(ix.quote_of_token[t] is not None for t in range(i, end)):
            return None
    # a colon before a quotation opens a new, direct quote: the indirect content stops there
    for j in range(i, end):
        if doc[j].text == ":" and j + 1 < end and ix.quote_of_token[j + 1] is not None:
            end = j
            if not any(t.pos_ in {"VERB", "AUX"} for t in doc[i:end]):
                return None  # "told reporters: “...”": the quotation pass attributes it
            break
    if lemma in lexicon.TELL_VERBS and not (stance or told_of or has_clause
                                            or _clause_follows(ix, cue, i, end)):
        return None
    end = before_adjuncts(ix, cue, i, before_speaker_action(ix, i, end), stance=stance)
    if doc[i].dep_ == "prep" and (lemma in lexicon.POINTING_VERBS or told_of or (
            (stance or lemma == "call") and doc[i].lower_ in lexicon.STANCE_PREPS)):
        i += 1  # "called for talks", "hinting at a deal": the content is the object, not the preposition
    return trim(ix, i, without_gloss(ix, i, end))


def _content_start(ix: DocIndex, cue: Token, subject: Token | None, end: int, lemma: str,
                   stance: bool) -> tuple[int, bool]:
    """Where the content after ``cue`` starts, past channel, time and recipient phrases ("said on
    Monday in a statement that ..."), and whether a "that" opened it."""
    doc = ix.doc
    i = cue.i + 1
    if subject is not None and subject.i > cue.i:  # "..., said Caddell"
        i = max(i, subject.right_edge.i + 1)
    start_limit = i
    clause_seen = recipient_seen = False
    that = _complementiser(ix, cue, i, end)
    if that is not None:
        i, clause_seen = that + 1, True
    while i < end and not clause_seen:
        token = doc[i]
        if token.is_space or (token.is_punct and token.text in ",:;—–-"):
            i += 1
            continue
        # "saying only that output had fallen": the tagger may read a complementiser as a determiner
        complementiser = (token.dep_ in {"mark", "nsubj", "dobj"} and token.tag_ != "DT") or (
            token.dep_ == "det" and token.head.dep_ in {"nsubj", "nsubjpass"} and token.i == i)
        if token.lower_ == "that" and complementiser:
            i += 1
            clause_seen = True
            break
        near_cue = cue.i in {token.head.i, token.head.head.i}
        if token.dep_ in {"advmod", "npadvmod"} and near_cue and (
            token.pos_ in {"ADV", "PROPN", "NOUN"} and token.ent_type_ in {"", "DATE", "TIME"}
            and token.lower_ not in lexicon.CONTENT_OPENERS
            and (token.pos_ == "ADV" or token.ent_type_ in {"DATE", "TIME"})
        ):
            i = max(i + 1, token.right_edge.i + 1) if token.head.i == cue.i else i + 1
            continue
        if token.dep_ == "prep" and token.lower_ in lexicon.CHANNEL_PREPS and not (
            lemma in lexicon.OBJECT_CONTENT_VERBS and i > start_limit
        ) and not (token.lower_ in lexicon.POINTING_PREPS and lemma in lexicon.POINTING_VERBS):
            j = i + 1
            while j < end and doc[j] in token.subtree and not (
                doc[j].lower_ == "that" or doc[j].pos_ in {"VERB", "AUX"} or doc[j].tag_ == "WDT"
            ):
                j += 1
            i = j
            continue
        # "records show Pate has not paid": a finding shows nobody anything, its subject is no recipient
        tells = lemma in lexicon.TELL_VERBS and not stance and not (
            lemma in lexicon.THAT_ONLY_VERBS and "nsubj" in {token.dep_, token.head.dep_})
        past = _past_recipient(ix, token, recipient_seen) if tells else None
        if past is None:
            break
        i, recipient_seen = max(i + 1, past), True
    return i, clause_seen


def _past_recipient(ix: DocIndex, token: Token, recipient_seen: bool) -> int | None:
    """Where the content starts after the recipient ``token`` belongs to ("told reporters that"),
    or None when ``token`` is not part of a recipient.

    A subject is the recipient only before any other ("told reporters that", parsed with the
    reporters as the clause's subject); after one it is the reported clause's own ("told reporters
    she would resign")."""
    if token.dep_ not in _RECIPIENT_DEPS:
        return None
    head = token if token.dep_ in {"dobj", "dative", "nsubj"} else token.head
    if not (head.dep_ in {"dobj", "dative"} or (
            head.dep_ == "nsubj" and head.head.i > head.i and not recipient_seen)):
        return None
    # "told a meeting of leaders that few people understood ...", parsed as a relative clause of
    # the recipient: the recipient stops at "that"
    that = next((t.i for t in ix.doc[head.i + 1:head.right_edge.i + 1]
                 if t.lower_ == "that" and t.dep_ == "mark"), None)
    return that if that is not None else head.right_edge.i + 1


def _complementiser(ix: DocIndex, cue: Token, start: int, end: int) -> int | None:
    """The "that" opening the cue's reported clause: what stands between the cue and it ("said
    several times in recent months that ...") is the channel, the time or the recipient."""
    for clause in cue.children:
        if clause.dep_ != "ccomp" or clause.i <= start:
            continue
        for mark in clause.children:
            if mark.dep_ == "mark" and mark.lower_ == "that" and start < mark.i < end and not any(
                    ix.quote_of_token[t] is not None for t in range(start, mark.i)):
                return mark.i
    return None


def _finite_clause(cue: Token, start: int, end: int) -> bool:
    """A finite clause with its own subject as the cue's complement: "records show he never paid"
    states a finding without its "that", while "a video showed the flag being raised" is a picture and
    "showed what it said were plans" shows a thing."""
    return any(c.dep_ == "ccomp" and start <= c.i < end and (c.tag_ in _FINITE_TAGS or any(
        a.dep_ in {"aux", "auxpass"} and a.tag_ in _FINITE_TAGS for a in c.children)) and any(
        s.dep_ in {"nsubj", "nsubjpass", "expl"} for s in c.children) and not any(
        t.tag_ in _WH_TAGS for t in c.doc[cue.i + 1:c.i]) for c in cue.children)


def _clause_follows(ix: DocIndex, cue: Token, start: int, end: int) -> bool:
    """A finite clause among the cue's right material: "X added the strikes cannot ..."."""
    for token in ix.doc[start:end]:
        if token.dep_ in {"ccomp", "parataxis"} and token.head.i <= cue.i + 3:
            return True
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.i > token.i and token.head.i != cue.i:
            return True
    return False


def content_before(ix: DocIndex, cue: Token, sent: Span, subject: Token | None) -> tuple[int, int] | None:
    """Content that precedes its cue: "Russia is sending troops, the military chief said"."""
    doc = ix.doc
    stop = min(cue.i, subject.left_edge.i) if subject is not None else cue.i
    clause = [c for c in cue.children if c.dep_ in {"ccomp", "parataxis", "dobj"} and c.i < stop]
    # "Kovar asked what the mayor had promised": a clause a "what" or a "that" opens is the content of
    # the verb before it, not a cue reporting that verb
    head_clause = cue.dep_ in {"parataxis", "ccomp", "advcl"} and cue.head.i < stop and not any(
        c.i < stop and (c.dep_ == "mark" or c.tag_ in {"WDT", "WP", "WRB"}) for c in cue.children)
    # "Troops shelled the town, the army said": without an "and" or a "but", the cue the parser made
    # a second verb of the clause is a trailing cue with a subject of its own
    head_clause = head_clause or (cue.dep_ == "conj" and subject is not None and subject.head.i == cue.i
                                  and cue.head.i < stop - 1 and doc[stop - 1].text == ","
                                  and not any(t.dep_ == "cc" and t.head.i in {cue.i, cue.head.i}
                                              for t in doc[cue.head.i:cue.i]))
    if not clause and not head_clause:
        return None
    start = after_dateline(ix, sent)
    if clause:
        start = max(start, clause[0].left_edge.i)
    while start < stop and (doc[start].is_space or (doc[start].lower_ in lexicon.LEADING_CONNECTIVES)
                            or doc[start].text == ","):
        start += 1
    if stop - start < 2:
        return None
    return trim(ix, start, without_gloss(ix, start, stop))


def tail_after(ix: DocIndex, right: int, sent: Span) -> tuple[int, int] | None:
    """The rest of the sentence after a cue set between commas (``right``: the cue's last token):
    "Lenox was thriving, Clarke said, until it went bankrupt" goes on with what Clarke said."""
    doc = ix.doc
    comma = next((t.i for t in doc[right + 1:min(sent.end, right + 6)] if t.text == ","), None)
    if comma is None or any(t.text in {".", ";", ":"} or t.is_quote for t in doc[right + 1:comma]):
        return None
    rest = [t for t in doc[comma + 1:sent.end] if t.is_alpha]
    if len(rest) < 3 or rest[0].tag_ == "VBG" or any(t.lower_ == "according" or is_cue(t) for t in rest):
        return None  # "..., adding that ...": a cue of its own
    return trim(ix, comma + 1, sent.end)


def with_extracted(ix: DocIndex, cue: Token, content: tuple[int, int]) -> tuple[int, int]:
    """The content with the subject its clause lost to the front ("errors, which the council said
    were minor": what the council said is that they were minor): a "which"/"that" before the speaker
    that is the reported clause's subject. A clause with a subject of its own ("missiles, which the
    army said it shot down") is a content without it."""
    start, end = content
    for token in cue.subtree:  # not in text order: the pronoun's arc crosses the speaker's
        if token.i < cue.i and token.tag_ in {"WDT", "WP"} and token.dep_ in {"nsubj", "nsubjpass"} and (
                token.head.i > cue.i and start <= token.head.idx < end):
            return token.idx, end
    return content
