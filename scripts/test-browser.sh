#!/usr/bin/env bash
# The web console's browser tests drive Debian's Chromium (never a downloaded
# browser), with a CJK font so Chinese text renders in the screenshots.
# Installs both from Debian's packages when missing; prints the browser's path.
set -euo pipefail
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wenquanyi"; then
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >&2
fi
command -v chromium
