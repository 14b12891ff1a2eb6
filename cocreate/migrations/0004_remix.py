from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0003_teams')]

    initial = False

    operations = [
        ops.CreateModel(
            name='KitAsset',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='kit_assets', on_delete=OnDelete.CASCADE)),
                ('media', fields.ForeignKeyField('models.Media', source_field='media_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('title', fields.CharField(max_length=140)),
                ('licence', fields.TextField(unique=False)),
                ('remix_count', fields.IntField(default=0, db_default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'kit_assets', 'app': 'models', 'pk_attr': 'id', 'table_description': "An image, video or audio clip of the brand's own that fans may remix, under a licence."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='EntryCredit',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('entry', fields.ForeignKeyField('models.Entry', source_field='entry_id', db_constraint=True, to_field='id', related_name='credits', on_delete=OnDelete.CASCADE)),
                ('source_entry', fields.ForeignKeyField('models.Entry', source_field='source_entry_id', null=True, db_constraint=True, to_field='id', related_name='credited_by', on_delete=OnDelete.CASCADE)),
                ('kit_asset', fields.ForeignKeyField('models.KitAsset', source_field='kit_asset_id', null=True, db_constraint=True, to_field='id', related_name='credited_by', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'entry_credits', 'app': 'models', 'unique_together': (('entry', 'source_entry'), ('entry', 'kit_asset')), 'pk_attr': 'id', 'table_description': 'The remix `entry` credits a kit asset or another entry (exactly one of the two).'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Entry',
            name='remix_count',
            field=fields.IntField(default=0, db_default=0),
        ),
    ]
