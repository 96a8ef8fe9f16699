#!/bin/sh
# Fetch the pipdocs corpus: pip's own documentation as a Python platform team's "packaging
# handbook" (getting started, installation, the user guide, the topic guides, the reference
# pages on requirements files, requirement specifiers, build system and installation report,
# `pip install`'s page, the development/ pages on contributing, CI, triage and releases, the
# vendoring policy (docs/html/development/vendoring-policy.rst only includes
# src/pip/_vendor/README.rst, so that file is taken), the security policy and the changelog
# NEWS.rst), from the pip 25.3 source
# distribution on PyPI: MyST Markdown (.md) and reStructuredText (.rst). They are not
# committed (documents written by others, under pip's licence), so this script downloads the
# exact sdist with pip (PyPI only; no dependencies), checks its sha256, extracts only the
# chosen files with tar and flattens their names (docs/html/topics/caching.md becomes
# topics-caching.md), like django's fetch.sh. Idempotent: does nothing when every file is
# there, and reuses a sdist already in the folder.
# Usage: sh bench/answers/pipdocs/fetch.sh   (PYTHON=/path/to/python picks the pip to use)
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/pipdocs"
VERSION=25.3
# sha256 of pip-25.3.tar.gz, as observed on PyPI on 2026-12-04
SHA=8d0538dbbd7babbd207f261ed969c65de439f6bc9e5dbd3b3b9a77f25d95f343
# path in the sdist -> name in DEST; keep in step with corpus.txt
FILES="docs/html/getting-started.md getting-started.md
docs/html/installation.md installation.md
docs/html/user_guide.rst user_guide.rst
docs/html/topics/authentication.md topics-authentication.md
docs/html/topics/caching.md topics-caching.md
docs/html/topics/configuration.md topics-configuration.md
docs/html/topics/dependency-resolution.md topics-dependency-resolution.md
docs/html/topics/more-dependency-resolution.md topics-more-dependency-resolution.md
docs/html/topics/https-certificates.md topics-https-certificates.md
docs/html/topics/local-project-installs.md topics-local-project-installs.md
docs/html/topics/python-option.md topics-python-option.md
docs/html/topics/repeatable-installs.md topics-repeatable-installs.md
docs/html/topics/secure-installs.md topics-secure-installs.md
docs/html/topics/vcs-support.md topics-vcs-support.md
docs/html/topics/workflow.md topics-workflow.md
docs/html/reference/requirements-file-format.md reference-requirements-file-format.md
docs/html/reference/requirement-specifiers.md reference-requirement-specifiers.md
docs/html/reference/build-system.md reference-build-system.md
docs/html/reference/installation-report.md reference-installation-report.md
docs/html/cli/pip_install.rst cli-pip_install.rst
docs/html/development/getting-started.rst development-getting-started.rst
docs/html/development/contributing.rst development-contributing.rst
docs/html/development/conventions.rst development-conventions.rst
docs/html/development/ci.rst development-ci.rst
docs/html/development/issue-triage.md development-issue-triage.md
docs/html/development/release-process.rst development-release-process.rst
src/pip/_vendor/README.rst development-vendoring-policy.rst
docs/html/development/architecture/overview.rst development-architecture-overview.rst
SECURITY.md SECURITY.md
NEWS.rst NEWS.rst"

all_there() {
  echo "$FILES" | while read -r _ name; do [ -s "$DEST/$name" ] || exit 1; done
}
all_there && exit 0

. "$REPO/bench/answers/fetch-pip.sh"
pip_setup pipdocs "$DEST" "the pip sdist"
pip_sdist pipdocs "$DEST" "pip==$VERSION" "pip-$VERSION.tar.gz" "$SHA"
sdist="$DEST/pip-$VERSION.tar.gz"
top=pip-$VERSION
if ! tar -xzf "$sdist" -C "$tmp" "$top/docs/html" "$top/src/pip/_vendor/README.rst" \
    "$top/NEWS.rst" "$top/SECURITY.md"; then
  echo "pipdocs fetch: could not extract docs/html, src/pip/_vendor/README.rst, NEWS.rst and SECURITY.md from pip-$VERSION.tar.gz." >&2
  exit 1
fi
echo "$FILES" | while read -r path name; do
  place pipdocs "$tmp/$top/$path" "$DEST/$name" "$path is not in the pip $VERSION sdist"
done
echo "pipdocs fetch: documents ready in $DEST" >&2
