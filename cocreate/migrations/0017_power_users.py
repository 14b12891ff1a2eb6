from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0016_comment_moderation')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Ambassador',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('org', fields.ForeignKeyField('models.Organization', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('note', fields.CharField(default='', db_default='', max_length=300)),
                ('marked_by', fields.ForeignKeyField('models.User', source_field='marked_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'ambassadors', 'app': 'models', 'unique_together': (('org', 'user'),), 'pk_attr': 'id', 'table_description': "A fan the organization's managers named its ambassador (shown first to them)."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PowerScore',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('org', fields.ForeignKeyField('models.Organization', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('visits', fields.IntField(default=0, db_default=0)),
                ('signups', fields.IntField(default=0, db_default=0)),
                ('votes', fields.IntField(default=0, db_default=0)),
                ('raised', fields.IntField(default=0, db_default=0)),
                ('replies', fields.IntField(default=0, db_default=0)),
                ('threads', fields.IntField(default=0, db_default=0)),
                ('helpfuls', fields.IntField(default=0, db_default=0)),
                ('influence', fields.IntField(default=0, db_default=0)),
                ('conversation', fields.IntField(default=0, db_default=0)),
            ],
            options={'table': 'power_scores', 'app': 'models', 'unique_together': (('org', 'user'),), 'indexes': [Index(fields=['org_id', 'influence']), Index(fields=['org_id', 'conversation'])], 'pk_attr': 'id', 'table_description': "One person's reach and conversation in one organization (services/influence/power_scores.py)."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Referral',
            name='campaign',
            field=fields.ForeignKeyField('models.Campaign', source_field='campaign_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE),
        ),
    ]
