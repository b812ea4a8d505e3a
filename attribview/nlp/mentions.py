"""What a source mention names: the proper-noun chain at its head, a person's name without titles, a
body or a person, a gender from titles and first names. Shared by the speaker resolver and joint sources.
"""

from spacy.tokens import Span, Token

from attribview.nlp import lexicon

#: Entity labels of a body or place that may run into a person's name with no comma between.
_PLACE_OR_BODY = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


def gender_of(tokens: list[Token]) -> str | None:
    for token in tokens:
        word = token.lower_.rstrip(".")
        if word in lexicon.GENDERED_TITLES:
            return lexicon.GENDERED_TITLES[word]
        if word in lexicon.FEMALE_NAMES:
            return "f"
        if word in lexicon.MALE_NAMES:
            return "m"
    first = next((t for t in tokens if t.pos_ == "PROPN" and t.lower_ not in lexicon.TITLES), None)
    # first names ending in -a are mostly women's in the languages of world news (Olena, Iryna, Anna)
    if first is not None and first.is_title and len(tokens) > 1 and first.i < tokens[-1].i and (
            first.lower_.endswith("a") and first.lower_ not in lexicon.MALE_NAMES):
        return "f"
    return None


def name_chain(span: Span) -> list[Token]:
    """The proper-noun run at the head of a mention ("Russian Defense Ministry", "Apti Alaudinov")."""
    doc = span.doc
    head = span.root
    capitalised_body = head.lower_ in lexicon.BODY_WORDS and head.is_title and not head.is_sent_start
    # "Representative of the group “West” Oleh Marten": a title the tagger took for a name, the name after it
    title_first = head.lower_ in lexicon.TITLES and any(
        t.dep_ in {"appos", "nsubj"} and t.pos_ == "PROPN" and t.i != head.i for t in span)
    if (head.pos_ != "PROPN" or title_first) and not capitalised_body:
        deps = {"appos", "compound", "nsubj"}
        if head.tag_ == "NNS":  # "Members of the Old Town Residents' Association": the body they belong to
            deps = deps | {"pobj"}
        # not a name inside a phrase after the head: "Valdane's envoy for fishing talks with Norway"
        inside = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ != "of" for t in c.subtree}
        # "the head of the Vorlask region", "residents of the Vorlask region": a place, not who they are
        inside |= {t.i for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                   for t in c.subtree if t.head.pos_ == "NOUN"}
        propns = [t for t in span if t.pos_ == "PROPN" and t.dep_ in deps and t.i not in inside]
        if not propns:
            return []
        if head.lemma_.lower() in lexicon.COLLECTIVE_HEADS and propns[-1].dep_ == "compound" and (
                propns[-1].head.i == head.i or propns[-1].head.head.i == head.i):
            return list(doc[propns[-1].left_edge.i:head.i + 1])  # "Belgorod authorities", not "Belgorod"
        head = propns[-1]
    left = head.i
    body = head.lower_ in lexicon.BODY_WORDS
    while left - 1 >= span.start:
        before = doc[left - 1]
        if before.pos_ == "PROPN" or (before.pos_ == "ADJ" and before.ent_type_ == "NORP") or (
                before.dep_ == "compound" and before.is_title and before.ent_type_ == head.ent_type_) or (
                body and before.dep_ in {"compound", "amod", "poss", "case"} and before.pos_ != "DET"):
            left -= 1  # "Russia's defence ministry": a body's name takes its modifiers along
            continue
        break
    right = head.i
    # a compound belongs to the noun it modifies: "the Kursk Region Pavel Kravchenko" runs on to the
    # surname the parser made the object of "of"
    while right + 1 < span.end and doc[right + 1].pos_ == "PROPN" and (
            doc[right + 1].dep_ in {"compound", "flat", "nsubj", "appos"}
            or (doc[right].dep_ == "compound" and doc[right].head.i == right + 1)):
        right += 1
    # "Ministry of Transport", "Institute for the Study of War": a body's name runs on through a
    # preposition to the next proper nouns
    while body and right + 2 < span.end and doc[right + 1].lower_ in lexicon.BODY_NAME_PREPS:
        nxt = right + 2 + (doc[right + 2].lower_ == "the")
        if nxt >= span.end or doc[nxt].pos_ != "PROPN":
            break
        right = nxt
        while right + 1 < span.end and doc[right + 1].pos_ == "PROPN":
            right += 1
    return list(doc[left:right + 1])


def is_body(chain: list[Token], known_person: bool) -> bool:
    """Whether a named mention is an organisation rather than a person.

    The small model tags many personal names ORG, so only a body word at its head ("Defence Ministry",
    "Kestrel Airways") makes a body of a name of several words; a lone word is a body when tagged as one and
    not the surname of a person the article names.
    """
    words = [t.lower_ for t in chain]
    head = words[:words.index("of")] if "of" in words else words  # "Ministry of Transport"
    # not "Air Force Commander Mykola Oleshchuk"
    if head and head[-1] in lexicon.BODY_WORDS | lexicon.COLLECTIVE_HEADS:
        return True
    if len(chain) > 1 or chain[0].lower_ in lexicon.MALE_NAMES | lexicon.FEMALE_NAMES:
        return False
    return chain[0].ent_type_ in {"ORG", "NORP", "GPE"} and not known_person


def clean(tokens: list[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text.removesuffix("’s").removesuffix("'s").strip(" ,")


def person_name(chain: list[Token]) -> list[Token]:
    """Drop titles and nationality words from the front: "Russian President Vladimir Putin", and the body
    or place a title without commas ran on from: "(representative of the) Foreign Ministry Maria
    Zakharova", "(governor of the) Kursk Region Pavel Kravchenko"."""
    tokens = list(chain)
    if tokens and tokens[-1].ent_type_ == "PERSON":
        bodies = [i for i, t in enumerate(tokens[:-1]) if t.ent_type_ in _PLACE_OR_BODY
                  and tokens[i + 1].ent_type_ not in _PLACE_OR_BODY]
        if bodies:
            tokens = tokens[bodies[-1] + 1:]
    while len(tokens) > 1 and (tokens[0].lower_ in lexicon.TITLES or tokens[0].ent_type_ == "NORP"
                               or tokens[0].lower_.rstrip(".") in lexicon.TITLES
                               or tokens[0].text in {"-", "–", "."}):
        tokens = tokens[1:]
    return tokens


def narration_span(ent: Span) -> Span:
    """A named entity with its titles ("Mayor Helga Strand", "Police spokesman Jan Oster")."""
    doc = ent.doc
    start = ent.start
    while start - 1 >= 0 and doc[start - 1].head.i in range(ent.start, ent.end) and doc[start - 1].dep_ in {
            "compound", "amod"}:
        start -= 1
    return doc[start:ent.end]


def issuer_of(head: Token) -> Token | None:
    """Who issued a document that speaks: the "from"/"by" object or the owner of "its statement"."""
    if head.lemma_.lower() not in lexicon.DOCUMENT_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in lexicon.OWNER_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}:
            return child
    # "A Kremlin statement", "a defence ministry statement": the body named in front of the document
    # (a name, or a body word with its own modifier: "the press release" names nobody)
    compounds = [c for c in head.children if c.dep_ == "compound" and c.i == head.i - 1]
    issuer = compounds[0] if compounds else None
    if issuer is None or issuer.lower_ in lexicon.DOCUMENT_NOUNS:
        return None
    named = issuer.pos_ == "PROPN" or (issuer.lower_ in lexicon.BODY_WORDS and issuer.n_lefts > 0)
    return issuer if named else None


def introduced_as(ent: Span) -> str | None:
    """A name with the office it was introduced by, as one mention: "the region's governor, Mykola
    Hrebeniuk" (the name in apposition to the office) or "Mykola Hrebeniuk, the region's governor", or
    with the country it was introduced by ("Viktor Lomov, a Russian lawmaker who heads ...": up to the
    clause that follows it)."""
    doc, root = ent.doc, ent.root
    offices = lexicon.OFFICES | lexicon.TITLES
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < ent.start and head.lemma_.lower() in offices:
        return doc[head.left_edge.i:ent.end].text
    office = next((c for c in root.children if c.dep_ == "appos" and c.i >= ent.end and c.pos_ == "NOUN" and (
        c.lemma_.lower() in offices or any(m.ent_type_ == "NORP" and m.dep_ in {"amod", "compound"}
                                           for m in c.lefts))), None)
    if office is None:
        return None
    clauses = [c.left_edge.i for c in office.rights if c.dep_ in {"relcl", "acl"}]
    end = min([*clauses, office.right_edge.i + 1])
    while end > office.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[ent.start:end].text
