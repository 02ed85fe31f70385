"""Batch functions for the per-request DataLoaders of the centres domain: resolvers ask for
`info.context.loader(load_centres)` and the plumbing keeps one DataLoader per request."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from backend.centres.models import Centre, HoursOverride, LocalOffering
from backend.matters import service as matters_service
from backend.matters.models import Matter
from backend.platform.rows import by_ids


async def load_centres(ids: Sequence[int]) -> list[Centre | None]:
    return await by_ids(Centre, ids)


async def load_branches(parent_ids: Sequence[int]) -> list[list[Centre]]:
    grouped: dict[int, list[Centre]] = defaultdict(list)
    for branch in await Centre.filter(parent_id__in=list(parent_ids)).order_by("code"):
        grouped[branch.parent_id or 0].append(branch)
    return [grouped[i] for i in parent_ids]


async def load_offered_matters(centre_ids: Sequence[int]) -> list[list[Matter]]:
    """Every city-wide matter, plus the centre's local ones, ordered by code.

    Three queries whatever the number of centres: the city-wide list, the local
    offerings, and the local matters themselves.
    """
    city_wide = await matters_service.list_city_wide_matters()
    offerings = await LocalOffering.filter(centre_id__in=list(centre_ids))
    local_matters = await matters_service.matters_by_ids({o.matter_id for o in offerings})
    local: dict[int, list[Matter]] = defaultdict(list)
    for offering in offerings:
        local[offering.centre_id].append(local_matters[offering.matter_id])
    result = []
    for centre_id in centre_ids:
        extra = local.get(centre_id)
        result.append(sorted(city_wide + extra, key=lambda m: m.code) if extra else city_wide)
    return result


async def load_hours_overrides(centre_ids: Sequence[int]) -> list[list[HoursOverride]]:
    grouped: dict[int, list[HoursOverride]] = defaultdict(list)
    for override in await HoursOverride.filter(centre_id__in=list(centre_ids)):
        grouped[override.centre_id].append(override)
    return [grouped[i] for i in centre_ids]
