"""A strict checker of ClaimReview JSON-LD: Google's required and recommended properties, their types,
and no property that Google's guidelines or schema.org do not define for the type.

Google's fact-check markup: ClaimReview requires ``claimReviewed``, ``reviewRating`` and ``url`` and
recommends ``author``, ``datePublished`` and ``itemReviewed``; a Claim's ``appearance``, ``author``,
``datePublished`` and ``firstAppearance`` are recommended; a Rating requires ``alternateName`` and
recommends ``bestRating``, ``name``, ``ratingValue`` and ``worstRating``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import urlsplit

from attribview.nlp.lexicon import SPEAKER_PRONOUNS

REQUIRED = {
    "ClaimReview": {"claimReviewed", "reviewRating", "url"},
    "Claim": set(),
    "Rating": {"alternateName"},
}
RECOMMENDED = {
    "ClaimReview": {"author", "datePublished", "itemReviewed"},
    "Claim": {"appearance", "author", "datePublished", "firstAppearance"},
    "Rating": {"bestRating", "name", "ratingValue", "worstRating"},
}
#: Recommended properties the export leaves out on purpose (the library cannot know them).
NOT_KNOWN = {"Claim": {"firstAppearance"}}
#: The scale's numbers: all three or none (a verdict the scale gives no number).
NUMBERS = {"bestRating", "ratingValue", "worstRating"}
#: Further schema.org properties the export may use, per type.
OPTIONAL = {
    "ClaimReview": {"@context", "@type", "publisher", "reviewBody", "citation", "contributor"},
    "Claim": {"@type"},
    "Rating": {"@type"},
    "Organization": {"@type", "name", "url", "logo"},
    "Person": {"@type", "name"},
    "NewsArticle": {"@type", "url", "headline", "datePublished", "publisher"},
}


def strict_json(text: str) -> Any:
    """``text`` parsed as JSON that any reader accepts: no NaN or Infinity, no key twice in an object."""
    def no_twins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), f"a key twice in {keys}"
        return dict(pairs)

    def no_constant(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    return json.loads(text, object_pairs_hook=no_twins, parse_constant=no_constant)


def _web_url(value: object) -> None:
    assert isinstance(value, str), value
    parts = urlsplit(value)
    assert parts.scheme in ("http", "https") and parts.hostname, value


def _date(value: object) -> None:
    assert isinstance(value, str), value
    dt.date.fromisoformat(value[:10])


def _keys(node: dict[str, Any], kind: str) -> None:
    """Every required property there, and nothing outside the type's known properties."""
    assert node.get("@type") == kind, (kind, node)
    allowed = REQUIRED.get(kind, set()) | RECOMMENDED.get(kind, set()) | OPTIONAL[kind]
    assert set(node) <= allowed, (kind, set(node) - allowed)
    assert REQUIRED.get(kind, set()) <= set(node), (kind, REQUIRED[kind] - set(node))


def _party(node: object, kinds: set[str]) -> str:
    assert isinstance(node, dict) and node.get("@type") in kinds, node
    _keys(node, node["@type"])
    assert isinstance(node["name"], str) and node["name"].strip(), node
    for key in ("url", "logo"):
        if key in node:
            _web_url(node[key])
    return str(node["@type"])


def check_rating(rating: object) -> None:
    assert isinstance(rating, dict)
    _keys(rating, "Rating")
    assert isinstance(rating["alternateName"], str) and rating["alternateName"].strip()
    assert rating.get("name", rating["alternateName"]) == rating["alternateName"]
    numbers = NUMBERS & set(rating)
    assert numbers in (set(), NUMBERS), rating
    if numbers:
        value, best, worst = rating["ratingValue"], rating["bestRating"], rating["worstRating"]
        assert all(type(n) is int for n in (value, best, worst)), rating  # integers, not "3"
        assert 1 <= worst <= value <= best and worst < best, rating


def check_claim_review(review: object, *, publisher_site: str) -> None:
    """One ClaimReview as Google reads it; raises AssertionError naming what is wrong."""
    assert isinstance(review, dict)
    _keys(review, "ClaimReview")
    assert review["@context"] == "https://schema.org"
    _web_url(review["url"])
    home = (urlsplit(publisher_site).hostname or "").removeprefix("www.")
    host = (urlsplit(review["url"]).hostname or "").removeprefix("www.")
    assert host == home or host.endswith("." + home), (review["url"], publisher_site)
    claim_text = review["claimReviewed"]
    assert isinstance(claim_text, str) and claim_text.strip()
    assert claim_text.split()[0].lower().strip("“\"'") not in SPEAKER_PRONOUNS, claim_text
    check_rating(review["reviewRating"])
    assert _party(review["author"], {"Organization"}) == "Organization"
    if "publisher" in review:
        _party(review["publisher"], {"Organization"})
    if "contributor" in review:
        _party(review["contributor"], {"Person"})
    _date(review["datePublished"])
    if "citation" in review:
        assert isinstance(review["citation"], list) and all(isinstance(c, str) for c in review["citation"])
    claim = review["itemReviewed"]
    assert isinstance(claim, dict)
    _keys(claim, "Claim")
    if "author" in claim:
        _party(claim["author"], {"Organization", "Person"})
        assert claim["author"]["name"].lower() in claim_text.lower(), (claim["author"], claim_text)
    if "datePublished" in claim:
        _date(claim["datePublished"])
    appearance = claim["appearance"]
    assert isinstance(appearance, dict)
    _keys(appearance, "NewsArticle")
    if "url" in appearance:
        _web_url(appearance["url"])
    if "publisher" in appearance:
        _party(appearance["publisher"], {"Organization"})
