#!/bin/sh
# Fetch the redis corpus: the office's Redis cache and queue server documentation as a small
# organisation's IT person indexes it for the colleagues who run the in-house web applications,
# from Debian bookworm's redis-server, redis-tools and redis-sentinel 5:7.0.15-1~deb12u10
# (amd64, bookworm-security; upstream Redis 7.0.15 with Debian's security patches), copied flat
# under names that say whose they are (plain text and configuration files end in .txt, which
# the loaders take; a .gz is decompressed):
# - redis-README.md (/usr/share/doc/redis-server/README.md.gz): upstream's README (building,
#   allocators, running, playing with Redis, installing, the code's layout);
# - redis-00-RELEASENOTES.txt (00-RELEASENOTES.gz, a symlink to upstream's changelog.gz, the
#   same file in all three packages): upstream's release notes, whole, not cut: the file holds
#   only the 7.0 series (7.0.15 of January 2024 back to 7.0 RC1 of January 2022, about 1,080
#   lines), and RC1's part is where 7.0's new features and behaviour changes are listed, which
#   a 2026 reader of this 7.0 server needs as much as the later security fixes;
# - redis-etc-redis.conf.txt (/etc/redis/redis.conf): the long commented configuration
#   (about 106 KB: every directive with its default and reasoning, in Debian's version: Debian
#   changes a few settings from upstream's, e.g. daemonizing, the pid and log files and the
#   data directory);
# - redis-etc-sentinel.conf.txt (/etc/redis/sentinel.conf, from redis-sentinel): Sentinel's
#   commented configuration;
# - redis-debian-default.txt (/etc/default/redis-server): the ULIMIT setting, commented;
# - redis-debian-redis-server.service.txt (/lib/systemd/system/redis-server.service) and
#   redis-debian-redis-server@.service.txt (the templated unit, whose comment says how to run
#   several instances): how Debian starts the server, with comments;
# - redis-tools-examples-lru-README.txt (/usr/share/doc/redis-tools/examples/lru/README): how
#   to test the approximated LRU.
# Left out: changelog.Debian, the copyright files and MANIFESTO (not operational, as the brief
# asks); the roff manual pages (a format pocketrag does not read; each a few lines pointing to
# redis.io); the logrotate fragments (no comment); /etc/default/redis-sentinel and the
# redis-sentinel units (the server's with other names); the init scripts, bash completion and
# the example code (lfu-simulation.c, test-lru.rb, redis-trib.rb).
# The documents are not committed (documents written by others, BSD-3-Clause), so this script
# gets the exact .debs (about 1.1 MB together, kept in build/corpora/redis/) from the Debian
# archive with apt-get (no root needed), checks each sha256, extracts them with dpkg-deb and
# copies the files into build/corpora/redis/ (git-ignored). The packages are
# architecture-specific: their sha256 are the amd64 ones, so on another architecture amd64
# must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/redis/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/redis"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="redis-server:amd64=5:7.0.15-1~deb12u10 784e17b51024ff878fd7d709a68346658fa9b21f6de740cb75e474f28790971c
redis-tools:amd64=5:7.0.15-1~deb12u10 f791cfcbf3054832bd6e786546acb0d4e046888f8e63bcf567c1c65fbfaf69e2
redis-sentinel:amd64=5:7.0.15-1~deb12u10 52970bc6c497fd3be1a995dbb17a41437a47c2c53dbca953bf631356d289c513"
D=usr/share/doc/redis-server
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/README.md.gz redis-README.md
$D/changelog.gz redis-00-RELEASENOTES.txt
etc/redis/redis.conf redis-etc-redis.conf.txt
etc/redis/sentinel.conf redis-etc-sentinel.conf.txt
etc/default/redis-server redis-debian-default.txt
lib/systemd/system/redis-server.service redis-debian-redis-server.service.txt
lib/systemd/system/redis-server@.service redis-debian-redis-server@.service.txt
usr/share/doc/redis-tools/examples/lru/README redis-tools-examples-lru-README.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files redis "$DEST" "$DEBS" "$FILES"
