"""What a resident is told by SMS about their case. Sent after the transaction commits, so a
rolled-back step texts nobody, and a failed text never undoes the step.

A finished case (办结 / 不予办理) carries the link to rate it in the app (好差评 一事一评:
the ratings domain serves /cases/<number>/rate). The cases domain knows the link's shape,
not the ratings domain: nothing here imports ratings, so no cycle.
"""

from __future__ import annotations

from urllib.parse import quote

from backend.cases.models import Case, CaseState
from backend.identity import notify
from backend.platform import infra

FINISHED_WORDS = {CaseState.COMPLETED: "已办结", CaseState.REJECTED: "不予办理"}


def rating_link(number: str) -> str:
    base = infra.current().settings.public_base_url.rstrip("/")
    return f"{base}/cases/{quote(number, safe='')}/rate"


async def case_finished(case: Case) -> None:
    outcome = FINISHED_WORDS.get(case.state)
    if outcome is None:
        return
    await notify.text_resident(
        case.resident_id,
        "CASE_FINISHED",
        {"number": case.number, "outcome": outcome, "link": rating_link(case.number)},
    )
