#!/bin/sh
# Fetch the licences corpus: open-source licence texts as Debian ships them in
# /usr/share/common-licenses (package base-files, Essential: on every Debian and Ubuntu
# system). They are copied, not committed, to build/corpora/licences/NAME.txt (the .txt
# makes the loaders read them as plain text) and each is checked against the sha256 it had
# when the question set was written (base-files 12.4+deb12u11; the texts do not change).
# Idempotent: a file already there with the right sha256 is left alone.
# Usage: sh bench/answers/licences/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/licences"
SRC=/usr/share/common-licenses
# sha256 and name in $SRC; keep in step with corpus.txt
SUMS="8177f97513213526df2cf6184d8ff986c675afb514d4e68a404010521b880643 GPL-2
3972dc9744f6499f0f9b2dbf76696f2ae7ad8af9b23dde66d6af86c9dfb36986 GPL-3
dc626520dcd53a22f727af3ee42c770e56c97a64fe3adb063799d8ab032fe551 LGPL-2.1
e3a994d82e644b03a792a930f574002658412f62407f5fee083f2555c5f23118 LGPL-3
cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30 Apache-2.0
f849fc26a7a99981611a3a370e83078deb617d12a45776d6c4cada4d338be469 MPL-1.1
fab3dd6bdab226f1c08630b1dd917e11fcb4ec5e1e020e2c16f83a0a13863e85 MPL-2.0
a2010f343487d3f7618affe54f789f5487602331c0a8d03f49e9a7c547cf0499 CC0-1.0
110535522396708cea37c72a802c5e7e81391139f5f7985631c93ef242b206a4 GFDL-1.3
b7fd9b73ea99602016a326e0b62e6646060d18febdd065ceca8bb482208c3d88 Artistic
5d588eb3b157d52112afea935c88a7ff9efddc1e2d95a42c25d3b96ad9055008 BSD"

fail() {
  echo "licences fetch: $*" >&2
  exit 1
}

matches() {  # matches SHA256 FILE
  [ -f "$2" ] && [ "$(sha256sum "$2" | cut -d' ' -f1)" = "$1" ]
}

command -v sha256sum >/dev/null 2>&1 || fail "'sha256sum' not found (coreutils)."
missing=""
echo "$SUMS" | {
  while read -r sum name; do
    matches "$sum" "$DEST/$name.txt" || { missing=1; break; }
  done
  [ -z "$missing" ]
} && exit 0

[ -d "$SRC" ] || fail "not a Debian/Ubuntu system: $SRC is missing (package base-files ships the licence texts)."
mkdir -p "$DEST"
echo "$SUMS" | while read -r sum name; do
  [ -f "$SRC/$name" ] || fail "$SRC/$name is missing (base-files no longer ships it?)."
  matches "$sum" "$SRC/$name" ||
    fail "$SRC/$name differs from the text the questions were written on (sha256 $sum); this base-files version changed it."
  tmp=$(mktemp "$DEST/.$name.XXXXXX")
  cp "$SRC/$name" "$tmp"
  mv "$tmp" "$DEST/$name.txt"
done
echo "licences fetch: licence texts ready in $DEST" >&2
