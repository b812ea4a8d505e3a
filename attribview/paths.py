"""Where attribview finds its bundled resources and keeps the user's files."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "attribview"


def resources_dir() -> Path:
    """The bundled ``resources/`` folder: inside the wheel, or beside the package in a checkout."""
    packaged = Path(__file__).resolve().parent / "_resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def user_profiles_dir() -> Path:
    """Profiles the user adds; ``ATTRIBVIEW_PROFILES`` overrides the platform's config folder."""
    override = os.environ.get("ATTRIBVIEW_PROFILES")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "profiles"


def sample_article() -> Path:
    """The bundled demo article."""
    return resources_dir() / "samples" / "frontline-report.txt"
