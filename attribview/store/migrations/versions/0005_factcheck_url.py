"""Each verification can carry the address of its published fact-check (ClaimReview's required ``url``)."""

import sqlalchemy as sa
from alembic import op

revision = "0005_factcheck_url"
down_revision: str | None = "0004_groups_views_search"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("verification") as batch:
        batch.add_column(sa.Column("url", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("verification") as batch:
        batch.drop_column("url")
