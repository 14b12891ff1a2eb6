from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0004_remix')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Campaign',
            name='max_video_mb',
            field=fields.IntField(default=50, db_default=50),
        ),
        ops.AddField(
            model_name='Media',
            name='kind',
            field=fields.CharField(default='image', db_default='image', max_length=5),
        ),
        ops.AddField(
            model_name='Media',
            name='poster_key',
            field=fields.CharField(null=True, max_length=255),
        ),
        ops.AddField(
            model_name='Media',
            name='seconds',
            field=fields.FloatField(null=True),
        ),
    ]
