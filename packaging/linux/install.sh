#!/bin/sh
# Put Tracedesk on this user's desktop: the tracedesk command, the menu entry, the icon
# and the file association for review databases. Run it from the unpacked app folder;
# run it again after moving the folder. Nothing outside your home folder is changed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
mkdir -p "$bin" "$data"
ln -sf "$here/tracedesk" "$bin/tracedesk"
cp -r "$here/share/." "$data/"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Installed: $bin/tracedesk and the Tracedesk menu entry (make sure $bin is on your PATH)."
