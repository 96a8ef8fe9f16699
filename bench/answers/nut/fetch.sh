#!/bin/sh
# Fetch the nut corpus: the Network UPS Tools (NUT) 2.8.0 documentation as a small office's
# IT person would index "the UPS monitoring docs", from Debian bookworm's NUT 2.8.0-7
# packages:
# - user-manual.pdf: the NUT User Manual as shipped (usr/share/doc/nut-doc/pdf/ of nut-doc,
#   about 880 KB, AsciiDoc + dblatex: introduction, features, compatibility and the
#   hardware list, download and installation, configuration (drivers, upsd, upsmon,
#   primary/secondary, shutdown), advanced usage and scheduling (upssched), NUT
#   configuration examples, security and SSL, the status values, variable and instant
#   command tables);
# - FAQ.html: the NUT FAQ as one HTML page (usr/share/doc/nut-doc/html/FAQ.html of nut-doc);
# - nut-upsmon.conf.txt, nut-upsd.conf.txt, nut-upsd.users.txt: the commented sample
#   configuration files as Debian ships them (etc/nut/upsmon.conf of nut-client,
#   etc/nut/upsd.conf and etc/nut/upsd.users of nut-server), renamed so that they are read
#   as text.
# The developer and packager guides, the cables and Solaris USB PDFs, the multi-page HTML,
# the manual pages and the other files of /etc/nut are left out. The documents are not
# committed (documents written by others, GPL-2+), so this script gets the exact .debs from
# the Debian archive with apt-get (no root needed), checks each sha256, extracts them with
# dpkg-deb and copies the five files into build/corpora/nut/ (git-ignored), where the .debs
# are kept too. nut-client and nut-server are architecture-specific: their sha256 are the
# amd64 ones, so on another architecture amd64 must be added to dpkg first. Their file names
# end in "_amd64", so this script does not use fetch-debs.sh's fetch_debs (it builds
# package_version_all.deb names) but its require_tools, like apcupsd's fetch.sh.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/nut/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/nut"
# package=version (what apt-get download is asked for), the file it writes, its sha256, as
# observed on 2026-12-06
DEBS="nut-doc=2.8.0-7 nut-doc_2.8.0-7_all.deb d9b7ad56a6635a973a3b92cdb979755d5595264bcd0f5399886351cc9b994542
nut-client:amd64=2.8.0-7 nut-client_2.8.0-7_amd64.deb afecbe2106635dd30b3e3c0807168e6a0aef6b374dba47d58825418857148a0a
nut-server:amd64=2.8.0-7 nut-server_2.8.0-7_amd64.deb 48e1e88db8b2ed5d1369a11ae341d19e04d0d251461943af81f493f62180be22"
# path in the packages -> name in DEST; keep in step with corpus.txt
FILES="usr/share/doc/nut-doc/pdf/user-manual.pdf user-manual.pdf
usr/share/doc/nut-doc/html/FAQ.html FAQ.html
etc/nut/upsmon.conf nut-upsmon.conf.txt
etc/nut/upsd.conf nut-upsd.conf.txt
etc/nut/upsd.users nut-upsd.users.txt"

missing=
while read -r path name; do
  [ -s "$DEST/$name" ] || missing=yes
done <<LIST
$FILES
LIST
[ -n "$missing" ] || exit 0

. "$REPO/bench/answers/fetch-debs.sh"
require_tools nut apt-get dpkg-deb sha256sum
mkdir -p "$DEST"
tmp=$(mktemp -d "$DEST/extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
while read -r spec deb sha; do
  if [ ! -s "$DEST/$deb" ]; then
    # apt-get download writes into the current folder; no root needed
    if ! (cd "$DEST" && apt-get download -q=2 "$spec"); then
      echo "nut fetch: 'apt-get download $spec' failed (no Debian mirror reachable, or" \
        "run 'apt-get update' first; on a machine that is not amd64," \
        "'dpkg --add-architecture amd64' first)." >&2
      exit 1
    fi
    if [ ! -s "$DEST/$deb" ]; then
      echo "nut fetch: apt-get download $spec did not leave $deb in $DEST." >&2
      exit 1
    fi
  fi
  if ! echo "$sha  $DEST/$deb" | sha256sum -c --quiet - >/dev/null 2>&1; then
    rm -f "$DEST/$deb"
    echo "nut fetch: $deb does not have the expected sha256 $sha; removed it." >&2
    exit 1
  fi
  if ! dpkg-deb -x "$DEST/$deb" "$tmp"; then
    echo "nut fetch: could not extract $deb." >&2
    exit 1
  fi
done <<LIST
$DEBS
LIST
while read -r path name; do
  if [ ! -s "$tmp/$path" ]; then
    echo "nut fetch: $path is not in the extracted packages." >&2
    exit 1
  fi
  cp "$tmp/$path" "$tmp/$name.part"
  mv "$tmp/$name.part" "$DEST/$name"
done <<LIST
$FILES
LIST
echo "nut fetch: documents ready in $DEST" >&2
