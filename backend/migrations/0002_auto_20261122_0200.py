from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from backend.audit.models import AuditOutcome
from backend.identity.models import SessionSubject, StaffRole
from json import dumps, loads
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from backend.audit import guard as audit_guard

class Migration(migrations.Migration):
    dependencies = [('tongban', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
                ('request_id', fields.CharField(null=True, max_length=64)),
                ('actor_kind', fields.CharField(max_length=16)),
                ('actor_id', fields.CharField(null=True, max_length=64)),
                ('action', fields.CharField(db_index=True, max_length=64)),
                ('target_kind', fields.CharField(null=True, max_length=32)),
                ('target_id', fields.CharField(null=True, max_length=64)),
                ('outcome', fields.CharEnumField(description='SUCCESS: SUCCESS\nFAILURE: FAILURE\nDENIED: DENIED', enum_type=AuditOutcome, max_length=8)),
                ('reason', fields.CharField(null=True, max_length=64)),
                ('source_hash', fields.CharField(null=True, max_length=16)),
                ('details', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'audit_event', 'app': 'tongban', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LoginCode',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('phone_hash', fields.CharField(db_index=True, max_length=64)),
                ('code_hash', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('attempts', fields.IntField(default=0)),
                ('consumed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'identity_login_code', 'app': 'tongban', 'pk_attr': 'id', 'table_description': 'A one-time sign-in code sent by SMS. Only the newest one for a phone counts.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PopulationRecord',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('id_number_hash', fields.CharField(unique=True, max_length=64)),
                ('name_hash', fields.CharField(max_length=64)),
            ],
            options={'table': 'identity_population_record', 'app': 'tongban', 'pk_attr': 'id', 'table_description': 'The embedded population registry (人口库) stand-in: keyed hashes only, no clear text.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Resident',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('phone_hash', fields.CharField(unique=True, max_length=64)),
                ('phone_enc', fields.TextField(unique=False)),
                ('real_name_enc', fields.TextField(null=True, unique=False)),
                ('id_number_enc', fields.TextField(null=True, unique=False)),
                ('id_number_hash', fields.CharField(null=True, unique=True, max_length=64)),
                ('verified_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_login_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'identity_resident', 'app': 'tongban', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SmsOutbox',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('phone_hash', fields.CharField(db_index=True, max_length=64)),
                ('phone_enc', fields.TextField(unique=False)),
                ('template', fields.CharField(max_length=32)),
                ('body_enc', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'identity_sms_outbox', 'app': 'tongban', 'pk_attr': 'id', 'table_description': 'Messages of the development SMS adapter. No real SMS is ever sent from here.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StaffAccount',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('username', fields.CharField(unique=True, max_length=32)),
                ('password_hash', fields.CharField(max_length=255)),
                ('display_name', fields.CharField(max_length=32)),
                ('role', fields.CharEnumField(description='CLERK: CLERK\nCENTRE_HEAD: CENTRE_HEAD\nADMIN: ADMIN', enum_type=StaffRole, max_length=16)),
                ('centre', fields.ForeignKeyField('tongban.Centre', source_field='centre_id', null=True, db_constraint=True, to_field='id', related_name='staff', on_delete=OnDelete.RESTRICT)),
                ('active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_login_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'identity_staff', 'app': 'tongban', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuthSession',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('subject', fields.CharEnumField(description='RESIDENT: RESIDENT\nSTAFF: STAFF', enum_type=SessionSubject, max_length=8)),
                ('resident', fields.ForeignKeyField('tongban.Resident', source_field='resident_id', null=True, db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('staff', fields.ForeignKeyField('tongban.StaffAccount', source_field='staff_id', null=True, db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_reason', fields.CharField(null=True, max_length=32)),
            ],
            options={'table': 'identity_session', 'app': 'tongban', 'pk_attr': 'id', 'table_description': 'One sign-in on one device: the family of its rotating refresh tokens.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RefreshToken',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('session', fields.ForeignKeyField('tongban.AuthSession', source_field='session_id', db_constraint=True, to_field='id', related_name='refresh_tokens', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'identity_refresh_token', 'app': 'tongban', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        # Added by hand: the database refuses UPDATE/DELETE on audit_event (backend/audit/guard.py).
        ops.RunPython(audit_guard.install, reverse_code=audit_guard.remove),
    ]
