"""The register of named entities (``nlp/register.py``): merging a short name into the full one, and a
pronoun's antecedent by gender and number. Invented names."""

from __future__ import annotations

from attribview.nlp.register import Register


def _person(register: Register, name: str, position: int, gender: str | None = None) -> None:
    register.remember(name, person=True, gender=gender, mention=name, descriptors={name.lower()},
                      position=position, plural=False, salient=True)


def test_a_surname_alone_joins_the_full_name_named_before() -> None:
    register = Register()
    _person(register, "Marta Velins", 0, gender="f")
    _person(register, "Velins", 40)
    assert [(e.name, e.last_seen) for e in register.entities] == [("Marta Velins", 40)]
    assert register.knows_surname("Velins") and not register.knows_surname("Marta")


def test_a_pronoun_goes_to_the_latest_entry_of_its_gender_and_number() -> None:
    register = Register()
    _person(register, "Marta Velins", 0, gender="f")
    _person(register, "Oskar Brandt", 20, gender="m")
    register.remember("Harbour Council", person=False, gender=None, mention="the Harbour Council",
                      descriptors={"harbour", "council"}, position=30, plural=False, salient=True)
    she, he, it = (register.antecedent(word) for word in ("she", "he", "it"))
    assert (she and she.name, he and he.name, it and it.name) == ("Marta Velins", "Oskar Brandt",
                                                                  "Harbour Council")
