from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0022_gift_referrals')]

    initial = False

    operations = [
        ops.CreateModel(
            name='FundraisingTeam',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='fundraising_teams', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=80)),
                ('slug', fields.CharField(max_length=90)),
                ('captain', fields.ForeignKeyField('models.User', source_field='captain_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('story', fields.TextField(default='', unique=False)),
                ('story_html', fields.TextField(default='', unique=False)),
                ('goal', fields.BigIntField(default=0, db_default=0)),
                ('raised', fields.BigIntField(default=0, db_default=0)),
                ('gift_count', fields.IntField(default=0, db_default=0)),
                ('member_count', fields.IntField(default=0, db_default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'fundraising_teams', 'app': 'models', 'unique_together': (('campaign', 'slug'), ('campaign', 'name')), 'indexes': [Index(fields=['campaign_id', 'raised'])], 'pk_attr': 'id', 'table_description': 'Fans raising money together under one fundraiser, with a team total.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='FundraisingPage',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', db_constraint=True, to_field='id', related_name='fundraising_pages', on_delete=OnDelete.CASCADE)),
                ('owner', fields.ForeignKeyField('models.User', source_field='owner_id', db_constraint=True, to_field='id', related_name='fundraising_pages', on_delete=OnDelete.RESTRICT)),
                ('slug', fields.CharField(max_length=60)),
                ('title', fields.CharField(max_length=120)),
                ('goal', fields.BigIntField()),
                ('story', fields.TextField(default='', unique=False)),
                ('story_html', fields.TextField(default='', unique=False)),
                ('photo', fields.ForeignKeyField('models.Media', source_field='photo_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('team', fields.ForeignKeyField('models.FundraisingTeam', source_field='team_id', null=True, db_constraint=True, to_field='id', related_name='pages', on_delete=OnDelete.RESTRICT)),
                ('raised', fields.BigIntField(default=0, db_default=0)),
                ('gift_count', fields.IntField(default=0, db_default=0)),
                ('status', fields.CharField(default='active', db_default='active', max_length=10)),
                ('hidden_reason', fields.CharField(default='', db_default='', max_length=300)),
                ('card_key', fields.CharField(null=True, max_length=255)),
                ('card_percent', fields.IntField(default=-1, db_default=-1)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'fundraising_pages', 'app': 'models', 'unique_together': (('campaign', 'owner'), ('campaign', 'slug')), 'indexes': [Index(fields=['campaign_id', 'status', 'raised']), Index(fields=['team_id', 'raised'])], 'pk_attr': 'id', 'table_description': "A fan's own page under a fundraiser: one per fan per campaign."},
            bases=['Model'],
        ),
        ops.AddIndex(
            model_name='Gift',
            index=Index(fields=['page_id', 'status', 'paid_at']),
        ),
    ]
