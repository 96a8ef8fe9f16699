#!/bin/sh
# Fetch the django corpus: the Django project's governance and process policies ("how we
# work": organization, security policy, release process, contributing guides), as shipped in
# docs/internals/ of the Django source distributions on PyPI. They are not committed
# (documents written by others, under Django's licence), so this script downloads the exact
# sdists with pip (PyPI only; no build, no dependencies), checks each sha256, extracts only the
# chosen reStructuredText files (.txt) with tar and flattens their names, like debgov's
# fetch.sh. Files from the current 5.2.8 keep their names; the older copies from 3.2.25 carry
# the version (organization-3.2.txt). Idempotent: does nothing when every file is there.
# Usage: sh bench/answers/django/fetch.sh   (PYTHON=/path/to/python picks the pip to use)
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/django"
# version, sha256 and name of its sdist, as observed on PyPI on 2026-12-04 (PyPI names the
# older sdists Django-X.tar.gz and the newer django-X.tar.gz)
SDISTS="5.2.8 23254866a5bb9a2cfa6004e8b809ec6246eba4b58a7589bc2772f1bcc8456c7f django-5.2.8.tar.gz
3.2.25 7ca38a78654aee72378594d63e51636c04b8e28574f5505dff630895b5472777 Django-3.2.25.tar.gz"
# version, path under docs/internals/ -> name in DEST; keep in step with corpus.txt
FILES="5.2.8 organization.txt organization.txt
5.2.8 security.txt security.txt
5.2.8 release-process.txt release-process.txt
5.2.8 mailing-lists.txt mailing-lists.txt
5.2.8 git.txt git.txt
5.2.8 howto-release-django.txt howto-release-django.txt
5.2.8 contributing/committing-code.txt contributing-committing-code.txt
5.2.8 contributing/bugs-and-features.txt contributing-bugs-and-features.txt
5.2.8 contributing/triaging-tickets.txt contributing-triaging-tickets.txt
5.2.8 contributing/new-contributors.txt contributing-new-contributors.txt
5.2.8 contributing/writing-documentation.txt contributing-writing-documentation.txt
5.2.8 contributing/localizing.txt contributing-localizing.txt
5.2.8 contributing/accessibility.txt contributing-accessibility.txt
5.2.8 contributing/writing-code/submitting-patches.txt contributing-writing-code-submitting-patches.txt
3.2.25 organization.txt organization-3.2.txt
3.2.25 security.txt security-3.2.txt
3.2.25 release-process.txt release-process-3.2.txt"

all_there() {
  echo "$FILES" | while read -r _ _ name; do [ -s "$DEST/$name" ] || exit 1; done
}
all_there && exit 0

. "$REPO/bench/answers/fetch-pip.sh"
pip_setup django "$DEST" "the Django sdists"
echo "$SDISTS" | while read -r version sha file; do
  pip_sdist django "$DEST" "django==$version" "$file" "$sha"
  sdist="$DEST/$file"
  top=$(basename "$sdist" .tar.gz)
  mkdir -p "$tmp/$version"
  if ! tar -xzf "$sdist" -C "$tmp/$version" "$top/docs/internals"; then
    echo "django fetch: could not extract docs/internals from $(basename "$sdist")." >&2
    exit 1
  fi
  mv "$tmp/$version/$top" "$tmp/$version/src"
done
echo "$FILES" | while read -r version path name; do
  place django "$tmp/$version/src/docs/internals/$path" "$DEST/$name" \
    "docs/internals/$path is not in the Django $version sdist"
done
echo "django fetch: documents ready in $DEST" >&2
