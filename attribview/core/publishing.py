"""Publishing settings: who publishes the fact-checks and on what rating scale, for the ClaimReview export.

The command line and the viewer read the same file, ``settings.toml`` in the user config folder (or the
file named by ``ATTRIBVIEW_SETTINGS``), whose ``[claimreview]`` table reads::

    [claimreview]
    publisher = "Northfield Fact Desk"                 # required: the organisation that publishes
    publisher_url = "https://factdesk.example.org/"    # required: its site
    logo = "https://factdesk.example.org/logo.png"     # optional
    credit_checkers = false                            # name each checker as a contributor

    [claimreview.scale]                                # optional: DEFAULT_SCALE below
    worst = 1
    best = 3
    false = { value = 1, label = "False" }
    disputed = { value = 2, label = "Misleading" }
    verified = { value = 3, label = "True" }
    inconclusive = { label = "Unproven" }              # a verdict with no place on the scale

Options of the command line (``--publisher``, ``--publisher-url``, ``--logo``) win over the file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs

from attribview.errors import AttribviewError
from attribview.paths import APP_NAME
from attribview.store.export import PUBLISHED_STATUSES

SETTINGS_FILE = "settings.toml"


class SettingsError(AttribviewError):
    """Publishing settings that are missing or malformed."""


@dataclass(frozen=True)
class Publisher:
    """The organisation that publishes the fact-checks (ClaimReview's ``author``)."""

    name: str
    url: str
    logo: str | None = None


@dataclass(frozen=True)
class Rating:
    """A verdict as published: its ``label`` (``alternateName``) and, on the scale, its ``value``."""

    label: str
    value: int | None = None


@dataclass(frozen=True)
class RatingScale:
    """Numbers from ``worst`` to ``best`` (Google: integers, worst at least 1) and a rating per status."""

    worst: int
    best: int
    ratings: Mapping[str, Rating]


DEFAULT_SCALE = RatingScale(worst=1, best=3, ratings={
    "false": Rating("False", 1), "disputed": Rating("Misleading", 2), "verified": Rating("True", 3),
    "inconclusive": Rating("Unproven"),
})


@dataclass(frozen=True)
class Publishing:
    """The ``[claimreview]`` settings; ``publisher`` is None until both its name and site are given."""

    publisher: Publisher | None = None
    scale: RatingScale = DEFAULT_SCALE
    credit_checkers: bool = False
    source: Path | None = field(default=None, compare=False)

    def require_publisher(self) -> Publisher:
        """The publisher, or one line saying what is missing and where to set it."""
        if self.publisher is None:
            where = self.source or settings_path()
            raise SettingsError(
                "a ClaimReview export needs the publishing organisation: set publisher and publisher_url "
                f"in the [claimreview] table of {where}, or give --publisher NAME --publisher-url URL")
        return self.publisher


def settings_path() -> Path:
    """The settings file: ``ATTRIBVIEW_SETTINGS``, else ``settings.toml`` in the user config folder."""
    override = os.environ.get("ATTRIBVIEW_SETTINGS")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME)) / SETTINGS_FILE


def web_url(value: str, what: str) -> str:
    """``value`` if it is an absolute http(s) address (a fact-check, a site, a logo), else one line."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in value) \
            or not value.isprintable():
        raise SettingsError(f"{what} must be an http:// or https:// address, not {value!r}")
    return value


def same_site(url: str, site: str) -> bool:
    """Whether ``url`` is on ``site``'s domain or a subdomain (Google's rule for a ClaimReview's url)."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    home = (urlsplit(site).hostname or "").removeprefix("www.")
    return bool(home) and (host == home or host.endswith("." + home))


def load_publishing(path: str | Path | None = None, *, publisher: str | None = None,
                    publisher_url: str | None = None, logo: str | None = None) -> Publishing:
    """The settings of ``path`` (default :func:`settings_path`, which may be absent) with the options on top.

    A file named explicitly must exist; a malformed one is refused with its line and column.
    """
    source = Path(path) if path is not None else settings_path()
    table: dict[str, Any] = {}
    if path is not None or source.is_file():
        table = _read_table(source)
    name = publisher if publisher is not None else table.get("publisher")
    site = publisher_url if publisher_url is not None else table.get("publisher_url")
    image = logo if logo is not None else table.get("logo")
    unknown = sorted(set(table) - {"publisher", "publisher_url", "logo", "credit_checkers", "scale"})
    if unknown:
        raise SettingsError(f"{source}: unknown [claimreview] setting {unknown[0]!r}")
    for key, value in (("publisher", name), ("publisher_url", site), ("logo", image)):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise SettingsError(f"{source}: [claimreview] {key} must be a non-empty string")
    credit = table.get("credit_checkers", False)
    if not isinstance(credit, bool):
        raise SettingsError(f"{source}: [claimreview] credit_checkers must be true or false")
    found = None
    if name and site:
        found = Publisher(name.strip(), web_url(site, "the publisher's url"),
                          web_url(image, "the publisher's logo") if image else None)
    elif name or site:
        missing = "publisher_url (--publisher-url)" if name else "publisher (--publisher)"
        raise SettingsError(f"the publishing organisation needs its {missing} too")
    scale = _scale(table["scale"], source) if "scale" in table else DEFAULT_SCALE
    return Publishing(found, scale, credit, source)


def _read_table(source: Path) -> dict[str, Any]:
    try:
        with source.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise SettingsError(f"{source}: no such settings file") from None
    except OSError as error:
        raise SettingsError(f"{source}: cannot read ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsError(f"{source}: {error}") from None
    table = data.get("claimreview", {})
    if not isinstance(table, dict):
        raise SettingsError(f"{source}: claimreview must be a table")
    return table


def _scale(table: object, source: Path) -> RatingScale:
    """A ``[claimreview.scale]`` table checked whole: integers, worst < best, a label for every status."""
    if not isinstance(table, dict):
        raise SettingsError(f"{source}: [claimreview.scale] must be a table")
    worst, best = table.get("worst", 1), table.get("best")
    if type(worst) is not int or type(best) is not int or not 1 <= worst < best:
        raise SettingsError(f"{source}: [claimreview.scale] needs integers worst >= 1 and best > worst")
    ratings: dict[str, Rating] = {}
    for status in PUBLISHED_STATUSES:
        entry = table.get(status)
        label = entry.get("label") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not isinstance(label, str) or not label.strip():
            raise SettingsError(f"{source}: [claimreview.scale] {status} needs a label, e.g. "
                                f"{status} = {{ value = N, label = \"...\" }}")
        value = entry.get("value")
        if value is not None and (type(value) is not int or not worst <= value <= best):
            raise SettingsError(f"{source}: [claimreview.scale] {status}'s value must be an integer "
                                f"from {worst} to {best}")
        ratings[status] = Rating(label.strip(), value)
    unknown = sorted(set(table) - {"worst", "best", *PUBLISHED_STATUSES})
    if unknown:
        raise SettingsError(f"{source}: unknown [claimreview.scale] entry {unknown[0]!r} (statuses: "
                            f"{', '.join(PUBLISHED_STATUSES)})")
    return RatingScale(worst, best, ratings)
