#!/bin/sh
# Make sure Debian's chromium is there for the browser tests (tests/browser drives
# /usr/bin/chromium through Playwright; Playwright's own browser download needs a CDN that a
# closed network does not reach). Installs it with apt-get when apt is available and we are
# root (CI, containers) or have password-less sudo; otherwise says what to run and goes on:
# the browser tests then skip on a developer machine and fail under CI=true.
set -eu
[ -x /usr/bin/chromium ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium not found and no apt-get here: install Chromium at /usr/bin/chromium to run the browser tests." >&2
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  echo "chromium not found: run 'sudo apt-get install chromium' to run the browser tests." >&2
  exit 0
fi
echo "Installing Debian chromium for the browser tests (apt-get, once)..." >&2
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium >/dev/null; }; then
  echo "apt-get could not install chromium: the browser tests will skip (and fail under CI=true)." >&2
fi
