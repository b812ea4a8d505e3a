"""The main window's parts: each module one seam of it, composed by ``gui.main_window``."""
