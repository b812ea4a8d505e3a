"""Training the learned attribution tagger (never imported by the analysis itself)."""
