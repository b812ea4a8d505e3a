"""Attribution patterns, one table row per sentence (or mini-article) and the attribution it must yield.

Each row gives the text, the canonical speaker, the cue text and the content text of ONE attribution
the analysis must contain, in the style of textacy's tests. People and places are invented, except the
real speakers the war profile knows. Conventions (those of ``resources/samples/*.expected.json``):
direct content keeps its quotation marks (and the comma inside them); indirect content starts after
"that" and stops before the final full stop; the content of "described/called/accused" starts with
the object ("the budget as ...", "the board of ..."); the cue of "according to" is the whole phrase.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from attribview.core.profiles import NAMED_CONVENTIONS, Conventions
from attribview.core.types import Analysis, Quote
from attribview.nlp.attribution import STANCE
from tests.conftest import PER_QUOTATION

#: Attribution relations as research corpora count them: stances, and a split statement as one.
RELATIONS = NAMED_CONVENTIONS["relations"]

Analyse = Callable[..., Analysis]
#: Cue value for rows whose cue is not checked.
ANY_CUE = "<any>"


# -- helpers ---------------------------------------------------------------------------------------


def source_of(analysis: Analysis, content: str) -> tuple[Quote, str]:
    """The one quote whose text is ``content``, and its source mention as written."""
    found = [q for q in analysis.quotes if q.text == content]
    assert len(found) == 1, [(q.kind, q.text) for q in analysis.quotes]
    quote = found[0]
    assert quote.source_start is not None and quote.source_end is not None
    return quote, analysis.text[quote.source_start:quote.source_end]


def _cue(analysis: Analysis, quote: Quote) -> str | None:
    if quote.cue_start is None or quote.cue_end is None:
        return None
    return analysis.text[quote.cue_start:quote.cue_end]


def _describe(analysis: Analysis, quote: Quote) -> str:
    return (f"[{quote.kind}] speaker={quote.speaker!r} group={quote.group!r} cue={_cue(analysis, quote)!r} "
            f"flags={quote.flags} text={quote.text!r}")


def _listing(analysis: Analysis) -> str:
    return "\n".join("  " + _describe(analysis, q) for q in analysis.quotes) or "  (no quotes)"


def _canonical(name: str | None) -> str | None:
    """Speaker names compare without case and without a leading article ("Local sources")."""
    if name is None:
        return None
    name = name.strip().casefold()
    for article in ("the ", "a ", "an "):
        name = name.removeprefix(article)
    return name


def _find(analysis: Analysis, content: str) -> Quote:
    """The one quote whose text is ``content``; fails listing what the engine found instead."""
    wanted = content.strip()
    matches = [q for q in analysis.quotes if q.text.strip() == wanted]
    if not matches:
        pytest.fail(f"no quote with content {wanted!r}; the engine found:\n{_listing(analysis)}")
    assert len(matches) == 1, f"content {wanted!r} attributed {len(matches)} times:\n{_listing(analysis)}"
    return matches[0]


def check(analysis: Analysis, speaker: str | None, cue: str | None, content: str, *, kind: str | None = None,
          group: str | None = None, flags: tuple[str, ...] = ()) -> Quote:
    """Assert that exactly the expected attribution exists; report every mismatch at once."""
    quote = _find(analysis, content)
    problems = []
    if _canonical(quote.speaker) != _canonical(speaker):
        problems.append(f"speaker {quote.speaker!r} != {speaker!r}")
    if cue != ANY_CUE and _cue(analysis, quote) != cue:
        problems.append(f"cue {_cue(analysis, quote)!r} != {cue!r}")
    if kind is not None and quote.kind != kind:
        problems.append(f"kind {quote.kind!r} != {kind!r}")
    if group is not None and quote.group != group:
        problems.append(f"group {quote.group!r} != {group!r}")
    missing_flags = set(flags) - set(quote.flags)
    if missing_flags:
        problems.append(f"flags {quote.flags} lack {sorted(missing_flags)}")
    overlapping = [q for q in analysis.quotes
                   if q is not quote and q.start < quote.end and quote.start < q.end]
    if overlapping:
        problems.append("overlapping quotes: " + "; ".join(_describe(analysis, q) for q in overlapping))
    assert not problems, (f"{content.strip()!r}: " + ", ".join(problems)
                          + f"\nall quotes:\n{_listing(analysis)}")
    return quote


# -- direct quotations ------------------------------------------------------------------------------


DIRECT = [
    pytest.param(
        "“The bridge will reopen in March,” Harold Venn said.",
        "Harold Venn", "said", "“The bridge will reopen in March,”",
        id="curly-speaker-after",
    ),
    pytest.param(
        '"The bridge will reopen in March," Harold Venn said on Monday.',
        "Harold Venn", "said", '"The bridge will reopen in March,"',
        id="straight-speaker-after",
    ),
    pytest.param(
        "“We have no money left for repairs,” said Agnes Thorburn, the town treasurer.",
        "Agnes Thorburn", "said", "“We have no money left for repairs,”",
        id="curly-said-inversion",
    ),
    pytest.param(
        '"We have no money left for repairs," said Agnes Thorburn.',
        "Agnes Thorburn", "said", '"We have no money left for repairs,"',
        id="straight-said-inversion",
    ),
    pytest.param(
        "Fire chief Marek Dolan said: “The blaze started in the kitchen of the restaurant.”",
        "Marek Dolan", "said", "“The blaze started in the kitchen of the restaurant.”",
        id="curly-speaker-before-colon",
    ),
    pytest.param(
        'Ines Roldan told reporters: "No ship will leave port until the storm has passed."',
        "Ines Roldan", "told", '"No ship will leave port until the storm has passed."',
        id="straight-told-before-colon",
    ),
    pytest.param(
        "Councillor Bram Oakes voted against the budget on Tuesday. “This plan puts the library at risk,” "
        "he said.",
        "Bram Oakes", "said", "“This plan puts the library at risk,”",
        id="curly-he-said-after-narration",
    ),
    pytest.param(
        "“The water is still rising. We expect the river to peak tonight,” said Lena Hollis, "
        "a spokeswoman for the county.",
        "Lena Hollis", "said", "“The water is still rising. We expect the river to peak tonight,”",
        id="curly-two-sentences-said-inversion",
    ),
    pytest.param(
        'Police inspector Aldo Brenner said: "The driver fled the scene. We are asking witnesses to come '
        'forward."',
        "Aldo Brenner", "said", '"The driver fled the scene. We are asking witnesses to come forward."',
        id="straight-two-sentences-after-colon",
    ),
    pytest.param(
        "“We lost the barn. We lost the harvest. We will not lose the farm,” farmer Judith Moray said.",
        "Judith Moray", "said", "“We lost the barn. We lost the harvest. We will not lose the farm,”",
        id="curly-three-sentences-speaker-after",
    ),
    pytest.param(
        "“Nobody will lose their job,” Dr. Omar Kessel said after the meeting.",
        "Omar Kessel", "said", "“Nobody will lose their job,”",
        id="curly-title-dropped",
    ),
    pytest.param(
        "“The ferry stays,” Ivo Marsh said.\n\n“Who will pay for the new pier?” Helga Strand said.",
        "Helga Strand", "said", "“Who will pay for the new pier?”",
        id="question-ends-the-parsers-sentence",
    ),
    pytest.param(
        "“The ferry stays,” Ivo Marsh said.\n\n“The old pier is a disgrace!” Helga Strand said on Friday.",
        "Helga Strand", "said", "“The old pier is a disgrace!”",
        id="exclamation-ends-the-parsers-sentence",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, content", DIRECT)
def test_direct_quotes(analyse: Analyse, text: str, speaker: str, cue: str, content: str) -> None:
    check(analyse(text), speaker, cue, content, kind="direct")


# -- quotations carried on into the next paragraph ---------------------------------------------------

MORAY = (
    "Judith Moray lost 40 sheep in the flood. “The water came through the barn in minutes,” she said.\n"
    "“We have never seen anything like it in this valley.”"
)
LINDAHL = (
    'Oskar Lindahl, who runs the ferry, said: "The timetable will be cut in half until the spring."\n'
    '"Most of our crew have already found other jobs."'
)

CONTINUATIONS = [
    pytest.param(MORAY, "Judith Moray", "“We have never seen anything like it in this valley.”",
                 id="curly-next-paragraph"),
    pytest.param(LINDAHL, "Oskar Lindahl", '"Most of our crew have already found other jobs."',
                 id="straight-next-paragraph"),
]


@pytest.mark.parametrize("text, speaker, content", CONTINUATIONS)
def test_continuation_carries_the_speaker(analyse: Analyse, text: str, speaker: str, content: str) -> None:
    check(analyse(text), speaker, None, content, kind="direct", flags=("continuation",))


@pytest.mark.parametrize(
    "text, speaker, cue, content",
    [
        pytest.param(MORAY, "Judith Moray", "said", "“The water came through the barn in minutes,”",
                     id="curly-first-paragraph"),
        pytest.param(LINDAHL, "Oskar Lindahl", "said",
                     '"The timetable will be cut in half until the spring."', id="straight-first-paragraph"),
    ],
)
def test_quote_before_a_continuation(analyse: Analyse, text: str, speaker: str, cue: str,
                                     content: str) -> None:
    quote = check(analyse(text), speaker, cue, content, kind="direct")
    assert "continuation" not in quote.flags


# -- unbalanced quotation marks ----------------------------------------------------------------------

EBBE = (
    "“We have trained for this match all year,” said coach Martin Ebbe. “Nobody in this squad is afraid "
    "of them.\n"
    "The final will be played on Saturday in Westbury, the Valdane Football League said."
)
ROLDAN = (
    'Ines Roldan said: "No ship will leave port until the storm has passed.\n'
    "The harbour at Tarnby has been closed since Friday, the Tarnby Coastguard said in a statement."
)
STRAND = (
    "The mayor of Tarnby, Helga Strand, called the vote “a victory for common sense. "
    "Opposition leader Fergus Hale said the council had been misled.\n"
    "The lease will be signed in May, council officials said."
)

UNBALANCED = [
    pytest.param(EBBE, "Martin Ebbe", "said", "“We have trained for this match all year,”",
                 id="curly-quote-before-the-unclosed-one"),
    pytest.param(EBBE, "Martin Ebbe", ANY_CUE, "“Nobody in this squad is afraid of them.",
                 id="curly-unclosed-quote-itself"),
    pytest.param(EBBE, "Valdane Football League", "said", "The final will be played on Saturday in Westbury",
                 id="curly-next-paragraph-still-found"),
    pytest.param(ROLDAN, "Ines Roldan", "said", '"No ship will leave port until the storm has passed.',
                 id="straight-unclosed-after-colon"),
    pytest.param(ROLDAN, "Tarnby Coastguard", "said", "The harbour at Tarnby has been closed since Friday",
                 id="straight-next-paragraph-still-found"),
    pytest.param(STRAND, "Fergus Hale", "said", "the council had been misled",
                 id="sentence-after-unclosed-quote-still-found"),
    pytest.param(STRAND, "council officials", "said", "The lease will be signed in May",
                 id="paragraph-after-unclosed-quote-still-found"),
]


@pytest.mark.parametrize("text, speaker, cue, content", UNBALANCED)
def test_unbalanced_quotation_marks(analyse: Analyse, text: str, speaker: str, cue: str,
                                    content: str) -> None:
    analysis = analyse(text)
    assert len(analysis.sentences) >= text.count("\n") + 1  # still analysed, paragraph by paragraph
    check(analysis, speaker, cue, content)


# -- reported speech ---------------------------------------------------------------------------------

TARVIK = "Tarvik Mining denied that the shaft had flooded, saying only that output had fallen."

INDIRECT = [
    pytest.param(
        "Health minister Carla Voss said that the new hospital wing would open in June.",
        "Carla Voss", "said", "the new hospital wing would open in June",
        id="said-that",
    ),
    pytest.param(
        "Carla Voss said the new hospital wing would open in June.",
        "Carla Voss", "said", "the new hospital wing would open in June",
        id="said-without-that",
    ),
    pytest.param(
        "Carla Voss said on Twitter on Sunday that the clinic in Elmsford would stay open.",
        "Carla Voss", "said", "the clinic in Elmsford would stay open",
        id="said-channel-and-time-before-that",
    ),
    pytest.param(
        "The new hospital wing will open in June, Carla Voss said on Friday.",
        "Carla Voss", "said", "The new hospital wing will open in June",
        id="content-then-speaker-said",
    ),
    pytest.param(
        "The new hospital wing will open in June, said Carla Voss, the health minister.",
        "Carla Voss", "said", "The new hospital wing will open in June",
        id="content-then-said-speaker",
    ),
    pytest.param(
        "Ivo Marsh said the station would close and that staff would be moved to Elmsford.",
        "Ivo Marsh", "said", "the station would close and that staff would be moved to Elmsford",
        id="said-two-clauses",
    ),
    pytest.param(
        "Ivo Marsh said the station would close in May and left the meeting early.",
        "Ivo Marsh", "said", "the station would close in May",
        id="said-then-narration-verb",
    ),
    pytest.param(
        "Police chief Anton Kreel told reporters that two men had been arrested.",
        "Anton Kreel", "told", "two men had been arrested",
        id="told-recipient-that",
    ),
    pytest.param(
        "Anton Kreel told the Valdane Herald the two men had been arrested near the station.",
        "Anton Kreel", "told", "the two men had been arrested near the station",
        id="told-recipient-without-that",
    ),
    pytest.param(
        "Opposition leader Marta Quell described the budget as a gift to landlords.",
        "Marta Quell", "described", "the budget as a gift to landlords",
        id="described-as",
    ),
    pytest.param(
        "Marta Quell called the budget a betrayal of young families.",
        "Marta Quell", "called", "the budget a betrayal of young families",
        id="called-y-z",
    ),
    pytest.param(
        "Marta Quell claims the mayor knew about the contract for months.",
        "Marta Quell", "claims", "the mayor knew about the contract for months",
        id="claims-present-tense",
    ),
    pytest.param(
        "Lukas Brandt, the developer's lawyer, claimed that the tower would create 300 jobs.",
        "Lukas Brandt", "claimed", "the tower would create 300 jobs",
        id="claimed-that-after-apposition",
    ),
    pytest.param(
        "Economist Petra Sand warned that house prices in Valdane could fall by a fifth.",
        "Petra Sand", "warned", "house prices in Valdane could fall by a fifth",
        id="warned-that",
    ),
    pytest.param(
        "Ferro Logistics denied that its lorries had used the closed road.",
        "Ferro Logistics", "denied", "its lorries had used the closed road",
        id="denied-that",
    ),
    pytest.param(TARVIK, "Tarvik Mining", "denied", "the shaft had flooded", id="denied-before-saying-only"),
    pytest.param(TARVIK, "Tarvik Mining", "saying", "output had fallen", id="saying-only-that"),
    pytest.param(
        "Stella Brune, the head teacher, said classes would resume on Monday. Brune added that parents could "
        "collect books from the office.",
        "Stella Brune", "added", "parents could collect books from the office",
        id="added-that",
    ),
    pytest.param(
        "Union leader Fergus Hale accused the rail company of ignoring safety warnings.",
        "Fergus Hale", "accused", "the rail company of ignoring safety warnings",
        id="accused-y-of-z",
    ),
    pytest.param(
        "Ivo Marsh insisted that the decision to close the station was final.",
        "Ivo Marsh", "insisted", "the decision to close the station was final",
        id="insisted-that",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, content", INDIRECT)
def test_reported_speech(analyse: Analyse, text: str, speaker: str, cue: str, content: str) -> None:
    check(analyse(text), speaker, cue, content, kind="indirect")


# -- "according to" ---------------------------------------------------------------------------------

ACCORDING_TO = [
    pytest.param(
        "According to the Valdane Fire Service, the blaze was caused by a faulty heater.",
        "Valdane Fire Service", "According to", "the blaze was caused by a faulty heater",
        id="according-to-first",
    ),
    pytest.param(
        "The blaze was caused by a faulty heater, according to fire officer Nils Orr.",
        "Nils Orr", "according to", "The blaze was caused by a faulty heater",
        id="according-to-last",
    ),
    pytest.param(
        "According to Dr. Hanne Lyst, three patients were still in intensive care.",
        "Hanne Lyst", "According to", "three patients were still in intensive care",
        id="according-to-title-dropped",
    ),
    pytest.param(
        "Dr. Hanne Lyst runs the burns unit at Elmsford hospital. According to her, three patients were "
        "still in intensive care.",
        "Hanne Lyst", "According to", "three patients were still in intensive care",
        id="according-to-pronoun",
    ),
    pytest.param(
        "Harbourton skipped the ferry hearing. According to veteran harbour union organiser Ivo Marsh, the "
        "decision smells of panic.",
        "Ivo Marsh", "According to", "the decision smells of panic",
        id="according-to-a-long-title-then-a-comma",
    ),
    pytest.param(
        "As harbour master, Harold Venn routinely ignored safety warnings from the crews, according to dock "
        "workers.",
        "dock workers", "according to", "As harbour master, Harold Venn routinely ignored safety warnings "
        "from the crews",
        id="according-to-a-source-the-parser-reads-as-a-verb",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, content", ACCORDING_TO)
def test_according_to(analyse: Analyse, text: str, speaker: str, cue: str, content: str) -> None:
    check(analyse(text), speaker, cue, content, kind="according_to")


# -- statements speak for whoever issued them -------------------------------------------------------

STATEMENTS = [
    pytest.param(
        "The Valdane Water Board said in a statement that tap water was safe to drink.",
        "Valdane Water Board", "said", "tap water was safe to drink",
        id="body-said-in-a-statement",
    ),
    pytest.param(
        "The Valdane Water Board issued a statement late on Tuesday. The statement said tap water was safe "
        "to drink.",
        "Valdane Water Board", "said", "tap water was safe to drink",
        id="the-statement-said-after-named-body",
    ),
    pytest.param(
        "The Valdane Water Board said the pipes would be replaced by May. The statement said tap water was "
        "safe to drink.",
        "Valdane Water Board", "said", "tap water was safe to drink",
        id="the-statement-said-after-body-spoke",
    ),
    pytest.param(
        "A statement from the Valdane Water Board said the pipes would be replaced by May.",
        "Valdane Water Board", "said", "the pipes would be replaced by May",
        id="statement-from-body-said",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, content", STATEMENTS)
def test_statement_as_source(analyse: Analyse, text: str, speaker: str, cue: str, content: str) -> None:
    check(analyse(text), speaker, cue, content, kind="indirect")


# -- mixed quotes: reported speech with a quoted fragment -------------------------------------------

MIXED = [
    pytest.param(
        "Marta Quell said the budget was “a gift to landlords” and would be challenged in court.",
        "Marta Quell", "said", "the budget was “a gift to landlords” and would be challenged in court",
        id="said-fragment-inside",
    ),
    pytest.param(
        'Lukas Brandt said the repairs would cost "several million euros".',
        "Lukas Brandt", "said", 'the repairs would cost "several million euros"',
        id="said-fragment-at-end-straight",
    ),
    pytest.param(
        "Fergus Hale described the proposal as “an insult to every driver”.",
        "Fergus Hale", "described", "the proposal as “an insult to every driver”",
        id="described-as-fragment",
    ),
    pytest.param(
        'Fergus Hale called the decision "a disgrace".',
        "Fergus Hale", "called", 'the decision "a disgrace"',
        id="called-fragment",
    ),
    pytest.param(
        "Fergus Hale warned that the strike would go ahead “whatever the cost”.",
        "Fergus Hale", "warned", "the strike would go ahead “whatever the cost”",
        id="warned-fragment",
    ),
    pytest.param(
        "Fergus Hale accused the board of “treating drivers like machines”.",
        "Fergus Hale", "accused", "the board of “treating drivers like machines”",
        id="accused-of-fragment",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, content", MIXED)
def test_mixed_quotes(analyse: Analyse, text: str, speaker: str, cue: str, content: str) -> None:
    check(analyse(text), speaker, cue, content, kind="mixed")


# -- who is "he", "the ministry", "Marchuk"? --------------------------------------------------------

RESOLUTION = [
    pytest.param(
        "Tomas Reiner reopened his bakery on Friday, a week after the flood. He said sales had already "
        "doubled.",
        "Tomas Reiner", "said", "sales had already doubled",
        id="he-after-narration",
    ),
    pytest.param(
        "Ilse Varga left the court with her lawyer, David Brook. She said she would appeal the verdict.",
        "Ilse Varga", "said", "she would appeal the verdict",
        id="she-skips-the-later-man",
    ),
    pytest.param(
        "Sarah Kobel sat beside the treasurer, John Ardley, at the meeting. She said membership had risen "
        "by a third.",
        "Sarah Kobel", "said", "membership had risen by a third",
        id="she-woman-then-man",
    ),
    pytest.param(
        "John Ardley, the treasurer, sat beside the club chair, Sarah Kobel. He said the club had ended the "
        "year with a small surplus.",
        "John Ardley", "said", "the club had ended the year with a small surplus",
        id="he-man-then-woman",
    ),
    pytest.param(
        "Agnes Thorburn met the finance committee on Monday with Harold Venn. “The reserves are almost "
        "gone,” she said.",
        "Agnes Thorburn", "said", "“The reserves are almost gone,”",
        id="she-direct-quote-woman-then-man",
    ),
    pytest.param(
        "Vellmark Energy said on Monday that prices would rise by 8 percent. It added that customers on "
        "fixed tariffs would not be affected.",
        "Vellmark Energy", "added", "customers on fixed tariffs would not be affected",
        id="it-after-body-spoke",
    ),
    pytest.param(
        "Vellmark Energy raised its prices for the second time this year. It said the increase reflected "
        "higher gas costs.",
        "Vellmark Energy", "said", "the increase reflected higher gas costs",
        id="it-after-body-in-narration",
    ),
    pytest.param(
        "The Tarnby Port Authority said the harbour would reopen on Monday. They said the storm had damaged "
        "two cranes.",
        "Tarnby Port Authority", "said", "the storm had damaged two cranes",
        id="they-after-body",
    ),
    pytest.param(
        "The Valdane Transport Ministry said on Sunday that the tunnel would stay closed. The ministry added "
        "that engineers had found cracks in the roof.",
        "Valdane Transport Ministry", "added", "engineers had found cracks in the roof",
        id="the-ministry",
    ),
    pytest.param(
        "The Valdane Ministry of Transport said on Sunday that the tunnel would stay closed. The ministry "
        "added that engineers had found cracks in the roof.",
        "Valdane Ministry of Transport", "added", "engineers had found cracks in the roof",
        id="the-ministry-of-name",
    ),
    pytest.param(
        "Governor Elias Brandt said the army would help with the evacuation. The governor added that schools "
        "in the valley would stay closed.",
        "Elias Brandt", "added", "schools in the valley would stay closed",
        id="the-governor-after-speech",
    ),
    pytest.param(
        "Governor Elias Brandt visited the flooded villages on Saturday. The governor said the army would "
        "help with the evacuation.",
        "Elias Brandt", "said", "the army would help with the evacuation",
        id="the-governor-after-narration",
    ),
    pytest.param(
        "Mayor Helga Strand opened the new bridge on Sunday. The mayor said it had cost less than planned.",
        "Helga Strand", "said", "it had cost less than planned",
        id="the-mayor-after-narration",
    ),
    pytest.param(
        "Police spokesman Jan Oster said two officers had been injured. The spokesman said both were in a "
        "stable condition.",
        "Jan Oster", "said", "both were in a stable condition",
        id="the-spokesman-title",
    ),
    pytest.param(
        "Jan Oster, a spokesman for the Valdane police, said two officers had been injured. The spokesman "
        "said both were in a stable condition.",
        "Jan Oster", "said", "both were in a stable condition",
        id="the-spokesman-apposition",
    ),
    pytest.param(
        "Kestrel Airways said on Monday that all flights were cancelled. Later, the airline said passengers "
        "would be offered full refunds.",
        "Kestrel Airways", "said", "passengers would be offered full refunds",
        id="the-airline",
    ),
    pytest.param(
        "Nadia Ferrant, a nurse at the district clinic, treated the wounded through the night. Ferrant said "
        "the clinic had run out of bandages.",
        "Nadia Ferrant", "said", "the clinic had run out of bandages",
        id="short-name-after-narration",
    ),
    pytest.param(
        "“We worked until dawn,” said Nadia Ferrant, a nurse at the district clinic. Ferrant said the clinic "
        "had run out of bandages.",
        "Nadia Ferrant", "said", "the clinic had run out of bandages",
        id="short-name-after-quote",
    ),
    pytest.param(
        "Tomas Berg said the budget was final. Later, Kessler met Jonas Lund, and he said the plan "
        "would change.",
        "Kessler", "said", "the plan would change",
        id="he-opening-a-joined-clause-is-its-subject",
    ),
    pytest.param(
        "The Varta transport ministry closed the Dorvan road on Monday, the ministry said.",
        "Varta transport ministry", "said", "The Varta transport ministry closed the Dorvan road on Monday",
        id="the-ministry-named-in-its-own-content",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, content", RESOLUTION)
def test_speaker_resolution(analyse: Analyse, text: str, speaker: str, cue: str, content: str) -> None:
    check(analyse(text), speaker, cue, content)


TITLES = [
    pytest.param(
        "Mayor Helga Strand said the festival would go ahead despite the rain.",
        "Helga Strand", "said", "the festival would go ahead despite the rain",
        id="mayor",
    ),
    pytest.param(
        "Prime Minister Arvid Lund said the election would be held in October.",
        "Arvid Lund", "said", "the election would be held in October",
        id="prime-minister",
    ),
    pytest.param(
        "Dr. Omar Kessel said the vaccine was safe for children.",
        "Omar Kessel", "said", "the vaccine was safe for children",
        id="dr",
    ),
    pytest.param(
        "Lt. Col. Piet Harmsen said the exercise would last two weeks.",
        "Piet Harmsen", "said", "the exercise would last two weeks",
        id="lt-col",
    ),
    pytest.param(
        "Senator Rosa Illing told reporters that she would vote against the bill.",
        "Rosa Illing", "told", "she would vote against the bill",
        id="senator",
    ),
    pytest.param(
        "Former president Aldo Ferri said he had no plans to return to politics.",
        "Aldo Ferri", "said", "he had no plans to return to politics",
        id="former-president",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, content", TITLES)
def test_titles_are_dropped(analyse: Analyse, text: str, speaker: str, cue: str, content: str) -> None:
    check(analyse(text), speaker, cue, content)


# -- anonymous sources ------------------------------------------------------------------------------

ANONYMOUS = [
    pytest.param(
        "A source close to the investigation said the driver had been drinking.",
        "source close to the investigation", "said", "the driver had been drinking",
        id="a-source-close-to",
    ),
    pytest.param(
        "Local sources say the dam at Corran was damaged in the night.",
        "local sources", "say", "the dam at Corran was damaged in the night",
        id="local-sources-say",
    ),
    pytest.param(
        "A council official, who asked not to be named, said the contract had been signed in secret.",
        "council official", "said", "the contract had been signed in secret",
        id="official-who-asked-not-to-be-named",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, content", ANONYMOUS)
def test_anonymous_sources(analyse: Analyse, text: str, speaker: str, cue: str, content: str) -> None:
    analysis = analyse(text)
    check(analysis, speaker, cue, content, flags=("anonymous",))
    assert any("anonymous" in s.flags for s in analysis.sentences)


# -- the war profile's groups ------------------------------------------------------------------------

PESKOV = (
    "Kremlin spokesman Dmitry Peskov told reporters that the operation in Ukraine would continue. "
    "The spokesman denied that Russian forces had targeted civilians in Lozuvatka."
)
MOD = (
    "Russia's Defense Ministry said its forces had captured the village of Ostrivka. The ministry added "
    "that air defences had shot down 41 Ukrainian drones over the Belgorod region."
)

WAR = [
    pytest.param(
        "President Volodymyr Zelensky said Ukraine needed more air defence systems before the winter.",
        "Volodymyr Zelensky", "zelensky", "said", "Ukraine needed more air defence systems before the winter",
        id="president-zelensky",
    ),
    pytest.param(
        "Zelenskyy said the attack on Horodnia had been aimed at civilians.",
        "Volodymyr Zelensky", "zelensky", "said", "the attack on Horodnia had been aimed at civilians",
        id="zelenskyy",
    ),
    pytest.param(
        "Ukrainian President Volodymyr Zelenskiy told reporters in Kyiv that talks were impossible while the "
        "shelling continued.",
        "Volodymyr Zelensky", "zelensky", "told", "talks were impossible while the shelling continued",
        id="zelenskiy",
    ),
    pytest.param(
        "“We will not give up a single village,” Zelensky said in his nightly address.",
        "Volodymyr Zelensky", "zelensky", "said", "“We will not give up a single village,”",
        id="zelensky-direct",
    ),
    pytest.param(
        "Vladimir Putin said Russian forces were advancing on all fronts.",
        "Vladimir Putin", "putin", "said", "Russian forces were advancing on all fronts",
        id="putin",
    ),
    pytest.param(
        MOD, "Russian Defence Ministry", "russian_mod", "said",
        "its forces had captured the village of Ostrivka",
        id="russias-defense-ministry",
    ),
    pytest.param(
        MOD, "Russian Defence Ministry", "russian_mod", "added",
        "air defences had shot down 41 Ukrainian drones over the Belgorod region",
        id="the-ministry-russian",
    ),
    pytest.param(
        "According to Russia's Defence Ministry, air defences shot down 41 Ukrainian drones overnight.",
        "Russian Defence Ministry", "russian_mod", "According to",
        "air defences shot down 41 Ukrainian drones overnight",
        id="according-to-russian-mod",
    ),
    pytest.param(
        PESKOV, "Dmitry Peskov", "russian_officials", "told", "the operation in Ukraine would continue",
        id="kremlin-spokesman-peskov",
    ),
    pytest.param(
        PESKOV, "Dmitry Peskov", "russian_officials", "denied",
        "Russian forces had targeted civilians in Lozuvatka",
        id="the-spokesman-peskov",
    ),
    pytest.param(
        "Ukraine's General Staff said Russian troops had launched 90 assaults in the past day.",
        "Ukrainian General Staff", "ukrainian_military", "said", "Russian troops had launched 90 assaults in "
        "the past day",
        id="general-staff",
    ),
    pytest.param(
        "The regional governor said two people had been killed in the shelling of Lozuvatka.",
        "regional governor", "local_officials", "said",
        "two people had been killed in the shelling of Lozuvatka",
        id="the-regional-governor",
    ),
    pytest.param(
        "Serhiy Bondar, the regional governor, said two people had been killed in the shelling of Lozuvatka.",
        "Serhiy Bondar", "local_officials", "said", "two people had been killed in the shelling of Lozuvatka",
        id="named-regional-governor",
    ),
    pytest.param(
        "KYIV (Reuters) - The interior ministry said three people were hurt in the shelling of Lozuvatka.",
        "Ukrainian interior ministry", "ukrainian_officials", "said",
        "three people were hurt in the shelling of Lozuvatka",
        id="bare-ministry-takes-the-dateline-side",
    ),
    pytest.param(
        "MOSCOW (AP) — The General Staff said its units had repelled an attack near Lozuvatka.",
        "Russian General Staff", "russian_mod", "said", "its units had repelled an attack near Lozuvatka",
        id="bare-general-staff-in-moscow",
    ),
    pytest.param(
        "Russian troops attacked Lozuvatka on Monday. The defence ministry said its units had taken the "
        "village.",
        "Russian Defence Ministry", "russian_mod", "said", "its units had taken the village",
        id="bare-ministry-takes-the-side-of-the-subject-before-it",
    ),
    pytest.param(
        "Ukraine's military said Russian forces had shelled Lozuvatka. Moscow denied the claim, and the "
        "defence ministry said its forces had not fired on the town.",
        "Russian Defence Ministry", "russian_mod", "said", "its forces had not fired on the town",
        id="bare-ministry-after-its-side-answers",
    ),
    pytest.param(
        "Ukrainian police arrested two suspects on Monday. Interior Minister Ihor Marchuk said they had "
        "planned the attack on Lozuvatka.",
        "Ihor Marchuk", "ukrainian_officials", "said", "they had planned the attack on Lozuvatka",
        id="office-holder-without-a-country",
    ),
    pytest.param(
        "Belgorod authorities said a drone had hit a farm near Lozuvatka.",
        "Belgorod authorities", "local_officials", "said", "a drone had hit a farm near Lozuvatka",
        id="a-places-authorities",
    ),
    pytest.param(
        "Officials in the Poltava region said the bridge at Lozuvatka had been damaged.",
        "Officials in the Poltava region", "local_officials", "said",
        "the bridge at Lozuvatka had been damaged",
        id="officials-in-a-region",
    ),
    pytest.param(
        "Moscow's defence ministry said its forces had struck a depot near Lozuvatka.",
        "Russian Defence Ministry", "russian_mod", "said", "its forces had struck a depot near Lozuvatka",
        id="a-capitals-possessive-is-its-country",
    ),
    pytest.param(
        "MOSCOW (AP) — The foreign ministry spokeswoman said the Lozuvatka talks were over.",
        "Russian foreign ministry spokeswoman", "russian_officials", "said", "the Lozuvatka talks were over",
        id="a-spokeswoman-of-a-bare-ministry",
    ),
    pytest.param(
        "Ukraine's military said it had hit a depot. The General Staff said the strike caused a fire. "
        "Russia's defence ministry said it had downed 50 drones. The General Staff also said its units had "
        "advanced near Lozuvatka.",
        "Ukrainian General Staff", "ukrainian_military", "said", "its units had advanced near Lozuvatka",
        id="a-placed-body-keeps-its-side",
    ),
]

JOINT = "Mayor Olha Daniv and Governor Petro Savych said the Lozuvatka bridge would reopen in May."


def test_joint_sources_give_one_attribution_each(analyse: Analyse) -> None:
    analysis = analyse(JOINT, "war")
    found = sorted((q.speaker, q.group) for q in analysis.quotes
                   if q.text == "the Lozuvatka bridge would reopen in May")
    wanted = [("Olha Daniv", "local_officials"), ("Petro Savych", "local_officials")]
    assert found == wanted, _listing(analysis)


@pytest.mark.parametrize("text", [
    "Procter and Gamble said sales fell in Lozuvatka.",  # one name with "and" in it
    "The mayor of Lozuvatka and Dorvan said the trains were running.",  # one holder of two places
    "The Varta Group and its partners said the trains were running.",  # the second belongs to the first
    "Lozuvatka and Dorvan officials said the trains were running.",  # one noun the places share
])
def test_one_source_with_and_stays_one(analyse: Analyse, text: str) -> None:
    analysis = analyse(text)
    assert len(analysis.quotes) == 1, _listing(analysis)


def test_joint_sources_are_one_relation(analyse: Analyse) -> None:
    analysis = analyse(JOINT, "war", RELATIONS)
    assert len(analysis.quotes) == 1, _listing(analysis)


@pytest.mark.parametrize("text, speaker, group, cue, content", WAR)
def test_war_profile_groups(analyse: Analyse, text: str, speaker: str, group: str, cue: str,
                            content: str) -> None:
    analysis = analyse(text, "war")
    assert analysis.profile == "war"
    check(analysis, speaker, cue, content, group=group)


def test_war_local_sources_are_anonymous_other(analyse: Analyse) -> None:
    analysis = analyse("Local sources said Russian troops had entered the outskirts of Lozuvatka.", "war")
    check(analysis, "local sources", "said", "Russian troops had entered the outskirts of Lozuvatka",
          group="other", flags=("anonymous",))


def test_war_groups_reach_the_sentences(analyse: Analyse) -> None:
    analysis = analyse(PESKOV, "war")
    assert analysis.sentences
    assert all("russian_officials" in s.groups for s in analysis.sentences)
    assert "russian_officials" in analysis.groups


# -- hedges and narration: no attribution ------------------------------------------------------------

HEDGES = [
    pytest.param("The fire is believed to have started in the basement of the Corran Street hotel.",
                 id="is-believed-to"),
    pytest.param("The company has reportedly hired a new chief executive from Westbury.", id="reportedly"),
    pytest.param("It is understood that the council will vote on the plan next week.", id="it-is-understood"),
    pytest.param("The suspect is thought to have left the country on a false passport.", id="is-thought-to"),
    pytest.param("The minister allegedly accepted gifts from the developer.", id="allegedly"),
    pytest.param("The two men are said to have met in Westbury in 2019.", id="are-said-to"),
    pytest.param("Reports that the Elmsford factory will close have worried its workers.", id="reports-that"),
]


@pytest.mark.parametrize("text", HEDGES)
def test_hedges_are_unattributed(analyse: Analyse, text: str) -> None:
    analysis = analyse(text)
    assert not analysis.quotes, f"hedged claim attributed:\n{_listing(analysis)}"
    assert len(analysis.sentences) == 1
    assert "unattributed" in analysis.sentences[0].flags


def test_hedge_in_a_mini_article_flags_only_its_sentence(analyse: Analyse) -> None:
    text = ("Harbour master Ines Roldan said the pier would stay closed. The storm is believed to have "
            "damaged its supports.")
    analysis = analyse(text)
    check(analysis, "Ines Roldan", "said", "the pier would stay closed")
    flags = [s.flags for s in analysis.sentences]
    assert flags == [(), ("unattributed",)]


def test_hedge_inside_an_attribution_is_not_unattributed(analyse: Analyse) -> None:
    analysis = analyse("Police said the fire is believed to have started in the basement.")
    check(analysis, "Police", "said", "the fire is believed to have started in the basement")
    assert all("unattributed" not in s.flags for s in analysis.sentences)


NARRATION = [
    pytest.param("The bridge over the Tarn was built in 1887 and carries 20,000 cars a day.", id="plain"),
    pytest.param("Rescuers pulled three people from the rubble in Elmsford on Tuesday night.",
                 id="plain-event"),
    pytest.param("Prices rose by 4 percent in March, the highest rate for two years.", id="statistic"),
    pytest.param('A so-called "smart" bin was installed on Market Street last week.', id="scare-quote"),
    pytest.param("The film “The Long Winter Road” opens at the Palace cinema in Tarnby on Friday.",
                 id="title-in-quotes"),
    pytest.param("A village called Marsden lies on the far bank of the river.", id="called-as-name"),
    pytest.param("The mayor did not say when the road would reopen.", id="negated-cue"),
    pytest.param("The book tells the story of a fisherman who lost his boat in a storm.",
                 id="tells-the-story"),
    pytest.param("He was told to leave the building by security guards.", id="passive-told"),
    pytest.param("The council added two new bus routes to its winter timetable.", id="added-object"),
    pytest.param("The museum posted a video of the restored organ on its website.", id="posted-object"),
]


@pytest.mark.parametrize("text", NARRATION)
def test_narration_has_no_attribution(analyse: Analyse, text: str) -> None:
    analysis = analyse(text)
    assert not analysis.quotes, f"narration attributed:\n{_listing(analysis)}"
    assert all(not s.groups and "unattributed" not in s.flags for s in analysis.sentences)


def test_offsets_point_into_the_original_text(analyse: Analyse) -> None:
    text = "Carla Voss said the wing would open in June.\r\n“It is ready,” she said."
    analysis = analyse(text)
    assert analysis.text == text
    for quote in analysis.quotes:
        assert text[quote.start:quote.end] == quote.text
        if quote.source_start is not None:
            assert quote.source_end is not None
            assert text[quote.source_start:quote.source_end].strip()
    check(analysis, "Carla Voss", "said", "“It is ready,”", kind="direct")


# -- wire copy: datelines, glosses, signatures, lost parses -----------------------------------------

#: Signatures after a dash, in two web styles.
SIGNED = ("“The ferry is late every day.”― Julie A. Marsh.\n\n"
          "“Nobody asked us about the timetable.” ―\u00a0Ivo Lane\n")

WIRE = [
    pytest.param(
        "VALDANE, March 3 (Reuters) - Floodwater reached the old town overnight, the river authority said.",
        "river authority", "said", "Floodwater reached the old town overnight",
        id="dateline-is-not-content",
    ),
    pytest.param(
        'The army said its units had "secured" the village of Orlivka, a claim that could not be verified.',
        "army", "said", 'its units had "secured" the village of Orlivka',
        id="appositive-gloss-after-quote",
    ),
    pytest.param(
        "The mayor said the tunnel would close in May, as protesters gathered outside the town hall.",
        "mayor", "said", "the tunnel would close in May",
        id="as-clause-gloss",
    ),
    pytest.param(
        "Local farmers said the harvest was lost, although the rain had stopped by Sunday.",
        "Local farmers", "said", "the harvest was lost, although the rain had stopped by Sunday",
        id="concession-stays-in-content",
    ),
    pytest.param(
        "“Maybe we can build a bridge out of paperwork.” ― Ivo Marsh",
        "Ivo Marsh", ANY_CUE, "“Maybe we can build a bridge out of paperwork.”",
        id="signed-after-a-dash",
    ),
    pytest.param(
        SIGNED,
        "Julie A. Marsh", ANY_CUE, "“The ferry is late every day.”",
        id="signed-with-a-glued-dash-and-an-initial",
    ),
    pytest.param(
        SIGNED,
        "Ivo Lane", ANY_CUE, "“Nobody asked us about the timetable.”",
        id="signed-after-a-no-break-space",
    ),
    pytest.param(
        "“The day the ferry stopped was the day it became personal,” Ivo Marsh said, adding he would never "
        "vote for the mayor again.",
        "Ivo Marsh", "adding", "he would never vote for the mayor again",
        id="adding-after-a-quotation",
    ),
    pytest.param(
        "\"Is the pier ready? Probably not,\" Helga Strand said.",
        "Helga Strand", "said", "\"Is the pier ready? Probably not,\"",
        id="not-inside-the-quotation-is-no-negated-cue",
    ),
    pytest.param(
        "Over the summer Helga Strand has insisted at every council meeting that the ferry would run again "
        "– albeit on a timetable nobody has seen.",
        "Helga Strand", "insisted", "the ferry would run again",
        id="adverbials-before-that-and-a-dash-gloss",
    ),
    pytest.param(
        "As many harbour pilots have pointed out, the channel is too shallow for cruise ships.",
        "many harbour pilots", "pointed", "the channel is too shallow for cruise ships",
        id="as-clause-first",
    ),
    pytest.param(
        "The ferry will not return this year, as the mayor said on Monday.",
        "mayor", "said", "The ferry will not return this year",
        id="as-clause-last",
    ),
    pytest.param(
        "Harbourton closed the quay on May 4 after weeks of warnings from the port authority and its pilots "
        "that the channel was becoming unsafe.",
        "port authority", "warnings", "the channel was becoming unsafe",
        id="claim-noun-owner-then-that",
    ),
    pytest.param(
        "The Valdane Water Board said the \"shocking\" figures show \"once more the neglect of pipes.\"",
        "Valdane Water Board", "said", "the \"shocking\" figures show \"once more the neglect of pipes.\"",
        id="nested-cue-takes-nothing-before-it",
    ),
    pytest.param(
        "Helga Strand said the ferry is leaving Harbourton, the county's second-largest port and a hub for "
        "the islands, the region whose harbour the council says is its main asset.",
        "Helga Strand", "said", "the ferry is leaving Harbourton",
        id="appositions-in-a-row-are-a-gloss",
    ),
    pytest.param(
        "Helga Strand said she hopes the town can put the \"whole sorry ferry saga\" that was "
        "started by the harbour board behind it.",
        "Helga Strand", "said", "she hopes the town can put the \"whole sorry ferry saga\"",
        id="relative-clause-after-a-quotation-is-a-gloss",
    ),
    pytest.param(
        "The mayor said she would \"end the dispute this year\" while Ivo Marsh said the two had agreed "
        "on nothing.",
        "mayor", "said", "she would \"end the dispute this year\"",
        id="while-another-speaker-said",
    ),
    pytest.param(
        "Ivo Marsh said the new quay would be ready by spring, though he has given no figure for its cost.",
        "Ivo Marsh", "said", "the new quay would be ready by spring",
        id="concession-about-the-speaker-is-a-gloss",
    ),
    pytest.param(
        "The mayor said the ferry would stop in May, prompting the dockers' union to call the plan "
        "\"a betrayal of the town.\"",
        "dockers' union", "call", "the plan \"a betrayal of the town.\"",
        id="prompted-to-call",
    ),
    pytest.param(
        "Harbour historian Ivo Marsh said it was possible Mayor Piet Harmsen was trying to win back the "
        "dockers. \"It has to be a fair deal for the quay,\" he said.",
        "Ivo Marsh", "said", "\"It has to be a fair deal for the quay,\"",
        id="he-after-a-name-inside-reported-speech",
    ),
    pytest.param(
        "Valdane's point man on fishing rights in the northern bays said on Monday that talks had failed.",
        "Valdane's point man on fishing rights in the northern bays", "said", "talks had failed",
        id="name-after-the-head-is-not-the-speaker",
    ),
    pytest.param(
        "The fighting stopped on Monday. Residents told of looting, fires and beatings.",
        "Residents", "told", "looting, fires and beatings",
        id="told-of",
    ),
    pytest.param(
        "The talks failed. The harbour board accused the union of rejecting every offer.",
        "harbour board", "accused", "the union of rejecting every offer",
        id="accused-of-a-gerund-cue",
    ),
    pytest.param(
        "Last week Helga Strand told a meeting of harbour pilots that few people understood the tides "
        "better.",
        "Helga Strand", "told", "few people understood the tides better",
        id="told-a-meeting-that",
    ),
    pytest.param(
        "Helga Strand described the flood as a disaster but stopped short of calling the dam unsafe.",
        "Helga Strand", "calling", "the dam unsafe",
        id="gerund-after-a-preposition-keeps-the-speaker",
    ),
    pytest.param(
        "In a long talk with the trustees of the Valdane Harbour Trust Marsh said that the ferry would stop.",
        "Marsh", "said", "the ferry would stop",
        id="name-lost-in-the-phrase-before-the-cue",
    ),
    pytest.param(
        "“Will you vote for me?” Helga Strand asked.\n\n“I would,” Ivo Marsh said. “I would, Helga.”",
        "Ivo Marsh", None, "“I would, Helga.”",
        id="short-quotation-right-after-its-speaker",
    ),
    pytest.param(
        "VALDANE (AP) — The city's chief engineer disclosed plans Monday for a new flood barrier.",
        "city's chief engineer", "disclosed", "plans Monday for a new flood barrier",
        id="dateline-is-not-the-source",
    ),
    pytest.param(
        "The mayor denied claims by the opposition that the council had hidden the report, and accused "
        "Fergus Hale of spreading rumours.",
        "mayor", "accused", "Fergus Hale of spreading rumours",
        id="second-cue-keeps-the-first-speaker",
    ),
    pytest.param(
        "The prosecutor said her office charged Sgt. Piet Harmsen, 31, with theft.",
        "prosecutor", "said", "her office charged Sgt. Piet Harmsen, 31, with theft",
        id="abbreviated-title-ends-no-sentence",
    ),
    pytest.param(
        "Members of the Harbourton Fishermen's Association said the quota was unfair. They said the "
        "minister had ignored the scientists.",
        "Harbourton Fishermen's Association", "said", "the minister had ignored the scientists",
        id="they-after-members-of-a-body",
    ),
    pytest.param(
        "Ivo Marsh was quoted by the Valdane Post as saying that the road would stay closed.",
        "Ivo Marsh", "saying", "the road would stay closed",
        id="quoted-as-saying",
    ),
    pytest.param(
        "Harold Venn spoke first. The city television channel then showed what it said were the plans "
        "for the new bridge.",
        "city television channel", "said", "were the plans for the new bridge",
        id="it-is-the-subject-of-its-own-sentence",
    ),
    pytest.param(
        "Harold Venn's claim that the water was safe to drink angered the residents.",
        "Harold Venn", "claim", "the water was safe to drink",
        id="claim-noun-with-owner",
    ),
    pytest.param(
        "Nadia Ferrant praised the volunteers. She continued: “Without them the clinic would have closed.”",
        "Nadia Ferrant", "continued", "“Without them the clinic would have closed.”",
        id="continued-frames-a-quote",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, content", WIRE)
def test_wire_copy(analyse: Analyse, text: str, speaker: str, cue: str, content: str) -> None:
    check(analyse(text), speaker, cue, content)


# -- stances and statements split by their cue (conventions) ----------------------------------------

#: Stances: what somebody wants, plans, supports or attacks (counted where the conventions say so).
STANCES = [
    pytest.param("Mayor Helga Strand wants to close the old bridge to lorries.",
                 "Helga Strand", "wants", "to close the old bridge to lorries", id="wants-to"),
    pytest.param("The teachers' union endorsed Ivo Marsh for the council seat.",
                 "teachers' union", "endorsed", "Ivo Marsh for the council seat", id="endorsed-object"),
    pytest.param("Harold Venn attacked the board for its handling of the flood.",
                 "Harold Venn", "attacked", "the board for its handling of the flood", id="attacked-for"),
    pytest.param("Nadia Ferrant spoke about her years at the clinic.",
                 "Nadia Ferrant", "spoke", "her years at the clinic", id="spoke-about-drops-the-preposition"),
    pytest.param("Piet Harmsen refuses to release the inspection reports.",
                 "Piet Harmsen", "refuses", "to release the inspection reports", id="refuses-to"),
    pytest.param("Helga Strand wants to rebuild the pier, widen the quay and create a new ferry line.",
                 "Helga Strand", "wants", "to rebuild the pier, widen the quay and create a new ferry line",
                 id="wants-three-things"),
    pytest.param("The pier was closed on Monday. Helga Strand's plan to rebuild it split the council.",
                 "Helga Strand", "plan", "to rebuild it", id="owner-of-a-plan"),
    pytest.param("Ivo Marsh's support for the new ferry line surprised the council.",
                 "Ivo Marsh", "support", "the new ferry line", id="owner-of-support-for"),
    pytest.param("The council sold the quay to Meridian Holdings, which plans to build a terminal there.",
                 "Meridian Holdings", "plans", "to build a terminal there", id="which-plans"),
    pytest.param("Ivo Marsh was endorsed by the dockers' union.",
                 "dockers' union", "endorsed", "Ivo Marsh", id="passive-with-agent"),
    pytest.param("The bridge was praised by engineers for its design.",
                 "engineers", "praised", "The bridge", id="passive-agent-up-to-its-head"),
    pytest.param("Three councillors voted against the harbour plan.",
                 "Three councillors", "voted", "the harbour plan", id="voted-against"),
    pytest.param("Ivo Marsh has long been critical of the harbour board.",
                 "Ivo Marsh", "critical", "the harbour board", id="critical-of"),
    pytest.param("Helga Strand was sure that the ferry would return.",
                 "Helga Strand", "sure", "the ferry would return", id="sure-that"),
    pytest.param("Mayor Helga Strand cited the flood of 2019 as her reason.",
                 "Helga Strand", "cited", "the flood of 2019 as her reason", id="cited-object"),
    pytest.param("A video from the dockers' union shows the crane falling onto the pier.",
                 "dockers' union", "shows", "the crane falling onto the pier", id="video-shows"),
]


@pytest.mark.parametrize("text, speaker, cue, content", STANCES)
def test_stances(analyse: Analyse, text: str, speaker: str, cue: str, content: str) -> None:
    quote = check(analyse(text, conventions=RELATIONS), speaker, cue, content, kind="stance")
    assert quote.confidence < 0.6  # a stance is held, not said: weaker than any statement


def test_a_credit_line_is_no_attribution(analyse: Analyse) -> None:
    text = "The ferry stopped on Monday, the mayor said.\n\n(Reporting by Anna Lee; Editing by Ivo Marsh)\n"
    assert [q.text for q in analyse(text).quotes] == ["The ferry stopped on Monday"]


@pytest.mark.parametrize("text", [
    "Helga Strand said she wants to close the old bridge to lorries.",  # part of what she said
    "Ivo Marsh showed up late and pointed out the broken lights.",  # phrasal verbs
    "The developer is believed to have offered the council a large payment.",  # a hedge
    "The council voted on Tuesday.",  # a vote with no stance named
    "A source on the council, who asked not to be named, said the vote was rigged.",
])
def test_no_stance_inside_a_statement_or_for_anonymity(analyse: Analyse, text: str) -> None:
    kinds = [q.kind for q in analyse(text, conventions=RELATIONS).quotes]
    assert STANCE not in kinds


SPLIT = ("“We will rebuild the pier,” Mayor Helga Strand said. “It will take two years.” "
         "“And it will cost less than the old one.”\n\n“Not a penny more,” she added.")


def test_split_quotation_is_one_statement_when_conventions_join(analyse: Analyse) -> None:
    analysis = analyse(SPLIT, conventions=RELATIONS)
    check(analysis, "Helga Strand", "said", SPLIT[:SPLIT.index("\n")].strip())
    check(analysis, "Helga Strand", "added", "“Not a penny more,”")  # a new paragraph, a new cue


def test_split_quotation_is_one_quote_per_quotation_by_default_in_tables(analyse: Analyse) -> None:
    analysis = analyse(SPLIT)
    check(analysis, "Helga Strand", "said", "“We will rebuild the pier,”")
    check(analysis, "Helga Strand", None, "“It will take two years.”")
    assert STANCE not in {q.kind for q in analyse(STANCES[0].values[0]).quotes}


@pytest.mark.parametrize("conventions", [PER_QUOTATION, RELATIONS], ids=["per-quotation", "joined"])
def test_cue_between_commas_splitting_one_clause(analyse: Analyse, conventions: Conventions) -> None:
    text = "The new pier, Mayor Helga Strand said, will open in May."
    check(analyse(text, conventions=conventions), "Helga Strand", "said", text[:-1])


def test_cue_between_commas_after_a_clause_goes_on_when_joined(analyse: Analyse) -> None:
    text = "The harbour was thriving, Mayor Helga Strand said, until the fish plant closed in 1999."
    check(analyse(text), "Helga Strand", "said", "The harbour was thriving")
    check(analyse(text, conventions=RELATIONS), "Helga Strand", "said", text[:-1])


def test_quotations_around_a_cue_and_a_stance_join_into_one_statement(analyse: Analyse) -> None:
    text = ("“The pier is safe,” said Helga Strand, speaking of the harbour works. “It will open in May.”\n\n"
            "“We will see,” Ivo Marsh said, “whether the money lasts.”")
    analysis = analyse(text, conventions=RELATIONS)
    check(analysis, "Helga Strand", "said", text[:text.index("\n")])
    check(analysis, "Ivo Marsh", "said", text[text.index("“We"):])


PARAGRAPHS = ("“The ferry will run all winter,” Ivo Marsh said. “We have hired two more crews.\n\n"
              "“Nobody on the island will be cut off this year.”\n\n"
              "“The timetable is on the board.”")


def test_a_quotation_left_open_at_its_paragraph_end_joins_the_next_paragraph(analyse: Analyse) -> None:
    analysis = analyse(PARAGRAPHS, conventions=RELATIONS)
    whole = PARAGRAPHS[:PARAGRAPHS.rindex("\n\n")]
    check(analysis, "Ivo Marsh", "said", whole)  # the second paragraph closes the quotation
    check(analysis, "Ivo Marsh", None, "“The timetable is on the board.”")  # a closed one does not go on


def test_a_quotation_left_open_stays_one_quote_per_quotation_by_default(analyse: Analyse) -> None:
    analysis = analyse(PARAGRAPHS)
    check(analysis, "Ivo Marsh", None, "“Nobody on the island will be cut off this year.”")


TRANSCRIPT = ("The debate went on.\n\n“MARSH: We will not close the ferry.”\n\n"
              "Strand made the following comment:\n\n“The ferry loses money every single day.”\n\n"
              "Said Ellis: “Nobody has seen the accounts.”")


@pytest.mark.parametrize("speaker, content", [
    ("MARSH", "“MARSH: We will not close the ferry.”"),
    ("Strand", "“The ferry loses money every single day.”"),
    ("Ellis", "“Nobody has seen the accounts.”"),
], ids=["transcript-label", "colon-ends-the-paragraph-before", "said-first"])
def test_quotation_introduced_by_a_label_or_a_colon(analyse: Analyse, speaker: str, content: str) -> None:
    check(analyse(TRANSCRIPT), speaker, ANY_CUE, content)


def test_a_body_named_before_is_not_anonymous_when_called_the_authority(analyse: Analyse) -> None:
    text = ("The Brackwater Port Authority said the quay was safe. The authority said repairs would start "
            "in May. Officials said the budget was spent.")
    analysis = analyse(text)
    named = check(analysis, "Brackwater Port Authority", "said", "repairs would start in May")
    unnamed = check(analysis, "Officials", "said", "the budget was spent")
    assert "anonymous" not in named.flags and "anonymous" in unnamed.flags


def test_war_profile_counts_statements_per_quotation(analyse: Analyse) -> None:
    text = ("“The bridge at Kherson was hit twice,” Ukrainian military spokesman Oleksandr Shtupun said. "
            "“Repairs will take weeks.” Ukraine wants to rebuild it before winter.")
    analysis = analyse(text, "war", conventions=None)
    assert [q.text for q in analysis.quotes] == ["“The bridge at Kherson was hit twice,”",
                                                 "“Repairs will take weeks.”"]
