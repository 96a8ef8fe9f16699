#!/bin/sh
# Fetch the httpd corpus: the Apache HTTP Server 2.4 manual as a small organisation's IT
# team would index its "how we run our web server" handbook, from Debian bookworm's
# apache2-doc 2.4.71-1~deb12u1 (bookworm-security), which ships the manual as HTML under
# /usr/share/doc/apache2-doc/manual/en/: getting started, configuration files, stopping and
# restarting, configuration sections, server-wide configuration, URL mapping, custom error
# responses, log files, caching, content negotiation; the howtos (access control,
# authentication, CGI, .htaccess, SSI, per-user directories, reverse proxy, HTTP/2); the
# SSL/TLS how-to and FAQ; the virtual host overview, name-based hosts and examples;
# performance tuning and security tips; the httpd, apache2ctl and htpasswd program pages;
# the mod_rewrite introduction; and module pages with directive tables: mod_access_compat
# (the deprecated 2.2-style Order/Allow/Deny, against the Require of the howtos),
# mpm_common (defaults of StartServers, MaxRequestWorkers ...), mod_dir, mod_alias,
# mod_headers, mod_expires, mod_deflate.
# The package's en/ folder holds Brazilian Portuguese copies of six pages (upgrading.html,
# new_features_2_4.html, install.html, invoking.html, bind.html, filter.html: <html
# lang="pt-br">; 2.4.68-1~deb12u1 is the same), so those are not in the corpus; the program
# pages and mod_access_compat stand in for install, invoking and upgrading.
# They are not committed (documents written by others, Apache License 2.0), so this script
# gets the exact .deb from the Debian archive with apt-get (no root needed), checks its
# sha256 and extracts it with dpkg-deb (fetch-debs.sh's fetch_files), then copies the chosen
# pages into build/corpora/httpd/ under flat, unique names: top-level pages and module
# pages keep their names, other pages in a subfolder get the folder in front
# (howto/access.html becomes howto-access.html, misc/security_tips.html
# misc-security_tips.html, programs/httpd.html programs-httpd.html, ssl/ssl_faq.html
# ssl-faq.html, mod/mod_dir.html mod_dir.html). Fails saying what went wrong (no apt-get or
# dpkg-deb, no mirror reachable, a hash mismatch, a page missing from the package); does
# nothing when every file is there.
# Usage: sh bench/answers/httpd/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/httpd"
# package=version sha256 of its .deb, as observed on 2026-12-05 (bookworm-security)
DEBS="apache2-doc=2.4.71-1~deb12u1 a7b3d1131c1c63dbf9999b28e75f9a133d30f70492b419936bd51759ac77a01f"
M=usr/share/doc/apache2-doc/manual/en
# path in the package -> name in DEST; keep in step with corpus.txt
FILES="$M/getting-started.html getting-started.html
$M/programs/apachectl.html programs-apachectl.html
$M/configuring.html configuring.html
$M/programs/httpd.html programs-httpd.html
$M/stopping.html stopping.html
$M/sections.html sections.html
$M/server-wide.html server-wide.html
$M/urlmapping.html urlmapping.html
$M/programs/htpasswd.html programs-htpasswd.html
$M/custom-error.html custom-error.html
$M/logs.html logs.html
$M/caching.html caching.html
$M/content-negotiation.html content-negotiation.html
$M/mod/mod_access_compat.html mod_access_compat.html
$M/mod/mpm_common.html mpm_common.html
$M/howto/access.html howto-access.html
$M/howto/auth.html howto-auth.html
$M/howto/cgi.html howto-cgi.html
$M/howto/htaccess.html howto-htaccess.html
$M/howto/ssi.html howto-ssi.html
$M/howto/public_html.html howto-public_html.html
$M/howto/reverse_proxy.html howto-reverse_proxy.html
$M/howto/http2.html howto-http2.html
$M/ssl/ssl_howto.html ssl-howto.html
$M/ssl/ssl_faq.html ssl-faq.html
$M/vhosts/index.html vhosts-index.html
$M/vhosts/name-based.html vhosts-name-based.html
$M/vhosts/examples.html vhosts-examples.html
$M/misc/perf-tuning.html misc-perf-tuning.html
$M/misc/security_tips.html misc-security_tips.html
$M/mod/mod_dir.html mod_dir.html
$M/mod/mod_alias.html mod_alias.html
$M/mod/mod_headers.html mod_headers.html
$M/mod/mod_expires.html mod_expires.html
$M/mod/mod_deflate.html mod_deflate.html
$M/rewrite/intro.html rewrite-intro.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files httpd "$DEST" "$DEBS" "$FILES"
