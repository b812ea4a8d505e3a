"""The library of analysed articles, quotes and verifications: SQLAlchemy over one SQLite file."""
