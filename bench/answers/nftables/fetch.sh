#!/bin/sh
# Fetch the nftables corpus: nftables 1.0.6's documentation as a small organisation's IT
# person indexes it for the colleagues who look after the office's Linux firewall and router,
# from Debian bookworm's nftables 1.0.6-2+deb12u2 plus iptables 1.8.9-2 (amd64) for its notes
# on the nf_tables variant of the old tools, copied flat under names that say whose they are
# (plain text, rulesets and configuration files end in .txt, which the loaders take; a .gz is
# decompressed):
# - nftables-README.Debian.txt: Debian's notes (how to start, basic commands, the boot-time
#   service, migrating from iptables);
# - nftables-etc-nftables.conf.txt (/etc/nftables.conf, the shipped ruleset) and
#   nftables-systemd-nftables.service.txt (/lib/systemd/system/nftables.service);
# - nftables-examples-README.txt and eight example rulesets from
#   /usr/share/doc/nftables/examples/ as nftables-example-<name>.nft.txt: workstation,
#   overview (selectors and verdicts), nat, load_balancing, sets_and_maps, ct_helpers (the
#   commented ones an admin reads), and the bridge-filter and inet-nat chain layouts;
# - nftables-man-nft.8.html: nft(8), the whole reference (about 4,000 lines as text),
#   rendered to HTML by mandoc 1.14.6-1+b1 (bookworm, amd64; fetched and checked like the
#   others and run from where it is extracted, so it need not be installed);
# - from iptables, because nftables alone is one long manual page and a few short rulesets,
#   and the office's colleagues come from iptables: iptables-README.Debian.txt (nftables and
#   iptables, the legacy and nft binaries, update-alternatives), iptables-NEWS.Debian.txt
#   (NEWS.Debian.gz, whole: three entries, 2018-2019), and xtables-nft(8) and
#   xtables-translate(8) rendered by the same mandoc as iptables-man-<page>.html.
# Left out: the copyright files and changelog.Debian (as the brief asks); the other examples
# (the per-family chain layouts ipv4-*, ipv6-*, arp-filter, inet-filter and netdev-ingress,
# which hold no comment, all-in-one.nft, which only includes them, secmark.nft, an SELinux
# labelling example, pf.os, an OS fingerprint database, and sysvinit/, an init script for a
# system Debian does not default to); libnftables1's libnftables(3) and libnftables-json(5)
# (the library's C API and JSON schema, for programmers); iptables' other manual pages
# (iptables(8), iptables-extensions(8) and the rest: the old tools' own syntax) and its XSLT.
# nftables ships no upstream NEWS or release notes and no other manual page (nftables(8) is a
# link to nft(8)).
# The documents are not committed (documents written by others, GPL-2), so this script gets
# the exact .debs (about 0.8 MB together, kept in build/corpora/nftables/) from the Debian
# archive with apt-get (no root needed), checks each sha256, extracts them with dpkg-deb,
# renders the manual pages with the extracted mandoc and copies the files into
# build/corpora/nftables/ (git-ignored). All three packages are architecture-specific: their
# sha256 are the amd64 ones, so on another architecture amd64 must be added to dpkg first
# (mandoc then runs only where amd64 binaries run).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/nftables/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/nftables"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="nftables:amd64=1.0.6-2+deb12u2 966ff20ce58c17163a771c02ddbca264291408f94c512bd85dd18da0ebdbe88c
iptables:amd64=1.8.9-2 2928d3ca6ca8a3dc3f423f6752822b1f3614a5ba609ff7806bcba4449ffe90e1
mandoc:amd64=1.14.6-1+b1 af62386fcb99fbfe8813992d5623f5500339d8decee2c72994522366e078c01b"
N=usr/share/doc/nftables
E=$N/examples
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$N/README.Debian nftables-README.Debian.txt
etc/nftables.conf nftables-etc-nftables.conf.txt
lib/systemd/system/nftables.service nftables-systemd-nftables.service.txt
$E/README nftables-examples-README.txt
$E/workstation.nft nftables-example-workstation.nft.txt
$E/overview.nft nftables-example-overview.nft.txt
$E/nat.nft nftables-example-nat.nft.txt
$E/load_balancing.nft nftables-example-load_balancing.nft.txt
$E/sets_and_maps.nft nftables-example-sets_and_maps.nft.txt
$E/ct_helpers.nft nftables-example-ct_helpers.nft.txt
$E/bridge-filter.nft nftables-example-bridge-filter.nft.txt
$E/inet-nat.nft nftables-example-inet-nat.nft.txt
usr/share/doc/iptables/README.Debian iptables-README.Debian.txt
usr/share/doc/iptables/NEWS.Debian.gz iptables-NEWS.Debian.txt"
# manual pages (under usr/share/man/, gzipped roff) rendered to OWNER-man-PAGE.html
PAGES="nftables:man8/nft.8 iptables:man8/xtables-nft.8 iptables:man8/xtables-translate.8"

. "$REPO/bench/answers/fetch-debs.sh"
render_man_pages nftables "$DEST" "$DEBS" "$PAGES"
fetch_files nftables "$DEST" "$DEBS" "$FILES"
