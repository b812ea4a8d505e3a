"""The PySide6 desktop viewer: a face over ``attribview.core``, like the CLI (no nlp, no store here)."""
