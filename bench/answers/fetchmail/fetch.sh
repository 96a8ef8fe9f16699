#!/bin/sh
# Fetch the fetchmail corpus: the fetchmail 6.4.37 documentation as a small company's IT
# person indexes it for the colleagues who run its mail collection, from Debian bookworm's
# fetchmail 6.4.37-1 (amd64), copied flat under names that say whose they are (a .gz
# decompressed, text files ending in .txt):
# - fetchmail-FAQ.html: the long upstream FAQ (one HTML page: the question index, then the
#   general, build, configuration, multidrop, server-specific, MTA/MDA, runtime, mangling and
#   security questions), the main document;
# - fetchmail-features.html (features by release), fetchmail-design-notes.html (the
#   maintainers' design notes) and fetchmail-todo.html (the to-do list);
# - fetchmail-NEWS.txt (NEWS.gz: the release notes of 6.3.x and 6.4.x by version) and
#   fetchmail-OLDNEWS.txt (OLDNEWS.gz: the older releases' notes);
# - fetchmail-README.SSL.txt (README.SSL.gz: client-side SSL/TLS setup);
# - fetchmail-README.Debian.txt and fetchmail-NEWS.Debian.txt: Debian's notes.
# The changelog, copyright, README.systemd, README.contrib, TODO.Debian, the example
# .fetchmailrc and the contrib/ folder are left out. The documents are not committed
# (documents written by others, GPL-2 and other free licences), so this script gets the exact
# .deb (about 370 KB, kept in build/corpora/fetchmail/) from the Debian archive with apt-get
# (no root needed), checks its sha256, extracts it with dpkg-deb and copies the files into
# build/corpora/fetchmail/ (git-ignored). The package is architecture-specific: its sha256 is
# the amd64 one, so on another architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/fetchmail/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/fetchmail"
# package:architecture=version sha256 of its .deb, as observed on 2026-12-06
DEBS="fetchmail:amd64=6.4.37-1 67a888df52239e0988a9170b8d8521fbeca1d9934a8b0f1a3e1ea6982a880ed6"
D=usr/share/doc/fetchmail
# path in the package -> name in DEST; keep in step with corpus.txt
FILES="$D/fetchmail-FAQ.html fetchmail-FAQ.html
$D/fetchmail-features.html fetchmail-features.html
$D/design-notes.html fetchmail-design-notes.html
$D/todo.html fetchmail-todo.html
$D/NEWS.gz fetchmail-NEWS.txt
$D/OLDNEWS.gz fetchmail-OLDNEWS.txt
$D/README.SSL.gz fetchmail-README.SSL.txt
$D/README.Debian.gz fetchmail-README.Debian.txt
$D/NEWS.Debian.gz fetchmail-NEWS.Debian.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files fetchmail "$DEST" "$DEBS" "$FILES"
