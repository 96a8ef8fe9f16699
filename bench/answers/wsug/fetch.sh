#!/bin/sh
# Fetch the wsug corpus: the Wireshark 4.0 User's Guide (asciidoctor/DocBook multi-page HTML:
# "Prev / Next" bars, admonition boxes, tables, help-output listings) as a small office's IT
# person would index "the network troubleshooting guide": 38 pages of wsug_html_chunked from
# Debian bookworm's wireshark-doc 4.0.17-0+deb12u3: capturing (prerequisites, starting a
# capture, the Capture Options dialog, capture files and file modes with ring buffers,
# capture filters, while a capture is running), the main window's keyboard navigation and
# the Edit, View and Capture menus (their shortcut tables), display filters (filtering while
# viewing, building display filter expressions with the operator, logical, arithmetic and
# function tables, defining and saving filters), marking packets, time display formats and
# time references, time stamps, name resolution, statistics (protocol hierarchy,
# conversations, endpoints, I/O graphs), file input and output (open, save, merge, file
# sets, exporting, the packet range frame), starting Wireshark from the command line,
# preferences, configuration profiles, the command-line tools appendix (tshark, dumpcap,
# capinfos, editcap, mergecap) and the files and folders appendix (capture files, the
# configuration and plugin folders, the configuration files). The GPL appendix, the
# developer's guide (wsdg), the index and the chapter title pages (tables of contents) are
# left out. The pages are not committed (documents written by others, GPL-2+), so this
# script gets the exact .deb (about 10 MB, kept in build/corpora/wsug/) from the Debian
# archive with apt-get, checks its sha256, extracts it with dpkg-deb and copies the pages
# flat into build/corpora/wsug/ as wsug-<page name>.html (wsug-ChCapCaptureOptions.html), so
# that each name is unique and says whose it is. Idempotent: does nothing when every file is
# already there.
# Usage: sh bench/answers/wsug/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/wsug"
# package=version sha256 of its .deb, as observed on 2026-12-06
DEBS="wireshark-doc=4.0.17-0+deb12u3 fb7c5ba555b287cc39b2535e56b0fa0dd5f5edfe50e178e71df0f0f08baa01d5"
H=usr/share/doc/wireshark/wsug_html_chunked
# page names in the package, each copied to DEST as wsug-<name>.html (keep in step with
# corpus.txt)
PAGES="ChCapPrerequisitesSection ChCapCapturingSection ChCapCaptureOptions ChCapCaptureFiles
ChCapCaptureFilterSection ChCapRunningSection
ChUseMainWindowSection ChUseEditMenuSection ChUseViewMenuSection ChUseCaptureMenuSection
ChWorkDisplayFilterSection ChWorkBuildDisplayFilterSection ChWorkDefineFilterSection
ChWorkMarkPacketSection ChWorkTimeFormatsSection ChAdvTimestamps ChAdvNameResolutionSection
ChStatHierarchy ChStatConversations ChStatEndpoints ChStatIOGraphs
ChIOOpenSection ChIOSaveSection ChIOMergeSection ChIOFileSetSection ChIOExportSection
ChIOPacketRangeSection
ChCustCommandLine ChCustPreferencesSection ChCustConfigProfilesSection
AppToolstshark AppToolsdumpcap AppToolscapinfos AppToolseditcap AppToolsmergecap
AppFiles ChConfigurationPluginFolders ChAppFilesConfigurationSection"
# "path in the package, name in DEST", one pair a line
FILES=$(for page in $PAGES; do echo "$H/$page.html wsug-$page.html"; done)

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files wsug "$DEST" "$DEBS" "$FILES"
