#!/bin/sh
# Fetch the disktools corpus: the disk-health, software-RAID and disk-encryption notes an IT
# team indexes for the colleagues who look after its servers, from three Debian bookworm
# packages (amd64): smartmontools 7.3-1+b1, mdadm 4.2-5 and cryptsetup 2:2.6.1-4~deb12u2,
# copied flat under names that say whose they are (a .gz decompressed):
# - smartmontools-README.txt, smartmontools-README.Debian.txt, smartmontools-NEWS.txt
#   (NEWS.gz: the upstream release notes by version), smartmontools-badblockhowto.html (the
#   bad block HOWTO: repairing unreadable sectors on ext2/3 and ReiserFS, LVM and swap),
#   smartmontools-examples-README.txt (the examples' README: the smartd warning scripts) and
#   smartmontools-smartd.conf.txt (smartd.conf.gz: the commented example configuration);
# - mdadm-FAQ.txt (FAQ.gz), mdadm-README.recipes.txt (README.recipes.gz),
#   mdadm-NEWS.Debian.txt (NEWS.Debian.gz), mdadm-README.checkarray.txt (the monthly
#   redundancy check) and mdadm-mdadm.conf-example.txt (examples/mdadm.conf-example);
# - cryptsetup-FAQ.md (FAQ.md.gz, the upstream cryptsetup/LUKS FAQ in Markdown, the main
#   document), cryptsetup-README.Debian.txt (README.Debian.gz: crypttab, keyscripts,
#   initramfs unlocking), cryptsetup-NEWS.Debian.txt (NEWS.Debian.gz) and
#   cryptsetup-README.md (README.md.gz, the upstream README).
# The changelogs, ANNOUNCE and ReleaseNotes files, design notes, the smartd example scripts,
# smartmontools' NEWS.Debian, the other cryptsetup READMEs and the copyrights are left out.
# The documents are not committed (documents written by others, GPL-2+ and other free
# licences), so this script gets the exact .debs (about 1.2 MB, kept in
# build/corpora/disktools/) from the Debian archive with apt-get (no root needed), checks each
# sha256, extracts them with dpkg-deb and copies the files into build/corpora/disktools/
# (git-ignored). The packages are architecture-specific: their sha256 are the amd64 ones, so
# on another architecture amd64 must be added to dpkg first. cryptsetup's version has an
# epoch, which apt-get writes as "%3a" in the file name (fetch_debs knows).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/disktools/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/disktools"
# package:architecture=version sha256 of its .deb, as observed on 2026-12-06
DEBS="smartmontools:amd64=7.3-1+b1 724cd3dd49dec76f6fb0297252aeb860db54716d131387493180209f54d68d51
mdadm:amd64=4.2-5 93ac76fa9aa5b97256688e067b0a31c11aadf63321d6dbdf486e37de2338d454
cryptsetup:amd64=2:2.6.1-4~deb12u2 bef82c749c2f03d1f8c51d51090074b87d06852874dd35b3a237cd889bce0371"
S=usr/share/doc/smartmontools
M=usr/share/doc/mdadm
C=usr/share/doc/cryptsetup
# path in the packages -> name in DEST; keep in step with corpus.txt
FILES="$S/README smartmontools-README.txt
$S/README.Debian smartmontools-README.Debian.txt
$S/NEWS.gz smartmontools-NEWS.txt
$S/badblockhowto.html smartmontools-badblockhowto.html
$S/examples/README smartmontools-examples-README.txt
$S/smartd.conf.gz smartmontools-smartd.conf.txt
$M/FAQ.gz mdadm-FAQ.txt
$M/README.recipes.gz mdadm-README.recipes.txt
$M/NEWS.Debian.gz mdadm-NEWS.Debian.txt
$M/README.checkarray mdadm-README.checkarray.txt
$M/examples/mdadm.conf-example mdadm-mdadm.conf-example.txt
$C/FAQ.md.gz cryptsetup-FAQ.md
$C/README.Debian.gz cryptsetup-README.Debian.txt
$C/NEWS.Debian.gz cryptsetup-NEWS.Debian.txt
$C/README.md.gz cryptsetup-README.md"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files disktools "$DEST" "$DEBS" "$FILES"
