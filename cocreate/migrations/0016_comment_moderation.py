from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0015_idea_status')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CommentReport',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('comment', fields.ForeignKeyField('models.Comment', source_field='comment_id', db_constraint=True, to_field='id', related_name='reports', on_delete=OnDelete.CASCADE)),
                ('reporter', fields.ForeignKeyField('models.User', source_field='reporter_id', db_constraint=True, to_field='id', related_name='comment_reports', on_delete=OnDelete.CASCADE)),
                ('reason', fields.CharField(max_length=20)),
                ('note', fields.CharField(default='', db_default='', max_length=1000)),
                ('status', fields.CharField(default='open', db_default='open', max_length=10)),
                ('resolution', fields.CharField(null=True, max_length=20)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('resolved_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'comment_reports', 'app': 'models', 'unique_together': (('comment', 'reporter'),), 'indexes': [Index(fields=['comment_id', 'status', 'created_at'])], 'pk_attr': 'id', 'table_description': 'Someone flagged a comment: the ledger behind Comment.open_reports (open rows).'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Comment',
            name='moderation_reason',
            field=fields.CharField(null=True, max_length=500),
        ),
        ops.AddField(
            model_name='Comment',
            name='open_reports',
            field=fields.IntField(default=0, db_default=0),
        ),
    ]
