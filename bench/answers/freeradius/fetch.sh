#!/bin/sh
# Fetch the freeradius corpus: FreeRADIUS 3.2.1's documentation as a small organisation's IT
# person indexes it for the colleagues who run the office Wi-Fi's WPA2-Enterprise (802.1X) and
# VPN authentication, from Debian bookworm's freeradius and freeradius-config
# 3.2.1+dfsg-4+deb12u1 (amd64), copied flat under names that say whose they are
# (configuration files end in .txt, which the loaders take; a .gz is decompressed):
# - freeradius-etc-radiusd.conf.txt, freeradius-etc-clients.conf.txt and
#   freeradius-etc-proxy.conf.txt (freeradius-config's /etc/freeradius/3.0/): the server's
#   main configuration (paths, logging, limits, security, thread pool), the RADIUS clients
#   (access points, switches, VPN servers) with their shared secrets, and proxying and realms;
# - freeradius-etc-users-authorize.txt (mods-config/files/authorize, the "users" file);
# - freeradius-etc-mods-available-eap.txt, -mschap.txt and -ldap.txt: the EAP module (TLS,
#   PEAP, TTLS, certificates, TLS versions, the cache, OCSP), MS-CHAP (ntlm_auth for Active
#   Directory) and LDAP, long commented configurations;
# - freeradius-etc-sites-available-default.txt and -inner-tunnel.txt: the outer and inner
#   (PEAP/TTLS tunnel) virtual servers;
# - freeradius-etc-certs-README.md (certs/README.md): making the CA and server certificates;
# - freeradius-etc-README.rst (README.rst): upstream's "Upgrading to Version 3.0" guide, which
#   Debian's NEWS.Debian points to;
# - freeradius-README.txt (freeradius's README.gz): upstream's README (clients.conf, the users
#   file, the attributes it adds, running and debugging);
# - freeradius-RELEASENOTES-3.2.txt (freeradius's changelog.gz): upstream's release notes,
#   whole (only 3.2.1 and 3.2.0, 2022);
# - freeradius-doc-rlm_eap.txt (freeradius's doc/modules/rlm_eap.gz): upstream's older
#   EAP module notes.
# Left out: the copyright files, changelog.Debian and the dictionaries (as the brief asks);
# README.Debian (Debian's note on 1.1.5's SysV runlevels) and NEWS.Debian (one line pointing
# to README.rst); the other 70 modules and 35 virtual servers (DHCP, VMPS, SQL IP pools,
# Moonshot, ABFAB, CoA, Redis, Couchbase, ...), which the Wi-Fi and VPN admin does not read;
# the SQL schemas and queries, policy.d, templates.conf, trigger.conf, experimental.conf, the
# certs' Makefile and OpenSSL .cnf files, the Antora/AsciiDoc pages (unlang reference, DHCP
# and RadSec how-tos: AsciiDoc, a format pocketrag does not read) and the rest of doc/ (short
# old notes on other modules, vendors and platforms); the example scripts, LDAP schemas and
# logstash files; the init script, logrotate, PAM and /etc/default files. freeradius-utils
# and freeradius-common (same version; the latter holds the dictionaries) ship no
# documentation besides the same changelog and copyright, so neither is fetched.
# The documents are not committed (documents written by others, GPL-2), so this script gets
# the exact .debs (about 0.8 MB together, kept in build/corpora/freeradius/) from the Debian
# archive with apt-get (no root needed), checks each sha256, extracts them with dpkg-deb and
# copies the files into build/corpora/freeradius/ (git-ignored). freeradius and
# freeradius-config are architecture-specific: their sha256 are the amd64 ones, so on another
# architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/freeradius/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/freeradius"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="freeradius:amd64=3.2.1+dfsg-4+deb12u1 be127bbe63df6c9ae878da2a940c300dcc2af1c003ec489dd73e9461108d8565
freeradius-config:amd64=3.2.1+dfsg-4+deb12u1 671fbf937cb1b6d52ed9bd641294be3b903f60e134e2207796d921016e8533f7"
E=etc/freeradius/3.0
D=usr/share/doc/freeradius
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$E/radiusd.conf freeradius-etc-radiusd.conf.txt
$E/clients.conf freeradius-etc-clients.conf.txt
$E/proxy.conf freeradius-etc-proxy.conf.txt
$E/mods-config/files/authorize freeradius-etc-users-authorize.txt
$E/mods-available/eap freeradius-etc-mods-available-eap.txt
$E/mods-available/mschap freeradius-etc-mods-available-mschap.txt
$E/mods-available/ldap freeradius-etc-mods-available-ldap.txt
$E/sites-available/default freeradius-etc-sites-available-default.txt
$E/sites-available/inner-tunnel freeradius-etc-sites-available-inner-tunnel.txt
$E/certs/README.md freeradius-etc-certs-README.md
$E/README.rst freeradius-etc-README.rst
$D/README.gz freeradius-README.txt
$D/changelog.gz freeradius-RELEASENOTES-3.2.txt
$D/modules/rlm_eap.gz freeradius-doc-rlm_eap.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files freeradius "$DEST" "$DEBS" "$FILES"
