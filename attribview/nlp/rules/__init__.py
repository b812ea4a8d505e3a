"""The attribution rules, one module per family, over one index of the Doc (see ``index``)."""
