"""The register of people and bodies an article has named, and how a later mention finds its entry.

The speaker resolver walks the article in order and fills it; a pronoun goes back to the latest
compatible entry (number, gender), a definite description ("the ministry", "the military chief") to the
latest entry called by the same or a synonymous role noun, a part ("one of the officials") to the latest
plural group called by that noun.
"""

from dataclasses import dataclass, field

from spacy.tokens import Token

from attribview.nlp import lexicon


@dataclass
class Entity:
    """Somebody the article has named, with what it was called (for role-noun matches).

    ``salient`` entities have been a subject or a speaker: only they are antecedents of pronouns.
    """

    name: str
    person: bool
    plural: bool = False
    gender: str | None = None
    mention: str = ""
    descriptors: set[str] = field(default_factory=set)
    last_seen: int = 0
    salient: bool = False
    anonymous: bool = False
    named: bool = False


class Register:
    """The entities named so far, in the order the article named them."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []

    def remember(self, name: str, *, person: bool, gender: str | None, mention: str,
                 descriptors: set[str], position: int, plural: bool, salient: bool) -> Entity:
        """The entry for ``name``, merged into a known one with the same name or surname, else new."""
        name = name or mention.strip()
        words = name.split()
        last, single = (words[-1] if words else name), len(words) == 1
        for entity in reversed(self.entities):  # split each known name only when the names differ
            same = entity.name == name
            if not same and (entity.person or person):
                known = entity.name.split()
                same = bool(known) and last == known[-1] and (single or len(known) == 1)
            if same:
                if len(name) > len(entity.name):
                    entity.name = name
                entity.descriptors |= descriptors
                entity.gender = entity.gender or gender
                entity.person = entity.person or person  # "Trump" (tagged ORG), then "President Trump"
                entity.plural = entity.plural or (plural and salient)  # "Members of the association"
                if salient:  # "Putin's residence" does not make Putin the latest "he"
                    entity.last_seen = position
                entity.salient = entity.salient or salient
                if len(mention) > len(entity.mention):
                    entity.mention = mention
                return entity
        entity = Entity(name=name, person=person, plural=plural, gender=gender, mention=mention,
                        descriptors=descriptors, last_seen=position, salient=salient)
        self.entities.append(entity)
        return entity

    def surnames(self) -> set[str]:
        """The last words of the people named so far."""
        return {e.name.split()[-1] for e in self.entities if e.person and e.name}

    def knows_surname(self, word: str) -> bool:
        return any(e.person and e.name.split()[-1:] == [word] for e in self.entities)

    def knows_descriptor(self, word: str) -> bool:
        return any(word in e.descriptors for e in self.entities)

    def antecedent(self, pronoun: str) -> Entity | None:
        """The latest salient entry a pronoun can stand for, by number and gender."""
        candidates = sorted((e for e in self.entities if e.salient), key=lambda e: e.last_seen, reverse=True)
        if pronoun in lexicon.PERSON_PRONOUNS:
            gender = lexicon.PERSON_PRONOUNS[pronoun]
            return next((e for e in candidates if e.person and e.gender in {None, gender}), None)
        if pronoun in lexicon.PLURAL_PRONOUNS:
            found = next((e for e in candidates if e.plural), None)
            found = found or next((e for e in candidates if not e.person), None)
            return found or (candidates[0] if candidates else None)
        if pronoun in lexicon.THING_PRONOUNS:
            found = next((e for e in candidates if not e.person and not e.plural), None)
            return found or next((e for e in candidates if not e.person), None)
        return candidates[0] if candidates else None

    def one_of(self, head: Token) -> Entity | None:
        """"One of the officials", "two of the soldiers": a part of a group the article named before
        ("two senior officials told reporters"), the latest whose mention had the same plural noun."""
        if head.pos_ not in {"NUM", "PRON"}:
            return None
        whole = next((o for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for o in c.children if o.dep_ == "pobj" and o.tag_ == "NNS"), None)
        if whole is None or not any(c.lower_ in lexicon.DEFINITE_DETERMINERS | {"these", "those"}
                                    for c in whole.children if c.dep_ == "det"):
            return None
        candidates = sorted((e for e in self.entities if e.salient), key=lambda e: e.last_seen, reverse=True)
        return next((e for e in candidates if e.plural and whole.lower_ in e.descriptors), None)

    def by_role(self, head: Token, descriptors: set[str]) -> Entity | None:
        """"The ministry", "the military chief", "the statement": who was called that before."""
        word = head.lemma_.lower()
        candidates = sorted(self.entities, key=lambda e: e.last_seen, reverse=True)
        if word in lexicon.DOCUMENT_NOUNS:
            found = next((e for e in candidates if not e.person and e.salient), None)
            return found or next((e for e in candidates if e.salient), None)
        wanted = lexicon.ROLE_SYNONYMS.get(word, {word})
        # "the Russian ministry", "the ministry in Kyiv": a country named with it must be the entry's
        nationality = {t.lower_ for t in head.doc[head.left_edge.i:head.i] if t.ent_type_ in {"NORP", "GPE"}}
        # "the head of the Vorlask region" is not the governor of another region named before
        nationality |= {t.lower_ for c in head.children if c.dep_ == "prep" and c.lower_ in {"in", "of"}
                        for t in c.subtree if t.pos_ == "PROPN"}
        # "Zelensky's office" is not the office of somebody else named before
        nationality |= {c.lower_ for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"}
        # "the defence ministry" is not the interior ministry named before: a modifier of the same noun
        # that the entry was never called by makes another body
        modifiers = {c.lower_ for c in head.children if c.dep_ in {"amod", "compound"} and c.is_alpha
                     and c.ent_type_ not in {"NORP", "GPE"}}
        for entity in candidates:
            other = word in entity.descriptors and not modifiers <= entity.descriptors
            if entity.descriptors & wanted and nationality <= entity.descriptors and not other:
                return entity
        bare = all(t.dep_ == "det" for t in head.lefts)  # "the airline", not "the regional office"
        if word in lexicon.BODY_ROLE_NOUNS and bare and not nationality:  # not "the ministry in Moscow"
            # "Ukrainian forces held the village. The ministry said": one body is not a plural group
            singular = head.tag_ not in {"NNS", "NNPS"}
            return next((e for e in candidates if not e.person and e.salient and not (singular and e.plural)),
                        None)
        return None
