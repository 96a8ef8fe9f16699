#!/bin/sh
# Fetch the squid corpus: Squid 5.7's documentation as a school trust's IT technician indexes
# it for the colleagues who run its web proxy, from Debian bookworm's squid-common
# 5.7-2+deb12u6 (all; the documents are under /usr/share/doc/squid-common/) and the
# Debian-specific files of squid 5.7-2+deb12u6 (amd64), copied flat under names that say
# whose they are (plain text and configuration files end in .txt, which the loaders take; a
# .gz is decompressed):
# - squid-squid.conf.documented.txt: the whole commented configuration (squid.conf.documented.gz,
#   about 9200 lines: every directive with its comment, default and examples, from the
#   authentication helpers and ACLs to the cache, logging, ICAP/eCAP, DNS and miscellaneous
#   options); bookworm's /etc/squid/squid.conf is the same file byte for byte, so it is
#   indexed once;
# - squid-RELEASENOTES.html: the Squid 5.7 release notes (changes since 4, new, changed and
#   removed directives and options);
# - squid-QUICKSTART.txt and squid-README.txt: upstream's short notes;
# - squid-NEWS.Debian.txt (NEWS.Debian.gz; squid's own copy is the same file) and
#   squid-README.Debian.txt (from the squid package: the GnuTLS and OpenSSL flavours, what a
#   purge leaves behind): Debian's notes;
# - squid-debian-conf.d-debian.conf.txt (/etc/squid/conf.d/debian.conf: Debian's overrides
#   of the upstream configuration, logfile_rotate and localhost-only access),
#   squid-debian-logrotate.txt (/etc/logrotate.d/squid: how Debian rotates the logs instead)
#   and squid-debian-squid.service.txt (/lib/systemd/system/squid.service: how the service
#   starts, creates its cache directories and reloads): small files that change what the
#   upstream documents say, which a colleague running the proxy on Debian needs beside them.
# Left out: the commit log (changelog.gz), changelog.Debian, the copyright, CONTRIBUTORS,
# CREDITS and SPONSORS (as the brief asks); squid's /etc/squid/squid.conf (the documented
# configuration again), errorpage.css, mime.conf and the SNMP MIB (data, not prose), the init
# script, AppArmor profile, resolvconf hook, tmpfiles line and ufw profile (scripts and
# one-line machine settings with nothing the colleagues look up), the squid binary and the
# helpers' manual pages (the brief's corpus is the documentation folder and Debian's notes).
# The documents are not committed (documents written by others, GPL-2+), so this script gets
# the exact .debs (about 3 MB, kept in build/corpora/squid/) from the Debian archive with
# apt-get (no root needed), checks each sha256, extracts them with dpkg-deb and copies the
# files into build/corpora/squid/ (git-ignored). squid is architecture-specific: its sha256
# is the amd64 one, so on another architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/squid/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/squid"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="squid-common=5.7-2+deb12u6 6d390ae350a3a90fda792a0fd8e026e14a05f9f3485535925e693a2cdcc60f38
squid:amd64=5.7-2+deb12u6 ec4f5fe7904c2339feae51f85a8c2132b14a03668fd28df39d91e53febbd2c08"
D=usr/share/doc/squid-common
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/squid.conf.documented.gz squid-squid.conf.documented.txt
$D/RELEASENOTES.html squid-RELEASENOTES.html
$D/QUICKSTART squid-QUICKSTART.txt
$D/README squid-README.txt
$D/NEWS.Debian.gz squid-NEWS.Debian.txt
usr/share/doc/squid/README.Debian squid-README.Debian.txt
etc/squid/conf.d/debian.conf squid-debian-conf.d-debian.conf.txt
etc/logrotate.d/squid squid-debian-logrotate.txt
lib/systemd/system/squid.service squid-debian-squid.service.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files squid "$DEST" "$DEBS" "$FILES"
