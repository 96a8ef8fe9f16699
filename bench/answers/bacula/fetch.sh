#!/bin/sh
# Fetch the bacula corpus: the Bacula 9.6 main manual (LaTeX2HTML multi-page HTML: navigation
# panels, "Subsections" link lists, directive descriptions, a few tables) as a small
# organisation's IT office would index "the backup system docs" for whoever restores files:
# 38 pages spread over the manual, from Debian bookworm's bacula-doc 9.6.7-2: what Bacula is,
# its current state, system requirements, supported operating systems and tape drives,
# installing (and the MySQL and PostgreSQL catalog chapters), critical items before
# production, getting started, the brief tutorial, customizing the configuration files, the
# Director (Configuring_Director.html, large: Director, Job, JobDefs, Schedule, FileSet,
# Client, Storage, Pool, Catalog, Messages and Console resources), Client/File daemon,
# Storage daemon, Messages, Console and Monitor configuration, basic volume management,
# automatic volume recycling, automated disk backup, autochanger support, the restore
# command, the bootstrap file, catalog maintenance, backup strategies, disaster recovery,
# data encryption, TLS, security issues, using Bacula to improve computer security, the
# Windows version, migration and copy, data spooling, base jobs (file deduplication) and the
# New Features pages of 9.0.0, 9.4.0 and 9.6.0. The index, the table of contents, the title
# page (Main_Reference.html, index.html), the copyright and licence page, the thanks, "About
# this document", the older New Features and release pages, the console, developers, misc,
# problems and utility manuals and the PDFs are left out. The pages are not committed
# (documents written by others, GFDL / AGPL-3), so this script gets the exact .deb (about
# 22 MB, kept in build/corpora/bacula/) from the Debian archive with apt-get, checks its
# sha256, extracts it with dpkg-deb and copies the pages (their own names, all unique) into
# build/corpora/bacula/, like pgdocs' fetch.sh. Idempotent: does nothing when every file is
# already there.
# Usage: sh bench/answers/bacula/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/bacula"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="bacula-doc=9.6.7-2 64c2cd53ecbc1b19a59fa86992729679cfd8d5d2e0b5fc80cafdaa442058bf3f"
H=usr/share/doc/bacula-doc/html/main
# page names in the package; each is copied to DEST under its own name (keep in step with
# corpus.txt)
PAGES="$H/What_is_Bacula.html $H/Current_State_Bacula.html $H/System_Requirements.html
$H/Supported_Operating_Systems.html $H/Supported_Tape_Drives.html $H/Installing_Bacula.html
$H/Installing_Configuring_MySQ.html $H/Installing_Configuring_Post.html
$H/Critical_Items_Implement_Be.html $H/Getting_Started_with_Bacula.html
$H/Brief_Tutorial.html $H/Customizing_Configuration_F.html $H/Configuring_Director.html
$H/Client_File_daemon_Configur.html $H/Storage_Daemon_Configuratio.html
$H/Messages_Resource.html $H/Console_Configuration.html $H/Monitor_Configuration.html
$H/Basic_Volume_Management.html $H/Automatic_Volume_Recycling.html
$H/Automated_Disk_Backup.html $H/Autochanger_Support.html $H/Restore_Command.html
$H/Bootstrap_File.html $H/Catalog_Maintenance.html $H/Backup_Strategies.html
$H/Disaster_Recovery_Using_Bac.html $H/Data_Encryption.html
$H/Bacula_TLS_Communications_E.html $H/Bacula_Security_Issues.html
$H/Using_Bacula_Improve_Comput.html $H/Windows_Version_Bacula.html $H/Migration_Copy.html
$H/Data_Spooling.html $H/File_Deduplication_using_Ba.html $H/New_Features_in_9_0_0.html
$H/New_Features_in_9_4_0.html $H/New_Features_in_9_6_0.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages bacula "$DEST" "$DEBS" "$PAGES"
