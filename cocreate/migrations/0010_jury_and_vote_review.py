from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0009_verified_email')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Criterion',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='criteria', on_delete=OnDelete.CASCADE)),
                ('position', fields.IntField()),
                ('name', fields.CharField(max_length=80)),
                ('description', fields.CharField(default='', max_length=500)),
                ('weight', fields.IntField(default=1)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'jury_criteria', 'app': 'models', 'unique_together': (('campaign', 'position'),), 'pk_attr': 'id', 'table_description': "One thing judges score from 1 to 10, counting `weight` times in an entry's score."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Judge',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='judges', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='judging', on_delete=OnDelete.CASCADE)),
                ('added_by', fields.ForeignKeyField('models.User', source_field='added_by_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'judges', 'app': 'models', 'unique_together': (('campaign', 'user'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='JuryScore',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('judge', fields.ForeignKeyField('models.Judge', source_field='judge_id', db_constraint=True, to_field='id', related_name='scores', on_delete=OnDelete.CASCADE)),
                ('entry', fields.ForeignKeyField('models.Entry', source_field='entry_id', db_constraint=True, to_field='id', related_name='jury_scores', on_delete=OnDelete.CASCADE)),
                ('criterion', fields.ForeignKeyField('models.Criterion', source_field='criterion_id', db_constraint=True, to_field='id', related_name='scores', on_delete=OnDelete.CASCADE)),
                ('score', fields.IntField()),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'jury_scores', 'app': 'models', 'unique_together': (('judge', 'entry', 'criterion'),), 'indexes': [Index(fields=['entry_id', 'judge_id'])], 'pk_attr': 'id', 'table_description': "The ledger behind Entry.jury_score: one judge's score of one entry on one criterion."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Campaign',
            name='jury_weight',
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name='Entry',
            name='final_score',
            field=fields.FloatField(null=True),
        ),
        ops.AddField(
            model_name='Entry',
            name='jury_judges',
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name='Entry',
            name='jury_score',
            field=fields.FloatField(null=True),
        ),
        ops.AddIndex(
            model_name='Entry',
            index=Index(fields=['campaign_id', 'status', 'final_score', 'created_at']),
        ),
        ops.AddField(
            model_name='Vote',
            name='flag',
            field=fields.CharField(null=True, max_length=300),
        ),
        ops.AddField(
            model_name='Vote',
            name='network',
            field=fields.CharField(null=True, max_length=64),
        ),
        ops.AddField(
            model_name='Vote',
            name='reviewed_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Vote',
            name='reviewed_by',
            field=fields.ForeignKeyField('models.User', source_field='reviewed_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='Vote',
            name='status',
            field=fields.CharField(default='counted', db_default='counted', max_length=8),
        ),
        ops.AddIndex(
            model_name='Vote',
            index=Index(fields=['entry_id', 'network', 'created_at']),
        ),
        ops.AddIndex(
            model_name='Vote',
            index=Index(fields=['status', 'created_at']),
        ),
    ]
