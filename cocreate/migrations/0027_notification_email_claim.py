from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0021_entry_follows'), ('models', '0026_api_tokens')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Notification',
            name='email_claimed_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
