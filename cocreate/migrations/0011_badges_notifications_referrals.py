from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from cocreate.models.base import new_id
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0010_jury_and_vote_review')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Notification',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=30)),
                ('text', fields.CharField(max_length=300)),
                ('url', fields.CharField(max_length=300)),
                ('key', fields.CharField(unique=True, max_length=120)),
                ('read_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'notifications', 'app': 'models', 'indexes': [Index(fields=['user_id', 'read_at', 'created_at'])], 'pk_attr': 'id', 'table_description': 'Something to tell one person. `key` names the event, so it is told once.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OrgBadge',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('org', fields.ForeignKeyField('models.Organization', source_field='org_id', db_constraint=True, to_field='id', related_name='badges', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=60)),
                ('description', fields.CharField(max_length=300)),
                ('artwork', fields.ForeignKeyField('models.Media', source_field='artwork_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'org_badges', 'app': 'models', 'unique_together': (('org', 'name'),), 'pk_attr': 'id', 'table_description': 'A badge an organization made itself, with its own text and artwork, awarded by hand.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Referral',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('sharer', fields.ForeignKeyField('models.User', source_field='sharer_id', db_constraint=True, to_field='id', related_name='referrals', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=10)),
                ('subject', fields.CharField(max_length=80)),
                ('path', fields.CharField(default='', max_length=300)),
                ('amount', fields.IntField(default=0, db_default=0)),
                ('currency', fields.CharField(null=True, max_length=3)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'referrals', 'app': 'models', 'unique_together': (('kind', 'subject'),), 'indexes': [Index(fields=['sharer_id', 'kind', 'created_at'])], 'pk_attr': 'id', 'table_description': "An action someone's share link brought: a visit, a signup, a vote, a gift."},
            bases=['Model'],
        ),
        ops.AlterModelOptions(
            name='Award',
            options={'table': 'awards', 'app': 'models', 'unique_together': (('user', 'badge', 'campaign'),), 'pk_attr': 'id', 'table_description': 'A badge one person earned in one campaign, once (the unique key makes awards'},
        ),
        ops.AddField(
            model_name='Award',
            name='awarded_by',
            field=fields.ForeignKeyField('models.User', source_field='awarded_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='Award',
            name='card_keys',
            field=fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='Award',
            name='note',
            field=fields.CharField(default='', db_default='', max_length=500),
        ),
        ops.AddField(
            model_name='Award',
            name='org_badge',
            field=fields.ForeignKeyField('models.OrgBadge', source_field='org_badge_id', null=True, db_constraint=True, to_field='id', related_name='awards', on_delete=OnDelete.CASCADE),
        ),
        ops.AddField(
            model_name='Award',
            name='revocation_reason',
            field=fields.CharField(null=True, max_length=300),
        ),
        ops.AddField(
            model_name='Award',
            name='revoked_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Award',
            name='salt',
            field=fields.CharField(null=True, max_length=32),
        ),
        ops.AddField(
            model_name='Entry',
            name='card_key',
            field=fields.CharField(null=True, max_length=255),
        ),
        ops.AddField(
            model_name='Entry',
            name='card_milestone',
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name='Organization',
            name='logo',
            field=fields.ForeignKeyField('models.Media', source_field='logo_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='User',
            name='avatar_media_id',
            field=fields.CharField(null=True, max_length=16),
        ),
        ops.AddField(
            model_name='User',
            name='bio',
            field=fields.CharField(default='', db_default='', max_length=300),
        ),
        ops.AddField(
            model_name='User',
            name='card_key',
            field=fields.CharField(null=True, max_length=255),
        ),
        ops.AddField(
            model_name='User',
            name='referral_code',
            field=fields.CharField(null=True, unique=True, max_length=12),
        ),
    ]
