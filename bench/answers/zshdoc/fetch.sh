#!/bin/sh
# Fetch the zshdoc corpus: the Z shell 5.9 manual (texi2html output, one HTML page a chapter,
# with navigation bars) as a university's research-computing team would index "the shell our
# login nodes use" for its users: 24 chapter pages spread over the whole manual (introduction,
# roadmap, invocation, startup files, shell grammar, redirection, command execution,
# functions, jobs and signals, arithmetic, conditional expressions, prompt expansion,
# expansion, parameters, options, builtins, the line editor, completion widgets and the
# completion system, modules, the calendar, TCP and zftp function systems, the user
# contributions) and the six chapters of the Z-Shell FAQ the package ships beside it, from
# the bookworm package zsh-doc 5.9-4. The index pages (concept, variables, options,
# functions, editor functions, styles and tags), the tables of contents (zsh_toc.html,
# index.html, FAQ.html), the about page, the old compctl chapter and the many one-line
# redirect pages (Parameters-Set-By-The-Shell.html ... only point into a chapter page) are
# left out. The pages are not committed (documents written by others), so this script gets
# the exact .deb from the Debian archive with apt-get, checks its sha256, extracts it with
# dpkg-deb and copies the pages under their own names (flat and unique) into
# build/corpora/zshdoc/, like eximspec's fetch.sh. Idempotent: does nothing when every file
# is already there.
# Usage: sh bench/answers/zshdoc/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/zshdoc"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="zsh-doc=5.9-4 79bd75df4bf03d1021e993fd773f82b8a4c8d76649e420cd32eca940cf418ff4"
H=usr/share/doc/zsh-common/html
# pages in the package; each is copied to DEST under its own name (keep in step with
# corpus.txt)
PAGES="
$H/Introduction.html
$H/Roadmap.html
$H/Invocation.html
$H/Files.html
$H/Shell-Grammar.html
$H/Redirection.html
$H/Command-Execution.html
$H/Functions.html
$H/Jobs-_0026-Signals.html
$H/Arithmetic-Evaluation.html
$H/Conditional-Expressions.html
$H/Prompt-Expansion.html
$H/Expansion.html
$H/Parameters.html
$H/Options.html
$H/Shell-Builtin-Commands.html
$H/Zsh-Line-Editor.html
$H/Completion-Widgets.html
$H/Completion-System.html
$H/Zsh-Modules.html
$H/Calendar-Function-System.html
$H/TCP-Function-System.html
$H/Zftp-Function-System.html
$H/User-Contributions.html
$H/FAQ01.html
$H/FAQ02.html
$H/FAQ03.html
$H/FAQ04.html
$H/FAQ05.html
$H/FAQ06.html
"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages zshdoc "$DEST" "$DEBS" "$PAGES"
