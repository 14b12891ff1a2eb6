from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.migrations.constraints import UniqueConstraint

class Migration(migrations.Migration):
    dependencies = [('models', '0020_fundraisers')]

    initial = False

    operations = [
        ops.AlterModelOptions(
            name='Follow',
            options={'table': 'follows', 'app': 'models', 'unique_together': (('follower', 'user'), ('follower', 'campaign'), ('follower', 'entry')), 'pk_attr': 'id', 'table_description': 'One person following another person, a campaign or an entry (exactly one of them).'},
        ),
        ops.AddField(
            model_name='Follow',
            name='entry',
            field=fields.ForeignKeyField('models.Entry', source_field='entry_id', null=True, db_constraint=True, to_field='id', related_name='followers', on_delete=OnDelete.CASCADE),
        ),
        ops.AddConstraint(
            model_name='Follow',
            constraint=UniqueConstraint(fields=('follower', 'entry'), name=None),
        ),
    ]
