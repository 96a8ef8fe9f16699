#!/bin/sh
# Fetch the chrony corpus: the chrony 4.3 documentation as a small office's IT person would
# index "the time server docs", from Debian bookworm's chrony 4.3-2+deb12u3 (amd64), all as
# plain text under names ending in .txt:
# - chrony-FAQ.txt: the upstream FAQ (usr/share/doc/chrony/FAQ.gz, AsciiDoc-style text with
#   numbered sections and questions), the main document;
# - chrony-README.txt: the upstream README (README.gz);
# - chrony-NEWS.txt: the upstream release notes (NEWS.gz, from 1.x to 4.3);
# - chrony-README.Debian.txt and chrony-NEWS.Debian.txt: Debian's notes (README.Debian,
#   NEWS.Debian.gz);
# - chrony.conf.example2.txt and chrony.conf.example3.txt: the commented upstream example
#   configurations (usr/share/doc/chrony/examples/);
# - chrony-debian-default.conf.txt: Debian's default configuration
#   (usr/share/chrony/chrony.conf, installed as /etc/chrony/chrony.conf).
# The manual pages (roff), chrony.conf.example1, the changelog and copyright are left out.
# The documents are not committed (documents written by others, GPL-2), so this script gets
# the exact .deb (about 290 KB, kept in build/corpora/chrony/) from the Debian archive with
# apt-get (no root needed), checks its sha256, extracts it with dpkg-deb and copies the files
# (a .gz decompressed) into build/corpora/chrony/ (git-ignored). The package is
# architecture-specific: its sha256 is the amd64 one, so on another architecture amd64 must
# be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/chrony/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/chrony"
# package:architecture=version sha256 of its .deb, as observed on 2026-12-06
DEBS="chrony:amd64=4.3-2+deb12u3 0b215bde3a8b31d1da5a5afbf24a16dce65701f56f3f8b789cb18dfb664b4a61"
D=usr/share/doc/chrony
# path in the package -> name in DEST; keep in step with corpus.txt
FILES="$D/FAQ.gz chrony-FAQ.txt
$D/README.gz chrony-README.txt
$D/NEWS.gz chrony-NEWS.txt
$D/README.Debian chrony-README.Debian.txt
$D/NEWS.Debian.gz chrony-NEWS.Debian.txt
$D/examples/chrony.conf.example2 chrony.conf.example2.txt
$D/examples/chrony.conf.example3 chrony.conf.example3.txt
usr/share/chrony/chrony.conf chrony-debian-default.conf.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files chrony "$DEST" "$DEBS" "$FILES"
