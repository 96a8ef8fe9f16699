#!/bin/sh
# Fetch the lighttpd corpus: lighttpd 1.4.69's documentation as a small web-hosting team's
# administrator indexes it for the colleagues who run its web servers, from Debian bookworm's
# lighttpd-doc 1.4.69-1 (all; its documents are under /usr/share/doc/lighttpd/) and lighttpd
# 1.4.69-1 (amd64; upstream's README and NEWS, Debian's notes and configuration), copied flat
# under names that say whose they are (plain text and configuration files end in .txt, which
# the loaders take; a .gz is decompressed):
# - lighttpd-<name>.txt: the 32 plain-text module and core documents of lighttpd-doc, written
#   in reStructuredText-like text (===== headings, :field: lists, option lists of a name line
#   over an indented description with Default: and Example: lines, :: literal blocks):
#   access, accesslog (with the log format table), alias, authentication, cgi, compress
#   (mod_compress, subsumed by mod_deflate), configuration (the syntax, conditionals,
#   variables and the core options with their defaults), dirlisting, evhost, expire,
#   extforward, fastcgi (the long one: options, load balancing, spawning, PHP, an authorizer,
#   troubleshooting), fastcgi-state, features (a 2004 progress report), magnet (Lua scripts),
#   performance (tuning rules and platform notes), plugins (the plugin hooks), proxy, redirect,
#   rewrite, rrdtool, scgi, security, setenv, simple-vhost, ssi, ssl, state (the connection
#   state engine), status, traffic-shaping, userdir and webdav; skeleton.txt (an empty
#   template for a module's page) is left out;
# - lighttpd-README.txt (upstream's README: features, HTTP/1.1 compliance, platforms,
#   starting) and lighttpd-NEWS.txt (changelog.gz, which is upstream's NEWS: every release
#   from 1.4.69 back to 1.1.x, about 4200 lines);
# - Debian's notes: lighttpd-NEWS.Debian.txt (NEWS.Debian.gz: removed modules, the split of
#   the TLS and compression modules into packages) and lighttpd-doc-README.Debian.txt
#   (lighttpd-doc's README.Debian: where the documents now are);
# - Debian's configuration as an administrator reads it: /etc/lighttpd/lighttpd.conf as
#   lighttpd-etc-lighttpd.conf.txt, conf-available/README and the 14 conf-available snippets
#   with comments or settings of substance as lighttpd-etc-conf-available-<name>.txt (auth,
#   setenv, cgi, evhost, proxy, rrdtool, simple-vhost, sockproxy, status, userdir, PHP over
#   FastCGI and over PHP-FPM, the Debian documentation aliases, the unconfigured index
#   page); /etc/logrotate.d/lighttpd, /etc/cron.daily/lighttpd (cleaning the compression
#   and upload caches) and the systemd unit as lighttpd-debian-logrotate.txt,
#   lighttpd-debian-cron.daily.txt and lighttpd-debian-lighttpd.service.txt.
# Left out: changelog.Debian and the copyright files (as the brief asks), skeleton.txt, the
# conf-available snippets that only load a module or hold one uncommented line (accesslog,
# dir-listing, expire, fastcgi, no-www, rewrite, ssi, extforward), the init script, the
# tmpfiles line, the Perl helpers under /usr/share/lighttpd/, the placeholder index.html, the
# example socket unit and the manual pages. The documents are not committed (documents
# written by others, BSD-style licences), so this script gets the exact .debs (about 0.4 MB, kept in
# build/corpora/lighttpd/) from the Debian archive with apt-get (no root needed), checks each
# sha256, extracts them with dpkg-deb and copies the files into build/corpora/lighttpd/
# (git-ignored). lighttpd is architecture-specific: its sha256 is the amd64 one, so on
# another architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/lighttpd/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/lighttpd"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="lighttpd-doc=1.4.69-1 9be429ab0bdb27e186094bd48c79c93ffbe174960a86e44d3f13ef6582fc641f
lighttpd:amd64=1.4.69-1 1c78f11e4c6cb2b14087f0b012baa8a60e441f6d563a9272c3d9f112c3e5f6e1"
D=usr/share/doc/lighttpd
C=etc/lighttpd/conf-available
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/access.txt lighttpd-access.txt
$D/accesslog.txt lighttpd-accesslog.txt
$D/alias.txt lighttpd-alias.txt
$D/authentication.txt.gz lighttpd-authentication.txt
$D/cgi.txt lighttpd-cgi.txt
$D/compress.txt.gz lighttpd-compress.txt
$D/configuration.txt.gz lighttpd-configuration.txt
$D/dirlisting.txt lighttpd-dirlisting.txt
$D/evhost.txt lighttpd-evhost.txt
$D/expire.txt lighttpd-expire.txt
$D/extforward.txt lighttpd-extforward.txt
$D/fastcgi.txt.gz lighttpd-fastcgi.txt
$D/fastcgi-state.txt lighttpd-fastcgi-state.txt
$D/features.txt lighttpd-features.txt
$D/magnet.txt.gz lighttpd-magnet.txt
$D/performance.txt.gz lighttpd-performance.txt
$D/plugins.txt.gz lighttpd-plugins.txt
$D/proxy.txt lighttpd-proxy.txt
$D/redirect.txt lighttpd-redirect.txt
$D/rewrite.txt lighttpd-rewrite.txt
$D/rrdtool.txt lighttpd-rrdtool.txt
$D/scgi.txt lighttpd-scgi.txt
$D/security.txt lighttpd-security.txt
$D/setenv.txt lighttpd-setenv.txt
$D/simple-vhost.txt lighttpd-simple-vhost.txt
$D/ssi.txt lighttpd-ssi.txt
$D/ssl.txt lighttpd-ssl.txt
$D/state.txt.gz lighttpd-state.txt
$D/status.txt lighttpd-status.txt
$D/traffic-shaping.txt lighttpd-traffic-shaping.txt
$D/userdir.txt lighttpd-userdir.txt
$D/webdav.txt lighttpd-webdav.txt
$D/README lighttpd-README.txt
$D/changelog.gz lighttpd-NEWS.txt
$D/NEWS.Debian.gz lighttpd-NEWS.Debian.txt
usr/share/doc/lighttpd-doc/README.Debian lighttpd-doc-README.Debian.txt
etc/lighttpd/lighttpd.conf lighttpd-etc-lighttpd.conf.txt
etc/lighttpd/conf-available/README lighttpd-etc-conf-available-README.txt
$C/05-auth.conf lighttpd-etc-conf-available-05-auth.conf.txt
$C/05-setenv.conf lighttpd-etc-conf-available-05-setenv.conf.txt
$C/10-cgi.conf lighttpd-etc-conf-available-10-cgi.conf.txt
$C/10-evhost.conf lighttpd-etc-conf-available-10-evhost.conf.txt
$C/10-proxy.conf lighttpd-etc-conf-available-10-proxy.conf.txt
$C/10-rrdtool.conf lighttpd-etc-conf-available-10-rrdtool.conf.txt
$C/10-simple-vhost.conf lighttpd-etc-conf-available-10-simple-vhost.conf.txt
$C/10-sockproxy.conf lighttpd-etc-conf-available-10-sockproxy.conf.txt
$C/10-status.conf lighttpd-etc-conf-available-10-status.conf.txt
$C/10-userdir.conf lighttpd-etc-conf-available-10-userdir.conf.txt
$C/15-fastcgi-php.conf lighttpd-etc-conf-available-15-fastcgi-php.conf.txt
$C/15-fastcgi-php-fpm.conf lighttpd-etc-conf-available-15-fastcgi-php-fpm.conf.txt
$C/90-debian-doc.conf lighttpd-etc-conf-available-90-debian-doc.conf.txt
$C/99-unconfigured.conf lighttpd-etc-conf-available-99-unconfigured.conf.txt
etc/logrotate.d/lighttpd lighttpd-debian-logrotate.txt
etc/cron.daily/lighttpd lighttpd-debian-cron.daily.txt
lib/systemd/system/lighttpd.service lighttpd-debian-lighttpd.service.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files lighttpd "$DEST" "$DEBS" "$FILES"
