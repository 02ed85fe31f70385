from tortoise import migrations
from tortoise.migrations import operations as ops
from backend.bookings.models import PriorityReason, TicketState
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields
from tortoise.indexes import Index


class Migration(migrations.Migration):
    dependencies = [("tongban", "0005_bookings")]

    initial = False

    operations = [
        ops.CreateModel(
            name="QueueLine",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "centre",
                    fields.ForeignKeyField(
                        "tongban.Centre",
                        source_field="centre_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="queue_lines",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("letter", fields.CharField(max_length=1)),
                ("name", fields.CharField(max_length=32)),
                (
                    "department_ids",
                    fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
                ),
                ("position", fields.SmallIntField(default=0)),
            ],
            options={
                "table": "queue_line",
                "app": "tongban",
                "unique_together": (("centre", "letter"),),
                "pk_attr": "id",
                "table_description": "One queue of a centre (seed/queues.json): a letter, a name, and the departments whose",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="QueueTicket",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "centre",
                    fields.ForeignKeyField(
                        "tongban.Centre",
                        source_field="centre_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="queue_tickets",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "line",
                    fields.ForeignKeyField(
                        "tongban.QueueLine",
                        source_field="line_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="tickets",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("day", fields.DateField()),
                ("seq", fields.IntField()),
                ("number", fields.CharField(max_length=8)),
                (
                    "state",
                    fields.CharEnumField(
                        description="WAITING: WAITING\nCALLED: CALLED\nFINISHED: FINISHED\nSKIPPED: SKIPPED",
                        enum_type=TicketState,
                        max_length=10,
                    ),
                ),
                ("priority", fields.BooleanField(default=False)),
                (
                    "priority_reason",
                    fields.CharEnumField(
                        null=True,
                        description="AGE_70: AGE_70\nMARKED_BY_CLERK: MARKED_BY_CLERK",
                        enum_type=PriorityReason,
                        max_length=16,
                    ),
                ),
                ("booked_on_time", fields.BooleanField(default=False)),
                ("rank_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                (
                    "booking",
                    fields.OneToOneField(
                        "tongban.Booking",
                        source_field="booking_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="ticket",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("resident_id", fields.IntField(null=True)),
                ("matter_id", fields.IntField(null=True)),
                ("window", fields.SmallIntField(null=True)),
                ("recalls", fields.SmallIntField(default=0)),
                ("issued_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("called_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                (
                    "finished_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("skipped_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ("issued_by_staff_id", fields.IntField(null=True)),
                ("called_by_staff_id", fields.IntField(null=True)),
            ],
            options={
                "table": "queue_ticket",
                "app": "tongban",
                "unique_together": (("line", "day", "seq"), ("centre", "day", "number")),
                "indexes": [
                    Index(fields=["centre_id", "day", "state"]),
                    Index(fields=["resident_id", "day"]),
                    Index(fields=["line_id", "finished_at"]),
                ],
                "pk_attr": "id",
                "table_description": "A number taken at a centre on one day (A012). Called in the order: priority first,",
            },
            bases=["Model"],
        ),
        ops.AddField(
            model_name="Booking",
            name="reminded_at",
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
