from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0014_follows_reactions_email')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Entry',
            name='idea_status',
            field=fields.CharField(null=True, max_length=12),
        ),
        ops.AddField(
            model_name='Entry',
            name='idea_status_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Entry',
            name='idea_status_note',
            field=fields.TextField(default='', db_default='', unique=False),
        ),
    ]
