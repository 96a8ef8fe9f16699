#!/bin/sh
# Fetch the vimdoc corpus: Vim 9.0's own help files (the plain-text files that `:help` shows:
# hard-wrapped text with *tags*, |links|, column-aligned tables, example blocks marked with
# `>` and `<`, and section rules of `=====`) as a university's research-computing team would
# index "the editor on our login nodes" for its users: 19 chapters of the user manual
# (usr_01 about the manuals, first steps, moving around, small changes, the vimrc, syntax
# highlighting, more than one file, splitting windows, the GUI, big changes, recovering from
# a crash, clever tricks, coming back (viminfo, sessions), finding the file to edit, editing
# formatted text, folding, the undo tree, new commands and mappings, installing Vim) and 14
# reference files (starting, options, change, motion, pattern, undo, recover, windows,
# tabpage, fold, map, spell, quickref and the 9.0 version notes, version9.txt), from
# Debian bookworm's vim 2:9.0.1378-2+deb12u2. The plain-text help files are shipped by
# vim-runtime (usr/share/vim/vim90/doc/); vim-doc holds only their HTML rendering, so this
# script downloads vim-runtime. tags, index.txt, help.txt and usr_toc.txt (tables of
# contents) are left out. The files are not committed (documents written by others, the Vim
# licence), so this script gets the exact .deb from the Debian archive with apt-get, checks
# its sha256, extracts it with dpkg-deb and copies the files under their own names (flat and
# unique) into build/corpora/vimdoc/. The version carries an epoch, which apt-get writes as
# "%3a" in the file name, so this script does not use fetch-debs.sh's fetch_debs (it builds
# package_version_all.deb names) but its tool check, like gitdoc's fetch.sh. Idempotent:
# does nothing when every file is already there.
# Usage: sh bench/answers/vimdoc/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/vimdoc"
# package=version (what apt-get download is asked for), the file it writes, its sha256, as
# observed on 2026-12-05
SPEC="vim-runtime=2:9.0.1378-2+deb12u2"
DEB="vim-runtime_2%3a9.0.1378-2+deb12u2_all.deb"
SHA=6a3dd2317a593742cb247f3494d986b3127887dbe1449253b8efa6112289854e
D=usr/share/vim/vim90/doc
# files in the package; each is copied to DEST under its own name (keep in step with
# corpus.txt)
FILES="usr_01.txt usr_02.txt usr_03.txt usr_04.txt usr_05.txt usr_06.txt usr_07.txt
usr_08.txt usr_09.txt usr_10.txt usr_11.txt usr_12.txt usr_21.txt usr_22.txt usr_25.txt
usr_28.txt usr_32.txt usr_40.txt usr_90.txt
starting.txt options.txt change.txt motion.txt pattern.txt undo.txt recover.txt windows.txt
tabpage.txt fold.txt map.txt spell.txt quickref.txt version9.txt"

missing=
for f in $FILES; do
  [ -s "$DEST/$f" ] || missing=yes
done
[ -n "$missing" ] || exit 0

. "$REPO/bench/answers/fetch-debs.sh"
require_tools vimdoc apt-get dpkg-deb sha256sum
mkdir -p "$DEST"
tmp=$(mktemp -d "$DEST/extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if [ ! -s "$DEST/$DEB" ]; then
  # apt-get download writes into the current folder; no root needed
  if ! (cd "$DEST" && apt-get download -q=2 "$SPEC"); then
    echo "vimdoc fetch: 'apt-get download $SPEC' failed (no Debian mirror reachable, or run 'apt-get update' first)." >&2
    exit 1
  fi
  if [ ! -s "$DEST/$DEB" ]; then
    echo "vimdoc fetch: apt-get download $SPEC did not leave $DEB in $DEST." >&2
    exit 1
  fi
fi
if ! echo "$SHA  $DEST/$DEB" | sha256sum -c --quiet - >/dev/null 2>&1; then
  rm -f "$DEST/$DEB"
  echo "vimdoc fetch: $DEB does not have the expected sha256 $SHA; removed it." >&2
  exit 1
fi
if ! dpkg-deb -x "$DEST/$DEB" "$tmp"; then
  echo "vimdoc fetch: could not extract $DEB." >&2
  exit 1
fi
for f in $FILES; do
  if [ ! -s "$tmp/$D/$f" ]; then
    echo "vimdoc fetch: $D/$f is not in $DEB." >&2
    exit 1
  fi
  cp "$tmp/$D/$f" "$tmp/$f.part"
  mv "$tmp/$f.part" "$DEST/$f"
done
echo "vimdoc fetch: documents ready in $DEST" >&2
