"""Speaker-group profiles: the bundled war profile, malformed files, automatic choice, user profiles."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from attribview.core.analysis import Analyzer
from attribview.core.profiles import (
    DEFAULT_CONVENTIONS,
    Conventions,
    Profile,
    available_profiles,
    choose_profile,
    load_profile,
    load_profiles,
    name_key,
    word_regex,
)
from attribview.errors import ProfileError
from attribview.paths import resources_dir

WAR_PATH = resources_dir() / "profiles" / "war.toml"
SAMPLES = resources_dir() / "samples"
WAR_GROUPS = {
    "russian_mod", "putin", "russian_officials", "ukrainian_military", "zelensky", "ukrainian_officials",
    "local_officials", "other",
}

CITY_PROFILE = """\
[profile]
id = "city"
label = "City hall"
description = "Municipal politics in Tarnby"
min_mentions = 2

[[groups]]
id = "council"
label = "Council"
colour = "#336699"

[[groups]]
id = "opposition"
label = "Opposition"
colour = "#993333"

[[groups]]
id = "other"
label = "Other"

[[speakers]]
name = "Helga Strand"
group = "council"
aliases = ["Mayor Strand", "Strand"]
gender = "female"

[[speakers]]
name = "Tarnby City Council"
group = "council"
kind = "body"

[[roles]]
pattern = "\\\\bopposition\\\\b"
group = "opposition"

[places]
names = ["Tarnby", "Quay Lane"]
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def war() -> Profile:
    if not WAR_PATH.is_file():
        pytest.fail(f"the bundled war profile is missing: {WAR_PATH}")
    return load_profile(WAR_PATH)


@pytest.fixture
def city(tmp_path: Path) -> Profile:
    return load_profile(_write(tmp_path, "city.toml", CITY_PROFILE))


@pytest.mark.parametrize("text, found", [
    ("Councillor Helga Strand", True),
    ("Mayor Strand", True),  # a title before the surname
    ("Deputy Mayor Strand", True),
    ("H. Strand", True),  # her initial
    ("Helgha Strand", True),  # her given name, misspelt
    ("Nils Strand", False),  # another person of that surname
    ("the harbour master, Ove Strand", False),
    ("N. Strand", False),
])
def test_a_known_surname_after_another_given_name_is_another_person(city: Profile, text: str,
                                                                    found: bool) -> None:
    assert (city.known_in(text, at_end=True) is not None) == found
    assert (city.known_in(text) is not None) == found


# -- the bundled war profile ------------------------------------------------------------------------


def test_war_profile_loads(war: Profile) -> None:
    assert war.id == "war"
    assert war.label
    assert war.path == WAR_PATH
    assert {g.id for g in war.groups} == WAR_GROUPS
    assert war.default_group == "other"
    assert war.min_mentions >= 1
    assert all(g.colour.startswith("#") for g in war.groups)


def test_war_profile_group_colours_are_distinct(war: Profile) -> None:
    colours = [g.colour.lower() for g in war.groups]
    assert len(set(colours)) == len(colours)


def test_war_profile_is_bundled_in_available_profiles(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ATTRIBVIEW_PROFILES", str(tmp_path / "no-user-profiles"))
    assert "war" in available_profiles()


@pytest.mark.parametrize(
    "name, group",
    [
        ("Volodymyr Zelensky", "zelensky"),
        ("Zelensky", "zelensky"),
        ("Zelenskyy", "zelensky"),
        ("Zelenskiy", "zelensky"),
        ("Vladimir Putin", "putin"),
        ("Putin", "putin"),
        ("Dmitry Peskov", "russian_officials"),
        ("Peskov", "russian_officials"),
    ],
)
def test_war_known_speakers(war: Profile, name: str, group: str) -> None:
    known = war.known(name)
    assert known is not None, f"{name!r} is not a known speaker of the war profile"
    assert known.group == group
    assert war.known(name.upper()) == known  # any case


@pytest.mark.parametrize(
    "text, group",
    [
        ("President Volodymyr Zelensky", "zelensky"),
        ("Ukrainian President Volodymyr Zelenskyy", "zelensky"),
        ("Kremlin spokesman Dmitry Peskov", "russian_officials"),
        ("Russian President Vladimir Putin", "putin"),
    ],
)
def test_war_known_in_a_mention(war: Profile, text: str, group: str) -> None:
    known = war.known_in(text)
    assert known is not None, f"no known speaker found in {text!r}"
    assert known.group == group


@pytest.mark.parametrize("spelling", [
    "Russia’s Defence Ministry", "Russia's Defense Ministry", "the Russian Defense Ministry",
    "RUSSIA’S  DEFENSE MINISTRY",
])
def test_war_known_speakers_ignore_apostrophes_and_defense(war: Profile, spelling: str) -> None:
    known = war.known(spelling)
    assert known is not None and known.name == "Russian Defence Ministry"


@pytest.mark.parametrize("name, key", [
    ("Russia’s Defense Ministry", "russia's defence ministry"),
    ("The  General Staff", "general staff"),
    ("Defenseless Village Council", "defenseless village council"),
])
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_war_sides(war: Profile) -> None:
    assert {side.id for side in war.sides} == {"ukraine", "russia"}
    assert war.side_words["kyiv"] == "ukraine" and war.side_words["moscow"] == "russia"
    assert war.side_words["volodymyr zelensky"] == "ukraine"  # known speakers name their side
    assert "vitali klitschko" not in war.side_words  # local officials of either side name none
    assert war.bare_bodies is not None and war.bare_bodies.search("interior ministry")
    assert not war.bare_bodies.search("residents")


def test_war_aliases_share_one_canonical_name(war: Profile) -> None:
    names = {war.known(alias).name for alias in ("Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelensky")}
    assert len(names) == 1


@pytest.mark.parametrize(
    "mention, group",
    [
        ("Russia's Defense Ministry", "russian_mod"),
        ("Russia’s Defence Ministry", "russian_mod"),
        ("The Russian Defence Ministry", "russian_mod"),
        ("the regional governor", "local_officials"),
        ("Ukraine's General Staff", "ukrainian_military"),
        ("its defenders", "ukrainian_military"),
        ("Moscow's point man on grain exports to Egypt", "russian_officials"),
        ("Belgorod authorities", "local_officials"),
        ("the Odesa city administration", "local_officials"),
        ("Authorities in Sumy", "local_officials"),
        ("officials in the Poltava region", "local_officials"),
        ("the head of the Russian-occupied part of the Verkhnobrod region", "local_officials"),
        ("authorities of the Russian-controlled districts", "local_officials"),
        ("Russian-controlled forces", "russian_mod"),
        ("The State Duma", "russian_officials"),
        ("Duma speaker Ivan Lebedko", "russian_officials"),
        ("the Federation Council", "russian_officials"),
        ("Putin's spokesman", "russian_officials"),  # a leader's people speak for the government
        ("Putin’s senior aide Yuri Ushenko", "russian_officials"),
        ("Zelenskyy's chief of staff", "ukrainian_officials"),
        ("Zelensky's adviser Mykhailo Ivanchuk", "ukrainian_officials"),
        ("Prison authorities", None),  # a common noun, not a place: left to the default group
        ("Ukrainian authorities", "ukrainian_officials"),
        ("authorities in Moscow", "russian_officials"),
        ("the foreign ministry in Kyiv", "ukrainian_officials"),
        ("the defence ministry in Moscow", "russian_mod"),
    ],
)
def test_war_role_patterns(war: Profile, mention: str, group: str | None) -> None:
    assert war.role_group(mention) == group


@pytest.mark.parametrize("content, group", [
    ("the drones came in two waves and debris damaged a school", "local_officials"),
    ("any talks must start with a withdrawal", "ukrainian_officials"),
])
def test_war_kyiv_officials_depend_on_what_they_say(war: Profile, content: str, group: str) -> None:
    assert war.role_group("Kyiv officials", content) == group


def test_war_mentions_counts_distinct_names(war: Profile) -> None:
    assert war.mentions("Zelensky said. Zelenskyy said. Zelenskiy said.") == 1
    assert war.mentions("The Tarnby city council met on Monday.") == 0


# -- loading a profile file -------------------------------------------------------------------------


def test_minimal_profile_loads(city: Profile, tmp_path: Path) -> None:
    assert city.id == "city"
    assert city.label == "City hall"
    assert city.min_mentions == 2
    assert city.path == tmp_path / "city.toml"
    assert [g.id for g in city.groups] == ["council", "opposition", "other"]
    assert city.group("council") is not None
    assert city.group("council").colour == "#336699"
    assert city.group("nope") is None
    assert city.default_group == "other"


def test_profile_lookups(city: Profile) -> None:
    assert city.known("Helga Strand").group == "council"
    assert city.known("mayor strand").name == "Helga Strand"
    assert city.known("the Tarnby City Council").person is False
    assert city.known("Nobody Atall") is None
    assert city.known(None) is None
    assert city.known_in("Mayor Strand told reporters") is not None
    assert city.known_in("Strandberg said") is None  # whole words only
    assert city.role_group("the opposition leader") == "opposition"
    assert city.role_group("a harbour pilot") is None
    assert city.mentions("Helga Strand, Mayor Strand and the council in Tarnby on Quay Lane") == 3


def test_group_defaults(tmp_path: Path) -> None:
    profile = load_profile(_write(tmp_path, "bare.toml", """\
[profile]
id = "bare"

[[groups]]
id = "first"

[[groups]]
id = "last"
"""))
    assert profile.label == "bare"
    assert profile.min_mentions == 3
    assert profile.groups[0].label == "first"
    assert profile.speakers == ()
    assert profile.default_group == "last"  # no "other" group: the last one
    assert profile.conventions == DEFAULT_CONVENTIONS


def test_conventions_are_read_from_the_profile(tmp_path: Path, war: Profile) -> None:
    profile = load_profile(_write(tmp_path, "desk.toml", """\
[profile]
id = "desk"

[conventions]
stances = true

[[groups]]
id = "other"
"""))
    assert profile.conventions == Conventions(stances=True, join_split_quotes=False)  # the other stays off
    assert war.conventions == Conventions(stances=False, join_split_quotes=False)


BAD_PROFILES = [
    pytest.param('[profile\nid = "x"\n', "not valid TOML", id="bad-toml"),
    pytest.param('[profile]\nid = "x"\nlabel = "unterminated\n', "not valid TOML", id="bad-toml-string"),
    pytest.param('[[groups]]\nid = "a"\n', "profile", id="missing-profile-table"),
    pytest.param('[profile]\nlabel = "No id"\n[[groups]]\nid = "a"\n', "id", id="missing-profile-id"),
    pytest.param('[profile]\nid = "x"\n', "groups", id="missing-groups"),
    pytest.param('[profile]\nid = "x"\n[[groups]]\nlabel = "A"\n', "id", id="group-without-id"),
    pytest.param(
        '[profile]\nid = "x"\n[[groups]]\nid = "a"\n[[speakers]]\nname = "Ivo Marsh"\n',
        "group",
        id="speaker-without-group",
    ),
    pytest.param(
        '[profile]\nid = "x"\n[[groups]]\nid = "a"\n[[speakers]]\nname = "Ivo Marsh"\ngroup = "ghosts"\n',
        "ghosts",
        id="speaker-unknown-group",
    ),
    pytest.param(
        '[profile]\nid = "x"\n[[groups]]\nid = "a"\n[[roles]]\npattern = "mayor"\ngroup = "ghosts"\n',
        "ghosts",
        id="role-unknown-group",
    ),
    pytest.param(
        '[profile]\nid = "x"\n[[groups]]\nid = "a"\n[[roles]]\npattern = "(unclosed"\ngroup = "a"\n',
        "",
        id="bad-regex",
    ),
    pytest.param(
        '[profile]\nid = "x"\nmin_mentions = "many"\n[[groups]]\nid = "a"\n',
        "",
        id="min-mentions-not-a-number",
    ),
    pytest.param(
        '[profile]\nid = "x"\n[conventions]\nstances = "no"\n[[groups]]\nid = "a"\n',
        "stances must be true or false",
        id="convention-not-a-boolean",
    ),
    pytest.param(
        '[profile]\nid = "x"\n[conventions]\nquotes = true\n[[groups]]\nid = "a"\n',
        "unknown convention(s) quotes",
        id="unknown-convention",
    ),
]


@pytest.mark.parametrize("text, detail", BAD_PROFILES)
def test_malformed_profile_raises_profile_error(tmp_path: Path, text: str, detail: str) -> None:
    path = _write(tmp_path, "broken-profile.toml", text)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = str(info.value)
    assert "broken-profile.toml" in message
    assert detail in message
    assert "\n" not in message.strip()  # one line for the user


def test_missing_profile_file_raises_profile_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match=r"absent\.toml"):
        load_profile(tmp_path / "absent.toml")


# -- choosing a profile -----------------------------------------------------------------------------


def test_choose_profile_picks_war_for_a_war_article(war: Profile, city: Profile) -> None:
    text = (SAMPLES / "frontline-report.txt").read_text(encoding="utf-8")
    assert choose_profile(text, {"war": war, "city": city}) is war
    assert choose_profile(text, {"war": war}) is war


def test_choose_profile_picks_war_for_river_crossing(war: Profile) -> None:
    text = (SAMPLES / "river-crossing.txt").read_text(encoding="utf-8")
    assert choose_profile(text, {"war": war}) is war


def test_choose_profile_none_for_a_city_council_article(war: Profile) -> None:
    text = (SAMPLES / "harbour-council.txt").read_text(encoding="utf-8")
    assert choose_profile(text, {"war": war}) is None


def test_choose_profile_none_for_short_council_story(war: Profile) -> None:
    text = (
        "Tarnby city council voted 7-4 on Monday to close the Quay Lane library. "
        "Mayor Helga Strand said the building needed repairs the city could not afford."
    )
    assert choose_profile(text, {"war": war}) is None


def test_choose_profile_respects_min_mentions(city: Profile) -> None:
    assert choose_profile("Helga Strand spoke.", {"city": city}) is None
    assert choose_profile("Helga Strand spoke in Tarnby.", {"city": city}) is city
    assert choose_profile("", {"city": city}) is None
    assert choose_profile("Helga Strand spoke in Tarnby.", {}) is None


def test_choose_profile_prefers_more_mentions(city: Profile, tmp_path: Path) -> None:
    other = load_profile(_write(tmp_path, "port.toml", """\
[profile]
id = "port"
min_mentions = 1

[[groups]]
id = "other"

[places]
names = ["Tarnby"]
"""))
    text = "Mayor Strand spoke on Quay Lane in Tarnby."
    assert choose_profile(text, {"port": other, "city": city}) is city
    assert choose_profile("The ferry left Tarnby.", {"port": other, "city": city}) is other


# -- user profiles ---------------------------------------------------------------------------------


def test_user_profile_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _write(tmp_path, "city.toml", CITY_PROFILE)
    monkeypatch.setenv("ATTRIBVIEW_PROFILES", str(tmp_path))
    profiles = available_profiles()
    assert "city" in profiles
    assert profiles["city"].path == tmp_path / "city.toml"
    assert "war" in profiles  # the bundled ones stay available


def test_user_profile_overrides_bundled_one_with_same_id(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _write(tmp_path, "my-war.toml", CITY_PROFILE.replace('id = "city"', 'id = "war"', 1))
    monkeypatch.setenv("ATTRIBVIEW_PROFILES", str(tmp_path))
    profiles = available_profiles()
    assert profiles["war"].path == tmp_path / "my-war.toml"


def test_missing_user_profile_dir_is_fine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ATTRIBVIEW_PROFILES", str(tmp_path / "does-not-exist"))
    assert "city" not in available_profiles()


def test_malformed_user_profile_is_skipped_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write(tmp_path, "broken-user.toml", "[profile\n")
    _write(tmp_path, "city.toml", CITY_PROFILE)
    monkeypatch.setenv("ATTRIBVIEW_PROFILES", str(tmp_path))
    with caplog.at_level(logging.WARNING, logger="attribview"):
        profiles = available_profiles()
    assert {"war", "city"} <= set(profiles)  # the others still load
    [warning] = caplog.records
    assert "broken-user.toml" in warning.getMessage() and "line 1" in warning.getMessage()


def test_load_profiles_returns_the_refused_files(tmp_path: Path) -> None:
    good = _write(tmp_path, "city.toml", CITY_PROFILE)
    bad = _write(tmp_path, "bad.toml", '[profile]\nid = "x"\n')  # no groups
    profiles, problems = load_profiles([good, bad])
    assert list(profiles) == ["city"]
    assert [str(p) for p in problems] == [f"{bad}: missing key 'groups'"]


def test_analyzer_uses_given_profiles_and_rejects_unknown_ones(city: Profile) -> None:
    analyzer = Analyzer(profiles={"city": city})
    assert analyzer.resolve_profile("city", "") is city
    assert analyzer.resolve_profile("none", "Helga Strand in Tarnby") is None
    assert analyzer.resolve_profile("auto", "Helga Strand in Tarnby") is city
    assert analyzer.resolve_profile(None, "nothing relevant") is None
    with pytest.raises(ProfileError, match="nope"):
        analyzer.resolve_profile("nope", "")


def _flat(words: list[str]) -> re.Pattern[str]:
    """What ``word_regex`` must match: its words as one alternation, each tried in turn."""
    alternatives = "|".join(re.escape(w).replace("’", "['’]") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@pytest.mark.parametrize("words", [
    ["vostranian navy", "vostranians", "vostranian", "vostrania", "vostok", "vos", "varna"],
    ["vos", "vostrania", "vostranian navy", "vostranian"],  # the first given wins where two end well
    ["o’dell", "o'dell", "odell", "o"],  # the curly apostrophe is both; the straight one only itself
    ["Kelda", "kelda bay", "KELD", "ſkarn", "skarn"],  # one letter in two cases, or matching another
    ["mid-vale", "mid", "midvale", "mid vale"],
    ["ka", "Kab", "kab c"],  # one letter in two cases opening words of the same start
])
def test_a_word_regex_finds_what_its_words_in_turn_find(words: list[str]) -> None:
    text = ("Vostranian navy ships left Vostrania; the Vostranians and the vostranian-made boats, vos, "
            "Vostok, O'Dell, O’dell, odell, o, kelda bay, KELDA, Keld, SKARN, ſkarn, mid-vale, "
            "Mid Vale, midvale, mid. Varna's port, varnas. Kab c, ka.")
    pattern = word_regex(words)
    assert pattern is not None
    found = [(m.span(), m.group(0)) for m in pattern.finditer(text)]
    assert found == [(m.span(), m.group(0)) for m in _flat(words).finditer(text)]
    assert found  # every list finds some of them


def test_a_word_regex_of_no_words() -> None:
    assert word_regex(["", ""]) is None
