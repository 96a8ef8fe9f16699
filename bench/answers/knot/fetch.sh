#!/bin/sh
# Fetch the knot corpus: Knot DNS 3.2.6's documentation as a small registrar's DNS operator
# indexes it for the colleagues who run its authoritative name servers, from two Debian
# bookworm packages, copied flat under names that say whose they are
# (usr/share/doc/knot-doc/reference.html becomes knot-doc-reference.html):
# - from knot-doc 3.2.6-1 (all), ten Sphinx HTML chapters of the manual: introduction,
#   requirements, installation, configuration (simple setups, ACLs, primary and secondary
#   zones, DNSSEC signing, catalog zones, performance), operation (the long chapter: the
#   configuration database, zone loading, the journal, serials, bootstrapping, expiration,
#   DNSSEC key states and rollovers, offline KSK, HSM import, backup, statistics, XDP),
#   reference (the longest: every configuration section and item with its default),
#   modules (cookies, dnsproxy, dnstap, geoip, noudp, onlinesign, probe, queryacl, rrl,
#   stats, synthrecord, whoami), troubleshooting, migration (upgrades from 2.4 to 3.2 and
#   from BIND, NSD, ...) and appendices (PKCS #11 devices, algorithms);
# - the man pages (also Sphinx HTML) of the tools an operator runs: knotd, knotc, keymgr,
#   kjournalprint, kcatalogprint, kzonecheck, kzonesign, kdig, khost, knsec3hash and
#   knsupdate; kxdpgun (a traffic generator for benchmarking a server) is left out;
# - changelog.gz, which here is upstream's NEWS (every release from 3.2.6 back to 0.8.0),
#   decompressed as knot-NEWS.txt;
# - from knot 3.2.6-1 (amd64): upstream's README.md (building from source, running) as
#   knot-README.md and the commented minimal configuration /etc/knot/knot.conf as
#   knot-etc-knot.conf.txt (.txt so that the loaders take it). The knot package is taken for amd64
#   (the sha256 is amd64's; on another architecture, dpkg --add-architecture amd64 first).
# Neither package has a README.Debian or NEWS.Debian. The index, utilities (a list of the man
# pages), search and genindex pages, _static, the _sources/*.rst.txt copies of the same
# text, the info manual, the roff man pages (knot.conf.5 is the reference again),
# changelog.Debian, TODO.Debian and the copyright files are left out. The documents are not
# committed (documents written by others), so this script gets the exact .debs (about
# 0.85 MB, kept in build/corpora/knot/) from the Debian archive with apt-get (no root
# needed), checks their sha256, extracts them with dpkg-deb and copies the files into
# build/corpora/knot/ (git-ignored).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/knot/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/knot"
# package=version sha256 of its .deb, as observed on 2026-12-07
DEBS="knot-doc=3.2.6-1 4b97fefbc2da5e0b94a4d37615250cd9b07ef539578d980d1bd023935c8b327d
knot:amd64=3.2.6-1 b7a5996b6c5d0def4804e47967b30091f7139cadc23a17dece7c2c6bca3e5c2a"
D=usr/share/doc/knot-doc
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$(for page in introduction requirements installation configuration operation reference \
  modules troubleshooting migration appendices man_knotd man_knotc man_keymgr man_kjournalprint \
  man_kcatalogprint man_kzonecheck man_kzonesign man_kdig man_khost man_knsec3hash \
  man_knsupdate; do echo "$D/$page.html knot-doc-$page.html"; done)
$D/changelog.gz knot-NEWS.txt
usr/share/doc/knot/README.md knot-README.md
etc/knot/knot.conf knot-etc-knot.conf.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files knot "$DEST" "$DEBS" "$FILES"
