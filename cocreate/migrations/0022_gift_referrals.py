from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0020_fundraisers')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Fundraiser',
            name='fundraiser_badge_at',
            field=fields.BigIntField(null=True),
        ),
        ops.AddField(
            model_name='Gift',
            name='referred_by',
            field=fields.ForeignKeyField('models.User', source_field='referred_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL),
        ),
    ]
