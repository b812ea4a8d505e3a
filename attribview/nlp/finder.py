"""Find attributions in a parsed Doc: reporting cues, "according to", quotations, continuations.

The rules read spaCy's dependency parse but do not trust it blindly: the small English model often
attaches a complement clause to the wrong head, so the content of a cue is cut from the running text
(from the cue to the end of its clause) and then trimmed of what is not content (channel phrases,
"that", a recipient, a following cue of its own).
"""

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from attribview.nlp import lexicon
from attribview.nlp.attribution import STANCE, Attribution
from attribview.nlp.quotations import Quotation, find_quotations
from attribview.nlp.span_index import AttributionIndex

#: Prepositions that open a channel or time phrase between a cue and its content.
_CHANNEL_PREPS = frozenset("in on at during to from via through after before over with late early".split())
_TELL_VERBS = frozenset("tell inform assure brief warn remind promise notify show".split())
_CUT_PUNCT = ",;:—–-("
_DASHES = frozenset("―—–-")
#: Dependencies of the words of a recipient after "tell"-like verbs ("told reporters that ...").
_RECIPIENT_DEPS = frozenset({"dobj", "dative", "det", "amod", "compound", "poss", "nsubj", "case"})
_TRAILING_PUNCT = ".,;:—–-( "
#: Conjunctions that open a reporter's gloss after a content (", as fighting raged").
_GLOSS_MARKS = frozenset("as while despite after before when even".split())
_CONCESSIVE = frozenset("albeit although though".split())
#: Conjunctions that open another speaker's statement inside a content ("..., while Zelensky said ...").
_CONTRAST_MARKS = frozenset("while whereas".split())
#: A quotation this short with no cue is a title or a scare quote, not a statement.
_MIN_FREE_QUOTE_WORDS = 4
#: How many sentences back a cue-less quotation may look for the speaker it continues.
_CONTINUATION_WINDOW = 3
_SENTENCE_STOPS = frozenset({".", "!", "?"})


def cue_lemma(token: Token) -> str:
    """The lemma of a cue, also where the tagger mistook a capitalised "Said" for a name."""
    return token.lemma_.lower() if token.pos_ == "VERB" else "say"


def is_cue(token: Token, *, framing: bool = False) -> bool:
    """Whether ``token`` is a reporting verb used as one (not "so-called", not a noun).

    With ``framing``, verbs that only introduce a quotation next to them count too ("she continued:").
    """
    if token.pos_ != "VERB" and token.lower_ not in {"said", "says"}:  # "Said Ellis:" is tagged PROPN
        return False
    lemma = cue_lemma(token)
    if lemma not in lexicon.SPEECH_VERBS and lemma not in lexicon.COGNITION_VERBS and not (
            framing and lemma in lexicon.QUOTE_ONLY_VERBS):
        return False
    if token.dep_ in {"amod", "compound"} and not (token.is_sent_start and token.lower_ in {"said", "says"}):
        return False  # "so-called", but "Said Ellis:" opens a sentence however it is parsed
    # "a town called Nyok": a bare participle modifies a noun, nobody speaks
    return not (token.tag_ == "VBN" and token.dep_ in {"acl", "advcl", "relcl"}
                and not any(c.dep_ in {"aux", "auxpass", "nsubj"} for c in token.children))


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, inherited through coordination and participles ("..., saying")."""
    current = verb
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        # "prompting Kyiv to call the proposal ...", "urged the mayor to say ...": the one prompted
        prompted = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if prompted and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return prompted[-1]
    for level in range(4):
        deps = {"nsubj", "csubj"} if level == 0 else {"nsubj", "csubj", "nsubjpass"}
        subjects = [c for c in current.children if c.dep_ in deps]
        if subjects:
            # "ZAPORIZHZHIA, Ukraine (AP) — Ukraine's top prosecutor disclosed": a dateline's place is
            # parsed as a subject, or holds the real one as its apposition
            dash = _dateline_dash(current)
            if dash is not None:
                subjects = [s for s in subjects if s.i > dash] or subjects
            names = [s for s in subjects if s.pos_ == "PROPN"]
            chosen = names[-1] if names else subjects[0]  # "commander-in-chief Oleksandr Syrskyi": the name
            if dash is not None and chosen.i < dash:
                after = [t for t in chosen.subtree if t.i > dash and t.dep_ in {"appos", "conj"}]
                chosen = after[0] if after else chosen
            return chosen
        for child in current.children:
            if level == 0 and child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if current.dep_ == "pcomp" and current.head.lower_ == "as" and current.head.head.i != current.i:
            current = current.head.head  # "Peskov was quoted as saying": the one quoted
            continue
        if current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.dep_ == "prep":
            # "responded by saying ...", "stopped short of calling ...": the doer of the verb above
            above = current.head.head
            while above.pos_ not in {"VERB", "AUX"} and above.dep_ in {"advmod", "acomp"} and (
                    above.head.i != above.i):
                above = above.head
            if above.pos_ in {"VERB", "AUX"} and above.i != current.i:
                current = above
                continue
        inherits = current.dep_ in {"conj", "advcl", "xcomp", "oprd", "acomp"} or (
            current.dep_ == "ccomp" and not is_cue(current.head))
        if inherits and current.head.i != current.i:
            if current.dep_ == "advcl" and current.i < current.head.i and current.tag_ != "VBG":
                return None
            # "X said Ukraine was short of arms, pointing out ..." / "..., and added that": the speaker's
            # own next act, not the reported subject's ("clients are beginning to demand" stays theirs)
            own_act = current.dep_ == "conj" or (current.dep_ == "advcl" and current.tag_ == "VBG")
            current = current.head
            while own_act and current.dep_ == "ccomp" and is_cue(current.head):
                current = current.head
            continue
        if current.dep_ == "relcl":
            return current.head
        return None
    return None


def _dateline_dash(token: Token) -> int | None:
    """The dash that ends a wire dateline earlier in ``token``'s sentence, if any.

    Walks back to the sentence start (``Token.sent`` would rescan the whole Doc).
    """
    doc = token.doc
    i = token.i - 1
    found = None
    while i >= 0 and token.i - i <= 40:
        if doc[i].text in {"-", "—", "–"} and doc[i].whitespace_:
            found = i
        if doc[i].is_sent_start:
            break
        i -= 1
    return found


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _is_negated(verb: Token, quoted: list[int | None]) -> bool:
    """"did not say", "declined to confirm"; a "not" inside a quotation is the speaker's own word."""
    if any(c.dep_ == "neg" and quoted[c.i] is None for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in {"refuse", "decline", "fail"}


def doc_between(a: Token, b: Token) -> Span:
    """The tokens strictly between two tokens, in either order."""
    low, high = sorted((a.i, b.i))
    return a.doc[low + 1:high]


def _mention_range(subject: Token) -> tuple[int, int]:
    """Token range of a source mention: the subject's subtree without relative clauses.

    Sibling subjects of the same verb ("state news agency TASS" parsed as two) join the mention.
    """
    left, right = subject.left_edge.i, subject.right_edge.i
    if subject.dep_ == "nsubj":
        for sibling in subject.head.children:
            between = doc_between(subject, sibling)
            if sibling.dep_ == "nsubj" and sibling.i != subject.i and abs(sibling.i - subject.i) <= 8 and (
                    not any(t.text == "," for t in between)):
                left, right = min(left, sibling.left_edge.i), max(right, sibling.right_edge.i)
    for token in subject.subtree:  # "a source on the council, who asked not to be named"
        if token.dep_ in {"relcl", "acl"} and token.i > subject.i:
            right = min(right, token.left_edge.i - 1)
    doc = subject.doc
    for i in range(left, subject.i):  # "MOSCOW, Feb 10 (Reuters) - Russia": the dateline is not the source
        if doc[i].text in {"-", "—", "–"} and doc[i].whitespace_:
            left = i + 1
    while left < subject.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return left, right + 1


class AttributionFinder:
    """Find the attributions of one Doc; one instance per Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # Doc.sents and Token.sent walk the whole Doc on every call: index sentences once
        self.sents: list[Span] = list(doc.sents)
        self._sent_index = [0] * len(doc)
        for number, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self._sent_index[i] = number
        self.text = doc.text  # Doc.text joins every token on each call
        self.quotations = [self._bounded(q) for q in find_quotations(self.text)]
        self._quote_of_token: list[int | None] = [None] * len(doc)
        for index, quote in enumerate(self.quotations):
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    self._quote_of_token[token.i] = index
        self.found: list[Attribution] = []

    def sent_of(self, token: Token) -> Span:
        """The sentence of ``token``, from the index (``Token.sent`` rescans the Doc)."""
        return self.sents[self._sent_index[token.i]]

    def _bounded(self, quote: Quotation) -> Quotation:
        """An unclosed quotation ends before a later sentence that names a new speaker."""
        if quote.balanced:
            return quote
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return quote
        for sent in self.sents[self._sent_index[span[0].i] + 1:]:
            if sent.start >= span.end:
                break
            for token in sent:
                if is_cue(token) and any(c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"}
                                         for c in token.children):
                    end = sent.start_char
                    while end > quote.start and self.text[end - 1].isspace():
                        end -= 1
                    return Quotation(quote.start, end, balanced=False)
        return quote

    # -- public -------------------------------------------------------------------------------

    def run(self) -> list[Attribution]:
        for sent in self.sents:
            for token in sent:
                if token.lower_ == "according":
                    self._according_to(token, sent)
                elif is_cue(token) and not self._inside_quote(token):
                    self._from_cue(token, sent)
                elif token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.CLAIM_NOUNS and (
                        not self._inside_quote(token)):
                    self._from_claim_noun(token, sent)
        self._cut_at_nested_cues()
        self._place_quotations()
        self._find_stances()
        self.found.sort(key=lambda a: (a.start, a.end))
        return self.found

    # -- cues -----------------------------------------------------------------------------------

    def _inside_quote(self, token: Token) -> bool:
        index = self._quote_of_token[token.i]
        if index is None:
            return False
        quote = self.quotations[index]
        return quote.start < token.idx < quote.end - 1

    def _from_cue(self, cue: Token, sent: Span) -> None:
        lemma = cue_lemma(cue)
        if _is_negated(cue, self._quote_of_token):
            return
        if cue.dep_ == "pcomp" and cue.tag_ == "VBG" and self._covered(cue):
            return  # "blamed the council for delaying the vote": the gerund is what the accusation says
        if lemma in {"report", "write"} and cue.i + 1 < len(self.doc) and self.doc[cue.i + 1].lower_ == "by":
            return  # "(Reporting by Anna Lee; Editing by ...)": a credit line
        passive = _is_passive(cue)
        subject = _subject(cue)
        if passive and (subject is None or subject.dep_ == "nsubjpass"):
            return
        if subject is not None and not (sent.start <= subject.i < sent.end):
            subject = None
        subject = self._coordinated_speaker(cue, subject, sent)
        lost_name = None
        if subject is None and cue.dep_ == "ROOT" and cue.i > sent.start and cue.tag_ in {"VBD", "VBZ"}:
            before = self.doc[cue.i - 1]  # "In a meeting with the board of the Post Trump said": the parser
            if before.pos_ == "PROPN" and before.dep_ == "pobj":  # lost the name in the phrase before
                subject = before
                lost_name = (before.i - 1 if before.ent_iob_ == "I" and self.doc[before.i - 1].ent_type_ ==
                             "PERSON" else before.i, before.i + 1)
        if subject is None and (cue.i == sent.start or cue.tag_ == "VB"):
            return  # "Report number 3 ...", "Tell us": an imperative or a headline word, nobody speaks
        cognition = lemma in lexicon.COGNITION_VERBS
        if cognition and any(a.start <= cue.idx < a.end for a in self.found):
            return  # "he said he thought ...": the belief is part of what was said
        has_clause = any(c.dep_ in {"ccomp", "parataxis"} for c in cue.children)
        if cognition and (not has_clause or subject is None):
            return
        # "“...,” he said, adding he would ...": a cue that borrows its subject frames no quotation
        own_subject = subject is None or subject.head.i == cue.i
        left = min(cue.i, subject.left_edge.i) if subject is not None else cue.i
        if own_subject and self._frames_quote_before(left):
            return  # "“...,” he said during a visit": the quotation pass attributes it
        # "The harbour was thriving, Strand said, until ...": a fronted clause is the content, and what
        # follows the cue goes on with it
        as_clause = self._as_clause_content(cue, sent)
        if as_clause is not None:  # "As the mayor said, the ferry will not return", "..., as X noted"
            self._add(as_clause, "indirect", cue=(cue.i, cue.i + 1),
                      source=_mention_range(subject) if subject is not None else None,
                      head=subject.i if subject is not None else None, confidence=0.75)
            return
        fronted = left - 1 > sent.start and self.doc[left - 1].text == "," and any(
            c.dep_ in {"ccomp", "parataxis"} and c.i < left and c.left_edge.i <= self._after_dateline(sent)
            for c in cue.children)
        content = None if fronted else self._content_after(cue, sent, subject)
        kind = "indirect"
        tail = None
        if content is not None and subject is not None and self._misread_interposed(cue, subject):
            # "The new pier, Mayor Strand said, will open in May", parsed with the pier as the subject
            subject = next(c for c in subject.children if c.dep_ == "appos")
            first = self._trim(self._after_dateline(sent), subject.left_edge.i)
            content = (first[0], content[1]) if first is not None else None
        # "she was told about it by the mayor" reports nothing before it, nor does a cue inside another's
        # content ("the agency said the figures show “...”")
        if content is None and not passive and not self._covered(cue):
            content = self._content_before(cue, sent, subject)
            tail = self._tail_after(max(cue.i, subject.right_edge.i if subject is not None else cue.i), sent)
            if content is None and tail is not None and cue.dep_ == "parataxis" and cue.head.i > cue.i:
                # "The new bridge, the council said, was its largest yet": the cue splits one clause
                start = self._after_dateline(sent)
                first = self._trim(start, left)
                content = (first[0], tail[1]) if first is not None else None
        if content is None:
            return
        source = lost_name or (_mention_range(subject) if subject is not None else None)
        confidence = 0.6 if cognition else 0.85 if subject is not None else 0.55
        self._add(content, kind, cue=(cue.i, cue.i + 1), source=source,
                  head=subject.i if subject is not None else None, confidence=confidence)
        self.found[-1].tail = tail

    def _as_clause_content(self, cue: Token, sent: Span) -> tuple[int, int] | None:
        """The clause an "as X said" clause vouches for: the rest of its sentence."""
        if cue.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
            return None
        if any(c.dep_ in {"ccomp", "dobj", "xcomp", "parataxis"} for c in cue.children):
            return None  # "..., as the mayor said the road could only reopen after repairs": a reason
        doc = self.doc
        if cue.i < cue.head.i:  # "As many experts have pointed out, Trump is free to ..."
            start = cue.right_edge.i + 1
            return self._trim(start, self._without_gloss(start, sent.end))
        start = self._after_dateline(sent)  # "The ferry will not return, as the mayor said."
        while start < cue.left_edge.i and (doc[start].is_space or doc[start].text == ","
                                           or doc[start].lower_ in lexicon.LEADING_CONNECTIVES):
            start += 1
        return self._trim(start, cue.left_edge.i)

    def _misread_interposed(self, cue: Token, subject: Token) -> bool:
        """Whether the parser made the start of a clause the subject of a cue set between commas and
        the speaker its apposition: the reported clause after the cue then has no subject of its own."""
        doc = self.doc
        if subject.i > cue.i or cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
            return False
        names = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i < cue.i]
        clause = [c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i]
        return bool(names and clause) and not any(
            c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause[0].children)

    def _tail_after(self, right: int, sent: Span) -> tuple[int, int] | None:
        """The rest of the sentence after a cue set between commas (``right``: the cue's last token):
        "Lenox was thriving, Clarke said, until it went bankrupt" goes on with what Clarke said."""
        doc = self.doc
        comma = next((t.i for t in doc[right + 1:min(sent.end, right + 6)] if t.text == ","), None)
        if comma is None or any(t.text in {".", ";", ":"} or t.is_quote for t in doc[right + 1:comma]):
            return None
        rest = [t for t in doc[comma + 1:sent.end] if t.is_alpha]
        if len(rest) < 3 or rest[0].tag_ == "VBG" or any(t.lower_ == "according" or is_cue(t) for t in rest):
            return None  # "..., adding that ...": a cue of its own
        return self._trim(comma + 1, sent.end)

    def _find_stances(self) -> None:
        """Stances, once every statement is found: a stance inside a statement is part of what was said."""
        for sent in self.sents:
            for token in sent:
                word = token.lower_
                if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.STANCE_VERBS:
                    self._from_stance(token, sent)
                elif token.pos_ == "NOUN" and word in lexicon.STANCE_NOUNS:
                    self._from_stance_noun(token)
                elif token.pos_ == "ADJ" and token.dep_ == "acomp" and word in lexicon.STANCE_ADJECTIVES:
                    self._from_stance_adjective(token)

    def _from_stance(self, verb: Token, sent: Span) -> None:
        """"Trump wants to cut taxes", "the union endorsed Clinton": a stance held, not a statement.

        Found after every statement, and only outside them ("he said he wants ..." stays one quote).
        """
        if verb.dep_ in {"amod", "compound"} or self._inside_quote(verb):
            return
        if _is_passive(verb):
            self._from_passive_stance(verb, sent)
            return
        if any(c.dep_ == "prt" for c in verb.children):
            return  # "showed up", "pointed out": a phrasal verb means something else
        if verb.dep_ == "xcomp" and _is_passive(verb.head):
            return  # "the developer is believed to have offered ...": a hedge, nobody's stance
        if verb.lemma_.lower() in lexicon.STANCE_PREP_VERBS and not any(
                c.dep_ == "prep" and c.lower_ in lexicon.STANCE_PREPS for c in verb.rights):
            return  # "voted on Tuesday" holds no stance, "voted against the bill" does
        if self._covered(verb):
            return
        if any(c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children) for c in verb.children) and (
                verb.lemma_.lower() == "ask"):
            return  # "a source, who asked not to be named": a condition of anonymity, not a stance
        subject = _subject(verb)
        if subject is None or not (sent.start <= subject.i < sent.end) or subject.lower_ in {"it", "there"}:
            return
        content = self._content_after(verb, sent, subject, stance=True)
        if content is None:
            return
        self._add(content, STANCE, cue=(verb.i, verb.i + 1), source=_mention_range(subject),
                  head=subject.i, confidence=0.5)

    def _covered(self, token: Token) -> bool:
        """Whether ``token`` is part of a statement already found, as its content or its cue."""
        return any(a.start <= token.idx < a.end or (a.cue is not None and a.cue[0] <= token.idx < a.cue[1])
                   for a in self.found)

    def _from_passive_stance(self, verb: Token, sent: Span) -> None:
        """"Clinton was endorsed by the union": the agent holds the stance, the subject is what it is on."""
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"),
                     None)
        if patient is None or agent is None or self._covered(verb) or not sent.start <= patient.i < sent.end:
            return
        content = self._trim(*_mention_range(patient))
        if content is not None:
            # the agent up to its head: "by engineers for its design" is parsed as one phrase
            self._add(content, STANCE, cue=(verb.i, verb.i + 1), source=(agent.left_edge.i, agent.i + 1),
                      head=agent.i, confidence=0.45)

    def _from_stance_adjective(self, adjective: Token) -> None:
        """"Graham has been critical of Trump", "she was sure Trump would win": the subject's stance."""
        subject = next((c for c in adjective.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in {"it", "there"}:
            return
        self._add_held(adjective, subject, {"ccomp", "xcomp"})

    def _from_stance_noun(self, noun: Token) -> None:
        """"Trump's plan to cut taxes", "her support for the deal": the owner holds the stance."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None:
            self._add_held(noun, owner, {"acl"})

    def _add_held(self, cue: Token, holder: Token, clauses: set[str]) -> None:
        """A stance named by a noun or an adjective: its content is the object of the first preposition
        after it ("support for ...", "critical of ...") or its clause ("plan to ...", "sure that ...")."""
        if self._inside_quote(cue) or self._covered(cue):
            return
        for child in cue.rights:
            if child.dep_ == "prep" and child.lower_ in lexicon.STANCE_PREPS | {"to", "with"}:
                objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
                if objects:
                    start, end = child.i + 1, objects[0].right_edge.i + 1
                    break
            elif child.dep_ in clauses and (child.dep_ != "acl" or any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children)):
                start, end = child.left_edge.i, child.right_edge.i + 1
                break
        else:
            return
        if self.doc[start].lower_ == "that":  # "sure that the ferry would return"
            start += 1
        content = self._trim(start, end)
        if content is not None:
            self._add(content, STANCE, cue=(cue.i, cue.i + 1), source=_mention_range(holder), head=holder.i,
                      confidence=0.45)

    def _from_claim_noun(self, noun: Token, sent: Span) -> None:
        """"Trump's claim that X", "a warning by the ministry that X": the owner speaks."""
        doc = self.doc
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        that = noun.i + 1
        if owner is None:
            for child in noun.children:
                if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from", "of"}:
                    owner = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if child.right_edge.i + 1 < sent.end and doc[child.right_edge.i + 1].lower_ == "that":
                        that = child.right_edge.i + 1  # "warnings from the US and its allies that ..."
                    break
        if owner is None or that >= sent.end or doc[that].lower_ != "that":
            return
        clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.i > noun.i),
                      doc[that].head if doc[that].dep_ == "mark" and that > noun.i + 1 else None)
        if clause is None:
            return
        if any(t.dep_ == "nsubj" and t.lower_ == "that" for t in clause.children):
            return  # "the claim that was made": a relative clause, not the claim's content
        content = self._trim(that + 1, self._without_gloss(that + 1, clause.right_edge.i + 1))
        if content is None:
            return
        self._add(content, "indirect", cue=(noun.i, noun.i + 1), source=_mention_range(owner),
                  head=owner.i, confidence=0.7)

    def _coordinated_speaker(self, cue: Token, subject: Token | None, sent: Span) -> Token | None:
        """"Zelensky denied claims that Ukraine attacked ..., and accused Moscow of ...": the parser
        hangs the second cue on the reported clause; its speaker is the first cue's."""
        doc = self.doc
        if cue.dep_ != "conj" or any(c.dep_ == "nsubj" for c in cue.children):
            return subject
        if not any(t.dep_ == "cc" for t in doc[max(sent.start, cue.i - 2):cue.i]):
            return subject
        for earlier in sent:
            if earlier.i >= cue.i:
                break
            if is_cue(earlier) and not self._inside_quote(earlier):
                first = _subject(earlier)
                if first is not None and first.i < earlier.i and (subject is None or subject.i > earlier.i):
                    return first
        return subject

    def _frames_quote_before(self, left: int) -> bool:
        """Whether the cue at ``left`` closes a quotation just before it: "“...,” he said"."""
        doc = self.doc
        i = left - 1
        while i >= 0 and (doc[i].is_space or doc[i].text == ","):
            if "\n" in doc[i].text:
                return False
            i -= 1
        if i < 1 or self._quote_of_token[i] is None or not doc[i].is_quote:
            return False
        return doc[i - 1].text in {",", "?", "!", "—", "–"} or doc[i + 1].text == ","

    def _clause_end(self, cue: Token, sent: Span) -> int:
        """Token index one past where the clause of ``cue`` ends."""
        top = cue
        while top.dep_ == "conj" and top.head.i != top.i and top.head.i < top.i:
            top = top.head
        end = sent.end if top.dep_ == "ROOT" else cue.right_edge.i + 1
        # "wants to triple X, grow Y and create Z": a bare infinitive hung on the cue goes on the "to" clause
        infinitive = any(c.dep_ == "xcomp" for c in cue.children) and cue.tag_ != "VB"
        for child in cue.rights:
            coordinated = child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} and not (
                infinitive and child.tag_ == "VB")
            if coordinated or (child.dep_ == "advcl" and is_cue(child)):
                end = min(end, child.left_edge.i)
        return min(end, sent.end)

    def _content_after(self, cue: Token, sent: Span, subject: Token | None, *,
                       stance: bool = False) -> tuple[int, int] | None:
        doc = self.doc
        lemma = cue_lemma(cue)
        end = self._clause_end(cue, sent)
        i = cue.i + 1
        if subject is not None and subject.i > cue.i:  # "..., said Caddell"
            i = max(i, subject.right_edge.i + 1)
        start_limit = i
        clause_seen = False
        that = self._complementiser(cue, i, end)
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
                and token.lower_ not in {"not", "how", "why", "when", "where"}
                and (token.pos_ == "ADV" or token.ent_type_ in {"DATE", "TIME"})
            ):
                i = max(i + 1, token.right_edge.i + 1) if token.head.i == cue.i else i + 1
                continue
            if token.dep_ == "prep" and token.lower_ in _CHANNEL_PREPS and not (
                lemma in lexicon.OBJECT_CONTENT_VERBS and i > start_limit
            ) and not (token.lower_ in {"at", "to"} and lemma in {"hint", "point"}):
                j = i + 1
                while j < end and doc[j] in token.subtree and not (
                    doc[j].lower_ == "that" or doc[j].pos_ in {"VERB", "AUX"} or doc[j].tag_ == "WDT"
                ):
                    j += 1
                i = j
                continue
            past = self._past_recipient(token) if lemma in _TELL_VERBS and not stance else None
            if past is None:
                break
            i = max(i + 1, past)
        if i >= end or (lemma in lexicon.THAT_ONLY_VERBS and not clause_seen and not stance):
            return None
        has_clause = clause_seen or any(
            t.dep_ in {"ccomp", "parataxis", "xcomp"} and t.i >= i and t.head.i == cue.i for t in cue.children
        ) or self._quote_of_token[i] is not None or doc[i - 1].text == ":"
        # "Residents told of killings and torture", "she spoke of fear": the object of "of" is what they said
        told_of = lemma in {"tell", "speak", "talk", "write", "warn"} and doc[i].dep_ == "prep" and (
            doc[i].lower_ in {"of", "about"})
        if not has_clause and not stance and not told_of:
            needs_clause = lemma in lexicon.CLAUSE_ONLY_VERBS or lemma not in (
                lexicon.OBJECT_CONTENT_VERBS | {"say"})
            if needs_clause and not self._clause_follows(cue, i, end):
                return None
            # "called Nyok “...”", "called for talks", "called it a crime": not "called a meeting"
            if lemma == "call" and not any(
                    t.dep_ in {"oprd", "ccomp", "xcomp"} or t.lower_ == "for" for t in doc[i:end]
            ) and not any(self._quote_of_token[t] is not None for t in range(i, end)):
                return None
        # a colon before a quotation opens a new, direct quote: the indirect content stops there
        for j in range(i, end):
            if doc[j].text == ":" and j + 1 < end and self._quote_of_token[j + 1] is not None:
                end = j
                if not any(t.pos_ in {"VERB", "AUX"} for t in doc[i:end]):
                    return None  # "told reporters: “...”": the quotation pass attributes it
                break
        if lemma in _TELL_VERBS and not (stance or told_of or has_clause
                                         or self._clause_follows(cue, i, end)):
            return None
        end = self._before_speaker_action(i, end)
        if doc[i].dep_ == "prep" and (lemma in {"hint", "point"} or told_of or (
                (stance or lemma == "call") and doc[i].lower_ in lexicon.STANCE_PREPS)):
            i += 1  # "called for talks", "hinting at a deal": the content is the object, not the preposition
        return self._trim(i, self._without_gloss(i, end))

    def _past_recipient(self, token: Token) -> int | None:
        """Where the content starts after the recipient ``token`` belongs to ("told reporters that"),
        or None when ``token`` is not part of a recipient."""
        if token.dep_ not in _RECIPIENT_DEPS:
            return None
        head = token if token.dep_ in {"dobj", "dative", "nsubj"} else token.head
        if not (head.dep_ in {"dobj", "dative"} or (head.dep_ == "nsubj" and head.head.i > head.i)):
            return None
        # "told a meeting of leaders that few people understood ...", parsed as a relative clause of
        # the recipient: the recipient stops at "that"
        that = next((t.i for t in self.doc[head.i + 1:head.right_edge.i + 1]
                     if t.lower_ == "that" and t.dep_ == "mark"), None)
        return that if that is not None else head.right_edge.i + 1

    def _complementiser(self, cue: Token, start: int, end: int) -> int | None:
        """The "that" opening the cue's reported clause: what stands between the cue and it ("said
        several times in recent months that ...") is the channel, the time or the recipient."""
        for clause in cue.children:
            if clause.dep_ != "ccomp" or clause.i <= start:
                continue
            for mark in clause.children:
                if mark.dep_ == "mark" and mark.lower_ == "that" and start < mark.i < end and not any(
                        self._quote_of_token[t] is not None for t in range(start, mark.i)):
                    return mark.i
        return None

    def _before_speaker_action(self, start: int, end: int) -> int:
        """Stop before "and left the meeting": a bare past verb that goes on with the speaker's story.

        In "X said the station would close in May and left the meeting early", the reported clause has
        an auxiliary (would, had, could) and the coordinated verb has none and no subject of its own.
        """
        doc = self.doc
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

    def _clause_follows(self, cue: Token, start: int, end: int) -> bool:
        """A finite clause among the cue's right material: "X added the strikes cannot ..."."""
        for token in self.doc[start:end]:
            if token.dep_ in {"ccomp", "parataxis"} and token.head.i <= cue.i + 3:
                return True
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.i > token.i and token.head.i != cue.i:
                return True
        return False

    def _content_before(self, cue: Token, sent: Span, subject: Token | None) -> tuple[int, int] | None:
        """Content that precedes its cue: "Russia is sending troops, the military chief said"."""
        doc = self.doc
        stop = min(cue.i, subject.left_edge.i) if subject is not None else cue.i
        clause = [c for c in cue.children if c.dep_ in {"ccomp", "parataxis", "dobj"} and c.i < stop]
        head_clause = cue.dep_ in {"parataxis", "ccomp", "advcl"} and cue.head.i < stop
        if not clause and not head_clause:
            return None
        start = self._after_dateline(sent)
        if clause:
            start = max(start, clause[0].left_edge.i)
        while start < stop and (doc[start].is_space or (doc[start].lower_ in lexicon.LEADING_CONNECTIVES)
                                or doc[start].text == ","):
            start += 1
        if stop - start < 2:
            return None
        return self._trim(start, self._without_gloss(start, stop))

    def _without_gloss(self, start: int, end: int) -> int:
        """Cut a reporter's gloss at the end of a content: ", one of the first areas ...",
        ", as fighting raged ...", ", though he has not said how", ", which forced her to ..."."""
        doc = self.doc
        for k in range(start + 1, end - 1):
            if doc[k].text == ";" and self._quote_of_token[k] is None:
                return k  # "...; they only learned on Friday": a new clause of the reporter's
            if doc[k].text in {"–", "—", "--"} and self._quote_of_token[k] is None and (
                    doc[k + 1].lower_ in _GLOSS_MARKS | _CONCESSIVE):
                return k  # "... with the union – albeit on terms it has not accepted"
            if doc[k].tag_ in {"WDT", "WP"} and doc[k].head.dep_ == "relcl" and doc[k - 1].is_quote and (
                    self._quote_of_token[k - 1] is not None and self._quote_of_token[k] is None):
                return k  # "the end of the “long, costly strike” that was set off by ...": the reporter's
        last = end - 1  # the last word: a closing quotation mark is often hung on the main verb
        while last > start and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        for k in range(start + 3, end - 1):
            if doc[k].text != ",":
                continue
            root = doc[k + 1]
            while start <= root.head.i < end and root.head.i > k and root.head.i != root.i:
                root = root.head
            # "Kharkiv, the country's second city ..., the region whose capture ...": appositions in a row
            last_apposition = max((c.right_edge.i for c in root.head.children if c.dep_ == "appos"
                                   and c.i > root.i), default=-1) if root.dep_ == "appos" else -1
            if max(root.right_edge.i, last_apposition) < last or self._quote_of_token[k + 1] is not None:
                continue
            marks = {c.lower_ for c in root.children if c.dep_ == "mark"}
            # ", though he has not said how": a concession about the speaker is the reporter's
            about_speaker = marks & _CONCESSIVE and any(c.dep_ == "nsubj" and c.lower_ in {"he", "she"}
                                                      for c in root.children)
            relative = root.dep_ in {"relcl", "acl"} and doc[k + 1].tag_ in {"WDT", "WP", "WP$", "WRB"}
            # ", prompting Kyiv to call it ...": what the statement set off is the reporter's account
            consequence = root.tag_ == "VBG" and root.lemma_.lower() in lexicon.CONSEQUENCE_VERBS
            if root.dep_ == "appos" or relative or about_speaker or consequence or (
                    root.dep_ == "advcl" and marks & _GLOSS_MARKS) or (
                    root.dep_ == "prep" and root.lower_ in {"despite", "amid"}):
                return k
        return end

    def _after_dateline(self, sent: Span) -> int:
        """Where a sentence starts after a wire dateline: "KYIV, March 3 (Reuters) - Russia ..."."""
        first = sent[0]
        if not (first.is_upper and len(first.text) > 1):
            return sent.start
        for token in sent[1:12]:
            if token.text in {"-", "—", "–"} and token.whitespace_:
                return token.i + 1
        return sent.start

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        """Character span of tokens [start, end) without edge punctuation (quotation marks kept)."""
        doc = self.doc
        while start < end and (doc[start].is_space or doc[start].text in _CUT_PUNCT):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].text in _TRAILING_PUNCT
                               or doc[end - 1].dep_ == "cc"):
            end -= 1
        if end <= start or not any(t.is_alpha for t in doc[start:end]):
            return None
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])

    def _according_to(self, according: Token, sent: Span) -> None:
        doc = self.doc
        nxt = according.nbor() if according.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ != "to":
            return
        objects = [c for c in nxt.children if c.dep_ == "pobj"] or [
            c for c in according.children if c.dep_ == "pobj"
        ]
        phrase_start = according.i
        comma = next((t.i for t in doc[nxt.i + 1:min(sent.end, nxt.i + 12)] if t.text == ","), None)
        if objects:
            source_head = objects[0]
            phrase_end = max(source_head.right_edge.i, nxt.i) + 1
            if comma is not None and source_head.i < comma < phrase_end:
                phrase_end = comma  # "According to Limbaugh, the move reeks ..." misread as an apposition
        else:  # the parser lost the object: the source runs to the comma ("According to RIA, ...") or
            # to the end of the sentence ("..., according to show insiders.")
            end = comma
            if end is None:
                end = sent.end
                while end > nxt.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                    end -= 1
            if end <= nxt.i + 1:
                return
            source_head, phrase_end = doc[end - 1], end
        if phrase_start - sent.start <= 2:  # "According to X, content."
            content = self._trim(phrase_end, sent.end)
        else:  # "Content, according to X."
            start = self._after_dateline(sent)
            while start < phrase_start and (doc[start].lower_ in lexicon.LEADING_CONNECTIVES
                                            or doc[start].text == "," or doc[start].is_space):
                start += 1
            content = self._trim(start, phrase_start)
        if content is None:
            return
        left, right = _mention_range(source_head) if objects else (nxt.i + 1, phrase_end)
        right = min(right, phrase_end)
        self._add(content, "according_to", cue=(according.i, nxt.i + 1), source=(left, right),
                  head=source_head.i, confidence=0.85)

    def _add(self, content: tuple[int, int], kind: str, *, cue: tuple[int, int] | None,
             source: tuple[int, int] | None, head: int | None, confidence: float) -> None:
        doc = self.doc

        def chars(tokens: tuple[int, int] | None) -> tuple[int, int] | None:
            if tokens is None:
                return None
            first, last = doc[tokens[0]], doc[tokens[1] - 1]
            return first.idx, last.idx + len(last)

        self.found.append(Attribution(start=content[0], end=content[1], kind=kind, cue=chars(cue),
                                      source=chars(source), source_head=head, confidence=confidence))

    # -- overlaps between cues ------------------------------------------------------------------

    def _cut_at_nested_cues(self) -> None:
        """A content that swallows a coordinated cue of the same speaker stops before it.

        "The ministry said that X and called Y "..."": the second cue is a new attribution, not part
        of what was said in the first.
        """
        doc = self.doc
        for outer in self.found:
            if outer.cue is None:
                continue
            for inner in self.found:
                if inner is outer or inner.cue is None or inner.source_head is None:
                    continue
                if not outer.start < inner.cue[0] < outer.end:
                    continue
                inner_cue = doc.char_span(*inner.cue, alignment_mode="expand")
                if inner_cue is None:
                    continue
                # "... he would bring peace while Zelensky said the two discussed ...": a contrast
                # opens another speaker's statement
                contrast = next((c for c in inner_cue.root.children if c.dep_ == "mark"
                                 and c.lower_ in _CONTRAST_MARKS), None)
                if inner.source_head != outer.source_head and contrast is None:
                    continue
                cut = inner_cue.start if contrast is None else min(contrast.i, inner_cue.start)
                if contrast is not None and outer.start <= doc[inner.source_head].idx < outer.end:
                    cut = min(cut, doc[inner.source_head].left_edge.i)
                while cut > 0 and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct
                                   or doc[cut - 1].is_space):
                    cut -= 1
                start_token = doc.char_span(outer.start, outer.end, alignment_mode="expand")
                if start_token is None:
                    continue
                trimmed = self._trim(start_token.start, cut)
                if trimmed is not None:
                    outer.start, outer.end = trimmed

    # -- quotations -----------------------------------------------------------------------------

    def _place_quotations(self) -> None:
        """Give each quotation to the content that holds it, its cue, or the speaker it continues.

        Every lookup goes through indexes built once (attributions by text block, framing cues by
        sentence, sentence stops by position), so the pass is linear in the quotations.
        """
        doc = self.doc
        self._index = AttributionIndex(self.found)
        self._framing_cues: dict[int, list[int]] = {}
        self._stops_before = [0]
        for token in doc:
            self._stops_before.append(self._stops_before[-1] + (token.text in _SENTENCE_STOPS))
        self._sent_starts = [s.start_char for s in self.sents]
        self._sent_ends = [s.end_char for s in self.sents]
        for quote in self.quotations:
            self._index.update()
            qspan = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if qspan is None:
                continue
            owner = self._content_holding(quote)
            if owner is not None:
                if owner.start >= quote.start - 1 and owner.end <= quote.end + 1:
                    owner.start, owner.end, owner.kind = quote.start, quote.end, "direct"
                    owner.confidence = max(owner.confidence, 0.9)
                else:
                    owner.start, owner.end = min(owner.start, quote.start), max(owner.end, quote.end)
                    owner.kind = "mixed"
                self._index.note(owner)
                continue
            adjacent = self._content_ending_before(quote, qspan)
            if adjacent is not None:
                adjacent.end = quote.end
                adjacent.kind = "mixed"
                self._index.note(adjacent)
                continue
            label = self._transcript_label(qspan)
            if label is not None:  # "“PENCE: Well, look, ...”": a transcript names its speaker first
                self._add((quote.start, quote.end), "direct", cue=(label + 1, label + 2),
                          source=(label, label + 1), head=label, confidence=0.8)
                continue
            signed = self._signature(qspan)
            if signed is not None:
                self._add((quote.start, quote.end), "direct", cue=(signed[0] - 1, signed[0]), source=signed,
                          head=signed[1] - 1, confidence=0.8)
                continue
            framing = self._framing_cue(quote, qspan)
            if framing is not None:
                cue, subject = framing
                source = _mention_range(subject) if subject is not None else None
                if source is not None and source[0] <= cue.i < source[1]:  # "Said Ellis" parsed as one name
                    source = (cue.i + 1, source[1])
                self._add((quote.start, quote.end), "direct", cue=(cue.i, cue.i + 1), source=source,
                          head=subject.i if subject is not None else None,
                          confidence=0.9 if subject is not None else 0.6)
                continue
            self._continuation(quote, qspan)

    def _transcript_label(self, qspan: Span) -> int | None:
        """The token of a speaker's name in capitals and a colon that open a quotation ("PENCE:")."""
        doc = self.doc
        first = next((t for t in qspan if not (t.is_punct or t.is_space)), None)
        if first is None or first.i + 1 >= qspan.end or doc[first.i + 1].text != ":":
            return None
        return first.i if first.is_upper and first.is_alpha and len(first.text) > 1 else None

    def _signature(self, qspan: Span) -> tuple[int, int] | None:
        """The name that signs a quotation after a dash and ends its paragraph: “...” ― Steve Quinlan."""
        doc = self.doc
        dash = qspan.end
        if qspan[-1].text[-1:] in _DASHES:  # "”―" is one token when no space parts them
            dash -= 1
        elif dash >= len(doc) or doc[dash].text not in _DASHES:
            return None
        end = dash + 1
        while end < len(doc) and doc[end].is_space and "\n" not in doc[end].text:
            end += 1  # "― Julie" with a no-break space
        dash = end - 1
        if end >= len(doc):
            return None
        while end < len(doc) and end - dash <= 5 and (doc[end].pos_ == "PROPN" or doc[end].text == "." or (
                len(doc[end].text) == 2 and doc[end].text[0].isupper() and doc[end].text[1] == ".")):
            end += 1  # "Julie A. Diaz": the tagger calls an initial a noun
            if "\n" in doc[end - 1].whitespace_:
                break
        at_paragraph_end = end >= len(doc) or "\n" in doc[end - 1].whitespace_ or doc[end].is_space
        while end > dash + 1 and doc[end - 1].text == ".":
            end -= 1
        if end == dash + 1 or not at_paragraph_end:
            return None
        return dash + 1, end

    def _content_holding(self, quote: Quotation) -> Attribution | None:
        """The attribution whose content overlaps ``quote`` most, if any."""
        best, best_overlap = None, 0
        for attribution in self._index.around(quote.start, quote.end - 1):
            overlap = min(attribution.end, quote.end) - max(attribution.start, quote.start)
            if overlap > best_overlap and (attribution.cue is None or not (
                    quote.start <= attribution.cue[0] < quote.end)):
                best, best_overlap = attribution, overlap
        return best

    def _content_ending_before(self, quote: Quotation, qspan: Span) -> Attribution | None:
        """A content that stops a word or two before the quotation, in the same sentence."""
        sent = self.sent_of(qspan[0])
        # a gap of at most 20 characters: the content ends at most 21 characters before the quotation
        for attribution in self._index.around(quote.start - 21, quote.start):
            if attribution.cue is None or not sent.start_char <= attribution.start < quote.start:
                continue
            gap = self.text[attribution.end:quote.start]
            if len(gap) <= 20 and not any(ch in gap for ch in ".;:!?") and len(gap.split()) <= 2:
                return attribution
        return None

    def _framing_cue(self, quote: Quotation, qspan: Span) -> tuple[Token, Token | None] | None:
        """The cue outside a quotation in the sentences it starts or ends in ("..., he said.")."""
        doc = self.doc
        first, last = self.sent_of(qspan[0]), self.sent_of(qspan[-1])
        sents = {first.start: first, last.start: last}
        colon = qspan.start > 0 and doc[qspan.start - 1].text == ":"
        introducer = self._introducer(qspan)
        if introducer is not None:  # "Caddell continued:\n\n“...”": the colon ends the paragraph before
            sents[introducer.start] = introducer
            colon = True
        best: tuple[int, Token] | None = None
        for sent in sents.values():
            # only the nearest cue on each side can win: a farther one has all of its words between
            cues = self._framing_cues_of(sent)
            before = bisect_left(cues, qspan.start)
            after = bisect_left(cues, qspan.end)
            for i in (cues[before - 1:before] if before else []) + cues[after:after + 1]:
                low, high = (qspan.end, i) if i >= qspan.end else (i + 1, qspan.start)
                if self._stops_before[high] > self._stops_before[low] or (high - low > 12 and not colon):
                    continue
                distance = high - low + (0 if i >= qspan.end else 1)
                if best is None or distance < best[0]:
                    best = (distance, doc[i])
        if best is None and introducer is not None:
            verb = introducer.root  # "Sanders made the following comment:"
            if verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in verb.children):
                best = (0, verb)
        if best is None:
            return None
        cue = best[1]
        subject = _subject(cue)
        if subject is not None and self._quote_of_token[subject.i] is not None:
            subject = None
        if subject is None and cue.i + 1 < len(doc) and cue.lower_ == "said":
            subject = self._inverted_speaker(cue)
        return cue, subject

    def _framing_cues_of(self, sent: Span) -> list[int]:
        """The tokens of ``sent`` that may frame a quotation (cues outside quotations, not negated)."""
        cues = self._framing_cues.get(sent.start)
        if cues is None:
            cues = [token.i for token in sent if is_cue(token, framing=True) and (
                self._quote_of_token[token.i] is None) and not _is_negated(token, self._quote_of_token)]
            self._framing_cues[sent.start] = cues
        return cues

    def _introducer(self, qspan: Span) -> Span | None:
        """The sentence that ends with a colon in the paragraph before a quotation, if any."""
        doc = self.doc
        before = qspan.start - 1
        while before >= 0 and doc[before].is_space:
            before -= 1
        if before < 0 or before == qspan.start - 1 or doc[before].text != ":" or not any(
                "\n" in t.text for t in doc[before + 1:qspan.start]):
            return None
        return self.sent_of(doc[before])

    def _inverted_speaker(self, cue: Token) -> Token | None:
        """"Said Ellis: “...”": the name after a sentence-opening cue (the tagger reads "Said" as a name)."""
        doc = self.doc
        i = cue.i + 1
        while i < len(doc) and doc[i].pos_ == "PROPN" and i - cue.i <= 4:
            i += 1
        return doc[i - 1] if i > cue.i + 1 and i < len(doc) and doc[i].text in {":", ","} else None

    def _continuation(self, quote: Quotation, qspan: Span) -> None:
        """A quotation with no cue of its own carries on the latest speaker's words."""
        words = [t for t in qspan if not (t.is_punct or t.is_space)]
        sent = self.sent_of(qspan[0])
        last = self._index.latest_ending_by(quote.start)
        if last is None:
            return
        whole_sentence = qspan.start - sent.start <= 1 and sent.end - qspan.end <= 2
        # a short quotation is a title or a scare quote, unless it is a sentence of its own right after
        # the speaker's: "“I would,” Melanie said. “I would, Donald.”"
        if len(words) < _MIN_FREE_QUOTE_WORDS and not (
                whole_sentence and last.kind == "direct" and sent.start > 0
                and self.sent_of(self.doc[sent.start - 1]).start_char <= last.end):
            return
        sentences_between = max(0, bisect_right(self._sent_ends, quote.start)
                                - bisect_left(self._sent_starts, last.end))
        if sentences_between > _CONTINUATION_WINDOW:
            return
        if whole_sentence or quote.start - sent.start_char <= 1:
            start, end, kind = quote.start, quote.end, "direct"
        else:
            trimmed = self._trim(sent.start, sent.end)
            if trimmed is None:
                return
            start, end, kind = trimmed[0], max(trimmed[1], quote.end), "mixed"
            while start < end and self.text[start:start + 1].isspace():
                start += 1
        self.found.append(Attribution(start=start, end=end, kind=kind, confidence=0.65,
                                      follows=last))


def find_attributions(doc: Doc) -> list[Attribution]:
    """All attributions of ``doc``, in text order."""
    return AttributionFinder(doc).run()


