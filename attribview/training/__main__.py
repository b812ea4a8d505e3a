"""One command: convert the gold, train the tagger, ship its weights, fit the confidence calibration.

    python -m attribview.training SHARED_EVAL_DIR --out resources/models/attribution [--work DIR]

``SHARED_EVAL_DIR`` holds ``polnear-train/`` (and ``score.py``, whose matching the calibration uses).
The DocBins and spaCy's checkpoints go to ``--work`` (a temporary folder by default), never into the
repository; only the tagger's weights and the calibration land in ``--out``.
"""

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from attribview.paths import resources_dir

CONFIG = "training/attribution.cfg"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m attribview.training", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shared_eval", type=Path, help="folder with polnear-train/ and score.py")
    parser.add_argument("--out", type=Path, default=resources_dir() / "models" / "attribution")
    parser.add_argument("--work", type=Path, help="scratch folder (DocBins, checkpoints); default: temporary")
    parser.add_argument("--max-steps", type=int, help="override the config's training.max_steps")
    parser.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                        help="override a config value, e.g. system.seed=1 or training.dropout=0.2")
    parser.add_argument("--skip-training", action="store_true", help="only refit the calibration")
    parser.add_argument("--reuse-data", action="store_true",
                        help="train on the DocBins already in --work instead of converting again")
    args = parser.parse_args(argv)
    if bad := [item for item in args.set if "=" not in item]:
        parser.error(f"--set {bad[0]}: expected SECTION.KEY=VALUE")
    train_folder = args.shared_eval / "polnear-train"
    if not (train_folder / "HELD-ASIDE.txt").is_file():
        print(f"attribview: error: {train_folder} has no HELD-ASIDE.txt", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="attribview-training-"))
    started = time.monotonic()
    if not args.skip_training:
        settings = dict(item.split("=", 1) for item in args.set)
        _train(train_folder, work, args.out, args.max_steps, convert=not args.reuse_data, settings=settings)
        print(f"trained in {time.monotonic() - started:.0f} s", flush=True)
    from attribview.training.calibrate import fit_calibration  # noqa: PLC0415 - loads the new weights

    fit_calibration(args.shared_eval, args.out)
    print(f"done in {time.monotonic() - started:.0f} s: {args.out}", flush=True)
    return 0


def _train(train_folder: Path, work: Path, out: Path, max_steps: int | None, *, convert: bool,
           settings: dict[str, str] | None = None) -> None:
    import spacy  # noqa: PLC0415 - this module is the training's entry point, not the runtime's
    from spacy.cli.train import train  # noqa: PLC0415

    import attribview.nlp.learned  # noqa: F401, PLC0415 - registers the factory
    from attribview.nlp.model import load_pipeline  # noqa: PLC0415
    from attribview.training.convert import split_ids, write_docbin  # noqa: PLC0415

    if convert:
        rules = load_pipeline(learned=False)
        split = split_ids(train_folder)
        for name, ids in (("train", split.train), ("dev", split.dev)):
            count = write_docbin(rules, train_folder, ids, work / f"{name}.spacy")
            print(f"{name}: {count} articles -> {work / f'{name}.spacy'}", flush=True)
    overrides: dict[str, object] = {"paths.train": str(work / "train.spacy"),
                                    "paths.dev": str(work / "dev.spacy")}
    overrides.update(_parsed(settings or {}))
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
        overrides["training.eval_frequency"] = min(max_steps, 250)
    train(resources_dir() / CONFIG, work / "model", overrides=overrides, use_gpu=-1)
    trained = spacy.load(work / "model" / "model-best")
    if out.exists():
        shutil.rmtree(out)
    tagger: Any = trained.get_pipe("attribview_learned")
    tagger.to_disk(out, exclude=["vocab"])


def _parsed(settings: dict[str, str]) -> dict[str, object]:
    """``--set`` values as JSON where they parse (numbers, booleans), else as strings."""
    parsed: dict[str, object] = {}
    for key, value in settings.items():
        try:
            parsed[key] = json.loads(value)
        except json.JSONDecodeError:
            parsed[key] = value
    return parsed


if __name__ == "__main__":
    raise SystemExit(main())
