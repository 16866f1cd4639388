"""Update the client's translation catalogues and compile them: one command after adding strings.

    python packaging/i18n.py

1. `pyside6-lupdate` reads every app/**/*.py and updates resources/translations/relief_ledger_<lang>.ts
   for each language below: new strings are added as unfinished, strings no longer in the code are
   dropped, translations already made are kept.
2. Translate what is new (Qt Linguist: `pyside6-linguist resources/translations/relief_ledger_pt.ts`).
3. Run this again: `pyside6-lrelease` compiles each .ts into the .qm the client loads
   (app/ui/i18n.py). The .qm files are committed, so the client and a packaged build need no Qt tools.

tests/ui/test_translations.py fails when the catalogues or the .qm files are out of date, or when
Portuguese or French have an untranslated string.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "relief_ledger"
LANGUAGES = ("pt", "fr", "ar")   # complete: pt and fr (tested); ar proves the right-to-left layout
COMMAND = "python packaging/i18n.py"


def tool(name: str) -> str:
    """A Qt tool shipped with PySide6, beside this interpreter first (a venv need not be on PATH)."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def sources(root: Path = ROOT) -> list[str]:
    """Every Python file of the client, relative to `root`, in a stable order."""
    return sorted(str(path.relative_to(root)) for path in (root / "app").rglob("*.py"))


def ts_path(language: str, directory: Path = TRANSLATIONS) -> Path:
    return directory / f"{CATALOGUE}_{language}.ts"


def update(directory: Path = TRANSLATIONS, root: Path = ROOT) -> None:
    """Extract the strings of app/ into each catalogue in `directory` (no line numbers: stable diffs)."""
    directory.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run([tool("pyside6-lupdate"), *sources(root), "-ts", str(ts_path(language, directory)),
                        "-no-obsolete", "-locations", "none", "-source-language", "en",
                        "-target-language", language, "-silent"], cwd=root, check=True)


def release(directory: Path = TRANSLATIONS, target: Path | None = None) -> None:
    """Compile each catalogue into the .qm file the client loads."""
    for language in LANGUAGES:
        qm = (target or directory) / f"{CATALOGUE}_{language}.qm"
        subprocess.run([tool("pyside6-lrelease"), str(ts_path(language, directory)), "-qm", str(qm), "-silent"],
                       check=True)


def main() -> int:
    update()
    release()
    print(f"catalogues updated in {TRANSLATIONS.relative_to(ROOT)}: translate the unfinished strings, "
          f"then run `{COMMAND}` again")
    return 0


if __name__ == "__main__":
    sys.exit(main())
