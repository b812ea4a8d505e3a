"""Stances: what somebody wants, plans, supports or attacks, found after every statement.

They come out as kind ``stance``; the core's conventions decide whether they count.
"""

from spacy import symbols
from spacy.tokens import Span, Token

from attribview.nlp import lexicon
from attribview.nlp.attribution import STANCE
from attribview.nlp.rules.boundaries import trim
from attribview.nlp.rules.contents import content_after
from attribview.nlp.rules.grammar import (
    is_passive,
    mention_range,
    name_closing_subject,
    noun_holder,
    owning_subject,
    subject_of,
)
from attribview.nlp.rules.index import DocIndex

#: Tags of a wh-word ("how", "why", "what", "which"), which opens an indirect question.
_WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})


def find_stances(ix: DocIndex) -> None:
    """Stances, once every statement is found: a stance inside a statement is part of what was said."""
    for token, sent in ix.tagged({symbols.VERB, symbols.NOUN, symbols.ADJ}):
        word = token.lower_
        if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.QUESTION_VERBS and (
                _from_question(ix, token, sent)):
            continue
        if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.STANCE_VERBS:
            _from_stance(ix, token, sent)
        elif token.pos_ == "VERB" and token.lemma_.lower() in lexicon.EXPERIENCER_VERBS:
            _from_feeling(ix, token, sent)
        elif token.pos_ == "NOUN" and (word in lexicon.STANCE_NOUNS
                                       or token.lemma_.lower() in lexicon.STANCE_NOUNS):
            _from_stance_noun(ix, token)
        elif token.pos_ == "ADJ" and token.dep_ == "acomp" and word in lexicon.STANCE_ADJECTIVES:
            _from_stance_adjective(ix, token)


def _from_stance(ix: DocIndex, verb: Token, sent: Span) -> None:
    """"Trump wants to cut taxes", "the union endorsed Clinton": a stance held, not a statement.

    Found after every statement, and only outside them ("he said he wants ..." stays one quote).
    """
    if verb.dep_ in {"amod", "compound"} or ix.inside_quote(verb):
        return
    if is_passive(verb):
        _from_passive_stance(ix, verb, sent)
        return
    if any(c.dep_ == "prt" for c in verb.children):
        return  # "showed up", "pointed out": a phrasal verb means something else
    if verb.dep_ == "xcomp" and is_passive(verb.head):
        return  # "the developer is believed to have offered ...": a hedge, nobody's stance
    if verb.lemma_.lower() in lexicon.INFINITIVE_STANCE_VERBS and not any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.rights):
        return  # "looks to build on his lead" is an aim, "looks tired" none
    if verb.lemma_.lower() in lexicon.STANCE_PREP_VERBS and not any(
            _stance_prep(c) for c in verb.rights):
        return  # "voted on Tuesday" holds no stance, "voted against the bill" does
    if ix.covered(verb):
        return
    if any(c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children) for c in verb.children) and (
            verb.lemma_.lower() == "ask"):
        return  # "a source, who asked not to be named": a condition of anonymity, not a stance
    subject = subject_of(verb)
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"}:
        subject = verb.head  # "groups supporting the plan", "an op-ed backing Marsh": the noun holds it
    if subject is None or not (sent.start <= subject.i < sent.end) or (
            subject.lower_ in lexicon.DUMMY_SUBJECTS):
        return
    content = content_after(ix, verb, sent, subject, stance=True)
    name = name_closing_subject(verb)
    if content is not None and name is not None and content[1] > name.left_edge.idx:
        content = trim(ix, verb.i + 1, name.left_edge.i) if content[0] < name.left_edge.idx else None
    if content is None:
        return
    ix.add(content, STANCE, cue=(verb.i, verb.i + 1), source=mention_range(subject),
           head=subject.i, confidence=0.5)


def _from_feeling(ix: DocIndex, verb: Token, sent: Span) -> None:
    """"The toll angered the dockers", "the council has lagged, frustrating the dockers", "the dockers
    were angered by the toll": the one moved holds a stance on what moves them."""
    if verb.dep_ in {"amod", "compound"} or ix.inside_quote(verb) or ix.covered(verb):
        return
    doc = ix.doc
    if is_passive(verb):
        holder = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        about = next((c for c in verb.rights if c.dep_ == "ccomp" or (
            c.dep_ in {"prep", "agent"} and c.lower_ in lexicon.EXPERIENCER_PREPS)), None)
        if about is None:
            return
        if about.dep_ == "ccomp":
            start, end = about.left_edge.i, about.right_edge.i + 1
        else:
            objects = [c for c in about.children if c.dep_ in {"pobj", "pcomp"}]
            if not objects:
                return
            start, end = about.i + 1, objects[0].right_edge.i + 1
        if doc[start].lower_ == "that":  # "frustrated that the council closed the quay"
            start += 1
    else:
        holder = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)
        if subject is not None:
            start, end = subject.left_edge.i, subject.right_edge.i + 1
        elif verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i < verb.i:
            start, end = verb.head.left_edge.i, verb.left_edge.i  # "..., frustrating the dockers"
        else:
            return
        if subject is not None and subject.lower_ in lexicon.DUMMY_SUBJECTS:
            return  # "it worries me that ...": the clause after, not "it"
    if holder is None or not _may_feel(holder) or not sent.start <= holder.i < sent.end:
        return
    content = trim(ix, start, end)
    if content is not None:
        ix.add(content, STANCE, cue=(verb.i, verb.i + 1), source=mention_range(holder), head=holder.i,
               confidence=0.45)


def _may_feel(token: Token) -> bool:
    """Whether a verb of feeling's object can be one who feels: people, a body, a pronoun, a plural
    ("angered the dockers"), not a thing ("the report concerns the budget": what it is about)."""
    return token.lower_ not in lexicon.DUMMY_SUBJECTS and (
        token.pos_ == "PRON" or token.tag_ == "NNS" or token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or token.lemma_.lower() in lexicon.BODY_ROLE_NOUNS)


def _from_question(ix: DocIndex, verb: Token, sent: Span) -> bool:
    """"Marsh asked the mayor whether the pier was safe": the indirect question is what its subject
    asks, from the word that opens it (the one asked is no part of it). Whether one was added."""
    if verb.dep_ in {"amod", "compound"} or ix.inside_quote(verb) or is_passive(verb) or ix.covered(verb):
        return False
    doc = ix.doc
    clause = next((c for c in verb.rights if c.dep_ in {"ccomp", "advcl"} and (
        doc[c.left_edge.i].lower_ in lexicon.QUESTION_MARKS or doc[c.left_edge.i].tag_ in _WH_TAGS)), None)
    subject = subject_of(verb)
    if clause is None or subject is None or not (sent.start <= subject.i < sent.end) or (
            subject.lower_ in lexicon.DUMMY_SUBJECTS):
        return False
    content = trim(ix, clause.left_edge.i, clause.right_edge.i + 1)
    if content is None:
        return False
    ix.add(content, STANCE, cue=(verb.i, verb.i + 1), source=mention_range(subject), head=subject.i,
           confidence=0.5)
    return True


def _stance_prep(token: Token) -> bool:
    """A preposition that leads to what a stance is on ("against the bill", "about the plan"), not to
    a time ("on Tuesday", "for an hour")."""
    if token.dep_ != "prep" or token.lower_ not in lexicon.STANCE_PREPS:
        return False
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return not (token.lower_ in lexicon.TIME_OR_TOPIC_PREPS and objects
                and objects[0].ent_type_ in {"DATE", "TIME"})


def _from_passive_stance(ix: DocIndex, verb: Token, sent: Span) -> None:
    """"Clinton was endorsed by the union": the agent holds the stance, the subject is what it is on."""
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"),
                 None)
    if patient is None or agent is None or ix.covered(verb) or not sent.start <= patient.i < sent.end:
        return
    content = trim(ix, *mention_range(patient))
    if content is not None:
        # the agent up to its head: "by engineers for its design" is parsed as one phrase
        ix.add(content, STANCE, cue=(verb.i, verb.i + 1), source=(agent.left_edge.i, agent.i + 1),
               head=agent.i, confidence=0.45)


def _from_stance_adjective(ix: DocIndex, adjective: Token) -> None:
    """"Graham has been critical of Trump", "she was sure Trump would win": the subject's stance."""
    subject = next((c for c in adjective.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in lexicon.DUMMY_SUBJECTS:
        return
    _add_held(ix, adjective, subject, {"ccomp", "xcomp"})


def _from_stance_noun(ix: DocIndex, noun: Token) -> None:
    """"Trump's plan to cut taxes", "her support for the deal", "Marsh made a call for talks", "the
    support of the union": the owner, the light verb's subject or the "by"/"from" phrase holds it;
    "the plan drew criticism from the union": the subject is what it is on."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.RECEPTION_VERBS:
        _received(ix, noun)
        return
    holder = noun_holder(noun) or owning_subject(noun) or next(
        (c for c in noun.children if c.dep_ == "poss"), None) or (
        _from_phrase(noun)) or _copula_subject(noun) or _named_holder(noun)
    if holder is not None:
        _add_held(ix, noun, holder, {"acl"})


def _named_holder(noun: Token) -> Token | None:
    """"Vera Lind, a critic of the toll,", "the dockers were among its earliest backers": who a
    noun naming a holder stands for."""
    if noun.lemma_.lower() not in lexicon.HOLDER_NOUNS and noun.lower_ not in lexicon.HOLDER_NOUNS:
        return None
    if noun.dep_ == "appos" and noun.head.pos_ in {"NOUN", "PROPN"}:
        return noun.head
    group = noun.head
    if noun.dep_ == "pobj" and group.lower_ in lexicon.MEMBERSHIP_PREPS and group.head.lemma_.lower() == "be":
        return next((c for c in group.head.children if c.dep_ == "nsubj"
                     and c.lower_ not in lexicon.DUMMY_SUBJECTS | lexicon.RELATIVE_PRONOUNS), None)
    return None


def _from_phrase(noun: Token, preps: frozenset[str] = lexicon.HOLDER_PREPS) -> Token | None:
    """The object of a "by" or "from" phrase after ``noun`` ("criticism from the union")."""
    return next((o for c in noun.rights if c.dep_ == "prep" and c.lower_ in preps
                 for o in c.children if o.dep_ == "pobj"), None)


def _copula_subject(noun: Token) -> Token | None:
    """"Lind is a fervent supporter of the plan": the subject of "be" holds what its noun names."""
    if noun.dep_ != "attr" or noun.head.lemma_.lower() != "be":
        return None
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in lexicon.DUMMY_SUBJECTS | lexicon.RELATIVE_PRONOUNS:
        return None
    return subject


def _received(ix: DocIndex, noun: Token) -> None:
    """"The plan drew criticism from the union": the union's stance, on the plan."""
    verb = noun.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # "won the endorsement of the union": the "of" phrase of some nouns is who gives them
    preps = lexicon.HOLDER_PREPS | ({"of"} if noun.lemma_.lower() in lexicon.HOLDER_OF_NOUNS else set())
    holder = _from_phrase(noun, frozenset(preps)) or next((o for c in verb.rights if c.dep_ == "prep" and (
        c.lower_ == "from") for o in c.children if o.dep_ == "pobj"), None)
    if subject is None or holder is None or ix.inside_quote(noun) or ix.covered(noun):
        return
    content = trim(ix, *mention_range(subject))
    if content is not None:
        ix.add(content, STANCE, cue=(noun.i, noun.i + 1), source=mention_range(holder), head=holder.i,
               confidence=0.45)


def _add_held(ix: DocIndex, cue: Token, holder: Token, clauses: set[str]) -> None:
    """A stance named by a noun or an adjective: its content is the object of the first preposition
    after it ("support for ...", "critical of ...") or its clause ("plan to ...", "sure that ...")."""
    if ix.inside_quote(cue) or ix.covered(cue):
        return
    doc = ix.doc
    after = cue.right_edge.i + 1
    # "renewed his calls for an inquiry": the parser hangs the preposition on the verb
    misplaced = [doc[after]] if cue.dep_ == "dobj" and after < len(doc) and doc[after].dep_ == "prep" and (
        doc[after].head.i == cue.head.i) else []
    for child in [*cue.rights, *misplaced]:
        if child.dep_ == "prep" and child.lower_ in lexicon.STANCE_PREPS | lexicon.STANCE_NOUN_PREPS:
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
    if doc[start].lower_ == "that":  # "sure that the ferry would return"
        start += 1
    content = trim(ix, start, end)
    if content is not None:
        ix.add(content, STANCE, cue=(cue.i, cue.i + 1), source=mention_range(holder), head=holder.i,
               confidence=0.45)
