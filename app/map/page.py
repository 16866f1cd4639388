"""The map page, built by folium with every asset pointed at the local scheme instead of a CDN.

Qt-free. folium lays out the Leaflet map and its header; the layers themselves are drawn by
resources/map/map.js from features sent over QWebChannel (or embedded, in an exported file), so
a live update never rebuilds the page.
"""

from __future__ import annotations

import json

import folium
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from app.map import assets
from app.map.mbtiles import MapPackage


class OfflineMap(folium.Map):
    """folium.Map whose JS/CSS come from the XStatic packages through the map scheme."""

    default_js = assets.JS
    default_css = assets.CSS


class ReliefLayers(JSCSSMixin, MacroElement):
    """Loads the clustering plugin, the web channel and map.js, then starts them on the folium map."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            RL.start({{ this._parent.get_name() }}, {{ this.config | tojson }});
        {% endmacro %}
    """)
    default_js = assets.CLUSTER_JS + [("qwebchannel", assets.url("qwebchannel.js")),
                                      ("relief_world", assets.url("basemap/world.js")),
                                      ("relief_map", assets.url("res/map.js"))]
    default_css = assets.CLUSTER_CSS + [("relief_css", assets.url("res/map.css"))]

    def __init__(self, config: dict) -> None:
        super().__init__()
        self._name = "ReliefLayers"
        self.config = config


def tile_url(package: MapPackage) -> str:
    return assets.url(f"tiles/{package.name}/{{z}}/{{x}}/{{y}}")


def page_config(packages: list[MapPackage], online_url: str = "", online_attribution: str = "",
                embedded: dict | None = None) -> dict:
    """What map.js needs to know: the basemaps it may offer and, for an export, the features."""
    basemaps = [{"name": p.name, "title": p.title, "url": tile_url(p), "min_zoom": p.min_zoom,
                 "max_zoom": p.max_zoom, "attribution": p.attribution, "bounds": p.bounds} for p in packages]
    config: dict = {"basemaps": basemaps, "online": None, "embedded": embedded}
    if online_url:
        config["online"] = {"url": online_url, "attribution": online_attribution or online_url.split("/")[2]
                            if "://" in online_url else online_url}
    return config


def build_html(config: dict, location: tuple[float, float] = (-19.8, 34.85), zoom: int = 9) -> str:
    """The whole page as one HTML string."""
    fmap = OfflineMap(location=list(location), zoom_start=zoom, tiles=None, control_scale=True,
                      prefer_canvas=False, world_copy_jump=False)
    fmap.add_child(ReliefLayers(config))
    return fmap.get_root().render()


def world_js() -> bytes:
    """The bundled Natural Earth outline as a script (a script loads from any origin, even file:)."""
    data = assets.read("res/world.geojson") or b'{"type":"FeatureCollection","features":[]}'
    return b"window.RL_WORLD=" + data + b";"


def export_html(config: dict, location: tuple[float, float], zoom: int) -> str:
    """A standalone page: every script, style sheet, font and the basemap outline inlined."""
    html = build_html(config, location, zoom)
    html = html.replace(f'<script src="{assets.url("basemap/world.js")}"></script>',
                        "<script>" + world_js().decode("utf-8") + "</script>")
    html = html.replace(f'<script src="{assets.url("qwebchannel.js")}"></script>', "")
    return assets.inline_html(html)


def dumps(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
