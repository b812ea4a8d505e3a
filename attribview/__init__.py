"""attribview: who said what in a news article, highlighted by speaker."""

__version__ = "0.1.0"
