"""Where every file the map page loads comes from: XStatic packages and resources/map, never a CDN.

Qt-free, so the export to standalone HTML and the tests can use it without a web engine. URLs on
the page look like `rlmap://app/static/leaflet/leaflet.js`; `resolve()` turns the path part into a
file on disk, and `inline_html()` turns a page into one self-contained file.
"""

from __future__ import annotations

import base64
import importlib
import mimetypes
import re
from functools import cache, lru_cache
from pathlib import Path

from app import paths

SCHEME = "rlmap"
HOST = "app"
ORIGIN = f"{SCHEME}://{HOST}"
RESOURCES = paths.RESOURCES / "map"

# url folder -> xstatic module holding the files of that library
XSTATIC = {
    "leaflet": "xstatic.pkg.leaflet",
    "markercluster": "xstatic.pkg.leaflet_markercluster",
    "jquery": "xstatic.pkg.jquery",
    "bootstrap": "xstatic.pkg.bootstrap",
    "fontawesome": "xstatic.pkg.font_awesome",
}
MIME = {".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".geojson": "application/json",
        ".png": "image/png", ".woff2": "font/woff2", ".ttf": "font/ttf", ".html": "text/html", ".svg": "image/svg+xml",
        ".pbf": "application/x-protobuf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp"}


def url(path: str) -> str:
    return f"{ORIGIN}/{path.lstrip('/')}"


# The libraries the page needs, in load order (folium's own default_js/default_css are replaced by these).
JS = [("leaflet", url("static/leaflet/leaflet.js")), ("jquery", url("static/jquery/jquery.min.js")),
      ("bootstrap", url("static/bootstrap/js/bootstrap.bundle.min.js"))]
CSS = [("leaflet_css", url("static/leaflet/leaflet.css")),
       ("bootstrap_css", url("static/bootstrap/css/bootstrap.min.css")),
       ("fontawesome_css", url("static/fontawesome/css/fontawesome.min.css")),
       ("fontawesome_solid_css", url("static/fontawesome/css/solid.min.css"))]
CLUSTER_JS = [("markerclusterjs", url("static/markercluster/leaflet.markercluster.js"))]
CLUSTER_CSS = [("markerclustercss", url("static/markercluster/MarkerCluster.css")),
               ("markerclusterdefaultcss", url("static/markercluster/MarkerCluster.Default.css"))]


@cache
def xstatic_dir(library: str) -> Path:
    module = importlib.import_module(XSTATIC[library])
    return Path(module.BASE_DIR)


def resolve(path: str) -> Path | None:
    """The file behind a URL path like `static/leaflet/leaflet.js` or `res/map.js`; None if not ours.

    Paths that climb out of their folder (`..`) are refused, so the page can read nothing else.
    """
    parts = [p for p in path.strip("/").split("/") if p]
    if not parts or any(p in ("..", ".") or "\\" in p for p in parts):
        return None
    if parts[0] == "static" and len(parts) >= 3 and parts[1] in XSTATIC:
        base, rest = xstatic_dir(parts[1]), parts[2:]
    elif parts[0] == "res" and len(parts) >= 2:
        base, rest = RESOURCES, parts[1:]
    else:
        return None
    candidate = base.joinpath(*rest)
    return candidate if candidate.is_file() else None


def mime_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return MIME.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


@lru_cache(maxsize=64)
def read(path: str) -> bytes | None:
    """Asset bytes, cached: the same few files are asked for on every page load."""
    found = resolve(path)
    return found.read_bytes() if found is not None else None


def _data_uri(path: str) -> str | None:
    data = read(path)
    return None if data is None else f"data:{mime_of(path)};base64,{base64.b64encode(data).decode('ascii')}"


def _inline_css(css: str, css_path: str) -> str:
    """Replace url(...) references in a style sheet with data: URIs (fonts, images)."""
    folder = css_path.rsplit("/", 1)[0]

    def replace(match: re.Match) -> str:
        target = match.group(2).split("?")[0].split("#")[0]
        if target.startswith(("data:", "http:", "https:", "#")):
            return match.group(0)
        joined = _join(folder, target)
        uri = _data_uri(joined) if joined else None
        return f"url({uri})" if uri else "url()"

    return re.sub(r"url\((['\"]?)([^'\")]+)\1\)", replace, css)


def _join(folder: str, relative: str) -> str | None:
    parts = folder.split("/")
    for piece in relative.split("/"):
        if piece == "..":
            if not parts:
                return None
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def inline_html(html: str) -> str:
    """The page with every rlmap: script and style sheet copied in, so it opens anywhere, offline."""
    prefix = re.escape(ORIGIN + "/")

    def script(match: re.Match) -> str:
        data = read(match.group(1))
        if data is None:
            return ""
        text = data.decode("utf-8").replace("</script", "<\\/script")
        return f"<script>{text}</script>"

    def style(match: re.Match) -> str:
        data = read(match.group(1))
        if data is None:
            return ""
        return f"<style>{_inline_css(data.decode('utf-8'), match.group(1))}</style>"

    html = re.sub(r'<script[^>]*src="' + prefix + r'([^"]+)"[^>]*>\s*</script>', script, html)
    html = re.sub(r'<link[^>]*href="' + prefix + r'([^"]+)"[^>]*/?>', style, html)
    return html
