"""Property-based: whatever the status, the kind of quote and the kind of speaker (a body or a person the
profile knows, an invented ministry, a bare pronoun, nobody), the ClaimReview passes the strict checker."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from attribview.core.claimreview import claim_sentence, claimreview_json, speaker_type
from attribview.core.profiles import available_profiles
from attribview.core.publishing import DEFAULT_SCALE, Publisher, Publishing, Rating, RatingScale
from attribview.store.export import PUBLISHED_STATUSES, CheckedQuote
from tests.unit.core.claimreview_check import check_claim_review, strict_json

PROFILES = available_profiles()
WAR = PROFILES["war"]
SITE = "https://checks.example.org"
BODIES = [s.name for s in WAR.speakers if not s.person]
PERSONS = [s.name for s in WAR.speakers if s.person]
INVENTED_BODIES = ["Ministry of Fisheries of Velmora", "Kessin city council", "Velmoran Army",
                   "the harbour authority", "Office of the Mayor of Marinsk"]
INVENTED_PERSONS = ["Ilse Brandvik", "Tomas Oyelaran", "Marta Kovel"]

speakers = st.one_of(
    st.sampled_from(BODIES).map(lambda n: (n, "Organization")),
    st.sampled_from(PERSONS).map(lambda n: (n, "Person")),
    st.sampled_from(INVENTED_BODIES).map(lambda n: (n, "Organization")),
    st.sampled_from(INVENTED_PERSONS).map(lambda n: (n, "Person")),
    st.none(),
)
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=60)


@st.composite
def checks(draw: st.DrawFn) -> tuple[CheckedQuote, str | None]:
    speaker = draw(speakers)
    text = draw(st.one_of(words, st.sampled_from(["it had captured two villages", "“We hold,”",
                                                  "he would not resign", "</script><b>x</b> & more"])))
    check = CheckedQuote(
        quote_id=draw(st.integers(1, 10**6)), text=text if text.strip(" ,;:\"'“”‘’«»„") else "x",
        kind=draw(st.sampled_from(["direct", "indirect", "mixed", "according_to", "stance", "manual"])),
        speaker=speaker[0] if speaker else None, group=None,
        mention=draw(st.sampled_from([None, "it", "he", "They", "local sources", "the ministry"])),
        cue=draw(st.sampled_from(["", "said", "wants"])), status=draw(st.sampled_from(PUBLISHED_STATUSES)),
        note=draw(st.none() | words), evidence=tuple(draw(st.lists(words, max_size=2))),
        checked_by=draw(st.none() | words), checked_at=dt.datetime(2026, 3, 4, 10, 15),
        url=f"{SITE}/checks/{draw(st.integers(1, 999))}", profile=draw(st.sampled_from(["war", None])),
        article_title=draw(words), article_url=draw(st.none() | st.just("https://news.example.com/a")),
        outlet=draw(st.none() | words), published=draw(st.none() | st.dates()),
    )
    return check, speaker[1] if speaker else None


scales = st.builds(
    lambda best, labels, numbered: RatingScale(1, best, {
        status: Rating(label, min(i + 1, best) if numbered[i] else None)
        for i, (status, label) in enumerate(zip(PUBLISHED_STATUSES, labels, strict=True))}),
    st.integers(2, 10), st.lists(words.filter(str.strip), min_size=4, max_size=4),
    st.lists(st.booleans(), min_size=4, max_size=4))


@settings(max_examples=300, deadline=None)
@given(checks(), scales, st.booleans())
def test_every_claim_review_passes_the_strict_checker(drawn: tuple[CheckedQuote, str | None],
                                                      scale: RatingScale, credit: bool) -> None:
    check, kind = drawn
    publishing = Publishing(Publisher("Desk", SITE, f"{SITE}/logo.png"), scale, credit)
    text = claimreview_json([check], publishing, PROFILES)
    assert not {"<", ">", "&"} & set(text)
    [review] = strict_json(text)
    check_claim_review(review, publisher_site=SITE)
    assert review["reviewRating"]["alternateName"] == scale.ratings[check.status].label
    claim = review["itemReviewed"]
    if kind is None:
        assert "author" not in claim  # Google: no author when the claim has none
    elif check.profile == "war" or check.speaker in [*INVENTED_BODIES, *INVENTED_PERSONS]:
        assert claim["author"]["@type"] == kind, check.speaker
    assert ("contributor" in review) == bool(credit and (check.checked_by or "").strip())


@given(checks(), st.sampled_from([" ", "\u00a0", " \t "]))
def test_a_blank_outlet_or_checker_names_nobody(drawn: tuple[CheckedQuote, str | None], blank: str) -> None:
    """A library field holding only spaces is no name: Google rejects an Organization or Person with none."""
    check = dataclasses.replace(drawn[0], outlet=blank, checked_by=blank)
    publishing = Publishing(Publisher("Desk", SITE, None), DEFAULT_SCALE, True)
    [review] = strict_json(claimreview_json([check], publishing, PROFILES))
    check_claim_review(review, publisher_site=SITE)
    assert "publisher" not in review["itemReviewed"]["appearance"] and "contributor" not in review


@given(checks())
def test_a_claim_never_starts_with_a_bare_pronoun(drawn: tuple[CheckedQuote, str | None]) -> None:
    check, _ = drawn
    first = claim_sentence(check).split()[0].lower()
    assert first not in {"it", "he", "she", "they", "its", "his", "her", "their", "them", "him"}


def test_speaker_types_from_the_profile_and_the_name() -> None:
    assert speaker_type("Russia's Defense Ministry", WAR) == "Organization"  # an alias of a known body
    assert speaker_type("Zelenskyy", WAR) == "Person"
    assert speaker_type("Ministry of Fisheries of Velmora", None) == "Organization"
    assert speaker_type("Kessin city council", None) == "Organization"
    assert speaker_type("Ilse Brandvik", None) == "Person"
    assert speaker_type("Ukraine", WAR) == "Organization"  # a side's name speaks for its state
