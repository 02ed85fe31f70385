from tortoise import migrations
from tortoise.migrations import operations as ops
from backend.identity.models import ConsentChannel
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('tongban', '0007_certificates')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ConsentRecord',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('resident', fields.ForeignKeyField('tongban.Resident', source_field='resident_id', db_constraint=True, to_field='id', related_name='consents', on_delete=OnDelete.RESTRICT)),
                ('document', fields.CharField(max_length=32)),
                ('version', fields.CharField(max_length=16)),
                ('channel', fields.CharEnumField(description='APP: APP\nCLIENT: CLIENT', enum_type=ConsentChannel, max_length=8)),
                ('accepted_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'identity_consent', 'app': 'tongban', 'indexes': [Index(fields=['resident_id', 'document'])], 'pk_attr': 'id', 'table_description': 'One acceptance of one version of a legal document by a resident. Only inserted.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PhoneRef',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('phone_hash', fields.CharField(unique=True, max_length=64)),
                ('ref', fields.CharField(unique=True, max_length=16)),
            ],
            options={'table': 'identity_phone_ref', 'app': 'tongban', 'pk_attr': 'id', 'table_description': 'The random name a phone goes by in the audit log. Deleted when the account is'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Matter',
            name='guide',
            field=fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads),
        ),
        ops.AddField(
            model_name='Resident',
            name='erased_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
