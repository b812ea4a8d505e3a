"""GUI tests: one module per module of ``attribview.gui``."""
