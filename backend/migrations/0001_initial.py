from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from backend.centres.models import CentreKind, DayType
from backend.matters.models import HandlingMode, OnlineLevel
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='Centre',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=16)),
                ('name', fields.CharField(unique=True, max_length=64)),
                ('short_name', fields.CharField(max_length=32)),
                ('district', fields.CharField(db_index=True, max_length=16)),
                ('district_code', fields.CharField(db_index=True, max_length=6)),
                ('kind', fields.CharEnumField(db_index=True, description='CENTRE: CENTRE\nBRANCH: BRANCH', enum_type=CentreKind, max_length=8)),
                ('parent', fields.ForeignKeyField('tongban.Centre', source_field='parent_id', null=True, db_constraint=True, to_field='id', related_name='branches', on_delete=OnDelete.RESTRICT)),
                ('address', fields.CharField(max_length=128)),
                ('address_approximate', fields.BooleanField(default=True)),
                ('phone', fields.CharField(null=True, max_length=32)),
                ('latitude', fields.FloatField()),
                ('longitude', fields.FloatField()),
                ('coordinates_approximate', fields.BooleanField(default=True)),
            ],
            options={'table': 'centre', 'app': 'tongban', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Department',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=32)),
                ('name', fields.CharField(max_length=32)),
                ('full_name', fields.CharField(max_length=64)),
                ('sort_order', fields.IntField(default=0)),
            ],
            options={'table': 'department', 'app': 'tongban', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='HoursOverride',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('centre', fields.ForeignKeyField('tongban.Centre', source_field='centre_id', db_constraint=True, to_field='id', related_name='hours_overrides', on_delete=OnDelete.CASCADE)),
                ('date', fields.DateField(null=True)),
                ('day_type', fields.CharEnumField(null=True, description='WORKDAY: WORKDAY\nREST_DAY: REST_DAY', enum_type=DayType, max_length=8)),
                ('closed', fields.BooleanField(default=False)),
                ('opens_minute', fields.SmallIntField(null=True)),
                ('closes_minute', fields.SmallIntField(null=True)),
                ('note', fields.CharField(default='', max_length=128)),
            ],
            options={'table': 'centre_hours_override', 'app': 'tongban', 'pk_attr': 'id', 'table_description': "A centre's own hours, for one date or for a kind of day."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Matter',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=16)),
                ('name', fields.CharField(unique=True, max_length=64)),
                ('department', fields.ForeignKeyField('tongban.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='matters', on_delete=OnDelete.RESTRICT)),
                ('handling_mode', fields.CharEnumField(description='DIRECT: DIRECT\nCOLLECT_FORWARD: COLLECT_FORWARD', enum_type=HandlingMode, max_length=16)),
                ('online_level', fields.CharEnumField(description='FULLY_ONLINE: FULLY_ONLINE\nPREREVIEW: PREREVIEW\nCOUNTER: COUNTER', enum_type=OnlineLevel, max_length=16)),
                ('city_wide', fields.BooleanField(default=True, db_index=True)),
                ('promised_working_days', fields.IntField()),
                ('summary', fields.TextField(default='', unique=False)),
                ('materials', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'matter', 'app': 'tongban', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LocalOffering',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('centre', fields.ForeignKeyField('tongban.Centre', source_field='centre_id', db_constraint=True, to_field='id', related_name='local_offerings', on_delete=OnDelete.CASCADE)),
                ('matter', fields.ForeignKeyField('tongban.Matter', source_field='matter_id', db_constraint=True, to_field='id', related_name='local_offerings', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'centre_local_offering', 'app': 'tongban', 'unique_together': (('centre', 'matter'),), 'pk_attr': 'id', 'table_description': 'A matter that is not city-wide (全市通办) but offered at this centre.'},
            bases=['Model'],
        ),
    ]
