#!/bin/sh
# Fetch the npmdocs corpus: npm's own documentation (Markdown with YAML front matter), as a
# company's JavaScript developers would index their "how we use npm" handbook. The pages are
# not committed (documents written by others, under npm's licence), so this script downloads
# the exact npm 10.9.2 tarball from the npm registry with `npm pack` (no install, no
# scripts), checks its sha256, extracts only the chosen pages of package/docs/content/ with
# tar and flattens their names: the folder in front of the page's name
# (commands/npm-install.md becomes commands-npm-install.md, using-npm/config.md
# using-npm-config.md). The many Markdown files under package/node_modules/ are left out.
# Idempotent: does nothing when every page is there; reuses a tarball already in DEST.
# Usage: sh bench/answers/npmdocs/fetch.sh   (NPM=/path/to/npm picks the npm to use)
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/npmdocs"
SPEC="npm@10.9.2"
TARBALL="npm-10.9.2.tgz"
# sha256 of the registry's tarball, as observed on 2026-12-05
SHA="5cd1e5ab971ea6333f910bc2d50700167c5ef4e66da279b2a3efc874c6b116e4"
# path under package/docs/content/ (the name in DEST is the path with / as -); keep in step
# with corpus.txt
PAGES="commands/npm-install.md
commands/npm-ci.md
commands/npm-update.md
commands/npm-uninstall.md
commands/npm-run-script.md
commands/npm-config.md
commands/npm-publish.md
commands/npm-version.md
commands/npm-dist-tag.md
commands/npm-access.md
commands/npm-unpublish.md
commands/npm-audit.md
commands/npm-cache.md
commands/npm-exec.md
commands/npx.md
commands/npm-ls.md
commands/npm-outdated.md
commands/npm-explain.md
commands/npm-query.md
configuring-npm/folders.md
configuring-npm/npmrc.md
configuring-npm/package-json.md
configuring-npm/package-lock-json.md
configuring-npm/install.md
using-npm/config.md
using-npm/dependency-selectors.md
using-npm/logging.md
using-npm/orgs.md
using-npm/package-spec.md
using-npm/registry.md
using-npm/scope.md
using-npm/scripts.md
using-npm/workspaces.md
using-npm/developers.md"

flat() {
  echo "$1" | tr '/' '-'
}

all_there() {
  for page in $PAGES; do
    [ -s "$DEST/$(flat "$page")" ] || return 1
  done
}
all_there && exit 0

NPM=${NPM:-npm}
for tool in tar sha256sum; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "npmdocs fetch: '$tool' not found; it is needed to check and unpack $TARBALL." >&2
    exit 1
  fi
done
mkdir -p "$DEST"
tmp=$(mktemp -d "$DEST/extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [ ! -s "$DEST/$TARBALL" ]; then
  if ! command -v "$NPM" >/dev/null 2>&1; then
    echo "npmdocs fetch: '$NPM' not found; this corpus is downloaded from the npm registry with 'npm pack' (install Node.js and npm, or set NPM)." >&2
    exit 1
  fi
  mkdir -p "$tmp/dl"
  if ! (cd "$tmp/dl" && "$NPM" pack --silent "$SPEC") >"$tmp/npm.log" 2>&1; then
    echo "npmdocs fetch: 'npm pack $SPEC' failed (is the npm registry reachable?):" >&2
    tail -n 5 "$tmp/npm.log" >&2
    exit 1
  fi
  if [ ! -s "$tmp/dl/$TARBALL" ]; then
    echo "npmdocs fetch: npm pack did not leave $TARBALL in $tmp/dl." >&2
    exit 1
  fi
  mv "$tmp/dl/$TARBALL" "$DEST/$TARBALL"
fi
if ! echo "$SHA  $DEST/$TARBALL" | sha256sum -c --quiet - >/dev/null 2>&1; then
  rm -f "$DEST/$TARBALL"
  echo "npmdocs fetch: $TARBALL does not have the expected sha256 $SHA; removed it." >&2
  exit 1
fi
if ! tar -xzf "$DEST/$TARBALL" -C "$tmp" package/docs/content; then
  echo "npmdocs fetch: could not extract package/docs/content from $TARBALL." >&2
  exit 1
fi
for page in $PAGES; do
  src="$tmp/package/docs/content/$page"
  target="$DEST/$(flat "$page")"
  if [ ! -s "$src" ]; then
    echo "npmdocs fetch: docs/content/$page is not in $TARBALL." >&2
    exit 1
  fi
  cp "$src" "$target.part"
  mv "$target.part" "$target"
done
echo "npmdocs fetch: documents ready in $DEST" >&2
