"""find_quotations: quotation spans from the marks of a text, marks included, one paragraph at a time."""

from __future__ import annotations

import pytest

from attribview.nlp.quotations import Quotation, find_quotations


def _span(text: str, part: str, *, balanced: bool = True, occurrence: int = 0) -> Quotation:
    """The Quotation covering the ``occurrence``-th appearance of ``part`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return Quotation(start, start + len(part), balanced)


def _expected(text: str, parts: list[str | tuple[str, bool]]) -> list[Quotation]:
    out = []
    for part in parts:
        if isinstance(part, tuple):
            out.append(_span(text, part[0], balanced=part[1]))
        else:
            out.append(_span(text, part))
    return out


@pytest.mark.parametrize(
    "text, parts",
    [
        pytest.param(
            "The mayor said “we will rebuild the pier” on Tuesday.",
            ["“we will rebuild the pier”"],
            id="curly-inline",
        ),
        pytest.param(
            "“The road is closed,” said Ilse Varga. “Nobody can get through.”",
            ["“The road is closed,”", "“Nobody can get through.”"],
            id="curly-two-in-paragraph",
        ),
        pytest.param(
            'The officer said "the road is closed" this morning.',
            ['"the road is closed"'],
            id="straight-inline",
        ),
        pytest.param(
            '"We are ready," the coach said. "The whole squad is fit."',
            ['"We are ready,"', '"The whole squad is fit."'],
            id="straight-two-in-paragraph",
        ),
        pytest.param(
            'Brenner told reporters: "No comment."',
            ['"No comment."'],
            id="straight-after-colon",
        ),
        pytest.param(
            'The plan was "dead on arrival", she said.',
            ['"dead on arrival"'],
            id="straight-before-comma",
        ),
        pytest.param(
            '(“It was a mistake,” he admitted.)',
            ["“It was a mistake,”"],
            id="curly-after-bracket",
        ),
        pytest.param(
            'He said “yes” to the loan, and she said "no" to the lease.',
            ["“yes”", '"no"'],
            id="mixed-curly-and-straight-pairs",
        ),
        pytest.param(
            '“We will win the vote," Corrigan said.',
            ['“We will win the vote,"'],
            id="mixed-curly-open-straight-close",
        ),
        pytest.param(
            '"We will win the vote,” Corrigan said.',
            ['"We will win the vote,”'],
            id="mixed-straight-open-curly-close",
        ),
        pytest.param(
            "Not paying taxes ''makes me smart,'' he said.",
            ["''makes me smart,''"],
            id="nyt-doubled-apostrophes",
        ),
        pytest.param(
            "''We are not going anywhere,'' the senator said. ''Not this year.''",
            ["''We are not going anywhere,''", "''Not this year.''"],
            id="nyt-doubled-apostrophes-sentence-start",
        ),
        pytest.param(
            "The mayor's office said it won't reopen the children's library until the workers' strike ends.",
            [],
            id="apostrophes-in-words-only",
        ),
        pytest.param(
            "“It’s over, and we didn’t see it coming,” the farmers’ leader said.",
            ["“It’s over, and we didn’t see it coming,”"],
            id="curly-apostrophes-inside-curly-quote",
        ),
        pytest.param(
            '"We can\'t stay here, it\'s not safe," she said.',
            ['"We can\'t stay here, it\'s not safe,"'],
            id="straight-apostrophes-inside-straight-quote",
        ),
        pytest.param(
            "Rock 'n' roll came to Tarnby in the 1950s' jukebox boom.",
            [],
            id="single-apostrophes-are-not-marks",
        ),
        pytest.param(
            'The crew laid a 12" pipe under Quay Lane.',
            [],
            id="inch-mark-after-digit-is-not-a-quote",
        ),
        pytest.param(
            "Le ministre a dit « nous ne reculerons pas » devant les députés.",
            ["« nous ne reculerons pas »"],
            id="guillemets-spaced",
        ),
        pytest.param(
            "«Мы не планируем повышать налоги», — сказал он.",
            ["«Мы не планируем повышать налоги»"],
            id="guillemets-russian",
        ),
        pytest.param(
            "The minister called it „a fair deal” in Berlin.",
            ["„a fair deal”"],
            id="low-double-opener",
        ),
        pytest.param(
            "First paragraph with no quotes.\nSecond one: she said “yes” today.",
            ["“yes”"],
            id="offsets-in-second-paragraph",
        ),
        pytest.param("", [], id="empty-text"),
        pytest.param("No quotation marks here at all.", [], id="no-marks"),
    ],
)
def test_balanced_quotations(text: str, parts: list[str | tuple[str, bool]]) -> None:
    assert find_quotations(text) == _expected(text, parts)


@pytest.mark.parametrize(
    "text, parts",
    [
        pytest.param(
            "“We will never leave this village, she said.\nThe shelling went on all night.",
            [("“We will never leave this village, she said.", False)],
            id="curly-unclosed-at-paragraph-end",
        ),
        pytest.param(
            'He said: "The water is rising fast.\nThe road to Elmsford was closed.',
            [('"The water is rising fast.', False)],
            id="straight-unclosed-at-paragraph-end",
        ),
        pytest.param(
            "“We will never leave this village.   \nThe shelling went on all night.",
            [("“We will never leave this village.", False)],
            id="unclosed-end-trims-trailing-spaces",
        ),
        pytest.param(
            "“The first wave came at midnight.\n“The second came at dawn,” said Oskar Lindahl.",
            [("“The first wave came at midnight.", False), "“The second came at dawn,”"],
            id="paragraph-starts-new-curly-quotation",
        ),
        pytest.param(
            '"The first wave came at midnight.\n"The second came at dawn," said Oskar Lindahl.',
            [('"The first wave came at midnight.', False), '"The second came at dawn,"'],
            id="paragraph-starts-new-straight-quotation",
        ),
        pytest.param(
            "“The first wave came at midnight. “The second came at dawn,” he said.",
            [("“The first wave came at midnight.", False), "“The second came at dawn,”"],
            id="second-opener-closes-the-first",
        ),
        pytest.param(
            "The report, titled “Waiting for the Water, runs to 80 pages.\nNothing else.",
            [("“Waiting for the Water, runs to 80 pages.", False)],
            id="unclosed-title-stays-in-its-paragraph",
        ),
    ],
)
def test_unbalanced_quotations(text: str, parts: list[str | tuple[str, bool]]) -> None:
    assert find_quotations(text) == _expected(text, parts)


def test_unbalanced_quotation_never_crosses_a_paragraph() -> None:
    text = "“One.\nTwo.\n“Three,” he said.\nFour “five."
    paragraph_ends = [i for i, ch in enumerate(text) if ch == "\n"] + [len(text)]
    for quote in find_quotations(text):
        assert "\n" not in text[quote.start:quote.end]
        if not quote.balanced:
            next_break = min(end for end in paragraph_ends if end >= quote.end)
            assert text[quote.end:next_break].strip() == ""


def test_a_lone_mark_at_paragraph_end_is_not_a_quotation() -> None:
    assert find_quotations("He paused and said “\nThen he left.") == []


@pytest.mark.parametrize(
    "text",
    [
        "“A,” he said. “B.” “C” and \"D\" and ''E'' and «F».",
        "Sybiha wrote: “Putin talks about peace in the morning.”\n“Nobody should be fooled.”",
    ],
    ids=["many-marks", "two-paragraphs"],
)
def test_balanced_quotations_start_and_end_on_marks(text: str) -> None:
    found = find_quotations(text)
    assert found
    for quote in found:
        assert quote.balanced
        assert text[quote.start] in "“„«\"'"
        assert text[quote.end - 1] in "”»\"'"
        assert 0 <= quote.start < quote.end <= len(text)
    starts = [q.start for q in found]
    assert starts == sorted(starts)


# --- floods: each quotation found once, and placed once, however many share a sentence -------------


@pytest.mark.parametrize(
    ("flood", "expected"),
    [
        # a straight mark opens only after a space or an opening bracket: one quotation, then marks
        pytest.param('"' * 2000, [(0, 2)], id="straight-run"),
        pytest.param(' ""' * 1000, [(i, i + 2) for i in range(1, 3000, 3)], id="straight-pairs"),
        pytest.param("“”" * 1000, [(i, i + 2) for i in range(0, 2000, 2)], id="curly-pairs"),
        # each opener ends the one before, unbalanced; the last, a lone mark, is no quotation
        pytest.param("“" * 500, [(i, i + 1) for i in range(499)], id="openers-only"),
    ],
)
def test_a_flood_of_marks_pairs_like_a_few(flood: str, expected: list[tuple[int, int]]) -> None:
    assert [(q.start, q.end) for q in find_quotations(flood)] == expected


def test_a_flood_of_quotations_in_one_paragraph_gives_each_its_cue(analyzer) -> None:  # type: ignore[no-untyped-def]
    from attribview.textio import prepare_text  # noqa: PLC0415

    text = "The mayor of Dunmere spoke. " + " ".join(
        f"“Ferry {n} runs again,” said Tomas Brell." for n in range(400)) + "\n"
    analysis = analyzer.analyze(prepare_text(text), profile="none")
    direct = [q for q in analysis.quotes if q.text.startswith("“")]
    assert [q.text for q in direct] == [f"“Ferry {n} runs again,”" for n in range(400)]
    assert all(text[q.source_start:q.source_end] == "Tomas Brell" for q in direct)  # type: ignore[misc]
    assert all(text[q.cue_start:q.cue_end] == "said" for q in direct)  # type: ignore[misc]
