"""A version on quotes and verifications: a save names the version it saw, so that no check is lost."""

import sqlalchemy as sa
from alembic import op

revision = "0003_versions"
down_revision: str | None = "0002_group_order_index"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    for table in ("quote", "verification"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False))


def downgrade() -> None:
    for table in ("quote", "verification"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
