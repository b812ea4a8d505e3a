"""Where the benchmarks find the shared evaluation sets, from the main checkout and from a worktree."""

from pathlib import Path

from corpus import SHARED_ENV, default_dirs, shared_eval_dir  # tests/bench/corpus.py


def _tree(root: Path) -> tuple[Path, Path, Path]:
    """work/main (a checkout), work/wt/name (a worktree, one level deeper) and work/shared/eval."""
    shared = root / "work" / "shared" / "eval"
    for name in ("war-dev", "gold"):
        (shared / name).mkdir(parents=True)
    main, worktree = root / "work" / "main", root / "work" / "wt" / "name"
    for checkout in (main, worktree):
        (checkout / "resources" / "samples").mkdir(parents=True)
    return main, worktree, shared


def test_found_beside_the_checkout_and_from_a_worktree(tmp_path: Path) -> None:
    main, worktree, shared = _tree(tmp_path)
    assert shared_eval_dir(main, {}) == shared
    assert shared_eval_dir(worktree, {}) == shared


def test_default_dirs_are_the_samples_and_the_sets_that_exist(tmp_path: Path) -> None:
    _, worktree, shared = _tree(tmp_path)
    assert default_dirs(worktree, {}) == [worktree / "resources" / "samples", shared / "war-dev",
                                          shared / "gold"]


def test_the_environment_variable_wins(tmp_path: Path) -> None:
    _, worktree, _ = _tree(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "polnear-dev").mkdir(parents=True)
    assert shared_eval_dir(worktree, {SHARED_ENV: str(elsewhere)}) == elsewhere
    assert default_dirs(worktree, {SHARED_ENV: str(elsewhere)})[1:] == [elsewhere / "polnear-dev"]


def test_no_shared_folder_leaves_the_samples(tmp_path: Path) -> None:
    checkout = tmp_path / "lone" / "checkout"
    (checkout / "resources" / "samples").mkdir(parents=True)
    assert shared_eval_dir(checkout, {}) is None
    assert default_dirs(checkout, {}) == [checkout / "resources" / "samples"]
