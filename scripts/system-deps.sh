#!/usr/bin/env bash
# Installs the Debian packages a task needs, only those that are missing (never a downloaded
# browser or binary): `system-deps.sh run` for the app (PDF libraries), `test` for the suite too.
set -uo pipefail
need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libpango-1.0.so.0 || need+=(libpango-1.0-0)
have_lib libpangoft2-1.0.so.0 || need+=(libpangoft2-1.0-0)
have_lib libharfbuzz-subset.so.0 || need+=(libharfbuzz-subset0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ "${1:-run}" = test ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v npm >/dev/null || need+=(npm)
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "Debian-pakketten installeren: ${need[*]}"
sudo_cmd=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then sudo_cmd="sudo"; else
    echo "Installeer eerst (als root): apt-get install ${need[*]}" >&2; exit 1; fi
fi
$sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null \
  || { echo "apt-get install ${need[*]} mislukte" >&2; exit 1; }
