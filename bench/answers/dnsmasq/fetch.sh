#!/bin/sh
# Fetch the dnsmasq corpus: dnsmasq 2.90's documentation as a small office's IT person indexes
# it for the colleagues who run the office's DHCP and DNS, from Debian bookworm's dnsmasq-base
# 2.90-4~deb12u2 (amd64; the documents are under /usr/share/doc/dnsmasq-base/) and the
# Debian wrapper package dnsmasq 2.90-4~deb12u2 (all), copied flat under names that say whose
# they are (plain text and configuration files end in .txt, which the loaders take; a .gz is
# decompressed):
# - dnsmasq-doc.html and dnsmasq-setup.html: upstream's overview page and its setup guide
#   (installing, making the machine use dnsmasq, PPP and DHCP nameservers, DHCP names, a
#   mailhub, special servers, local domains, bogus-nxdomain, signals);
# - dnsmasq-FAQ.txt (FAQ.gz): upstream's questions and answers;
# - dnsmasq-DBus-interface.txt (DBus-interface.gz): the DBus methods and signals;
# - dnsmasq-conf.example.txt (examples/dnsmasq.conf.example): the commented example
#   configuration; bookworm's /etc/dnsmasq.conf is the same file byte for byte, so it is
#   indexed once;
# - dnsmasq-CHANGELOG.txt (changelog.gz: upstream's CHANGELOG, 2.90 back to 2.43) and
#   dnsmasq-CHANGELOG.archive.txt (changelog.archive.gz: 2.42 back to 0.4), where the
#   colleagues look up when a behaviour or a default changed;
# - dnsmasq-README.Debian.txt (README.Debian.gz) and dnsmasq-systemd_howto.txt
#   (systemd_howto: several instances under systemd): Debian's notes;
# - from the dnsmasq package, Debian's own files that change what upstream says:
#   dnsmasq-debian-default.txt (/etc/default/dnsmasq: the init settings, the drop-in
#   directory, resolvconf), dnsmasq-debian-dnsmasq.d-README.txt (/etc/dnsmasq.d/README) and
#   dnsmasq-debian-dnsmasq.service.txt (/lib/systemd/system/dnsmasq.service: how the service
#   starts, checks its configuration and reloads).
# Left out: changelog.Debian and the copyright files (as the brief asks); the roff manual
# pages (a format pocketrag does not read) and their translations; /etc/dnsmasq.conf (the
# example again); dnsmasq@.service (the unit again, per instance; systemd_howto describes
# it); the init script, the systemd helper and init-system-common, the resolvconf hooks,
# the runit service, the tmpfiles line and the DBus policy (scripts and machine settings
# with nothing the colleagues look up); trust-anchors.conf (DNSSEC key data, not prose);
# the bug-report template; the binary and the message catalogues.
# The documents are not committed (documents written by others, GPL-2/3), so this script gets
# the exact .debs (about 0.56 MB, kept in build/corpora/dnsmasq/) from the Debian archive with
# apt-get (no root needed), checks each sha256, extracts them with dpkg-deb and copies the
# files into build/corpora/dnsmasq/ (git-ignored). dnsmasq-base is architecture-specific: its
# sha256 is the amd64 one, so on another architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/dnsmasq/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/dnsmasq"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="dnsmasq-base:amd64=2.90-4~deb12u2 77f56034a23b200c9787d3d9b423030a1e95618f476e011d988daacc19919bc1
dnsmasq=2.90-4~deb12u2 a523f34bca8dc758e7c5cbef96b7fa47a6423e49ceb4b68d7cdccd533c847945"
D=usr/share/doc/dnsmasq-base
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/doc.html dnsmasq-doc.html
$D/setup.html dnsmasq-setup.html
$D/FAQ.gz dnsmasq-FAQ.txt
$D/DBus-interface.gz dnsmasq-DBus-interface.txt
$D/examples/dnsmasq.conf.example dnsmasq-conf.example.txt
$D/changelog.gz dnsmasq-CHANGELOG.txt
$D/changelog.archive.gz dnsmasq-CHANGELOG.archive.txt
$D/README.Debian.gz dnsmasq-README.Debian.txt
$D/systemd_howto dnsmasq-systemd_howto.txt
etc/default/dnsmasq dnsmasq-debian-default.txt
etc/dnsmasq.d/README dnsmasq-debian-dnsmasq.d-README.txt
lib/systemd/system/dnsmasq.service dnsmasq-debian-dnsmasq.service.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files dnsmasq "$DEST" "$DEBS" "$FILES"
