#!/bin/sh
# Fetch the dhcp corpus: ISC DHCP 4.4's documentation as a small organisation's IT person
# indexes it for the colleagues who run the office's DHCP service on Linux (the server that
# hands out addresses, and the client on the Linux machines), from Debian bookworm's
# isc-dhcp-server, isc-dhcp-client and isc-dhcp-common 4.4.3-P1-2 (Debian ships no separate
# documentation package for them), copied flat under names that say whose they are (plain
# text, scripts and configuration files end in .txt, which the loaders take; a .gz is
# decompressed):
# - isc-dhcp-server-README.Debian.txt (the packages, and dhclient not restarted on upgrade),
#   isc-dhcp-server-NEWS.Debian.txt (whole: four entries, 2005-2023: the end of ISC's
#   maintenance, AppArmor, failover peer names, domain-search, next-server) and
#   isc-dhcp-client-NEWS.Debian.txt (whole: two entries, 2008 and 2022);
# - isc-dhcp-README.txt (upstream's README for 4.4.3-P1, the same file in all three
#   packages: documentation, release status, building, firewall rules, partial servers, Linux
#   notes, support, bug reports and history);
# - isc-dhcp-server-etc-dhcp-dhcpd.conf.txt (/etc/dhcp/dhcpd.conf, the commented example
#   upstream ships as dhcpd.conf.example; the copies under /usr/share/doc/ are the same file)
#   and isc-dhcp-server-etc-dhcp-dhcpd6.conf.txt (/etc/dhcp/dhcpd6.conf, the DHCPv6 example);
# - isc-dhcp-server-etc-default-isc-dhcp-server.txt (/etc/default/isc-dhcp-server, which the
#   package does not ship as a file: its postinst writes it from a here-document, cut out of
#   the control archive here exactly as it is written on installation, before debconf's
#   interfaces answer is filled in);
# - isc-dhcp-client-etc-dhcp-dhclient.conf.txt (/etc/dhcp/dhclient.conf) and
#   isc-dhcp-client-examples-dhclient.conf.example.txt (upstream's example under
#   /usr/share/doc/isc-dhcp-client/, which differs from it); the hook scripts
#   isc-dhcp-client-etc-dhcp-debug.txt (/etc/dhcp/debug, linked from both hook directories)
#   and isc-dhcp-client-etc-dhcp-dhclient-exit-hooks.d-rfc3442-classless-routes.txt;
# - eleven manual pages rendered to HTML by mandoc 1.14.6-1+b1 (bookworm, amd64; fetched and
#   checked like the others and run from where it is extracted, so it need not be
#   installed): isc-dhcp-server-man-dhcpd.8.html, isc-dhcp-server-man-dhcpd.conf.5.html
#   (whole, the longest), isc-dhcp-server-man-dhcpd.leases.5.html,
#   isc-dhcp-server-man-omshell.1.html and isc-dhcp-server-man-dhcp-lease-list.8.html
#   (isc-dhcp-server); isc-dhcp-client-man-dhclient.8.html,
#   isc-dhcp-client-man-dhclient.conf.5.html, isc-dhcp-client-man-dhclient.leases.5.html and
#   isc-dhcp-client-man-dhclient-script.8.html (isc-dhcp-client);
#   isc-dhcp-common-man-dhcp-options.5.html and isc-dhcp-common-man-dhcp-eval.5.html
#   (isc-dhcp-common).
# Left out: the copyright files and the changelogs (as the brief asks); TODO.Debian (one
# line); the duplicate README and dhcpd.conf.example copies; /sbin/dhclient-script itself
# (code; its manual page is in); the init script, the AppArmor profiles and the logcheck
# rules.
# The documents are not committed (documents written by others, MPL-2.0; dhcp-lease-list(8)
# GPL-2), so this script gets the exact .debs (about 3 MB together, kept in build/corpora/dhcp/)
# from the Debian archive with apt-get (no root needed), checks each sha256, extracts them with
# dpkg-deb, renders the manual pages with the extracted mandoc, writes /etc/default's file from
# the checked server package's postinst and copies the files into build/corpora/dhcp/
# (git-ignored). All four packages are architecture-specific: their sha256 are the amd64 ones,
# so on another architecture amd64 must be added to dpkg first (mandoc then runs only where
# amd64 binaries run).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/dhcp/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/dhcp"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-08
DEBS="isc-dhcp-server:amd64=4.4.3-P1-2 f9ac073c2352354eac211bf2808ff162e3d9505685cd3497ea09aa258fe5d0b2
isc-dhcp-client:amd64=4.4.3-P1-2 243dd7288443d3edec79558925b839f038637964cecb7202a9a0f95fadbeb6e3
isc-dhcp-common:amd64=4.4.3-P1-2 fae84a7dd63ef610ef5ff5e42972252f25e86f79a989aba62755a2cf3f9e3e6a
mandoc:amd64=1.14.6-1+b1 af62386fcb99fbfe8813992d5623f5500339d8decee2c72994522366e078c01b"
S=usr/share/doc/isc-dhcp-server
C=usr/share/doc/isc-dhcp-client
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$S/README.Debian isc-dhcp-server-README.Debian.txt
$S/NEWS.Debian.gz isc-dhcp-server-NEWS.Debian.txt
$C/NEWS.Debian.gz isc-dhcp-client-NEWS.Debian.txt
$S/README.gz isc-dhcp-README.txt
etc/dhcp/dhcpd.conf isc-dhcp-server-etc-dhcp-dhcpd.conf.txt
etc/dhcp/dhcpd6.conf isc-dhcp-server-etc-dhcp-dhcpd6.conf.txt
etc/dhcp/dhclient.conf isc-dhcp-client-etc-dhcp-dhclient.conf.txt
$C/dhclient.conf.example isc-dhcp-client-examples-dhclient.conf.example.txt
etc/dhcp/debug isc-dhcp-client-etc-dhcp-debug.txt
etc/dhcp/dhclient-exit-hooks.d/rfc3442-classless-routes isc-dhcp-client-etc-dhcp-dhclient-exit-hooks.d-rfc3442-classless-routes.txt"
# manual pages (under usr/share/man/, gzipped roff) rendered to OWNER-man-PAGE.html
PAGES="isc-dhcp-server:man8/dhcpd.8 isc-dhcp-server:man5/dhcpd.conf.5
isc-dhcp-server:man5/dhcpd.leases.5 isc-dhcp-server:man1/omshell.1
isc-dhcp-server:man8/dhcp-lease-list.8 isc-dhcp-client:man8/dhclient.8
isc-dhcp-client:man5/dhclient.conf.5 isc-dhcp-client:man5/dhclient.leases.5
isc-dhcp-client:man8/dhclient-script.8 isc-dhcp-common:man5/dhcp-options.5
isc-dhcp-common:man5/dhcp-eval.5"
# /etc/default/isc-dhcp-server: the here-document the server's postinst writes it from
DEFAULT=isc-dhcp-server-etc-default-isc-dhcp-server.txt
MARK=EOFMAGICNUMBER1234

. "$REPO/bench/answers/fetch-debs.sh"
render_man_pages dhcp "$DEST" "$DEBS" "$PAGES"
if [ ! -s "$DEST/$DEFAULT" ]; then
  unpack_debs dhcp "$DEST" "$DEBS" awk
  # the control archive of the .deb just checked; its postinst's lines between the line
  # opening the here-document (cat >... <<'MARK') and the line holding MARK alone
  dpkg-deb -e "$DEST/isc-dhcp-server_4.4.3-P1-2_amd64.deb" "$tmp/control"
  if [ "$(grep -cxF "$MARK" "$tmp/control/postinst")" != 1 ]; then
    echo "dhcp fetch: the $MARK here-document is not in isc-dhcp-server's postinst." >&2
    exit 1
  fi
  cut='$0 == mark { on = 0 } on { print } index($0, "<<\047" mark "\047") { on = 1 }'
  awk -v mark="$MARK" "$cut" "$tmp/control/postinst" >"$tmp/$DEFAULT.part"
  if [ ! -s "$tmp/$DEFAULT.part" ]; then
    echo "dhcp fetch: could not cut $DEFAULT out of isc-dhcp-server's postinst." >&2
    exit 1
  fi
  mv "$tmp/$DEFAULT.part" "$DEST/$DEFAULT"
  rm -rf "$tmp"
  trap - EXIT
fi
fetch_files dhcp "$DEST" "$DEBS" "$FILES"
