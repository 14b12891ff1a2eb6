from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0007_trending')]

    initial = False

    operations = [
        ops.CreateModel(
            name='VoteBudget',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('used', fields.IntField(default=0, db_default=0)),
            ],
            options={'table': 'vote_budgets', 'app': 'models', 'unique_together': (('campaign', 'user'),), 'pk_attr': 'id', 'table_description': "`used` equals the person's vote rows in the campaign, and never exceeds its budget."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Campaign',
            name='vote_budget',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='Campaign',
            name='voting_mode',
            field=fields.CharField(default='upvote', db_default='upvote', max_length=8),
        ),
    ]
