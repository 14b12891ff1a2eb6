from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0005_video')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CampaignScore',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('votes', fields.IntField(default=0, db_default=0)),
            ],
            options={'table': 'campaign_scores', 'app': 'models', 'unique_together': (('campaign', 'user'),), 'indexes': [Index(fields=['campaign_id', 'votes'])], 'pk_attr': 'id', 'table_description': 'Votes on the entries a person made (alone, or as a member of the team that made it).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OrgScore',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('org', fields.ForeignKeyField('models.Organization', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('votes', fields.IntField(default=0, db_default=0)),
            ],
            options={'table': 'org_scores', 'app': 'models', 'unique_together': (('org', 'user'),), 'indexes': [Index(fields=['org_id', 'votes'])], 'pk_attr': 'id', 'table_description': "The same, across all of an organization's campaigns."},
            bases=['Model'],
        ),
    ]
