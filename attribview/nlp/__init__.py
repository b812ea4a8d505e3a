"""spaCy components that find attributions; no Qt, no store."""
