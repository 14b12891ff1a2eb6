from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0011_badges_notifications_referrals')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Acknowledgement',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('org', fields.ForeignKeyField('models.Organization', source_field='org_id', db_constraint=True, to_field='id', related_name='acknowledgements', on_delete=OnDelete.CASCADE)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('entry', fields.ForeignKeyField('models.Entry', source_field='entry_id', db_constraint=True, to_field='id', related_name='acknowledgements', on_delete=OnDelete.CASCADE)),
                ('recipient', fields.ForeignKeyField('models.User', source_field='recipient_id', db_constraint=True, to_field='id', related_name='acknowledgements', on_delete=OnDelete.CASCADE)),
                ('author', fields.ForeignKeyField('models.User', source_field='author_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('note', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'acknowledgements', 'app': 'models', 'unique_together': (('entry', 'recipient'),), 'indexes': [Index(fields=['org_id', 'created_at'])], 'pk_attr': 'id', 'table_description': "A manager's personal note to one person about one contribution, shown publicly."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Entry',
            name='acknowledged_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddIndex(
            model_name='Entry',
            index=Index(fields=['campaign_id', 'acknowledged_at', 'created_at']),
        ),
    ]
