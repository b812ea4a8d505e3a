"""An article's sentences, language and counting, kept at import so that opening it needs no model.

Articles stored before this revision keep NULL there: the library gets their sentences the first time
they are opened with the language model (``attribview.core.library.Library.open_article``).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_sentences"
down_revision: str | None = "0005_factcheck_url"
branch_labels: str | None = None
depends_on: str | None = None

COLUMNS = ("sentences", "language", "counting")


def upgrade() -> None:
    op.add_column("article", sa.Column("sentences", sa.JSON(), nullable=True))
    op.add_column("article", sa.Column("language", sa.String(8), nullable=True))
    op.add_column("article", sa.Column("counting", sa.String(20), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later, PostgreSQL): no copy of the table, whose views
    # and foreign keys stay as they are
    for column in reversed(COLUMNS):
        op.drop_column("article", column)
