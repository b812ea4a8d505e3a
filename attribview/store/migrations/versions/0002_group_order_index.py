"""Search a group's quotes in article order from the index instead of sorting them all."""

from alembic import op

revision = "0002_group_order_index"
down_revision: str | None = "0001_initial"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.drop_index(op.f("ix_quote_group"), table_name="quote")
    op.create_index("ix_quote_group_order", "quote", ["group", "article_id", "start", "id"])


def downgrade() -> None:
    op.drop_index("ix_quote_group_order", table_name="quote")
    op.create_index(op.f("ix_quote_group"), "quote", ["group"])
