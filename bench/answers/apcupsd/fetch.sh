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
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/apcupsd/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/apcupsd"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-05 (apcupsd's
# version carries "+b1", a binary rebuild)
DEBS="apcupsd-doc=3.14.14-3.1 04aa73e6d2e3b732109fe58de3fd4beb3dd735330036028622f958edcc365988
apcupsd:amd64=3.14.14-3.1+b1 d0038db99f7fe4741b1ddf6649d514ceac2993b228c72378e48cc1e4341d4664"
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="usr/share/doc/apcupsd/manual/manual.html apcupsd-manual.html
etc/apcupsd/apcupsd.conf apcupsd.conf.txt
usr/share/doc/apcupsd/ReleaseNotes.gz apcupsd-ReleaseNotes.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files apcupsd "$DEST" "$DEBS" "$FILES"
