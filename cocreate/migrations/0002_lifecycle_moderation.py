from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from cocreate.models.base import new_id
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('org', fields.ForeignKeyField('models.Organization', source_field='org_id', db_constraint=True, to_field='id', related_name='audit_events', on_delete=OnDelete.CASCADE)),
                ('actor', fields.ForeignKeyField('models.User', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('action', fields.CharField(max_length=40)),
                ('target_type', fields.CharField(max_length=20)),
                ('target_id', fields.CharField(max_length=16)),
                ('summary', fields.CharField(max_length=300)),
                ('data', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'audit_events', 'app': 'models', 'indexes': [Index(fields=['org_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Prize',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='prizes', on_delete=OnDelete.CASCADE)),
                ('rank', fields.IntField()),
                ('title', fields.CharField(max_length=140)),
                ('description', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'prizes', 'app': 'models', 'unique_together': (('campaign', 'rank'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Report',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('entry', fields.ForeignKeyField('models.Entry', source_field='entry_id', db_constraint=True, to_field='id', related_name='reports', on_delete=OnDelete.CASCADE)),
                ('reporter', fields.ForeignKeyField('models.User', source_field='reporter_id', db_constraint=True, to_field='id', related_name='reports', on_delete=OnDelete.CASCADE)),
                ('reason', fields.CharField(max_length=20)),
                ('note', fields.CharField(default='', max_length=1000)),
                ('status', fields.CharField(default='open', db_default='open', max_length=10)),
                ('resolution', fields.CharField(null=True, max_length=20)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('resolved_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'reports', 'app': 'models', 'unique_together': (('entry', 'reporter'),), 'indexes': [Index(fields=['status', 'created_at'])], 'pk_attr': 'id', 'table_description': 'Someone flagged an entry. Open reports wait in the moderation queue, oldest first.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RulesAcceptance',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='rules_acceptances', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='rules_acceptances', on_delete=OnDelete.CASCADE)),
                ('version', fields.IntField()),
                ('accepted_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'rules_acceptances', 'app': 'models', 'unique_together': (('campaign', 'user', 'version'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Winner',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='winners', on_delete=OnDelete.CASCADE)),
                ('prize', fields.ForeignKeyField('models.Prize', source_field='prize_id', db_constraint=True, to_field='id', related_name='winners', on_delete=OnDelete.CASCADE)),
                ('entry', fields.ForeignKeyField('models.Entry', source_field='entry_id', db_constraint=True, to_field='id', related_name='wins', on_delete=OnDelete.CASCADE)),
                ('picked_by', fields.ForeignKeyField('models.User', source_field='picked_by_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'winners', 'app': 'models', 'unique_together': (('prize', 'entry'), ('campaign', 'entry')), 'pk_attr': 'id', 'table_description': 'An entry picked in judging, made public once the campaign shows its results.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Campaign',
            name='archives_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Campaign',
            name='eligible_countries',
            field=fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='Campaign',
            name='min_age',
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name='Campaign',
            name='moderation',
            field=fields.CharField(default='post', db_default='post', max_length=4),
        ),
        ops.AddField(
            model_name='Campaign',
            name='next_phase_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Campaign',
            name='opens_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Campaign',
            name='phase',
            field=fields.CharField(default='open', db_default='open', max_length=12),
        ),
        ops.AddField(
            model_name='Campaign',
            name='phase_changed_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Campaign',
            name='report_threshold',
            field=fields.IntField(default=3, db_default=3),
        ),
        ops.AddField(
            model_name='Campaign',
            name='results_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Campaign',
            name='rules',
            field=fields.TextField(default='', db_default='', unique=False),
        ),
        ops.AddField(
            model_name='Campaign',
            name='rules_html',
            field=fields.TextField(default='', db_default='', unique=False),
        ),
        ops.AddField(
            model_name='Campaign',
            name='rules_version',
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name='Campaign',
            name='vote_in_open',
            field=fields.BooleanField(default=True, db_default=True),
        ),
        ops.AddField(
            model_name='Campaign',
            name='voting_ends_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddIndex(
            model_name='Campaign',
            index=Index(fields=['next_phase_at']),
        ),
        ops.RemoveIndex(
            model_name='Entry',
            name=None,
            fields=['campaign_id', 'vote_count', 'created_at'],
        ),
        ops.RemoveIndex(
            model_name='Entry',
            name=None,
            fields=['campaign_id', 'created_at'],
        ),
        ops.AddField(
            model_name='Entry',
            name='moderation_reason',
            field=fields.CharField(null=True, max_length=500),
        ),
        ops.AddField(
            model_name='Entry',
            name='open_reports',
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name='Entry',
            name='status',
            field=fields.CharField(default='published', db_default='published', max_length=10),
        ),
        ops.AddIndex(
            model_name='Entry',
            index=Index(fields=['campaign_id', 'status', 'vote_count', 'created_at']),
        ),
        ops.AddIndex(
            model_name='Entry',
            index=Index(fields=['campaign_id', 'status', 'created_at']),
        ),
        ops.AddField(
            model_name='User',
            name='birth_date',
            field=fields.DateField(null=True),
        ),
        ops.AddField(
            model_name='User',
            name='country',
            field=fields.CharField(null=True, max_length=2),
        ),
    ]
