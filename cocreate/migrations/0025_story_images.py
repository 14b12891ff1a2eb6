from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0024_entry_edits')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CampaignImage',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='story_images', on_delete=OnDelete.CASCADE)),
                ('media', fields.ForeignKeyField('models.Media', source_field='media_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('alt', fields.CharField(max_length=300)),
                ('position', fields.IntField()),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'campaign_images', 'app': 'models', 'unique_together': (('campaign', 'position'),), 'pk_attr': 'id', 'table_description': "An uploaded image of the campaign's story. The story's Markdown places it as"},
            bases=['Model'],
        ),
    ]
