from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index


# Search for similar ideas (cocreate/services/listening/similar.py), one index per dialect.
# PostgreSQL: full text over title (weight A) and body (weight B) with the 'english'
# configuration (stemming, so "recycling" finds "recycled"), and trigrams of the lowercased
# title (pg_trgm) for typos. Both are expression indexes: the service's query repeats the
# same expressions. SQLite: an FTS5 table (porter stemming) kept in step by triggers.
POSTGRES_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS entries_search_document ON entries USING GIN (("
    "setweight(to_tsvector('english'::regconfig, title), 'A') || "
    "setweight(to_tsvector('english'::regconfig, body), 'B')))",
    "CREATE INDEX IF NOT EXISTS entries_title_trigrams ON entries "
    "USING GIN (lower(title) gin_trgm_ops)",
]
POSTGRES_SEARCH_DROP = [
    "DROP INDEX IF EXISTS entries_title_trigrams",
    "DROP INDEX IF EXISTS entries_search_document",
]
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS entry_search USING fts5("
    "entry_id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')",
    "INSERT INTO entry_search (entry_id, title, body) SELECT id, title, body FROM entries",
    "CREATE TRIGGER IF NOT EXISTS entry_search_insert AFTER INSERT ON entries BEGIN "
    "INSERT INTO entry_search (entry_id, title, body) VALUES (new.id, new.title, new.body); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS entry_search_update AFTER UPDATE OF title, body ON entries "
    "BEGIN DELETE FROM entry_search WHERE entry_id = old.id; "
    "INSERT INTO entry_search (entry_id, title, body) VALUES (new.id, new.title, new.body); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS entry_search_delete AFTER DELETE ON entries BEGIN "
    "DELETE FROM entry_search WHERE entry_id = old.id; END",
]
SQLITE_SEARCH_DROP = [
    "DROP TRIGGER IF EXISTS entry_search_delete",
    "DROP TRIGGER IF EXISTS entry_search_update",
    "DROP TRIGGER IF EXISTS entry_search_insert",
    "DROP TABLE IF EXISTS entry_search",
]


def _run_for_dialect(statements: dict[str, list[str]]):
    """One statement at a time (the SQLite editor would split a trigger body at its ';')."""
    async def run(apps, schema_editor) -> None:
        for sql in statements.get(schema_editor.client.capabilities.dialect, []):
            if schema_editor.collect_sql:
                schema_editor.collected_sql.append(sql)
            else:
                await schema_editor.client.execute_query(sql)
    return run


create_search = _run_for_dialect({"postgres": POSTGRES_SEARCH, "sqlite": SQLITE_SEARCH})
drop_search = _run_for_dialect({"postgres": POSTGRES_SEARCH_DROP, "sqlite": SQLITE_SEARCH_DROP})


class Migration(migrations.Migration):
    dependencies = [('models', '0018_tags_listening')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CreditedAuthor',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('entry', fields.ForeignKeyField('models.Entry', source_field='entry_id', db_constraint=True, to_field='id', related_name='credited_authors', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='credited_on', on_delete=OnDelete.CASCADE)),
                ('merged_entry', fields.ForeignKeyField('models.Entry', source_field='merged_entry_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'credited_authors', 'app': 'models', 'unique_together': (('entry', 'user'),), 'indexes': [Index(fields=['user_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'Credit on an entry for the author of a duplicate idea merged into it.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Entry',
            name='merged_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Entry',
            name='merged_into',
            field=fields.ForeignKeyField('models.Entry', source_field='merged_into_id', null=True, db_constraint=True, to_field='id', related_name='merged_from', on_delete=OnDelete.SET_NULL),
        ),
        ops.RunPython(create_search, drop_search),
    ]
