"""The palette holds for everyone: group tints far apart for normal and colour-blind vision, the two
sides warm and cool, status colours apart from every group colour, and a badge for every group."""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
import pytest
from colorspacious import cspace_convert

from attribview.core.highlight import FALLBACK_PALETTE, STATUS_COLOURS, TINT, tint
from attribview.core.profiles import Profile, load_profile
from attribview.paths import resources_dir

#: Least CIEDE2000 distance between two colours, per vision: normal, then simulated dichromacy.
NEEDED = {"normal": 10.0, "deuteranomaly": 6.0, "protanomaly": 6.0}


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), kL = kC = kH = 1."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360 if c1 else 0.0
    h2 = math.degrees(math.atan2(b2, a2)) % 360 if c2 else 0.0
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_hue = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30)) + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6)) - 0.20 * math.cos(math.radians(4 * h_mean - 63)))
    rotation = -math.sin(math.radians(60 * math.exp(-(((h_mean - 275) / 25) ** 2)))) \
        * 2 * math.sqrt(c_mean**7 / (c_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * c_mean
    s_h = 1 + 0.015 * c_mean * t
    d_l, d_c, d_h = (l2 - l1) / s_l, (c2 - c1) / s_c, d_hue / s_h
    return math.sqrt(d_l**2 + d_c**2 + d_h**2 + rotation * d_c * d_h)


def lab(colour: str, vision: str = "normal") -> tuple[float, float, float]:
    """CIELab (D65) of a hex colour as seen with ``vision`` (colorspacious's full-severity simulation)."""
    rgb = np.array([int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)])
    if vision != "normal":
        cvd = {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}
        rgb = np.clip(cspace_convert(rgb, cvd, "sRGB1"), 0, 1)
    lightness, a, b = cspace_convert(rgb, "sRGB1", "CIELab")
    return float(lightness), float(a), float(b)


def closest_pair(colours: list[str], vision: str) -> tuple[float, str, str]:
    return min((ciede2000(lab(x, vision), lab(y, vision)), x, y) for x, y in combinations(colours, 2))


def hue(colour: str) -> float:
    _, a, b = lab(colour)
    return math.degrees(math.atan2(b, a)) % 360


@pytest.fixture(scope="module")
def war() -> Profile:
    return load_profile(resources_dir() / "profiles" / "war.toml")


def test_ciede2000_matches_the_published_test_data() -> None:
    # pairs 1, 7 and 17 of Sharma, Wu and Dalal's table
    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50, 0, 0), (50, -1, 2)) == pytest.approx(2.3669, abs=1e-4)
    assert ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)


@pytest.mark.parametrize("vision", NEEDED)
def test_every_pair_of_the_war_profiles_tints_is_far_apart(war: Profile, vision: str) -> None:
    distance, a, b = closest_pair([tint(g.colour, TINT) for g in war.groups], vision)
    assert distance >= NEEDED[vision], f"{a} and {b}: {distance:.1f}"


@pytest.mark.parametrize("vision", NEEDED)
def test_every_pair_of_the_fallback_tints_is_far_apart(vision: str) -> None:
    distance, a, b = closest_pair([tint(c, TINT) for c in FALLBACK_PALETTE], vision)
    assert distance >= NEEDED[vision], f"{a} and {b}: {distance:.1f}"


@pytest.mark.parametrize("vision", NEEDED)
def test_status_colours_are_apart_from_each_other_and_from_every_group(war: Profile, vision: str) -> None:
    statuses = list(STATUS_COLOURS.values())
    groups = {g.colour for g in war.groups} | set(FALLBACK_PALETTE)
    across = [(ciede2000(lab(s, vision), lab(g, vision)), s, g) for s in statuses for g in groups]
    distance, a, b = min(closest_pair(statuses, vision), *across)
    assert distance >= NEEDED[vision], f"{a} and {b}: {distance:.1f}"


def test_the_sides_read_warm_and_cool(war: Profile) -> None:
    for group in war.groups:
        angle = hue(group.colour)
        if group.side == "russia":  # reds, oranges: between magenta-red and yellow
            assert angle >= 330 or angle <= 80, (group.id, angle)
        elif group.side == "ukraine":  # cyans, blues, violets
            assert 180 <= angle <= 320, (group.id, angle)
        else:  # neither side's hues, and not the pale grey of disabled text
            assert not (angle >= 330 or angle <= 80) or math.hypot(*lab(group.colour)[1:]) < 5, group.id
            assert lab(group.colour)[0] < 70, group.id


def test_every_group_has_its_own_short_badge(war: Profile) -> None:
    badges = [g.badge for g in war.groups]
    assert all(0 < len(b) <= 8 for b in badges), badges
    assert len(set(badges)) == len(badges)
