"""``attribview profiles``: list what is installed, check a file, and survive a broken one."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import digest

GOOD = """\
[profile]
id = "harbour"
label = "Harbour politics"

[[groups]]
id = "council"
label = "Council"

[[groups]]
id = "other"
label = "Others"

[[speakers]]
name = "Helga Strand"
group = "council"
"""


def test_listing_names_the_bundled_and_user_profiles(attribview, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "no-user-profiles"
    folder.mkdir()
    (folder / "harbour.toml").write_text(GOOD, encoding="utf-8")
    run = attribview("profiles")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert any(line.startswith("war: ") and "counts statements" in line for line in lines), lines
    assert any(line.startswith("harbour: Harbour politics (2 groups, 1 speakers") for line in lines), lines
    assert run.stderr == ""


def test_a_broken_user_profile_is_skipped_with_a_warning_everywhere(attribview, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "no-user-profiles"
    folder.mkdir()
    broken = folder / "broken.toml"
    broken.write_text('[profile\nid = "x"\n', encoding="utf-8")
    before = digest(broken)
    listing = attribview("profiles")
    assert listing.returncode == 0 and "war: " in listing.stdout
    assert listing.stderr.startswith("attribview: warning: ") and "line 1, column 9" in listing.stderr
    article = tmp_path / "a.txt"
    article.write_text("“The ferry runs again,” Helga Strand said on Monday.\n", encoding="utf-8")
    analysis = attribview("analyze", article, "--json")
    assert analysis.returncode == 0, analysis.stderr
    assert '"Helga Strand"' in analysis.stdout
    [warning] = analysis.stderr.splitlines()
    assert warning.startswith("attribview: warning: ") and "broken.toml" in warning
    assert digest(broken) == before


def test_checking_files_says_ok_or_where_the_error_is(attribview, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "harbour.toml"
    good.write_text(GOOD, encoding="utf-8")
    ok = attribview("profiles", good)
    assert ok.returncode == 0 and ok.stdout.strip() == f"{good}: ok (profile 'harbour', 2 groups, 1 speakers)"
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace('label = "Council"', 'label = "Council'), encoding="utf-8")
    refused = attribview("profiles", good, bad)
    refused.assert_one_line_error(str(bad), "not valid TOML", "line 7, column 17")
    assert f"{good}: ok" in refused.stdout
