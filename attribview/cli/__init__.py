"""The command-line face of attribview: a thin layer over the core."""
