"""Tests of the main window's parts, one module per module of ``attribview.gui.window``."""
