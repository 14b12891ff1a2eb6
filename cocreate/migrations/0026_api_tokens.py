from datetime import UTC, datetime, timedelta

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

# API tokens were already stored as SHA-256 digests only, but never expired. The ones that
# exist keep working under a name and an expiry of the default length (API_TOKEN_DAYS, 90)
# from the day this runs, so no client breaks at once and none stays valid for ever.
EXISTING_TOKEN_DAYS = 90
EXISTING_TOKEN_NAME = "API token"
GIVE_EXPIRY = {
    "postgres": "UPDATE auth_tokens SET expires_at = $1, name = $2 "
                "WHERE kind = 'api' AND expires_at IS NULL",
    "sqlite": "UPDATE auth_tokens SET expires_at = ?, name = ? "
              "WHERE kind = 'api' AND expires_at IS NULL",
}


async def expire_existing_tokens(apps, schema_editor) -> None:
    sql = GIVE_EXPIRY[schema_editor.client.capabilities.dialect]
    expires = datetime.now(UTC) + timedelta(days=EXISTING_TOKEN_DAYS)
    if schema_editor.collect_sql:
        schema_editor.collected_sql.append(sql)
    else:
        await schema_editor.client.execute_query(sql, [expires, EXISTING_TOKEN_NAME])


async def keep_expiry(apps, schema_editor) -> None:
    """Going back leaves the expiries given: a token that expires is still a valid row."""


class Migration(migrations.Migration):
    dependencies = [('models', '0025_story_images')]

    initial = False

    operations = [
        ops.AddField(
            model_name='AuthToken',
            name='last_used_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='AuthToken',
            name='name',
            field=fields.CharField(default='', db_default='', max_length=80),
        ),
        ops.AddField(
            model_name='AuthToken',
            name='revoked_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.RunPython(expire_existing_tokens, keep_expiry),
    ]
