#!/bin/sh
# Fetch the sqlitedoc corpus: SQLite's own documentation as a small company's developers
# would index their "how we use SQLite" handbook, from Debian bookworm's sqlite3-doc
# 3.40.1-2+deb12u2, which ships the sqlite.org site as HTML under /usr/share/doc/sqlite3/:
# when to use SQLite, the command-line shell, datatypes and type affinity, STRICT tables,
# AUTOINCREMENT, the SQL pages on CREATE TABLE, UPSERT, CREATE INDEX, transactions and
# ATTACH, the query planner, PRAGMAs, write-ahead logging, file locking and concurrency,
# isolation, the limits, foreign keys, FTS5, the JSON functions, the backup API, VACUUM, the
# FAQ, how to corrupt a database file and defensive use. The release logs, the C API
# reference (c3ref/) and the syntax diagrams are left out.
# They are not committed (documents written by others), so this script gets the exact .deb
# from the Debian archive with apt-get (no root needed), checks its sha256 and extracts it
# with dpkg-deb (fetch-debs.sh's fetch_pages), then copies the chosen pages into
# build/corpora/sqlitedoc/ under their own names (all top-level pages, so already flat and
# unique). Fails saying what went wrong (no apt-get or dpkg-deb, no mirror reachable, a
# hash mismatch, a page missing from the package); does nothing when every file is there.
# Usage: sh bench/answers/sqlitedoc/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/sqlitedoc"
# package=version sha256 of its .deb, as observed on 2026-12-05 (bookworm)
DEBS="sqlite3-doc=3.40.1-2+deb12u2 466e30d7066e2641fa13e56bc662a2ad521b8cc9c17dde9c9dac3d4f105e32f2"
H=usr/share/doc/sqlite3
# keep in step with corpus.txt
PAGES="$H/whentouse.html $H/cli.html $H/datatype3.html $H/stricttables.html
$H/autoinc.html $H/lang_createtable.html $H/lang_upsert.html $H/lang_createindex.html
$H/lang_transaction.html $H/lang_attach.html $H/queryplanner.html $H/pragma.html
$H/wal.html $H/lockingv3.html $H/isolation.html $H/limits.html $H/foreignkeys.html
$H/fts5.html $H/json1.html $H/backup.html $H/lang_vacuum.html $H/faq.html
$H/howtocorrupt.html $H/security.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages sqlitedoc "$DEST" "$DEBS" "$PAGES"
