"""Errors that reach the user as one line, kept apart from bugs."""


class AttribviewError(Exception):
    """A problem caused by the environment or the input, shown to the user as one line."""


class InputError(AttribviewError):
    """An article that cannot be read or analysed (empty, binary, too large, undecodable)."""


class ModelNotFoundError(AttribviewError):
    """No usable spaCy model is installed."""


class ProfileError(AttribviewError):
    """A profile file that is missing or malformed."""
