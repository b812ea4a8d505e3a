"""For data journalists: group labels and sides in the database, plain SQL views, a text index on quotes.

The views join what a query would otherwise have to know (speaker names, group labels, statuses); the
text index is SQLite's FTS5 (trigram, kept in sync by triggers, so that Datasette's search works on the
file) or PostgreSQL's own ``to_tsvector`` GIN index.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_groups_views_search"
down_revision: str | None = "0003_versions"
branch_labels: str | None = None
depends_on: str | None = None

_STATUS_COUNTS = ", ".join(
    f"COUNT(CASE WHEN COALESCE(v.status, 'unverified') = '{status}' THEN 1 END) AS {status}_quotes"
    for status in ("verified", "disputed", "false", "inconclusive", "in_progress", "unverified"))

VIEWS = {
    # one row per quote (rejected ones left out): what was said, by whom, of which group and side, checked how
    "quote_view": """
        SELECT q.id AS quote_id, q.article_id, a.title AS article_title, a.outlet, a.url, a.published,
               q.text, q.kind, q.mention, s.name AS speaker, q."group" AS group_id, g.label AS group_label,
               g.side, COALESCE(v.status, 'unverified') AS status, v.note, v.checked_by, v.checked_at,
               q.confidence, q.origin, q."start", q."end"
        FROM quote q
        JOIN article a ON a.id = q.article_id
        LEFT JOIN speaker s ON s.id = q.speaker_id
        LEFT JOIN speaker_group g ON g.profile = a.profile AND g."group" = q."group"
        LEFT JOIN verification v ON v.quote_id = q.id
        WHERE NOT q.rejected""",
    # a speaker's record: how often quoted, in how many articles, and how the checks came out
    "speaker_record": f"""
        SELECT s.id AS speaker_id, s.name AS speaker, q."group" AS group_id,
               MAX(g.label) AS group_label, MAX(g.side) AS side,
               COUNT(q.id) AS quotes, COUNT(DISTINCT q.article_id) AS articles,
               MIN(a.published) AS first_published, MAX(a.published) AS last_published, {_STATUS_COUNTS}
        FROM speaker s
        JOIN quote q ON q.speaker_id = s.id AND NOT q.rejected
        JOIN article a ON a.id = q.article_id
        LEFT JOIN speaker_group g ON g.profile = a.profile AND g."group" = q."group"
        LEFT JOIN verification v ON v.quote_id = q.id
        GROUP BY s.id, s.name, q."group\"""",
    # an article's sourcing: how many quotes, speakers, groups, anonymous sources, sides, checks
    "article_sourcing": f"""
        SELECT a.id AS article_id, a.title, a.outlet, a.url, a.published, a.profile,
               COUNT(q.id) AS quotes, COUNT(DISTINCT q.speaker_id) AS speakers,
               COUNT(DISTINCT q."group") AS "groups",
               COUNT(CASE WHEN CAST(q.flags AS TEXT) LIKE '%"anonymous"%' THEN 1 END) AS anonymous,
               COUNT(CASE WHEN q.speaker_id IS NULL THEN 1 END) AS unattributed,
               COUNT(DISTINCT g.side) AS sides, {_STATUS_COUNTS}
        FROM article a
        LEFT JOIN quote q ON q.article_id = a.id AND NOT q.rejected
        LEFT JOIN speaker_group g ON g.profile = a.profile AND g."group" = q."group"
        LEFT JOIN verification v ON v.quote_id = q.id
        GROUP BY a.id, a.title, a.outlet, a.url, a.published, a.profile""",
}

SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE quote_fts USING fts5(text, content='quote', content_rowid='id', "
    "tokenize='trigram')",
    "CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN "
    "INSERT INTO quote_fts (rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN "
    "INSERT INTO quote_fts (quote_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER quote_fts_update AFTER UPDATE OF text ON quote BEGIN "
    "INSERT INTO quote_fts (quote_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO quote_fts (rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO quote_fts (quote_fts) VALUES ('rebuild')",  # the quotes already in the library
]
POSTGRES_SEARCH = [
    "CREATE INDEX ix_quote_text_search ON quote USING gin (to_tsvector('simple'::regconfig, text))",
]


def upgrade() -> None:
    op.create_table(
        "speaker_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile", sa.String(length=100), nullable=False),
        sa.Column("group", sa.String(length=100), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("side", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("colour", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker_group")),
        sa.UniqueConstraint("profile", "group", name=op.f("uq_speaker_group_profile_group")),
    )
    for name, body in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {body}")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_SEARCH if sqlite else POSTGRES_SEARCH:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER quote_fts_{trigger}")
        op.execute("DROP TABLE quote_fts")
    else:
        op.execute("DROP INDEX ix_quote_text_search")
    for name in VIEWS:
        op.execute(f"DROP VIEW {name}")
    op.drop_table("speaker_group")
