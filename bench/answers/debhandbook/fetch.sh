#!/bin/sh
# Fetch the debhandbook corpus: The Debian Administrator's Handbook (Debian 11 "bullseye"
# edition, Publican multi-page HTML) as a school's or small company's IT office would index
# "the admin book we follow" for its technicians: 42 English pages spread over the book, from
# the bookworm package debian-handbook 11.20220922: installation (methods, step by step, after
# the first boot), the packaging system (binary package structure, meta-information, dpkg),
# APT (sources.list, apt/apt-get, apt-cache, package authenticity, upgrading between stable
# releases, keeping up to date, automatic upgrades), solving problems (documentation sources,
# common procedures), basic configuration (locales, network, hostname and name service,
# users and groups, creating accounts, bootloader, time, logs, sudo, fstab, locate), the Unix
# services (boot and systemd, remote login, rights, syslog, cron/at, anacron, quotas,
# backup), network infrastructure (gateway, DNS, DHCP, diagnosis tools), network services
# (Postfix, Apache, NFS, Samba), RAID and LVM, virtualization, and security (security policy,
# nftables firewall). A chapter's first page (installation.html, apt.html, ...) opens with the
# chapter's list of sections and goes on with its first section; the index, the tables of
# contents, the preface and the other pages are left out. The package (about 35 MB) ships the
# book in 26 languages; only the English (en-US) pages are copied. They are not committed
# (documents written by others, GPL-2+ / CC-BY-SA 3.0), so this script gets the exact .deb
# from the Debian archive with apt-get, checks its sha256, extracts it with dpkg-deb and
# copies the pages (their own names, all unique) into build/corpora/debhandbook/, like
# pgdocs' fetch.sh. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/debhandbook/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/debhandbook"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="debian-handbook=11.20220922 3d5dbeac1f1afc9c094eab9d0f701f6ecff99c4927d5a4794cf6c85678134faa"
H=usr/share/doc/debian-handbook/html/en-US
# page names in the package; each is copied to DEST under its own name (keep in step with
# corpus.txt)
PAGES="$H/installation.html $H/sect.installation-steps.html $H/sect.after-first-boot.html
$H/packaging-system.html $H/sect.package-meta-information.html
$H/sect.manipulating-packages-with-dpkg.html
$H/apt.html $H/sect.apt-get.html $H/sect.apt-cache.html $H/sect.package-authentication.html
$H/sect.dist-upgrade.html $H/sect.regular-upgrades.html $H/sect.automatic-upgrades.html
$H/solving-problems.html $H/sect.common-procedures.html
$H/basic-configuration.html $H/sect.network-config.html $H/sect.hostname-name-service.html
$H/sect.user-group-databases.html $H/sect.creating-accounts.html
$H/sect.config-bootloader.html $H/sect.config-misc.html
$H/unix-services.html $H/sect.remote-login.html $H/sect.rights-management.html
$H/sect.syslog.html $H/sect.task-scheduling-cron-atd.html
$H/sect.asynchronous-task-scheduling-anacron.html $H/sect.quotas.html $H/sect.backup.html
$H/network-infrastructure.html $H/sect.domain-name-servers.html $H/sect.dhcp.html
$H/sect.network-diagnosis-tools.html
$H/network-services.html $H/sect.http-web-server.html $H/sect.nfs-file-server.html
$H/sect.windows-file-server-with-samba.html
$H/advanced-administration.html $H/sect.virtualization.html
$H/security.html $H/sect.firewall-packet-filtering.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages debhandbook "$DEST" "$DEBS" "$PAGES"
