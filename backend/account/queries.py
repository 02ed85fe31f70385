from __future__ import annotations

import datetime as dt

import strawberry

from backend.account import export
from backend.graphql.context import Info
from backend.graphql.permissions import requires
from backend.identity.auth import RESIDENT


@strawberry.type(description="我的数据: what the service holds about the resident, as JSON.")
class MyDataExport:
    file_name: str
    generated_at: dt.datetime
    json: str = strawberry.field(
        description="One JSON document: account (phone, name and ID number in the clear), "
        "consents, sessions, cases, bookings and ratings."
    )


@strawberry.type
class AccountQueries:
    @strawberry.field(
        description="Download what the service holds about me (个人信息保护法 第四十五条). "
        "Personal data in the clear, for the owner only; every download is audited.",
        extensions=[requires(RESIDENT)],
    )
    async def my_data_export(self, info: Info) -> MyDataExport:
        data = await export.my_data(await info.context.principal(), info.context.meta)
        return MyDataExport(
            file_name=data.file_name, generated_at=data.generated_at, json=data.json
        )
