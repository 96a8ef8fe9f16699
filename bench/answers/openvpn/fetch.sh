#!/bin/sh
# Fetch the openvpn corpus: the OpenVPN 2.6 documentation as a small office's IT person would
# index "the VPN docs" for the colleagues who look after remote access, from Debian bookworm's
# openvpn 2.6.14-0+deb12u2 (amd64), copied flat under unique names (HTML pages keep .html,
# text files end in .txt):
# - openvpn.8.html: the reference manual (openvpn(8) rendered by docutils as one HTML page:
#   option lists, definition lists, literal blocks), the main document;
# - openvpn-examples.5.html: the examples manual page (openvpn-examples(5), docutils HTML);
# - openvpn-README.txt, openvpn-README.Debian.txt (README.Debian.gz), openvpn-NEWS.Debian.txt
#   (NEWS.Debian.gz), openvpn-README.systemd.txt, openvpn-README.auth-pam.txt,
#   openvpn-README.down-root.txt and openvpn-PORTS.txt: the upstream and Debian notes;
# - openvpn-management-notes.txt and openvpn-gui-notes.txt (.gz): the management interface
#   and the GUI's notes;
# - openvpn-server.conf.txt and openvpn-client.conf.txt: the commented sample configurations
#   (examples/sample-config-files/);
# - openvpn-etc-default.txt: Debian's /etc/default/openvpn.
# The manual pages' roff sources, the changelogs, the sample keys and scripts, README.mbedtls
# and the copyright are left out. The documents are not committed (documents written by
# others, GPL-2), so this script gets the exact .deb (about 650 KB, kept in
# build/corpora/openvpn/) from the Debian archive with apt-get (no root needed), checks its
# sha256, extracts it with dpkg-deb and copies the files (a .gz decompressed) into
# build/corpora/openvpn/ (git-ignored). The package is architecture-specific: its sha256 is
# the amd64 one, so on another architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/openvpn/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/openvpn"
# package:architecture=version sha256 of its .deb, as observed on 2026-12-06
DEBS="openvpn:amd64=2.6.14-0+deb12u2 6f25a47c80cd4707bd4245e42c97c8a612dc9e5dc92a7e1b1d6ea1b9e2ef956a"
D=usr/share/doc/openvpn
# path in the package -> name in DEST; keep in step with corpus.txt
FILES="$D/openvpn.8.html openvpn.8.html
$D/openvpn-examples.5.html openvpn-examples.5.html
$D/README openvpn-README.txt
$D/README.Debian.gz openvpn-README.Debian.txt
$D/NEWS.Debian.gz openvpn-NEWS.Debian.txt
$D/README.systemd openvpn-README.systemd.txt
$D/README.auth-pam openvpn-README.auth-pam.txt
$D/README.down-root openvpn-README.down-root.txt
$D/PORTS openvpn-PORTS.txt
$D/management-notes.txt.gz openvpn-management-notes.txt
$D/gui-notes.txt.gz openvpn-gui-notes.txt
$D/examples/sample-config-files/server.conf openvpn-server.conf.txt
$D/examples/sample-config-files/client.conf openvpn-client.conf.txt
etc/default/openvpn openvpn-etc-default.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files openvpn "$DEST" "$DEBS" "$FILES"
