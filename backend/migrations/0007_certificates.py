from tortoise import migrations
from tortoise.migrations import operations as ops
from backend.certificates.models import CertificateStatus, Relation, VerificationResult
from backend.matters.models import ECertificateKind
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('tongban', '0006_queue')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Certificate',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('ref', fields.CharField(unique=True, max_length=16)),
                ('serial_hash', fields.CharField(unique=True, max_length=64)),
                ('kind', fields.CharEnumField(description='ID_CARD: ID_CARD\nRESIDENCE_PERMIT: RESIDENCE_PERMIT\nBIRTH_CERTIFICATE: BIRTH_CERTIFICATE\nHUKOU_BOOKLET: HUKOU_BOOKLET\nMARRIAGE_CERTIFICATE: MARRIAGE_CERTIFICATE', enum_type=ECertificateKind, max_length=24)),
                ('holder_hash', fields.CharField(db_index=True, max_length=64)),
                ('holder_name_enc', fields.TextField(unique=False)),
                ('fields_enc', fields.TextField(unique=False)),
                ('issuer', fields.CharField(max_length=64)),
                ('valid_from', fields.DateField()),
                ('valid_until', fields.DateField(null=True)),
                ('status', fields.CharEnumField(description='VALID: VALID\nEXPIRED: EXPIRED\nREVOKED: REVOKED', enum_type=CertificateStatus, max_length=8)),
                ('status_index', fields.IntField(unique=True)),
                ('digest', fields.CharField(max_length=64)),
                ('synced_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'certificates_certificate', 'app': 'tongban', 'pk_attr': 'id', 'table_description': "One e-certificate as the library issued it. `status` is the library's, and"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CertificateLink',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('ref', fields.CharField(unique=True, max_length=16)),
                ('certificate', fields.ForeignKeyField('tongban.Certificate', source_field='certificate_id', db_constraint=True, to_field='id', related_name='links', on_delete=OnDelete.CASCADE)),
                ('party_hash', fields.CharField(db_index=True, max_length=64)),
                ('party_name_enc', fields.TextField(unique=False)),
                ('relation', fields.CharEnumField(description='HOLDER: HOLDER\nPARENT: PARENT\nSPOUSE: SPOUSE\nHOUSEHOLD_MEMBER: HOUSEHOLD_MEMBER', enum_type=Relation, max_length=20)),
                ('active', fields.BooleanField(default=True)),
            ],
            options={'table': 'certificates_link', 'app': 'tongban', 'unique_together': (('certificate', 'party_hash'),), 'pk_attr': 'id', 'table_description': 'A person linked to a certificate: its holder, or a relative who may show it.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CertificateView',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('clerk_id', fields.IntField(db_index=True)),
                ('centre_id', fields.IntField(null=True, db_index=True)),
                ('matter_id', fields.IntField(null=True)),
                ('case_id', fields.IntField(null=True)),
                ('case_number', fields.CharField(null=True, max_length=24)),
                ('result', fields.CharEnumField(description='SUCCESS: SUCCESS\nINVALID: INVALID\nEXPIRED: EXPIRED\nREVOKED: REVOKED\nALREADY_USED: ALREADY_USED', enum_type=VerificationResult, max_length=16)),
                ('reason', fields.CharField(null=True, max_length=32)),
                ('certificate_id', fields.IntField(null=True, db_index=True)),
                ('kind', fields.CharEnumField(null=True, description='ID_CARD: ID_CARD\nRESIDENCE_PERMIT: RESIDENCE_PERMIT\nBIRTH_CERTIFICATE: BIRTH_CERTIFICATE\nHUKOU_BOOKLET: HUKOU_BOOKLET\nMARRIAGE_CERTIFICATE: MARRIAGE_CERTIFICATE', enum_type=ECertificateKind, max_length=24)),
                ('link_id', fields.IntField(null=True)),
                ('relation', fields.CharEnumField(null=True, description='HOLDER: HOLDER\nPARENT: PARENT\nSPOUSE: SPOUSE\nHOUSEHOLD_MEMBER: HOUSEHOLD_MEMBER', enum_type=Relation, max_length=20)),
                ('holder_resident_id', fields.IntField(null=True, db_index=True)),
                ('presenter_resident_id', fields.IntField(null=True, db_index=True)),
                ('token_id', fields.CharField(null=True, max_length=32)),
                ('disclosed', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('id_number_revealed', fields.BooleanField(default=False)),
                ('reported_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('report_note_enc', fields.TextField(null=True, unique=False)),
            ],
            options={'table': 'certificates_view', 'app': 'tongban', 'pk_attr': 'id', 'table_description': 'One verification, accepted or refused: the trail (查看记录). Rows are never deleted'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Redemption',
            fields=[
                ('token_id', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=32)),
                ('expires_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'certificates_redemption', 'app': 'tongban', 'pk_attr': 'token_id', 'table_description': 'A presentation id that was used (一次一验), when Redis is not configured: the'},
            bases=['Model'],
        ),
    ]
