#!/bin/sh
# Put Relief Ledger in this user's application menu, pointing at the folder this script is in.
#
#     ./install-desktop-entry.sh              add the menu entry and icons (run it again after moving the folder)
#     ./install-desktop-entry.sh --uninstall  remove them
#
# It writes only the menu entry and icons under ${XDG_DATA_HOME:-~/.local/share}/applications and
# .../icons/hicolor. The replicas (${XDG_DATA_HOME:-~/.local/share}/relief-ledger) and the settings are never
# touched, not even by --uninstall: removing the program never removes a ledger.
set -eu

name=relief-ledger
sizes="16 24 32 48 64 128 256 512"
data_home=${XDG_DATA_HOME:-${HOME:?HOME is not set}/.local/share}
apps=$data_home/applications
icons=$data_home/icons/hicolor
entry=$apps/$name.desktop

refresh() {
    # Menus and icon caches pick the change up by themselves on most desktops; these make it immediate.
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps" 2>/dev/null || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true; fi
}

case ${1:-} in
    "") ;;
    --uninstall)
        rm -f "$entry"
        for n in $sizes; do rm -f "$icons/${n}x${n}/apps/$name.png"; done
        refresh
        echo "Relief Ledger is no longer in the application menu. Its data in $data_home/$name was left as it is."
        exit 0 ;;
    -h|--help)
        sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
        exit 0 ;;
    *)
        echo "install-desktop-entry.sh: unknown option $1 (--uninstall removes the entry, --help says more)" >&2
        exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd -P)
program=$here/$name
if [ ! -x "$program" ]; then
    echo "install-desktop-entry.sh: $program is missing or not executable: run this script from the unpacked folder" >&2
    exit 1
fi
# A menu entry's Exec line quotes the path whole; inside the quotes these characters would need escapes that
# desktops read differently, so such a folder is refused rather than given an entry that may not start.
case $here in
    *[\"\`\$\\%]*|*"
"*)
        echo "install-desktop-entry.sh: the folder's path ($here) holds \", \`, \$, \\, % or a line break," \
             "which a menu entry cannot name reliably: move the folder and run this again" >&2
        exit 1 ;;
esac

mkdir -p "$apps"
escaped=$(printf '%s\n' "$program" | sed 's/[|&]/\\&/g')
partial=$entry.partial.$$
sed -e "s|^Exec=.*|Exec=\"$escaped\"|" -e "s|^TryExec=.*|TryExec=$escaped|" "$here/$name.desktop" > "$partial"
mv "$partial" "$entry"

installed=0
for n in $sizes; do
    source=$here/share/icons/hicolor/${n}x${n}/apps/$name.png
    if [ -f "$source" ]; then
        mkdir -p "$icons/${n}x${n}/apps"
        cp "$source" "$icons/${n}x${n}/apps/$name.png"
        installed=$((installed + 1))
    fi
done
if [ "$installed" -eq 0 ]; then
    echo "install-desktop-entry.sh: warning: this folder has no icons; the menu shows a generic one" >&2
fi
refresh
echo "Relief Ledger is in the application menu (entry $entry, program $program)."
echo "Its data lives in $data_home/$name; this script never touches it."
