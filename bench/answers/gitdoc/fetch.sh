#!/bin/sh
# Fetch the gitdoc corpus: the Git documentation as a software company's IT team would index
# its "how we use Git" handbook, from Debian bookworm's git 1:2.39.5-0+deb12u3: from the
# git-doc package (asciidoc HTML under /usr/share/doc/git-doc, which /usr/share/doc/git/html
# links to) the user manual, the tutorials, everyday Git, the workflows, the FAQ, the
# glossary, the CVS migration guide, the guides to revisions, ignore files, attributes,
# credentials, submodules and hooks, SubmittingPatches and ReviewingGuidelines and seven
# howtos (maintaining Git, reverting a faulty merge, rebasing from an internal branch, an
# HTTP server, signed tags in pull requests, an update hook, git daemon); and from the git
# package itself, which alone ships the release notes (plain text, /usr/share/doc/git/RelNotes),
# the notes of 1.8.0 and 2.0.0 (the push default that changed from "matching" to "simple")
# and 2.39.4 and 2.39.5 (security fixes, and the reverted clone-hook protections).
# They are not committed (documents written by others, GPL-2), so this script gets the
# exact .debs from the Debian archive with apt-get, checks each sha256, extracts them with
# dpkg-deb and copies the chosen files into build/corpora/gitdoc/ under flat, unique names
# (howto/maintain-git.html becomes howto-maintain-git.html, RelNotes/2.0.0.txt
# relnotes-2.0.0.txt). The git package is architecture-specific: its sha256 is the amd64
# one, so on another architecture amd64 must be added to dpkg first. The version carries an
# epoch, which apt-get writes as "%3a" in the file name, so this script does not use
# fetch-debs.sh's fetch_debs (it builds package_version_all.deb names) but its checks.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/gitdoc/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/gitdoc"
# package=version (what apt-get download is asked for), the file it writes, its sha256, as
# observed on 2026-12-04
DEBS="git-doc=1:2.39.5-0+deb12u3 git-doc_1%3a2.39.5-0+deb12u3_all.deb 3c89668a11053a6bafade3de1f611f4613db31e082af63f43d8c5b69ad8795ec
git:amd64=1:2.39.5-0+deb12u3 git_1%3a2.39.5-0+deb12u3_amd64.deb 637a85ddd6247fab13bdd0592f2f39aff04ce4dbf0655d3ab553ac359a38ce6f"
D=usr/share/doc/git-doc
R=usr/share/doc/git/RelNotes
# path in the packages -> name in DEST; keep in step with corpus.txt
FILES="$D/user-manual.html user-manual.html
$D/gittutorial.html gittutorial.html
$D/gittutorial-2.html gittutorial-2.html
$D/giteveryday.html giteveryday.html
$D/gitworkflows.html gitworkflows.html
$D/gitfaq.html gitfaq.html
$D/gitglossary.html gitglossary.html
$D/gitcore-tutorial.html gitcore-tutorial.html
$D/gitcvs-migration.html gitcvs-migration.html
$D/gitrevisions.html gitrevisions.html
$D/gitignore.html gitignore.html
$D/gitattributes.html gitattributes.html
$D/gitcredentials.html gitcredentials.html
$D/gitsubmodules.html gitsubmodules.html
$D/githooks.html githooks.html
$D/SubmittingPatches.html SubmittingPatches.html
$D/ReviewingGuidelines.html ReviewingGuidelines.html
$D/howto/maintain-git.html howto-maintain-git.html
$D/howto/revert-a-faulty-merge.html howto-revert-a-faulty-merge.html
$D/howto/rebase-from-internal-branch.html howto-rebase-from-internal-branch.html
$D/howto/setup-git-server-over-http.html howto-setup-git-server-over-http.html
$D/howto/using-signed-tag-in-pull-request.html howto-using-signed-tag-in-pull-request.html
$D/howto/update-hook-example.html howto-update-hook-example.html
$D/howto/use-git-daemon.html howto-use-git-daemon.html
$R/1.8.0.txt relnotes-1.8.0.txt
$R/2.0.0.txt relnotes-2.0.0.txt
$R/2.39.4.txt relnotes-2.39.4.txt
$R/2.39.5.txt relnotes-2.39.5.txt"

missing=
while read -r path name; do
  [ -s "$DEST/$name" ] || missing=yes
done <<LIST
$FILES
LIST
[ -n "$missing" ] || exit 0

. "$REPO/bench/answers/fetch-debs.sh"
require_tools gitdoc apt-get dpkg-deb sha256sum
mkdir -p "$DEST"
tmp=$(mktemp -d "$DEST/extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
while read -r spec deb sha; do
  if [ ! -s "$DEST/$deb" ]; then
    # apt-get download writes into the current folder; no root needed
    if ! (cd "$DEST" && apt-get download -q=2 "$spec"); then
      echo "gitdoc fetch: 'apt-get download $spec' failed (no Debian mirror reachable, or run 'apt-get update' first; on a machine that is not amd64, 'dpkg --add-architecture amd64' first)." >&2
      exit 1
    fi
    if [ ! -s "$DEST/$deb" ]; then
      echo "gitdoc fetch: apt-get download $spec did not leave $deb in $DEST." >&2
      exit 1
    fi
  fi
  if ! echo "$sha  $DEST/$deb" | sha256sum -c --quiet - >/dev/null 2>&1; then
    rm -f "$DEST/$deb"
    echo "gitdoc fetch: $deb does not have the expected sha256 $sha; removed it." >&2
    exit 1
  fi
  if ! dpkg-deb -x "$DEST/$deb" "$tmp"; then
    echo "gitdoc fetch: could not extract $deb." >&2
    exit 1
  fi
done <<LIST
$DEBS
LIST
while read -r path name; do
  if [ ! -s "$tmp/$path" ]; then
    echo "gitdoc fetch: $path is not in the extracted packages." >&2
    exit 1
  fi
  cp "$tmp/$path" "$tmp/$name.part"
  mv "$tmp/$name.part" "$DEST/$name"
done <<LIST
$FILES
LIST
echo "gitdoc fetch: documents ready in $DEST" >&2
