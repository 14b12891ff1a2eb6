from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from cocreate.models.base import new_id
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0013_comments_saved_replies')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Activity',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('actor', fields.ForeignKeyField('models.User', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=20)),
                ('text', fields.CharField(max_length=300)),
                ('url', fields.CharField(max_length=300)),
                ('key', fields.CharField(unique=True, max_length=120)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'activities', 'app': 'models', 'indexes': [Index(fields=['actor_id', 'created_at']), Index(fields=['campaign_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'Something that happened, for the feeds of those who follow its person or campaign.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Follow',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('follower', fields.ForeignKeyField('models.User', source_field='follower_id', db_constraint=True, to_field='id', related_name='following', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='followers', on_delete=OnDelete.CASCADE)),
                ('campaign', fields.ForeignKeyField('models.Campaign', source_field='campaign_id', null=True, db_constraint=True, to_field='id', related_name='followers', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'follows', 'app': 'models', 'unique_together': (('follower', 'user'), ('follower', 'campaign')), 'pk_attr': 'id', 'table_description': 'One person following another person, or a campaign (exactly one of the two).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Reaction',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('comment', fields.ForeignKeyField('models.Comment', source_field='comment_id', db_constraint=True, to_field='id', related_name='reactions', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=12)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'reactions', 'app': 'models', 'unique_together': (('comment', 'user', 'kind'),), 'pk_attr': 'id', 'table_description': "One person's reaction of one kind to a comment (the counts live on the comment)."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Comment',
            name='cheers',
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name='Comment',
            name='helpfuls',
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name='Comment',
            name='laughs',
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name='Comment',
            name='likes',
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name='Comment',
            name='loves',
            field=fields.IntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name='Notification',
            name='emailed_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddIndex(
            model_name='Notification',
            index=Index(fields=['user_id', 'emailed_at', 'created_at']),
        ),
        ops.AddField(
            model_name='User',
            name='digest_sent_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='User',
            name='email_digest',
            field=fields.BooleanField(default=False, db_default=False),
        ),
        ops.AddField(
            model_name='User',
            name='email_kinds',
            field=fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
    ]
