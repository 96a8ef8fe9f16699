#!/bin/sh
# Fetch the kea corpus: the Kea 2.2.0 DHCP server's documentation as a small organisation's IT
# person indexes it for the colleagues who run the office's DHCP service, from Debian
# bookworm's kea-doc 2.2.0-6 (all; the Kea Administrator Reference Manual built by Sphinx
# under /usr/share/doc/kea/html/) and, for the configuration files Debian installs and a
# systemd unit, kea-dhcp4-server, kea-dhcp6-server, kea-ctrl-agent and kea-dhcp-ddns-server
# 2.2.0-6 (amd64), copied flat under names that say whose they are (plain text and
# configuration files end in .txt, which the loaders take; a .gz is decompressed):
# - kea-arm-<chapter>.html: 19 chapters of the manual (one Sphinx page each, with the
#   manual's navigation sidebar on every page): intro, quickstart, install, config (the
#   JSON configuration, comments, includes), keactrl, dhcp4-srv and dhcp6-srv (the two
#   servers: interfaces, lease databases, lifetimes, options and their tables, reservations,
#   shared networks, host names, statistics tables, ...), lease-expiration, lfc (the lease
#   file cleanup), logging, security, ddns (the DHCP-DDNS server), ctrl-channel (the
#   management API), agent (the Control Agent), shell, stats, congestion-handling,
#   database-connectivity and admin (lease database back ends, kea-admin);
# - kea-man-<tool>.8.html: the manual pages of kea-dhcp4, kea-dhcp6, kea-ctrl-agent,
#   kea-dhcp-ddns, kea-lfc, keactrl, kea-shell, kea-admin and perfdhcp as HTML;
# - kea-README.txt (upstream's README) and kea-doc-README.Debian.txt (Debian's note on
#   logging);
# - Debian's configuration files as installed: kea-etc-kea-dhcp4.conf.txt,
#   kea-etc-kea-dhcp6.conf.txt, kea-etc-kea-ctrl-agent.conf.txt and
#   kea-etc-kea-dhcp-ddns.conf.txt (/etc/kea/*.conf: JSON with // and # comments, the
#   commented sample configurations), and the systemd units
#   kea-debian-kea-dhcp4-server.service.txt and kea-debian-kea-ctrl-agent.service.txt.
# Left out: the API reference api.html (780 KB, one generated entry per command) and the
#   api/*.json it is made from, the messages list kea-messages.html (520 KB of generated log
#   message IDs), the configuration grammar grammar/grammar.html, index.html (the whole table
#   of contents), manpages.html, genindex.html, search.html, searchindex.js, _sources,
#   _static and _images (not documentation for people, or machine-made); the manual's
#   hooks chapter (1.1 MB, one section per hook library, many of them ISC's premium or
#   subscriber ones) and its chapters on client classification, configuration templates,
#   integrations (NETCONF/YANG, which Debian does not build), Stork, the UML diagrams and
#   acknowledgments (more than the office's service needs; the manual is large); the man
#   page kea-netconf (Debian ships no kea-netconf); the examples/*.json (JSON, which the
#   loaders do not read, each a variant of the sample configurations indexed); AUTHORS,
#   CONTRIBUTING.md, code_of_conduct.md, platforms.rst (the manual's section 1.1 again, with
#   an unexpanded |release|), the roff manual pages, changelog.gz (upstream's, 190 KB of
#   ticket-numbered entries), changelog.Debian and the copyright; the init scripts, the
#   kea-dhcp6-server and kea-dhcp-ddns-server units (the kea-dhcp4-server one with other names),
#   AppArmor profiles, lintian overrides and the database schema scripts under
#   /usr/share/kea/scripts (scripts and machine settings). kea-common and kea-admin (same
#   source version) ship binaries, libraries, scripts, roff manual pages (their HTML copies
#   are in kea-doc), the same changelog and copyright, so they are not fetched.
# The documents are not committed (documents written by others, MPL-2.0), so this script gets
# the exact .debs (about 5.6 MB, kept in build/corpora/kea/) from the Debian archive with
# apt-get (no root needed), checks their sha256, extracts them with dpkg-deb and copies the
# files into build/corpora/kea/ (git-ignored). The server packages are architecture-specific:
# their sha256 are the amd64 ones, so on another architecture amd64 must be added to dpkg
# first. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/kea/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/kea"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="kea-doc=2.2.0-6 c3cb1d98d071000ceb0e7ddc036172f51e09ebd2f2fb1d342c770f810e3618f2
kea-dhcp4-server:amd64=2.2.0-6 2951a28672927e3bbb22299e9d1842aeb756866c6fcec5597f3789945c131a85
kea-dhcp6-server:amd64=2.2.0-6 bb798b5a9e36b52602bd51630fae8d4fe6a5211b026e548a9cf1e859a21853c1
kea-ctrl-agent:amd64=2.2.0-6 d98dbb62cb716e13c754f3aabfee1ca8ee7715193424e186c46da08a3fa2a570
kea-dhcp-ddns-server:amd64=2.2.0-6 7a8de15d66f738d1d3818d3062b1ea60d8ecf48e8f83fe85dc8760800e4cf35e"
D=usr/share/doc/kea
H=$D/html
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$H/arm/intro.html kea-arm-intro.html
$H/arm/quickstart.html kea-arm-quickstart.html
$H/arm/install.html kea-arm-install.html
$H/arm/config.html kea-arm-config.html
$H/arm/keactrl.html kea-arm-keactrl.html
$H/arm/dhcp4-srv.html kea-arm-dhcp4-srv.html
$H/arm/dhcp6-srv.html kea-arm-dhcp6-srv.html
$H/arm/lease-expiration.html kea-arm-lease-expiration.html
$H/arm/lfc.html kea-arm-lfc.html
$H/arm/logging.html kea-arm-logging.html
$H/arm/security.html kea-arm-security.html
$H/arm/ddns.html kea-arm-ddns.html
$H/arm/ctrl-channel.html kea-arm-ctrl-channel.html
$H/arm/agent.html kea-arm-agent.html
$H/arm/shell.html kea-arm-shell.html
$H/arm/stats.html kea-arm-stats.html
$H/arm/congestion-handling.html kea-arm-congestion-handling.html
$H/arm/database-connectivity.html kea-arm-database-connectivity.html
$H/arm/admin.html kea-arm-admin.html
$H/man/kea-dhcp4.8.html kea-man-kea-dhcp4.8.html
$H/man/kea-dhcp6.8.html kea-man-kea-dhcp6.8.html
$H/man/kea-ctrl-agent.8.html kea-man-kea-ctrl-agent.8.html
$H/man/kea-dhcp-ddns.8.html kea-man-kea-dhcp-ddns.8.html
$H/man/kea-lfc.8.html kea-man-kea-lfc.8.html
$H/man/keactrl.8.html kea-man-keactrl.8.html
$H/man/kea-shell.8.html kea-man-kea-shell.8.html
$H/man/kea-admin.8.html kea-man-kea-admin.8.html
$H/man/perfdhcp.8.html kea-man-perfdhcp.8.html
$D/README kea-README.txt
usr/share/doc/kea-doc/README.Debian kea-doc-README.Debian.txt
etc/kea/kea-dhcp4.conf kea-etc-kea-dhcp4.conf.txt
etc/kea/kea-dhcp6.conf kea-etc-kea-dhcp6.conf.txt
etc/kea/kea-ctrl-agent.conf kea-etc-kea-ctrl-agent.conf.txt
etc/kea/kea-dhcp-ddns.conf kea-etc-kea-dhcp-ddns.conf.txt
lib/systemd/system/kea-dhcp4-server.service kea-debian-kea-dhcp4-server.service.txt
lib/systemd/system/kea-ctrl-agent.service kea-debian-kea-ctrl-agent.service.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files kea "$DEST" "$DEBS" "$FILES"
