"""The checked quotes as schema.org ClaimReview JSON-LD, as fact-checkers publish it for search engines.

What Google's fact-check markup guidelines require (R) and recommend (r), and what fills each here:

- ClaimReview: ``url`` (R, the verification's fact-check URL, on the publisher's site),
  ``claimReviewed`` (R, the claim with its speaker named: "The Ministry of X said that ..."; given
  whole, although Google suggests under 75 characters for display: a cut claim would misquote),
  ``reviewRating`` (R, a Rating), ``author`` (r, the publishing Organization: name, url, logo),
  ``datePublished`` (r, the day of the check), ``itemReviewed`` (r, a Claim).
- Claim: ``author`` (r, the speaker: an Organization for a body, a Person for a person; left out
  when nobody is named, as Google asks), ``datePublished`` (r, the article's date), ``appearance``
  (r, the article: a NewsArticle with its url, headline, date and outlet), ``firstAppearance`` (r:
  left out, since the library knows where a claim appeared, not where it appeared first).
- Rating: ``alternateName`` (R, the verdict's label on the publisher's scale), ``ratingValue``,
  ``bestRating``, ``worstRating`` (r, integers, worst at least 1; left out for a verdict the scale
  gives no number, such as "Unproven"), ``name`` (r, the same label).

Beyond those, ``publisher`` repeats the organisation, ``reviewBody`` is the checker's note and
``citation`` the evidence; the checker is named as a ``contributor`` Person only when the settings
say ``credit_checkers = true`` (schema.org's CreativeWork allows a Person there; Google's ``author`` is
the organisation).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from attribview.core.profiles import Profile, name_key
from attribview.core.publishing import Publishing, RatingScale, SettingsError, same_site
from attribview.nlp.lexicon import BODY_WORDS, DETERMINERS, SPEAKER_PRONOUNS
from attribview.store.export import CheckedQuote

#: What a claim nobody is named for is credited to.
UNNAMED = "An unnamed source"
#: Words a content may begin with that are not a name, so the claim continues them in lower case.
_LOWER_STARTS = SPEAKER_PRONOUNS | DETERMINERS | {"there"}
_BODY_HEADS = BODY_WORDS | {"authority", "authorities"}
_CLOSING = " ,;:"
_QUOTE_MARKS = "\"'“”‘’«»„"
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def speaker_type(name: str, profile: Profile | None) -> str:
    """``Organization`` for a body (a ministry, an army, an office, a state), else ``Person``.

    The profile knows its speakers' kinds; a name it does not know is a body when its head word is one
    (the words before "of": "Ministry of Transport") or it names one of the profile's sides or places.
    """
    known = profile.known(name) if profile is not None else None
    if known is not None:
        return "Person" if known.person else "Organization"
    words = name.lower().replace("’", "'").split()
    head = words[:words.index("of")] if "of" in words else words
    if head and head[-1] in _BODY_HEADS:
        return "Organization"
    if profile is not None and (name_key(name) in profile.side_words
                                or name_key(name) in {name_key(p) for p in profile.places}):
        return "Organization"
    return "Person"


def _credited(check: CheckedQuote) -> str:
    """Who the claim is credited to in its sentence: the speaker, a description that is no pronoun (with
    "the": "The regional administration"), or :data:`UNNAMED`; never a bare "it" or "he"."""
    for named in (check.speaker, check.mention):
        who = " ".join((named or "").split())
        if who and who.lower() not in SPEAKER_PRONOUNS:
            if who[0].islower() and who.split()[0] not in DETERMINERS:  # a description, not a name
                who = "the " + who
            return who[0].upper() + who[1:]
    return UNNAMED


def claim_sentence(check: CheckedQuote) -> str:
    """The claim as a sentence that names its speaker: ``X said: “...”`` for a direct quote, ``X said
    that ...`` for reported speech, ``X wants ...`` (the cue) for a stance."""
    who = _credited(check)
    text = " ".join(check.text.split()).strip(_CLOSING)
    if check.kind == "direct":  # the quotation marks are the sentence's, not the quote's own
        text = text.strip(_QUOTE_MARKS + _CLOSING)
    if check.kind == "direct":
        return f"{who} said: “{text}”"
    first = text.split(" ", 1)[0]
    if first.lower() in _LOWER_STARTS:
        text = first.lower() + text[len(first):]
    cue = " ".join(check.cue.split())
    if check.kind == "stance" and cue:
        return f"{who} {cue} {text}"
    return f"{who} said {text}" if first.lower() == "that" else f"{who} said that {text}"


def _rating(status: str, scale: RatingScale) -> dict[str, Any]:
    rating = scale.ratings[status]
    found: dict[str, Any] = {"@type": "Rating", "alternateName": rating.label, "name": rating.label}
    if rating.value is not None:
        found.update(ratingValue=rating.value, bestRating=scale.best, worstRating=scale.worst)
    return found


def _named(value: str | None) -> str | None:
    """A name as written, or None when it is blank: Google rejects an Organization or Person whose name is
    only spaces (a library's outlet or checker field may hold one)."""
    return value.strip() or None if value else None


def claim_review(check: CheckedQuote, publishing: Publishing, profile: Profile | None) -> dict[str, Any]:
    """One ClaimReview of a checked quote (its fact-check URL already checked by :func:`claim_reviews`)."""
    publisher = publishing.require_publisher()
    organisation: dict[str, Any] = {"@type": "Organization", "name": publisher.name, "url": publisher.url}
    if publisher.logo:
        organisation["logo"] = publisher.logo
    appearance: dict[str, Any] = {"@type": "NewsArticle", "headline": check.article_title}
    if check.article_url:
        appearance["url"] = check.article_url
    if check.published is not None:
        appearance["datePublished"] = check.published.isoformat()
    if outlet := _named(check.outlet):
        appearance["publisher"] = {"@type": "Organization", "name": outlet}
    claim: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if speaker := _named(check.speaker):
        claim["author"] = {"@type": speaker_type(speaker, profile), "name": speaker}
    if check.published is not None:
        claim["datePublished"] = check.published.isoformat()
    review: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "ClaimReview", "url": check.url,
        "claimReviewed": claim_sentence(check), "itemReviewed": claim,
        "reviewRating": _rating(check.status, publishing.scale),
        "author": organisation, "publisher": organisation,
    }
    if check.checked_at is not None:
        review["datePublished"] = check.checked_at.date().isoformat()
    if check.note:
        review["reviewBody"] = check.note
    if check.evidence:
        review["citation"] = list(check.evidence)
    if publishing.credit_checkers and (checker := _named(check.checked_by)):
        review["contributor"] = {"@type": "Person", "name": checker}
    return review


def claim_reviews(checks: Sequence[CheckedQuote], publishing: Publishing,
                  profiles: Mapping[str, Profile]) -> list[dict[str, Any]]:
    """A ClaimReview per checked quote; one line instead when the publisher is not set, or a check has no
    fact-check URL or one off the publisher's site (Google requires both), so nothing invalid is written."""
    publisher = publishing.require_publisher()
    missing = [c.quote_id for c in checks if not c.url]
    if missing:
        listed = ", ".join(map(str, missing[:10])) + (" ..." if len(missing) > 10 else "")
        raise SettingsError(f"{len(missing)} checked quote{'' if len(missing) == 1 else 's'} "
                            f"without a fact-check URL ({listed}): give each one with "
                            "`attribview verify ID --status S --url URL` or in the viewer's detail panel")
    elsewhere = next((c for c in checks if c.url and not same_site(c.url, publisher.url)), None)
    if elsewhere is not None:
        raise SettingsError(f"quote {elsewhere.quote_id}'s fact-check URL {elsewhere.url} is not on the "
                            f"publisher's site {publisher.url}")
    return [claim_review(c, publishing, profiles.get(c.profile or "")) for c in checks]


def claimreview_json(checks: Sequence[CheckedQuote], publishing: Publishing,
                     profiles: Mapping[str, Profile]) -> str:
    """:func:`claim_reviews` as a JSON-LD list, for a page's ``<script type="application/ld+json">``.

    ``<``, ``>`` and ``&`` are written as JSON escapes, so that a quote holding ``</script>`` cannot end
    the script element of the page it is pasted into: the text stays text, and the JSON the same.
    """
    text = json.dumps(claim_reviews(checks, publishing, profiles), ensure_ascii=False, indent=2)
    return text.translate(_SCRIPT_SAFE)
