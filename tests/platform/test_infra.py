"""One container per app, built from the Settings given to create_app and nothing else."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from backend.app import create_app
from backend.platform import infra
from backend.platform.infra import Infrastructure
from backend.settings import get_settings

PAGE = "{ centres(first: 3) { edges { node { code } } } }"


def _app(tmp: Path, **changes: object) -> tuple[httpx.AsyncClient, Infrastructure]:
    settings = get_settings().model_copy(
        update={"var_dir": tmp, "migrate_on_start": False, "seed_on_start": False, **changes}
    )
    container = Infrastructure(settings)
    transport = httpx.ASGITransport(app=create_app(settings, infrastructure=container))
    return httpx.AsyncClient(transport=transport, base_url="http://test"), container


async def test_two_apps_in_one_process_each_use_their_own_settings_and_keys(
    database_url: str, tmp_path: Path
) -> None:
    small, small_infra = _app(tmp_path / "a", max_page_size=2)
    large, large_infra = _app(tmp_path / "b", max_page_size=100)
    async with small, large:
        refused = (await small.post("/graphql", json={"query": PAGE})).json()
        assert refused["errors"][0]["extensions"]["code"] == "PAGE_SIZE_TOO_LARGE"
        allowed = (await large.post("/graphql", json={"query": PAGE})).json()
        assert len(allowed["data"]["centres"]["edges"]) == 3
        # Keys come from each app's own var_dir: two apps, two signing keys.
        small_keys = (await small.get("/.well-known/jwks.json")).json()["keys"]
        large_keys = (await large.get("/.well-known/jwks.json")).json()["keys"]
        assert {k["kid"] for k in small_keys}.isdisjoint({k["kid"] for k in large_keys})
    await small_infra.stop()
    await large_infra.stop()


async def test_adapters_are_kept_per_container(tmp_path: Path) -> None:
    settings = get_settings().model_copy(update={"var_dir": tmp_path})
    one, two = Infrastructure(settings), Infrastructure(settings)
    made = one.adapter("k", lambda s: object())
    assert one.adapter("k", lambda s: object()) is made
    assert two.adapter("k", lambda s: object()) is not made


async def test_outside_any_app_there_is_no_silent_default(
    infrastructure: Infrastructure,
) -> None:
    infra.install(None)
    try:
        with pytest.raises(RuntimeError, match="no infrastructure"):
            infra.current()
        with infra.scoped(infrastructure):
            assert infra.current() is infrastructure
    finally:
        infra.install(infrastructure)
