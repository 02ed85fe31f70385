"""The PWA's own routes get the app; missing assets stay missing."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount

from backend.spa import SinglePageApp


@pytest.mark.parametrize("with_404_page", [False, True])
async def test_deep_links_get_the_app_and_missing_assets_404(
    tmp_path: Path, with_404_page: bool
) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<title>通办</title>", encoding="utf-8")
    (tmp_path / "assets" / "app.js").write_text("console.log(1)", encoding="utf-8")
    if with_404_page:  # the PWA build ships one; Starlette serves it for misses
        (tmp_path / "404.html").write_text("<title>找不到</title>", encoding="utf-8")
    app = Starlette(routes=[Mount("/", SinglePageApp(tmp_path))])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        for path in ("/", "/centres/310101-01", "/matters?online=FULLY_ONLINE"):
            page = await client.get(path)
            assert page.status_code == 200, path
            assert "通办" in page.text

        assert (await client.get("/assets/app.js")).text == "console.log(1)"
        assert (await client.get("/assets/missing.js")).status_code == 404
