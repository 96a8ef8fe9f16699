#!/bin/sh
# Fetch the apcupsd corpus: the UPS software's documentation as a small office's IT person
# would index "the UPS software manual", from Debian bookworm's apcupsd 3.14.14 packages:
# - apcupsd-manual.html: the APCUPSD User Manual (usr/share/doc/apcupsd/manual/manual.html of
#   apcupsd-doc 3.14.14-3.1; ONE Docutils HTML page of about 400 KB: quick start, supported
#   systems, UPSes and cables, USB configuration per platform, building and installing,
#   configuration examples (USB, serial SmartUPS, dumb UPS, NIS server/client, PCNET,
#   MODBUS), testing, apcaccess, the CGI programs, security, battery maintenance and runtime
#   calibration, the FAQ, event handling and the apccontrol events, several UPSes on one
#   machine, SNMP UPSes, system logging, the Windows version, serial-line UPSes, cables and
#   their wiring, the configuration directive reference, the status report fields, the
#   shutdown sequence, the APC smart protocol, the NIS protocol, the RPM FAQ and credits);
# - apcupsd.conf.txt: the commented sample configuration file as Debian ships it
#   (etc/apcupsd/apcupsd.conf of apcupsd 3.14.14-3.1+b1), renamed so that it is read as text;
# - apcupsd-ReleaseNotes.txt: the release notes of 3.14.0 to 3.14.14 (plain text,
#   usr/share/doc/apcupsd/ReleaseNotes.gz of apcupsd, decompressed).
# The manual's rST sources, PNG figures and the examples, the other files of /etc/apcupsd
# (event scripts, hosts.conf, multimon.conf), the manual pages and the change logs are left
# out. The documents are not committed (documents written by others, GPL-2), so this script
# gets the exact .debs from the Debian archive with apt-get (no root needed), checks each
# sha256, extracts them with dpkg-deb and copies the three files into build/corpora/apcupsd/
# (git-ignored), where the .debs are kept too. The apcupsd package is architecture-specific:
# its sha256 is the amd64 one, so on another architecture amd64 must be added to dpkg first.
# Its version carries "+b1" (a binary rebuild) and its file name "_amd64", so this script
# does not use fetch-debs.sh's fetch_debs (it builds package_version_all.deb names) but its
# require_tools. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/apcupsd/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/apcupsd"
# package=version (what apt-get download is asked for), the file it writes, its sha256, as
# observed on 2026-12-05
DEBS="apcupsd-doc=3.14.14-3.1 apcupsd-doc_3.14.14-3.1_all.deb 04aa73e6d2e3b732109fe58de3fd4beb3dd735330036028622f958edcc365988
apcupsd:amd64=3.14.14-3.1+b1 apcupsd_3.14.14-3.1+b1_amd64.deb d0038db99f7fe4741b1ddf6649d514ceac2993b228c72378e48cc1e4341d4664"
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="usr/share/doc/apcupsd/manual/manual.html apcupsd-manual.html
etc/apcupsd/apcupsd.conf apcupsd.conf.txt
usr/share/doc/apcupsd/ReleaseNotes.gz apcupsd-ReleaseNotes.txt"

missing=
while read -r path name; do
  [ -s "$DEST/$name" ] || missing=yes
done <<LIST
$FILES
LIST
[ -n "$missing" ] || exit 0

. "$REPO/bench/answers/fetch-debs.sh"
require_tools apcupsd apt-get dpkg-deb sha256sum gunzip
mkdir -p "$DEST"
tmp=$(mktemp -d "$DEST/extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
while read -r spec deb sha; do
  if [ ! -s "$DEST/$deb" ]; then
    # apt-get download writes into the current folder; no root needed
    if ! (cd "$DEST" && apt-get download -q=2 "$spec"); then
      echo "apcupsd fetch: 'apt-get download $spec' failed (no Debian mirror reachable, or" \
        "run 'apt-get update' first; on a machine that is not amd64," \
        "'dpkg --add-architecture amd64' first)." >&2
      exit 1
    fi
    if [ ! -s "$DEST/$deb" ]; then
      echo "apcupsd fetch: apt-get download $spec did not leave $deb in $DEST." >&2
      exit 1
    fi
  fi
  if ! echo "$sha  $DEST/$deb" | sha256sum -c --quiet - >/dev/null 2>&1; then
    rm -f "$DEST/$deb"
    echo "apcupsd fetch: $deb does not have the expected sha256 $sha; removed it." >&2
    exit 1
  fi
  if ! dpkg-deb -x "$DEST/$deb" "$tmp"; then
    echo "apcupsd fetch: could not extract $deb." >&2
    exit 1
  fi
done <<LIST
$DEBS
LIST
while read -r path name; do
  if [ ! -s "$tmp/$path" ]; then
    echo "apcupsd fetch: $path is not in the extracted packages." >&2
    exit 1
  fi
  case "$path" in
    *.gz) gunzip -c "$tmp/$path" >"$tmp/$name.part" || {
      echo "apcupsd fetch: could not decompress $path." >&2
      exit 1
    } ;;
    *) cp "$tmp/$path" "$tmp/$name.part" ;;
  esac
  mv "$tmp/$name.part" "$DEST/$name"
done <<LIST
$FILES
LIST
echo "apcupsd fetch: documents ready in $DEST" >&2
