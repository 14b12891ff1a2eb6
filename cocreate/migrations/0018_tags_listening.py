from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0017_power_users')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Tag',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='tags', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=40)),
                ('slug', fields.CharField(max_length=50)),
                ('color', fields.CharField(null=True, max_length=7)),
                ('status', fields.CharField(default='approved', db_default='approved', max_length=10)),
                ('suggested_by', fields.ForeignKeyField('models.User', source_field='suggested_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('entry_count', fields.IntField(default=0, db_default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'tags', 'app': 'models', 'unique_together': (('campaign', 'slug'),), 'indexes': [Index(fields=['campaign_id', 'status', 'entry_count'])], 'pk_attr': 'id', 'table_description': "A campaign's tag. Managers create approved tags. A fan's suggestion is attached to"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='EntryTag',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('entry', fields.ForeignKeyField('models.Entry', source_field='entry_id', db_constraint=True, to_field='id', related_name='entry_tags', on_delete=OnDelete.CASCADE)),
                ('tag', fields.ForeignKeyField('models.Tag', source_field='tag_id', db_constraint=True, to_field='id', related_name='entry_tags', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'entry_tags', 'app': 'models', 'unique_together': (('entry', 'tag'),), 'indexes': [Index(fields=['tag_id', 'entry_id'])], 'pk_attr': 'id', 'table_description': 'The ledger behind Tag.entry_count: one row per entry and tag.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='TermMention',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('entry', fields.ForeignKeyField('models.Entry', source_field='entry_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('comment', fields.ForeignKeyField('models.Comment', source_field='comment_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('source', fields.CharField(max_length=20)),
                ('term', fields.CharField(max_length=80)),
                ('label', fields.CharField(max_length=80)),
                ('day', fields.DateField()),
            ],
            options={'table': 'term_mentions', 'app': 'models', 'unique_together': (('source', 'term'),), 'indexes': [Index(fields=['campaign_id', 'day', 'term']), Index(fields=['campaign_id', 'term', 'day'])], 'pk_attr': 'id', 'table_description': "A term used in an entry's title and description or in a comment, on the day it was"},
            bases=['Model'],
        ),
    ]
