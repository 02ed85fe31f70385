from tortoise import migrations
from backend.cases import guard as cases_guard
from tortoise.migrations import operations as ops
import functools
from backend.cases.models import ActorKind, CaseChannel, CaseState
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('tongban', '0002_auto_20261122_0200')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Case',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('number', fields.CharField(unique=True, max_length=24)),
                ('resident', fields.ForeignKeyField('tongban.Resident', source_field='resident_id', db_constraint=True, to_field='id', related_name='cases', on_delete=OnDelete.RESTRICT)),
                ('matter', fields.ForeignKeyField('tongban.Matter', source_field='matter_id', db_constraint=True, to_field='id', related_name='cases', on_delete=OnDelete.RESTRICT)),
                ('collecting_centre', fields.ForeignKeyField('tongban.Centre', source_field='collecting_centre_id', db_constraint=True, to_field='id', related_name='collected_cases', on_delete=OnDelete.RESTRICT)),
                ('accepting_centre', fields.ForeignKeyField('tongban.Centre', source_field='accepting_centre_id', db_constraint=True, to_field='id', related_name='accepted_cases', on_delete=OnDelete.RESTRICT)),
                ('channel', fields.CharEnumField(description='ONLINE: ONLINE\nCOUNTER: COUNTER\nREMOTE_WINDOW: REMOTE_WINDOW\nHOME_VISIT: HOME_VISIT', enum_type=CaseChannel, max_length=16)),
                ('state', fields.CharEnumField(db_index=True, description='SUBMITTED: SUBMITTED\nPREREVIEW_PASSED: PREREVIEW_PASSED\nNEEDS_SUPPLEMENT: NEEDS_SUPPLEMENT\nACCEPTED: ACCEPTED\nFORWARDED: FORWARDED\nPROCESSING: PROCESSING\nCOMPLETED: COMPLETED\nREJECTED: REJECTED\nWITHDRAWN: WITHDRAWN', enum_type=CaseState, max_length=20)),
                ('materials', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('submitted_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('promised_date', fields.DateField(null=True)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('reject_reason', fields.CharField(null=True, max_length=200)),
                ('opened_by_staff_id', fields.IntField(null=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'cases_case', 'app': 'tongban', 'indexes': [Index(fields=['accepting_centre_id', 'state']), Index(fields=['collecting_centre_id', 'state'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CaseEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('case', fields.ForeignKeyField('tongban.Case', source_field='case_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.RESTRICT)),
                ('action', fields.CharField(max_length=24)),
                ('from_state', fields.CharEnumField(null=True, description='SUBMITTED: SUBMITTED\nPREREVIEW_PASSED: PREREVIEW_PASSED\nNEEDS_SUPPLEMENT: NEEDS_SUPPLEMENT\nACCEPTED: ACCEPTED\nFORWARDED: FORWARDED\nPROCESSING: PROCESSING\nCOMPLETED: COMPLETED\nREJECTED: REJECTED\nWITHDRAWN: WITHDRAWN', enum_type=CaseState, max_length=20)),
                ('to_state', fields.CharEnumField(description='SUBMITTED: SUBMITTED\nPREREVIEW_PASSED: PREREVIEW_PASSED\nNEEDS_SUPPLEMENT: NEEDS_SUPPLEMENT\nACCEPTED: ACCEPTED\nFORWARDED: FORWARDED\nPROCESSING: PROCESSING\nCOMPLETED: COMPLETED\nREJECTED: REJECTED\nWITHDRAWN: WITHDRAWN', enum_type=CaseState, max_length=20)),
                ('actor_kind', fields.CharEnumField(description='RESIDENT: RESIDENT\nSTAFF: STAFF\nSYSTEM: SYSTEM', enum_type=ActorKind, max_length=8)),
                ('actor_id', fields.IntField(null=True)),
                ('centre_id', fields.IntField(null=True)),
                ('note', fields.CharField(default='', max_length=200)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'cases_event', 'app': 'tongban', 'pk_attr': 'id', 'table_description': 'One change of a case: who, when, from, to, note. Append-only.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SequenceCounter',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(unique=True, max_length=128)),
                ('value', fields.BigIntField(default=0)),
            ],
            options={'table': 'platform_sequence', 'app': 'tongban', 'pk_attr': 'id', 'table_description': 'A named counter. Its row is locked while a transaction takes the next value, so'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StreamEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('stream', fields.CharField(max_length=64)),
                ('seq', fields.BigIntField()),
                ('kind', fields.CharField(max_length=64)),
                ('payload', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'platform_stream_event', 'app': 'tongban', 'unique_together': (('stream', 'seq'),), 'indexes': [Index(fields=['published_at', 'id'])], 'pk_attr': 'id', 'table_description': 'One event on one stream (e.g. resident:42, case:7, centre:3), numbered 1, 2, 3 ...'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='PopulationRecord',
            name='household_centre_code',
            field=fields.CharField(null=True, max_length=16),
        ),
        ops.AddField(
            model_name='Resident',
            name='household_centre',
            field=fields.ForeignKeyField('tongban.Centre', source_field='household_centre_id', null=True, db_constraint=True, to_field='id', related_name='household_residents', on_delete=OnDelete.SET_NULL),
        ),
        ops.RunPython(cases_guard.install, reverse_code=cases_guard.remove),
    ]
