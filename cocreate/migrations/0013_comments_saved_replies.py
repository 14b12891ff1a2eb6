from tortoise import migrations
from tortoise.migrations import operations as ops
from cocreate.models.base import new_id
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0012_acknowledgements')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Comment',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('entry', fields.ForeignKeyField('models.Entry', source_field='entry_id', db_constraint=True, to_field='id', related_name='comments', on_delete=OnDelete.CASCADE)),
                ('author', fields.ForeignKeyField('models.User', source_field='author_id', db_constraint=True, to_field='id', related_name='comments', on_delete=OnDelete.CASCADE)),
                ('parent', fields.ForeignKeyField('models.Comment', source_field='parent_id', null=True, db_constraint=True, to_field='id', related_name='replies', on_delete=OnDelete.CASCADE)),
                ('depth', fields.IntField(default=0, db_default=0)),
                ('body', fields.TextField(unique=False)),
                ('body_html', fields.TextField(unique=False)),
                ('status', fields.CharField(default='visible', db_default='visible', max_length=8)),
                ('reply_count', fields.IntField(default=0, db_default=0)),
                ('edited_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'comments', 'app': 'models', 'indexes': [Index(fields=['entry_id', 'created_at']), Index(fields=['author_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'A comment on an entry, or a reply to another comment (`parent`), `depth` levels down.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SavedReply',
            fields=[
                ('id', fields.CharField(primary_key=True, default=new_id, unique=True, db_index=True, max_length=16)),
                ('org', fields.ForeignKeyField('models.Organization', source_field='org_id', db_constraint=True, to_field='id', related_name='saved_replies', on_delete=OnDelete.CASCADE)),
                ('title', fields.CharField(max_length=80)),
                ('body', fields.CharField(max_length=1000)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'saved_replies', 'app': 'models', 'unique_together': (('org', 'title'),), 'pk_attr': 'id', 'table_description': "A reply managers reuse, where the name placeholder becomes the person's first name."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Entry',
            name='comment_count',
            field=fields.IntField(default=0, db_default=0),
        ),
    ]
