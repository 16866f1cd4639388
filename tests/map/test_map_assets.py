"""Everything the map page loads comes from the installed packages, and an export needs nothing else."""

from __future__ import annotations

import re

from app.map import assets, page


def test_every_library_the_page_names_is_installed_locally():
    html = page.build_html(page.page_config([]))
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls and all(u.startswith("rlmap://app/") for u in urls)
    for u in urls:
        path = u.removeprefix("rlmap://app/")
        if path not in ("qwebchannel.js", "basemap/world.js"):   # served by the Qt handler itself
            assert assets.resolve(path) is not None, path


def test_the_page_cannot_read_outside_its_asset_folders():
    assert assets.resolve("static/leaflet/../../../../etc/passwd") is None
    assert assets.resolve("res/../../app/node.py") is None
    assert assets.resolve("elsewhere/file.js") is None


def test_an_exported_map_is_one_self_contained_file():
    config = page.page_config([], embedded={"reset": True, "upsert": []})
    html = page.export_html(config, (-19.8, 34.85), 9)
    assert "rlmap:" not in html and not re.search(r'<(script|link|img)[^>]+(src|href)="', html)
    assert "window.RL_WORLD=" in html and "L.markerClusterGroup" in html and "RL.start(" in html
    assert "url(data:font/woff2;base64," in html      # the symbol font travels with the page
