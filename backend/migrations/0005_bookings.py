from tortoise import migrations
from backend.bookings import guard as bookings_guard
from tortoise.migrations import operations as ops
from backend.bookings.models import BookingState
from backend.centres.models import DayType
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('tongban', '0004_ratings')]

    initial = False

    operations = [
        ops.CreateModel(
            name='BookingHolder',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('resident', fields.OneToOneField('tongban.Resident', source_field='resident_id', db_constraint=True, to_field='id', related_name='booking_holder', on_delete=OnDelete.CASCADE)),
                ('suspended_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'booking_holder', 'app': 'tongban', 'pk_attr': 'id', 'table_description': 'The booking standing of a resident. The row is locked while they book, so the'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SlotCounter',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('centre', fields.ForeignKeyField('tongban.Centre', source_field='centre_id', db_constraint=True, to_field='id', related_name='slot_counters', on_delete=OnDelete.RESTRICT)),
                ('day', fields.DateField()),
                ('start_minute', fields.SmallIntField()),
                ('group_id', fields.IntField()),
                ('capacity', fields.IntField()),
                ('taken', fields.IntField(default=0)),
            ],
            options={'table': 'booking_slot_counter', 'app': 'tongban', 'unique_together': (('centre', 'day', 'start_minute', 'group_id'),), 'pk_attr': 'id', 'table_description': 'Seats taken in one slot of one matter group (the windows of a department).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Booking',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('resident', fields.ForeignKeyField('tongban.Resident', source_field='resident_id', db_constraint=True, to_field='id', related_name='bookings', on_delete=OnDelete.RESTRICT)),
                ('centre', fields.ForeignKeyField('tongban.Centre', source_field='centre_id', db_constraint=True, to_field='id', related_name='bookings', on_delete=OnDelete.RESTRICT)),
                ('matter', fields.ForeignKeyField('tongban.Matter', source_field='matter_id', db_constraint=True, to_field='id', related_name='bookings', on_delete=OnDelete.RESTRICT)),
                ('counter', fields.ForeignKeyField('tongban.SlotCounter', source_field='counter_id', db_constraint=True, to_field='id', related_name='bookings', on_delete=OnDelete.RESTRICT)),
                ('day', fields.DateField()),
                ('starts_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('ends_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('state', fields.CharEnumField(db_index=True, description='BOOKED: BOOKED\nCHECKED_IN: CHECKED_IN\nCANCELLED: CANCELLED\nCANCELLED_BY_CENTRE: CANCELLED_BY_CENTRE\nNO_SHOW: NO_SHOW', enum_type=BookingState, max_length=20)),
                ('check_in_code', fields.CharField(max_length=12)),
                ('idempotency_key', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('cancelled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('checked_in_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('checked_in_by_staff_id', fields.IntField(null=True)),
                ('no_show_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'booking', 'app': 'tongban', 'unique_together': (('resident', 'idempotency_key'), ('centre', 'day', 'check_in_code')), 'indexes': [Index(fields=['resident_id', 'state']), Index(fields=['state', 'ends_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SlotRule',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('centre', fields.ForeignKeyField('tongban.Centre', source_field='centre_id', db_constraint=True, to_field='id', related_name='slot_rules', on_delete=OnDelete.CASCADE)),
                ('day_type', fields.CharEnumField(description='WORKDAY: WORKDAY\nREST_DAY: REST_DAY', enum_type=DayType, max_length=8)),
                ('slot_minutes', fields.SmallIntField()),
                ('windows', fields.SmallIntField()),
                ('per_window', fields.SmallIntField()),
            ],
            options={'table': 'booking_slot_rule', 'app': 'tongban', 'unique_together': (('centre', 'day_type'),), 'pk_attr': 'id', 'table_description': 'The slot length and capacity of a centre for a kind of day (seed/booking_slots.json).'},
            bases=['Model'],
        ),
        ops.RunPython(bookings_guard.install, reverse_code=bookings_guard.remove),
    ]
