#!/bin/sh
# Fetch the borg corpus: the BorgBackup 1.2 documentation (Sphinx HTML: sidebar navigation,
# option tables, code blocks, admonitions) as a small organisation's IT office would index
# "the backup docs" for whoever runs the nightly backups: 33 rendered pages (not the
# _sources/*.rst.txt copies) from Debian bookworm's borgbackup-doc 1.2.4-1: installation, the
# quick start, the FAQ, the change log (changes.html, large), the internals' security page,
# the five deployment pages (central backup server, hosting repositories, automated local
# backups, pull backups, image backups) and 23 usage pages (general: repository URLs,
# environment variables, return codes, file systems, units, logging; the notes; the patterns
# and placeholders help; and the init, create, extract, list, prune, compact, check, delete,
# mount, key, info, diff, recreate, serve, config, break-lock (lock.html), benchmark, rename,
# export-tar/import-tar and upgrade command pages). The genindex, search, the tables of
# contents (index, usage, deployment, internals, book), authors, licence, support,
# development, the other internals pages and the debug and borgfs pages are left out. The
# pages are not committed (documents written by others, BSD-3-Clause), so this script gets the
# exact .deb (about 2.9 MB, kept in build/corpora/borg/) from the Debian archive with apt-get,
# checks its sha256, extracts it with dpkg-deb and copies the pages flat into
# build/corpora/borg/, the usage, deployment and internals pages under names prefixed with
# their folder (usage-create.html, deployment-pull-backup.html, internals-security.html) so
# that each is unique and says what it is. Idempotent: does nothing when every file is there.
# Usage: sh bench/answers/borg/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/borg"
# package=version sha256 of its .deb, as observed on 2026-12-06
DEBS="borgbackup-doc=1.2.4-1 f7c621fde76d460f071e8c0803d62198101f1c86ef3430db158f2e789570dbda"
H=usr/share/doc/borgbackup/html
# "path in the package, name in DEST" (keep in step with corpus.txt)
FILES="$H/installation.html installation.html
$H/quickstart.html quickstart.html
$H/faq.html faq.html
$H/changes.html changes.html
$H/internals/security.html internals-security.html
$H/deployment/central-backup-server.html deployment-central-backup-server.html
$H/deployment/hosting-repositories.html deployment-hosting-repositories.html
$H/deployment/automated-local.html deployment-automated-local.html
$H/deployment/pull-backup.html deployment-pull-backup.html
$H/deployment/image-backup.html deployment-image-backup.html
$H/usage/general.html usage-general.html
$H/usage/notes.html usage-notes.html
$H/usage/help.html usage-help.html
$H/usage/init.html usage-init.html
$H/usage/create.html usage-create.html
$H/usage/extract.html usage-extract.html
$H/usage/list.html usage-list.html
$H/usage/prune.html usage-prune.html
$H/usage/compact.html usage-compact.html
$H/usage/check.html usage-check.html
$H/usage/delete.html usage-delete.html
$H/usage/mount.html usage-mount.html
$H/usage/key.html usage-key.html
$H/usage/info.html usage-info.html
$H/usage/diff.html usage-diff.html
$H/usage/recreate.html usage-recreate.html
$H/usage/serve.html usage-serve.html
$H/usage/config.html usage-config.html
$H/usage/lock.html usage-lock.html
$H/usage/benchmark.html usage-benchmark.html
$H/usage/rename.html usage-rename.html
$H/usage/tar.html usage-tar.html
$H/usage/upgrade.html usage-upgrade.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files borg "$DEST" "$DEBS" "$FILES"
