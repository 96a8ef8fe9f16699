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
# be added to dpkg first. Its file name ends in "_amd64", so this script does not use
# fetch-debs.sh's fetch_debs (it builds package_version_all.deb names) but its
# require_tools, like nut's fetch.sh.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/chrony/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/chrony"
# package=version (what apt-get download is asked for), the file it writes, its sha256, as
# observed on 2026-12-06
SPEC="chrony:amd64=4.3-2+deb12u3"
DEB="chrony_4.3-2+deb12u3_amd64.deb"
SHA="0b215bde3a8b31d1da5a5afbf24a16dce65701f56f3f8b789cb18dfb664b4a61"
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

missing=
while read -r path name; do
  [ -s "$DEST/$name" ] || missing=yes
done <<LIST
$FILES
LIST
[ -n "$missing" ] || exit 0

. "$REPO/bench/answers/fetch-debs.sh"
require_tools chrony apt-get dpkg-deb sha256sum gunzip
mkdir -p "$DEST"
tmp=$(mktemp -d "$DEST/extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if [ ! -s "$DEST/$DEB" ]; then
  # apt-get download writes into the current folder; no root needed
  if ! (cd "$DEST" && apt-get download -q=2 "$SPEC"); then
    echo "chrony fetch: 'apt-get download $SPEC' failed (no Debian mirror reachable, or" \
      "run 'apt-get update' first; on a machine that is not amd64," \
      "'dpkg --add-architecture amd64' first)." >&2
    exit 1
  fi
  if [ ! -s "$DEST/$DEB" ]; then
    echo "chrony fetch: apt-get download $SPEC did not leave $DEB in $DEST." >&2
    exit 1
  fi
fi
if ! echo "$SHA  $DEST/$DEB" | sha256sum -c --quiet - >/dev/null 2>&1; then
  rm -f "$DEST/$DEB"
  echo "chrony fetch: $DEB does not have the expected sha256 $SHA; removed it." >&2
  exit 1
fi
if ! dpkg-deb -x "$DEST/$DEB" "$tmp"; then
  echo "chrony fetch: could not extract $DEB." >&2
  exit 1
fi
while read -r path name; do
  if [ ! -s "$tmp/$path" ]; then
    echo "chrony fetch: $path is not in the extracted package." >&2
    exit 1
  fi
  case "$path" in
    *.gz)
      if ! gunzip -c "$tmp/$path" >"$tmp/$name.part"; then
        echo "chrony fetch: could not decompress $path." >&2
        exit 1
      fi
      ;;
    *) cp "$tmp/$path" "$tmp/$name.part" ;;
  esac
  mv "$tmp/$name.part" "$DEST/$name"
done <<LIST
$FILES
LIST
echo "chrony fetch: documents ready in $DEST" >&2
