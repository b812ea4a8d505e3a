"""Grammar helpers the rules share: cues, subjects, passives, negation, mention ranges.

They read spaCy's dependency parse and compensate for its usual mistakes with the small English model
(a capitalised "Said" tagged as a name, a dateline parsed as a subject). Each takes tokens and returns
tokens, so they are tested on hand-built Docs, independent of the model's version.
"""

from spacy.tokens import Span, Token

from attribview.nlp import lexicon
from attribview.nlp.mentions import gender_of
from attribview.nlp.rules.wire_copy import carried_speaker, venue_source


def cue_lemma(token: Token) -> str:
    """The lemma of a cue, also where the tagger mistook a capitalised "Said" for a name."""
    return token.lemma_.lower() if token.pos_ == "VERB" else "say"


def is_cue(token: Token, *, framing: bool = False) -> bool:
    """Whether ``token`` is a reporting verb used as one (not "so-called", not a noun).

    With ``framing``, verbs that only introduce a quotation next to them count too ("she continued:").
    """
    if token.pos_ != "VERB" and token.lower_ not in lexicon.SAID_FORMS:  # "Said Ellis:" is tagged PROPN
        return False
    lemma = cue_lemma(token)
    if lemma not in lexicon.SPEECH_VERBS and lemma not in lexicon.COGNITION_VERBS and not (
            framing and lemma in lexicon.QUOTE_ONLY_VERBS):
        return False
    if token.dep_ in {"amod", "compound"} and not (
            token.is_sent_start and token.lower_ in lexicon.SAID_FORMS):
        return False  # "so-called", but "Said Ellis:" opens a sentence however it is parsed
    # "a town called Nyok": a bare participle modifies a noun, nobody speaks
    return not (token.tag_ == "VBN" and token.dep_ in {"acl", "advcl", "relcl"}
                and not any(c.dep_ in {"aux", "auxpass", "nsubj"} for c in token.children)
                and not _vouches_by(token) and not misread_predicate(token))


def misread_predicate(verb: Token) -> bool:
    """"The trade minister, Ivo Marsh, announced ...", parsed as a sentence without a verb: the cue
    hangs on the subject (the root) as a participle after the apposition's comma."""
    return verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in {"NOUN", "PROPN"} and (
        verb.head.i < verb.i - 1 and verb.doc[verb.i - 1].text == ",")


def _vouches_by(participle: Token) -> bool:
    """"As noted by the spokesman, ...": a participle with "as" and an agent names who said it; "as
    shown by the vote" is evidence, not speech (a finding verb needs its "that")."""
    children = list(participle.children)
    if cue_lemma(participle) in lexicon.THAT_ONLY_VERBS:
        return False
    return (any(c.dep_ == "mark" and c.lower_ == "as" for c in children) and any(
        c.dep_ == "agent" for c in children)) or venue_source(participle) is not None  # "as reported in X"


def trailing_subject(cue: Token, start: int) -> Token | None:
    """"<clause>, the region's governor, Ivo Marsh, said.": the parser hung the speaker on the clause
    before it (an object, an apposition) and left the cue without a subject. The noun phrase that runs
    from a comma to the cue is the speaker, when a clause with a subject of its own precedes it."""
    doc = cue.doc
    if any(c.dep_ in {"ccomp", "dobj", "xcomp", "parataxis"} and c.i > cue.i for c in cue.children):
        return None  # the cue goes on with a content of its own
    last = cue.i - 2 if doc[cue.i - 1].text == "," else cue.i - 1
    found = None
    for noun in doc[start:cue.i]:
        left = noun.left_edge.i
        if noun.pos_ not in {"NOUN", "PROPN"} or not start < noun.head.i < noun.i or left - 1 <= start:
            continue
        if noun.right_edge.i not in {last, cue.i - 1} or doc[left - 1].text != ",":
            continue
        if any(t.pos_ in {"VERB", "AUX"} for t in noun.subtree):
            continue
        finite = any(t.dep_ in {"nsubj", "nsubjpass", "expl"} and t.head.pos_ in {"VERB", "AUX"}
                     for t in doc[start:left - 1])
        if finite and (found is None or left < found.left_edge.i):
            found = noun
    return found


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, inherited through coordination and participles ("..., saying")."""
    above = _verb_above_noun_clause(verb)
    if above is not None:
        return subject_of(above)
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
            dash = dateline_dash(current)
            if dash is not None:
                subjects = [s for s in subjects if s.i > dash] or subjects
            names = [s for s in subjects if s.pos_ == "PROPN"]
            chosen = names[-1] if names else subjects[0]  # "commander-in-chief Oleksandr Syrskyi": the name
            if dash is not None and chosen.i < dash:
                after = [t for t in chosen.subtree if t.i > dash and t.dep_ in {"appos", "conj"}]
                chosen = after[0] if after else chosen
            return closing_name(chosen, current) or chosen
        lent = _lent_subject(current) if level == 0 else None
        if lent is not None:
            return lent
        for child in current.children:
            if level == 0 and child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        venue = venue_source(current) if level == 0 else None
        if venue is not None:  # "As reported in the ministry, ..."
            return venue
        if current.dep_ == "pcomp" and current.head.lower_ == "as" and current.head.head.i != current.i:
            current = current.head.head  # "Peskov was quoted as saying": the one quoted
            carried = carried_speaker(current)  # "TASS quoted Peskov as saying": not the agency
            if carried is not None:
                return carried
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
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.i != current.i:
            return _participle_holder(current.head)
        return None
    return None


def _lent_subject(verb: Token) -> Token | None:
    """"Sen. Ivo Marsh, noting the size of the crowd, said ...": the parser hung the speaker on the
    participle set off between commas before the verb, which leaves the verb without a subject."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.i < verb.i and (
                doc[child.i - 1].text == ","):
            subject = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
            if subject is not None:
                return subject
    return None


def _verb_above_noun_clause(participle: Token) -> Token | None:
    """The verb whose object a participle after a comma was hung on by the parser ("Marsh denied the
    notion that a shakeup is coming, explaining ..."): set off by the comma, the participle is the
    act of that verb's subject, not of the noun or of the noun's clause."""
    doc = participle.doc
    if participle.tag_ != "VBG" or participle.i == 0 or doc[participle.i - 1].text != ",":
        return None
    clause = {"acl": participle, "advcl": participle.head}.get(participle.dep_)
    if clause is None or clause.dep_ != "acl" or clause.head.pos_ != "NOUN" or (
            clause.head.dep_ not in {"dobj", "pobj"}):
        return None
    verb = clause.head.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.dep_ in {"prep", "pobj"} and verb.head.i != verb.i:
        verb = verb.head
    return verb if verb.pos_ in {"VERB", "AUX"} and verb.i < participle.i else None


def closing_name(subject: Token, verb: Token) -> Token | None:
    """"The head of the union backing Tolle, Jana Kovar, said": the name between commas that closes a
    described subject right before its verb is the speaker, though the parser hung it on a noun of a
    clause inside the description, which the mention leaves out (``mention_range``)."""
    doc = verb.doc
    if subject.pos_ != "NOUN" or not subject.i < verb.i - 2 or doc[verb.i - 1].text != ",":
        return None
    name = doc[verb.i - 2]
    while name.dep_ in {"compound", "flat"} and name.head.i > name.i:
        name = name.head
    if name.pos_ != "PROPN" or name.dep_ != "appos" or name.head.i == subject.i or (
            name.right_edge.i != verb.i - 2) or doc[name.left_edge.i - 1].text != ",":
        return None
    if not subject.is_ancestor(name):
        return None
    # only where the mention would lose it: a clause of the description holds it ("The governor of
    # the region, Ivo Marsh, said" keeps its whole mention, description and name)
    above = name.head
    while above.i != subject.i and above.dep_ not in {"acl", "relcl"}:
        above = above.head
    return name if above.i != subject.i else None


def name_closing_subject(token: Token) -> Token | None:
    """The closing name (``closing_name``) of the subject ``token`` stands in, if any: what a verb in
    the description says stops before it ("backing Tolle, Jana Kovar, said": Tolle only)."""
    current = token
    for _ in range(8):
        if current.dep_ == "nsubj":
            return closing_name(current, current.head)
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _participle_holder(noun: Token) -> Token:
    """Who a participle after a noun speaks for: "voters criticizing the plan" the voters, "issued a
    statement saying ..." the one who issued it (a document speaks for its issuer)."""
    verb = noun.head
    if noun.lemma_.lower() in lexicon.DOCUMENT_NOUNS and noun.dep_ == "dobj" and verb.pos_ == "VERB":
        issuer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if issuer is not None:
            return issuer
    return noun


def noun_holder(noun: Token) -> Token | None:
    """Who holds the claim or stance a noun names, by the verb it is the object of: the subject of a
    light verb ("the senator made a call for talks", "Marsh repeated his claim that ..."), never of
    a verb that acts on somebody else's ("the council rejected calls for a recount").

    A possessive pronoun owner ("his claim") is the subject again; another owner stays the holder.
    """
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ not in lexicon.POSSESSIVE_PRONOUNS:
        return None
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ == "VERB":
        verb = verb.head  # "came out in support of the plan": any verb
    elif noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.LIGHT_VERBS:
        return None
    subject = subject_of(verb)  # "met the workers and made a call for talks": inherited
    if subject is None or subject.lower_ in lexicon.DUMMY_SUBJECTS | lexicon.RELATIVE_PRONOUNS:
        return None
    return subject


def owning_subject(noun: Token) -> Token | None:
    """"She recalled her opposition to the plan": the subject of the verb whose object ``noun`` is,
    when the noun's possessive pronoun agrees with it, holds what the noun names (the pronoun is only
    its echo); None when they disagree ("Marsh attacked her plan") or there is none."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in lexicon.POSSESSIVE_PRONOUNS or noun.dep_ != "dobj" or (
            noun.head.pos_ != "VERB"):
        return None
    subject = subject_of(noun.head)
    if subject is None or subject.i > noun.i or subject.lower_ in lexicon.DUMMY_SUBJECTS | (
            lexicon.RELATIVE_PRONOUNS):
        return None
    word, said = owner.lower_, subject.lower_
    if word in lexicon.PLURAL_PRONOUNS:
        agrees = said in lexicon.PLURAL_PRONOUNS or subject.tag_ in {"NNS", "NNPS"}
    elif word in lexicon.THING_PRONOUNS:
        agrees = said in lexicon.THING_PRONOUNS or (
            subject.tag_ in {"NN", "NNP"} and subject.ent_type_ != "PERSON")
    elif said in lexicon.SPEAKER_PRONOUNS:
        agrees = lexicon.PERSON_PRONOUNS.get(said) == lexicon.PERSON_PRONOUNS[word]
    else:
        gender = gender_of(list(subject.subtree))
        agrees = subject.tag_ == "NNP" and gender in {None, lexicon.PERSON_PRONOUNS[word]}
    return subject if agrees else None


def dateline_dash(token: Token) -> int | None:
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


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` is in the passive ("was told", "is believed"): its subject is no speaker."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def is_negated(verb: Token, quoted: list[int | None]) -> bool:
    """"did not say", "declined to confirm"; a "not" inside a quotation is the speaker's own word."""
    if any(c.dep_ == "neg" and quoted[c.i] is None for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in lexicon.REFUSAL_VERBS


def doc_between(a: Token, b: Token) -> Span:
    """The tokens strictly between two tokens, in either order."""
    low, high = sorted((a.i, b.i))
    return a.doc[low + 1:high]


def mention_range(subject: Token) -> tuple[int, int]:
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
