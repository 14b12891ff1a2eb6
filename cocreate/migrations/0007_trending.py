from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0006_scores')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Entry',
            name='trend',
            field=fields.FloatField(default=0, db_default=0),
        ),
        ops.AddIndex(
            model_name='Entry',
            index=Index(fields=['campaign_id', 'status', 'trend', 'created_at']),
        ),
    ]
