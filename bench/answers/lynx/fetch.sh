#!/bin/sh
# Fetch the lynx corpus: Lynx 2.9.0dev.12's documentation as a library's IT person indexes it
# for the colleagues who run the text-mode browser on the public catalogue terminals, from
# Debian bookworm's lynx-common 2.9.0dev.12-1 (all), copied flat under names that say whose
# they are (usr/share/doc/lynx-common/lynx_help/keystrokes/edit_help.html.gz becomes
# lynx-keystrokes-edit_help.html):
# - the hand-written HTML help pages: the long Lynx Users Guide (lynx-users-guide.html),
#   About Lynx, the lynx.cfg settings with their descriptions and defaults (body.html, as
#   lynx-cfg-body.html; /etc/lynx/lynx.cfg holds the same settings and is left out), the
#   settings by category (cattoc.html) and twelve key-stroke pages (key strokes, movement,
#   line editor, bash-like line editor, options screen, cookie jar, bookmarks, printing,
#   history, environment variables, following links, other commands);
# - the text notes, named with .txt: Debian's README.Debian, PROBLEMS, and docs/README.cookies,
#   README.ssl, README.sslcerts, README.options and README.defines.
# alphatoc.html (the settings again, alphabetically), the other key-stroke and help pages,
# the CHANGES files, the *.announce and *.key files, the changelogs and the copyright file are
# left out. The documents are not committed (documents written by others, GPL-2), so this
# script gets the exact .deb (about 1.2 MB, kept in build/corpora/lynx/) from the Debian
# archive with apt-get (no root needed), checks its sha256, extracts it with dpkg-deb and
# copies (a .gz decompressed) the files into build/corpora/lynx/ (git-ignored).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/lynx/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/lynx"
# package=version sha256 of its .deb, as observed on 2026-12-07
DEBS="lynx-common=2.9.0dev.12-1 3018c15ba98c9fc934ab86202f13b7af9066f742d5959c6c14ee98d6cac9fbe6"
D=usr/share/doc/lynx-common
H=$D/lynx_help
K=$H/keystrokes
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$H/Lynx_users_guide.html.gz lynx-users-guide.html
$H/about_lynx.html.gz lynx-about.html
$H/body.html.gz lynx-cfg-body.html
$H/cattoc.html.gz lynx-cfg-cattoc.html
$K/keystroke_help.html.gz lynx-keystrokes-keystroke_help.html
$K/movement_help.html.gz lynx-keystrokes-movement_help.html
$K/edit_help.html.gz lynx-keystrokes-edit_help.html
$K/bashlike_edit_help.html.gz lynx-keystrokes-bashlike_edit_help.html
$K/option_help.html.gz lynx-keystrokes-option_help.html
$K/cookie_help.html.gz lynx-keystrokes-cookie_help.html
$K/bookmark_help.html.gz lynx-keystrokes-bookmark_help.html
$K/print_help.html.gz lynx-keystrokes-print_help.html
$K/history_help.html.gz lynx-keystrokes-history_help.html
$K/environments.html.gz lynx-keystrokes-environments.html
$K/follow_help.html.gz lynx-keystrokes-follow_help.html
$K/other_help.html.gz lynx-keystrokes-other_help.html
$D/README.Debian lynx-README.Debian.txt
$D/PROBLEMS.gz lynx-PROBLEMS.txt
$D/docs/README.cookies lynx-README.cookies.txt
$D/docs/README.ssl lynx-README.ssl.txt
$D/docs/README.sslcerts.gz lynx-README.sslcerts.txt
$D/docs/README.options lynx-README.options.txt
$D/docs/README.defines.gz lynx-README.defines.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files lynx "$DEST" "$DEBS" "$FILES"
