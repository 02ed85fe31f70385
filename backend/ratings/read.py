"""What other domains may read about ratings, without touching the ratings tables."""

from __future__ import annotations

from backend.ratings.models import Rating


async def resident_ratings_export(resident_id: int) -> list[dict[str, object]]:
    """Every rating a resident gave (好差评), for their own data download (我的数据)."""
    rows = await (
        Rating.filter(resident_id=resident_id)
        .order_by("id")
        .values("case_number", "channel", "level", "indicators", "comment", "created_at")
    )
    return [dict(row) for row in rows]
