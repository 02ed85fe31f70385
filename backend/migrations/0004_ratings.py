from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from backend.ratings.models import FollowUpState, RatingChannel, RatingLevel, RatingMark
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('tongban', '0003_cases_streams')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Rating',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('channel', fields.CharEnumField(description='ONLINE: ONLINE\nCOUNTER: COUNTER', enum_type=RatingChannel, max_length=8)),
                ('case_id', fields.IntField(null=True, unique=True)),
                ('case_number', fields.CharField(null=True, max_length=24)),
                ('resident_id', fields.IntField(null=True, db_index=True)),
                ('centre_id', fields.IntField(db_index=True)),
                ('clerk_id', fields.IntField(null=True, db_index=True)),
                ('window', fields.CharField(null=True, max_length=8)),
                ('level', fields.CharEnumField(description='VERY_SATISFIED: VERY_SATISFIED\nSATISFIED: SATISFIED\nBASICALLY_SATISFIED: BASICALLY_SATISFIED\nDISSATISFIED: DISSATISFIED\nVERY_DISSATISFIED: VERY_DISSATISFIED', enum_type=RatingLevel, max_length=20)),
                ('indicators', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('comment', fields.CharField(default='', max_length=200)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('mark', fields.CharEnumField(null=True, description='MISTAKEN: MISTAKEN\nMALICIOUS: MALICIOUS', enum_type=RatingMark, max_length=12)),
                ('mark_reason', fields.CharField(null=True, max_length=200)),
                ('marked_by_id', fields.IntField(null=True)),
                ('marked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'ratings_rating', 'app': 'tongban', 'indexes': [Index(fields=['centre_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='FollowUp',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('rating', fields.OneToOneField('tongban.Rating', source_field='rating_id', db_constraint=True, to_field='id', related_name='follow_up', on_delete=OnDelete.RESTRICT)),
                ('centre_id', fields.IntField(db_index=True)),
                ('resident_id', fields.IntField(null=True)),
                ('state', fields.CharEnumField(default=FollowUpState.OPEN, description='OPEN: OPEN\nRESOLVED: RESOLVED\nAPPEALED: APPEALED\nCLOSED: CLOSED', enum_type=FollowUpState, max_length=10)),
                ('opened_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('due_date', fields.DateField()),
                ('contact_note', fields.CharField(default='', max_length=200)),
                ('cause', fields.CharField(default='', max_length=200)),
                ('resolution', fields.CharField(default='', max_length=200)),
                ('resolved_by_id', fields.IntField(null=True)),
                ('resolved_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('appeal', fields.CharField(null=True, max_length=200)),
                ('appealed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('appeal_answer', fields.CharField(null=True, max_length=200)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'ratings_follow_up', 'app': 'tongban', 'pk_attr': 'id', 'table_description': '整改 of a 不满意/非常不满意 rating: the head contacts the resident, finds the cause'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RatingWindow',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('centre_id', fields.IntField()),
                ('window', fields.CharField(max_length=8)),
                ('clerk_id', fields.IntField()),
                ('since', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'ratings_window', 'app': 'tongban', 'unique_together': (('centre_id', 'window'),), 'pk_attr': 'id', 'table_description': 'Who is serving at a window now, as the clerk set it from their session. The rating'},
            bases=['Model'],
        ),
    ]
