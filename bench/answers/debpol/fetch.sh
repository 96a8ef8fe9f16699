#!/bin/sh
# Fetch the debpol corpus: documents of Debian's debian-policy package 4.6.2.0 (GPL-2+),
# as shipped. They are not committed (the licence asks for the rST sources beside generated
# versions), so this script gets the exact .deb from the Debian archive with apt-get, checks
# its sha256, extracts it with dpkg-deb and gunzips the compressed documents, like the model
# weights are fetched and verified (DESIGN decision 1). Idempotent: does nothing when every
# file is already there. Usage: sh bench/answers/debpol/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/debpol"
DEB="debian-policy_4.6.2.0_all.deb"
SHA256="ef9d01b625c3b87c3a845c2cd1b66f1a16e9240b2b9e5bee53472a00e8457a39"
DOC="usr/share/doc/debian-policy"
# shipped name -> name in DEST (the .gz ones are gunzipped); keep in step with corpus.txt
FILES="policy.pdf.gz perl-policy-1.html menu-policy-1.html debconf_specification.html
autopkgtest.html copyright-format-1.0.html upgrading-checklist.txt.gz README.txt.gz"

all_there() {
  for f in $FILES; do [ -s "$DEST/${f%.gz}" ] || return 1; done
}
all_there && exit 0

for tool in apt-get dpkg-deb sha256sum gunzip; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "debpol fetch: '$tool' not found; this corpus is fetched from the Debian archive with apt-get and dpkg-deb (Debian or Ubuntu)." >&2
    exit 1
  fi
done
mkdir -p "$DEST"
if [ ! -s "$DEST/$DEB" ]; then
  # apt-get download writes into the current folder; no root needed
  if ! (cd "$DEST" && apt-get download -q=2 debian-policy=4.6.2.0); then
    echo "debpol fetch: 'apt-get download debian-policy=4.6.2.0' failed (no Debian mirror reachable, or run 'apt-get update' first)." >&2
    exit 1
  fi
fi
if ! echo "$SHA256  $DEST/$DEB" | sha256sum -c --quiet -; then
  rm -f "$DEST/$DEB"
  echo "debpol fetch: $DEB does not have the expected sha256 $SHA256; removed it." >&2
  exit 1
fi
tmp=$(mktemp -d "$DEST/extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$DEST/$DEB" "$tmp"
for f in $FILES; do
  case "$f" in
    *.gz) gunzip -c "$tmp/$DOC/$f" >"$tmp/${f%.gz}" ;;
    *) cp "$tmp/$DOC/$f" "$tmp/$f" ;;
  esac
  mv "$tmp/${f%.gz}" "$DEST/${f%.gz}"
done
echo "debpol fetch: documents ready in $DEST" >&2
