"""Write the third-party notices every build ships, from what is installed rather than from a typed list.

    python packaging/notices.py OUT_FILE

A build carries code and data of many others, and their licences ask that their notices travel with it.
A hand-kept list goes stale the day a dependency changes; this walks what the build really bundles:

1. Python distributions: the runtime requirements of the installed `relief-ledger` distribution, followed
   recursively (environment markers honoured, extras only where a requirement asks for them; our own
   [test] extra is not part of a build). Each gets its name, version, licence (License-Expression, else
   License, else the licence classifiers), home page and the full text of its licence files (its
   License-File entries, and files it installs named LICENSE*, LICENCE*, COPYING* or NOTICE*), or the
   sentence "licence text not shipped by the package".
2. Qt, Qt WebEngine and Chromium, from the PySide6 wheels, under the LGPL-3.0: what the wheels ship is
   looked up; the LGPL and GPL texts they do not ship come from resources/licenses/.
3. The libraries of the map page (the XStatic packages app/map/assets.py serves): version and home page
   from the package, the copyright header of every file the page loads, any licence file the package
   ships; the upstream licence name from resources/map/SOURCES.toml, since the packages only say
   "(same as Leaflet)".
4. Map data: Natural Earth (resources/map/world.geojson), public domain, terms from SOURCES.toml.

The file starts with a table of contents. It has no date in it: the same environment gives the same file.
"""

from __future__ import annotations

import importlib
import re
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import Distribution, PackageNotFoundError, distribution, distributions
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:   # run as a script: app/ (the map's asset list, the version) is beside this folder
    sys.path.insert(0, str(ROOT))

from app import __version__  # noqa: E402 - after the path above
from app.map import assets  # noqa: E402 - after the path above

DIST = "relief-ledger"
PYPROJECT = ROOT / "pyproject.toml"
LICENCES = ROOT / "resources" / "licenses"
SOURCES = ROOT / "resources" / "map" / "SOURCES.toml"
NOT_SHIPPED = "licence text not shipped by the package"
LICENCE_NAMES = ("LICENSE", "LICENCE", "COPYING", "NOTICE")
CODE_SUFFIXES = {".py", ".pyc", ".pyi", ".pyd", ".so", ".dll", ".dylib", ".js", ".css"}
RULE = "=" * 100


class NoticeError(Exception):
    """The notices would be incomplete (a runtime requirement is not installed): no build without them."""


@dataclass
class Section:
    title: str
    summary: str                      # one line in the table of contents (licence)
    body: list[str] = field(default_factory=list)


def canonical(name: str) -> str:
    """PEP 503 name: `PySide6_Essentials` and `pyside6-essentials` are one distribution."""
    return re.sub(r"[-_.]+", "-", name).lower()


# -- which distributions ---------------------------------------------------------------------------------------
def declared_requirements(dist_name: str = DIST, pyproject: Path = PYPROJECT) -> list[Requirement]:
    """The runtime requirements of `dist_name` as installed, plus those of the checkout's pyproject.toml.

    An editable install keeps the metadata of the day it was installed: a dependency added since is in the
    build (the code imports it) but not in that metadata, so the checkout's list is read as well.
    """
    try:
        installed = distribution(dist_name).requires or []
    except PackageNotFoundError as exc:
        raise NoticeError(f"{dist_name} is not installed here: install it first (pip install -e .)") from exc
    requirements = {canonical(r.name): r for r in map(Requirement, installed) if _applies(r, ())}
    if pyproject.exists() and dist_name == DIST:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
        for line in project.get("dependencies", []):
            requirement = Requirement(line)
            if _applies(requirement, ()):
                requirements.setdefault(canonical(requirement.name), requirement)
    return [requirements[name] for name in sorted(requirements)]


def _applies(requirement: Requirement, extras: Iterable[str]) -> bool:
    """Whether a requirement holds on this platform, for a distribution asked for with these extras."""
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({"extra": extra}) for extra in ("", *extras))


def requirement_walk(roots: Iterable[Requirement]) -> list[Distribution]:
    """Every installed distribution the roots need at run time, each once, in name order."""
    found: dict[str, Distribution] = {}
    visited: set[tuple[str, frozenset[str]]] = set()
    queue = list(roots)
    while queue:
        requirement = queue.pop()
        name, extras = canonical(requirement.name), frozenset(requirement.extras)
        if (name, extras) in visited:
            continue
        visited.add((name, extras))
        try:
            dist = distribution(requirement.name)
        except PackageNotFoundError as exc:
            raise NoticeError(f"{requirement.name} is a runtime requirement but is not installed here, so its "
                              f"licence cannot be read: install the runtime requirements first") from exc
        found[name] = dist
        queue.extend(sub for sub in map(Requirement, dist.requires or []) if _applies(sub, extras))
    return [found[name] for name in sorted(found)]


# -- what a distribution says about itself ------------------------------------------------------------------------
def licence_of(dist: Distribution) -> str:
    meta = dist.metadata
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    stated = (meta.get("License") or "").strip()
    if stated and stated.upper() != "UNKNOWN":
        first = stated.splitlines()[0].strip()
        return first if len(first) <= 120 and first == stated else f"{first[:120]} ... (full text below)"
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return "; ".join(classifiers) or "not stated by the package"


def home_page(dist: Distribution) -> str:
    meta = dist.metadata
    if meta.get("Home-page"):
        return str(meta["Home-page"])
    urls = [tuple(part.strip() for part in entry.split(",", 1)) for entry in meta.get_all("Project-URL") or []]
    for wanted in ("homepage", "home", "source", "source code", "repository", "documentation"):
        for label, address in (u for u in urls if len(u) == 2):
            if label.lower() == wanted:
                return address
    return urls[0][-1] if urls else "not stated by the package"


def _is_licence_name(name: str) -> bool:
    path = Path(name)
    return path.name.upper().startswith(LICENCE_NAMES) and path.suffix.lower() not in CODE_SUFFIXES


def licence_files(dist: Distribution) -> list[tuple[str, Path]]:
    """(name as installed, file) of each licence file the distribution ships, in a stable order.

    Its License-File entries (all of them: a package may name its AUTHORS file as part of its licence),
    then any other file it installs named LICENSE*, LICENCE*, COPYING* or NOTICE*.
    """
    files = list(dist.files or [])
    declared = [entry.replace("\\", "/") for entry in dist.metadata.get_all("License-File") or []]
    chosen: dict[str, Path] = {}
    for entry in declared:
        for file in files:
            posix = file.as_posix()
            if ".dist-info/" in posix and (posix.endswith("/" + entry)):
                chosen.setdefault(posix, Path(str(dist.locate_file(file))))
    for file in files:
        if _is_licence_name(file.as_posix()):
            chosen.setdefault(file.as_posix(), Path(str(dist.locate_file(file))))
    unique: list[tuple[str, Path]] = []
    seen: set[str] = set()
    for name, path in sorted(chosen.items()):
        if path.is_file() and (text := _text(path)) not in seen:   # numpy ships some texts twice: print each once
            seen.add(text)
            unique.append((name, path))
    return unique


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").rstrip()


def distribution_section(dist: Distribution) -> Section:
    name, version, licence = dist.metadata["Name"], dist.version, licence_of(dist)
    section = Section(f"{name} {version}", licence)
    section.body += [f"Licence: {licence}", f"Home page: {home_page(dist)}"]
    shipped = licence_files(dist)
    if not shipped:
        section.body.append(f"({NOT_SHIPPED})")
        if "LGPL" in licence:
            section.body.append("The LGPL-3.0 and GPL-3.0 texts are in part 2 (Qt, Qt WebEngine and Chromium).")
    for installed_as, path in shipped:
        section.body += ["", f"--- {installed_as} ---", "", _text(path)]
    return section


# -- Qt, Qt WebEngine and Chromium -----------------------------------------------------------------------------------
def qt_distributions() -> list[Distribution]:
    found = {canonical(d.metadata["Name"]): d for d in distributions()
             if canonical(d.metadata["Name"] or "").startswith(("pyside6", "shiboken6"))}
    return [found[name] for name in sorted(found)]


def qt_section() -> Section:
    """Qt under the LGPL-3.0: versions, what the wheels ship, where Chromium's notices are, and the texts."""
    import PySide6
    from PySide6.QtCore import qVersion

    try:
        from PySide6.QtWebEngineCore import qWebEngineChromiumVersion
        chromium = f"Chromium {qWebEngineChromiumVersion()}"
    except ImportError:   # a build machine without the web engine's system libraries: say so, do not guess
        chromium = "Chromium (version unknown: Qt WebEngine could not be loaded where these notices were made)"
    wheels = qt_distributions()
    section = Section(f"Qt {qVersion()}, Qt WebEngine and {chromium}", "LGPL-3.0-only")
    section.body += [
        f"The program runs on Qt {qVersion()} and Qt WebEngine ({chromium}) through PySide6 {PySide6.__version__},",
        "as shipped in these wheels:", *(f"  {d.metadata['Name']} {d.version}" for d in wheels),
        "They are offered under \"LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only\" (their metadata); Relief Ledger",
        "uses them under the GNU Lesser General Public License version 3, whose text and the GPL-3.0 text it",
        "builds on follow below.",
        "",
        "Qt and PySide6 are shared libraries in the program's folder (PySide6/, shiboken6/): you may replace them",
        "with your own build of the same versions. Their source code: https://download.qt.io/official_releases/qt/",
        "and https://download.qt.io/official_releases/QtForPython/ (or write to the Relief Ledger maintainers).",
    ]
    shipped = [(f"{d.metadata['Name']}: {name}", path) for d in wheels for name, path in licence_files(d)]
    credits = [(f"{d.metadata['Name']}: {f.as_posix()}", Path(str(d.locate_file(f)))) for d in wheels
               for f in d.files or [] if re.search(r"credits|thirdparty|third_party_licen", f.name, re.IGNORECASE)]
    if shipped or credits:
        section.body += ["", "Licence files the wheels ship:"] + [f"  {name}" for name, _ in shipped + credits]
    else:
        section.body += ["", "The wheels above ship no licence, notice or credits file (looked for LICENSE*,",
                         "LICENCE*, COPYING*, NOTICE*, *credits* and *thirdparty* among their installed files)."]
    paks = [f"{d.metadata['Name']}: {f.as_posix()}" for d in wheels for f in d.files or []
            if f.name == "qtwebengine_resources.pak"]
    section.body += ["", "Chromium and its third-party components are part of Qt WebEngine; their licence notices",
                     "are compiled into its resource file (" + (", ".join(paks) or "qtwebengine_resources.pak")
                     + "), and listed by Qt", "at https://doc.qt.io/qt-6/qtwebengine-licensing.html."]
    for installed_as, path in shipped + credits:
        section.body += ["", f"--- {installed_as} ---", "", _text(path)]
    for text in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        section.body += ["", f"--- {text} (resources/licenses/{text}: the wheels do not ship it; "
                             f"see resources/licenses/README.md) ---", "", _text(LICENCES / text)]
    return section


# -- the map page's libraries and data ---------------------------------------------------------------------------------
def _served_files() -> dict[str, list[Path]]:
    """For each XStatic library, the files the map page loads from it (app/map/assets.py's lists)."""
    served: dict[str, list[Path]] = {}
    for _name, address in assets.JS + assets.CSS + assets.CLUSTER_JS + assets.CLUSTER_CSS:
        path = address.removeprefix(assets.ORIGIN + "/")
        parts = path.split("/")
        file = assets.resolve(path)
        if parts[0] == "static" and file is not None:
            served.setdefault(parts[1], []).append(file)
    return served


def header_comment(path: Path) -> str | None:
    """The licence header a minified file keeps (`/*! ... */` or `/* @preserve ... */`), if it starts with one."""
    head = path.read_text(encoding="utf-8", errors="replace")[:4000].lstrip()
    found = re.match(r"/\*(?:!|\s*@preserve)(.*?)\*/", head, re.DOTALL)
    if not found:
        return None
    lines = [line.strip().lstrip("*").strip() for line in found.group(1).splitlines()]
    return "\n".join(line for line in lines if line)


def map_library_sections(sources: dict) -> list[Section]:
    served = _served_files()
    sections = []
    for library in sorted(assets.XSTATIC, key=lambda key: assets.XSTATIC[key]):
        module = importlib.import_module(assets.XSTATIC[library])
        upstream = sources.get("libraries", {}).get(library, {})
        licence = upstream.get("licence", "not stated in resources/map/SOURCES.toml")
        section = Section(f"{module.DISPLAY_NAME} {module.VERSION}", licence)
        package = getattr(module, "PACKAGE_NAME", f"XStatic-{module.DISPLAY_NAME}")
        section.body += [f"Licence: {licence} (the package {package} says \"{module.LICENSE}\"; the name is from "
                         "resources/map/SOURCES.toml)",
                         f"Home page: {module.HOMEPAGE}",
                         f"Upstream licence: {upstream.get('licence_url', 'see the home page')}"]
        base = Path(module.BASE_DIR)
        for file in served.get(library, []):
            header = header_comment(file)
            where = file.relative_to(base).as_posix()
            section.body += ["", f"Served to the map page: {where}",
                             f"Its copyright header:\n{header}" if header else "(the file carries no copyright header)"]
        texts = sorted(path for path in base.rglob("*") if path.is_file() and _is_licence_name(path.name))
        if not texts:
            section.body += ["", f"({NOT_SHIPPED}; the upstream text is at the address above)"]
        for path in texts:
            section.body += ["", f"--- {package}: {path.relative_to(base).as_posix()} ---", "", _text(path)]
        sections.append(section)
    return sections


def data_sections(sources: dict) -> list[Section]:
    sections = []
    for entry in sources.get("data", {}).values():
        section = Section(entry["name"], entry["licence"])
        section.body += [f"Licence: {entry['licence']}", f"Used in: {entry['used_in']}", f"Made by: {entry['made_by']}"]
        used = ROOT / entry["used_in"]
        if used.suffix == ".geojson" and used.exists():
            import json

            stated = json.loads(used.read_text(encoding="utf-8")).get("properties", {}).get("source")
            if stated:
                section.body.append(f"The file itself says: {stated}")
        section.body += ["", f"Terms of use ({entry['terms_url']}):", entry["terms"]]
        if entry.get("credit"):
            section.body += ["", entry["credit"]]
        sections.append(section)
    return sections


# -- the file --------------------------------------------------------------------------------------------------------
def notices_text(roots: Iterable[Requirement] | None = None) -> str:
    sources = tomllib.loads(SOURCES.read_text(encoding="utf-8"))
    parts = [
        ("Python distributions", [distribution_section(d) for d in requirement_walk(
            declared_requirements() if roots is None else roots)]),
        ("Qt, Qt WebEngine and Chromium", [qt_section()]),
        ("Libraries of the map page", map_library_sections(sources)),
        ("Map data", data_sections(sources)),
    ]
    title = f"Third-party notices for Relief Ledger {__version__}"
    lines = [title, "=" * len(title), "",
             "Relief Ledger is distributed together with the software and data listed below, each under its own",
             "licence. This file was generated by packaging/notices.py from the installed packages the program was",
             "built with.", "", "Contents", ""]
    for number, (heading, sections) in enumerate(parts, 1):
        lines.append(f"  {number}. {heading}")
        lines += [f"     {number}.{index:<3} {s.title}  [{s.summary}]" for index, s in enumerate(sections, 1)]
    for number, (heading, sections) in enumerate(parts, 1):
        lines += ["", "", RULE, f"{number}. {heading}", RULE]
        for index, section in enumerate(sections, 1):
            lines += ["", "-" * 100, f"{number}.{index} {section.title}", "-" * 100, "", *section.body]
    return "\n".join(lines) + "\n"


def write_notices(out: Path, roots: Iterable[Requirement] | None = None) -> None:
    """Write the notices to `out` (roots: the requirements to start from; default: relief-ledger's)."""
    text = notices_text(roots)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python packaging/notices.py OUT_FILE", file=sys.stderr)
        return 2
    try:
        write_notices(Path(argv[0]))
    except NoticeError as exc:
        print(f"notices: {exc}", file=sys.stderr)
        return 1
    print(argv[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
