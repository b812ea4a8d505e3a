"""Two checkers on one quote: a save names the version it saw, and the second of two never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from store_samples import sample_analysis

from attribview.errors import AttribviewError
from attribview.store.db import head_revisions, make_engine, migrate, open_store
from attribview.store.errors import ConflictError
from attribview.store.library import ArticleMeta, Store, VerificationRow
from attribview.store.location import parse_location

PREVIOUS = "0002_group_order_index"


def _first_quote(store: Store) -> int:
    store.save_analysis(ArticleMeta(title="t"), sample_analysis())
    return store.search_quotes()[0].id


def test_the_second_of_two_checkers_gets_who_changed_it_and_the_fresh_state(store: Store) -> None:
    quote_id = _first_quote(store)
    seen = store.get_verification(quote_id)  # both checkers read the quote: never checked, version 0
    assert seen.version == 0
    first = store.set_verification(quote_id, "verified", note="two sources", who="Ana Field",
                                   expected_version=seen.version)
    assert first.version == 1
    with pytest.raises(ConflictError) as caught:
        store.set_verification(quote_id, "false", note="no source", who="Ben Ross",
                               expected_version=seen.version)
    error = caught.value
    assert isinstance(error, AttribviewError) and "\n" not in str(error)
    assert "changed by Ana Field at " in str(error) and error.who == "Ana Field"
    assert error.at == first.checked_at
    assert isinstance(error.fresh, VerificationRow)
    assert (error.fresh.status, error.fresh.note, error.fresh.version) == ("verified", "two sources", 1)
    assert store.get_verification(quote_id) == first  # nothing of the second save was written
    assert {(h.field, h.new_value, h.who) for h in store.history("verification", quote_id)} == {
        ("status", "verified", "Ana Field"), ("note", "two sources", "Ana Field")}
    again = store.set_verification(quote_id, "false", note="no source", who="Ben Ross",
                                   expected_version=error.fresh.version)  # saved again, knowingly
    assert (again.status, again.checked_by, again.version) == ("false", "Ben Ross", 2)


def test_a_correction_of_a_quote_changed_meanwhile_is_refused(store: Store) -> None:
    quote_id = _first_quote(store)
    seen = store.get_quote(quote_id)
    store.reject_quote(quote_id, who="Ana Field", expected_version=seen.version)
    with pytest.raises(ConflictError, match="changed by Ana Field at ") as caught:
        store.reassign_speaker(quote_id, "Someone Else", None, who="Ben Ross", expected_version=seen.version)
    assert caught.value.fresh == store.get_quote(quote_id)
    assert store.get_quote(quote_id).speaker == seen.speaker
    with pytest.raises(ConflictError):
        store.reject_quote(quote_id, who="Ben Ross", rejected=False, expected_version=seen.version)
    assert store.get_quote(quote_id).rejected


def test_without_a_version_a_save_applies_and_every_save_raises_the_version(store: Store) -> None:
    quote_id = _first_quote(store)
    versions = [store.set_verification(quote_id, status, who="Ana Field").version
                for status in ("in_progress", "verified", "disputed")]
    assert versions == [1, 2, 3]
    before = store.get_quote(quote_id).version
    assert store.reassign_speaker(quote_id, "Someone Else", None, who="Ana Field").version == before + 1


def test_upgrading_a_library_with_checks_in_it_keeps_them_at_version_one(
        library_location: str | Path) -> None:
    with open_store(library_location) as store:
        quote_id = _first_quote(store)
        store.set_verification(quote_id, "verified", note="kept", who="Ana Field")
    engine = make_engine(parse_location(library_location))
    try:
        migrate(engine, "test", PREVIOUS, down=True)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == PREVIOUS
            assert connection.execute(text("SELECT note FROM verification")).scalars().all() == ["kept"]
    finally:
        engine.dispose()
    with open_store(library_location) as store:  # migrated to head on open, with the data in it
        verification = store.get_verification(quote_id)
        assert (verification.status, verification.note, verification.version) == ("verified", "kept", 1)
        assert {q.version for q in store.search_quotes()} == {1}
        revision = store.read(lambda s: s.execute(text("SELECT version_num FROM alembic_version")).scalar())
        assert revision in head_revisions()
