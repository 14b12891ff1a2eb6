from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from cocreate.models.base import new_id
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0019_similar_merge')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Fundraiser',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.OneToOneField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='fundraiser', on_delete=OnDelete.CASCADE)),
                ('goal', fields.BigIntField()),
                ('currency', fields.CharField(max_length=3)),
                ('suggested_amounts', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('sponsor_name', fields.CharField(default='', db_default='', max_length=120)),
                ('match_percent', fields.IntField(default=100, db_default=100)),
                ('match_cap', fields.BigIntField(default=0, db_default=0)),
                ('raised', fields.BigIntField(default=0, db_default=0)),
                ('gift_count', fields.IntField(default=0, db_default=0)),
                ('matched', fields.BigIntField(default=0, db_default=0)),
                ('card_key', fields.CharField(null=True, max_length=255)),
                ('card_percent', fields.IntField(default=-1, db_default=-1)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'fundraisers', 'app': 'models', 'pk_attr': 'id', 'table_description': 'The fundraising settings of a campaign of kind fundraiser, and its totals.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Gift',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='gifts', on_delete=OnDelete.RESTRICT)),
                ('donor', fields.ForeignKeyField('models.User', source_field='donor_id', db_constraint=True, to_field='id', related_name='gifts', on_delete=OnDelete.RESTRICT)),
                ('page_id', fields.CharField(null=True, max_length=16)),
                ('amount', fields.BigIntField()),
                ('currency', fields.CharField(max_length=3)),
                ('status', fields.CharField(default='pending', db_default='pending', max_length=10)),
                ('provider', fields.CharField(max_length=20)),
                ('provider_ref', fields.CharField(null=True, unique=True, max_length=255)),
                ('payment_ref', fields.CharField(null=True, unique=True, max_length=255)),
                ('anonymous', fields.BooleanField(default=False, db_default=False)),
                ('message', fields.CharField(default='', db_default='', max_length=500)),
                ('matched_amount', fields.BigIntField(default=0, db_default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('paid_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('failed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('refunded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('receipt_sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'gifts', 'app': 'models', 'indexes': [Index(fields=['campaign_id', 'status', 'paid_at']), Index(fields=['donor_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'One gift, pending until it succeeds or fails (and a succeeded one may be refunded).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ProviderEvent',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('provider', fields.CharField(max_length=20)),
                ('event_id', fields.CharField(max_length=255)),
                ('kind', fields.CharField(max_length=80)),
                ('gift_id', fields.CharField(null=True, max_length=16)),
                ('outcome', fields.CharField(default='', db_default='', max_length=20)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'provider_events', 'app': 'models', 'unique_together': (('provider', 'event_id'),), 'pk_attr': 'id', 'table_description': "A payment provider's event, recorded in the transaction that handled it."},
            bases=['Model'],
        ),
    ]
