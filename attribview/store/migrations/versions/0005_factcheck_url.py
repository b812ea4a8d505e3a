"""Each verification can carry the address of its published fact-check (ClaimReview's required ``url``)."""

import sqlalchemy as sa
from alembic import op

revision = "0005_factcheck_url"
down_revision: str | None = "0004_groups_views_search"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # a plain ADD COLUMN: a batch copy of the table would break the views of 0004 that read it
    op.add_column("verification", sa.Column("url", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("verification", "url")
