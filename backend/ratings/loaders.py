"""Batch functions for the per-request DataLoaders of the ratings domain."""

from __future__ import annotations

from collections.abc import Sequence

from backend.identity import staff
from backend.identity.models import StaffAccount
from backend.platform.rows import by_ids
from backend.ratings.models import FollowUp, Rating


async def load_ratings(ids: Sequence[int]) -> list[Rating | None]:
    return await by_ids(Rating, ids)


async def load_follow_ups_by_rating(rating_ids: Sequence[int]) -> list[FollowUp | None]:
    found = {f.rating_id: f for f in await FollowUp.filter(rating_id__in=list(rating_ids))}
    return [found.get(i) for i in rating_ids]


async def load_clerks(ids: Sequence[int]) -> list[StaffAccount | None]:
    return await staff.load_accounts(ids)
