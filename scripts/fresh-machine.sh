#!/usr/bin/env bash
# Runs the README's two commands in a fresh clone with the system packages the tests use hidden, as on a
# fresh Debian machine: Chromium (and chromedriver), Graphviz and the CJK fonts (fc-list and the font
# folders) are masked in a private mount namespace (root and `unshare` needed). See docs/fresh-machine.md.
#
#   bash scripts/fresh-machine.sh [REPO]       # REPO: the git repository to clone (default: this one)
#
# 1. `npm install` passes with them hidden (nothing in the install needs them).
# 2. `npm test` with them hidden and apt-get not allowed (STACKATLAS_NO_APT=1) stops in its pretest and
#    names the exact command to run: it never starts tests that cannot pass.
# 3. `npm test` with Graphviz still hidden (the DOT test renders with Graphviz compiled to WebAssembly, an
#    npm package) and Chromium and the fonts present (where absent, pretest installs them with apt-get
#    as root) runs every test: the last line of its summary must show no failure and no skip.
set -euo pipefail
repo="${1:-$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)}"
work="$(mktemp -d /tmp/stackatlas-fresh-XXXXXX)"
git clone -q "$repo" "$work/p"
echo "fresh clone of $repo at $work/p ($(git -C "$work/p" rev-parse --short HEAD))"

# Runs "$@" in the clone with the named /usr/bin programs and font folders hidden.
hidden() {
  local hide="$1"
  shift
  unshare -m bash -c '
    set -euo pipefail
    work="$1"; hide=" $2 "; shift 2
    mkdir -p "$work/realbin"
    mount --bind /usr/bin "$work/realbin"
    mount -t tmpfs tmpfs /usr/bin
    PATH="$work/realbin:$PATH"
    for f in "$work"/realbin/*; do
      n="${f##*/}"
      case "$hide" in *" $n "*) continue ;; esac
      if [ -L "$f" ]; then cp -P "$f" "/usr/bin/$n"; else ln -s "$f" "/usr/bin/$n"; fi
    done
    case "$hide" in *" fc-list "*)
      for d in /usr/share/fonts/truetype/wqy /usr/share/fonts/opentype/noto /usr/share/fonts/truetype/arphic; do
        [ -d "$d" ] && mount -t tmpfs tmpfs "$d"
      done ;;
    esac
    PATH="${PATH#"$work/realbin:"}"
    cd "$work/p"
    "$@"
  ' hidden "$work" "$hide" "$@"
}

all="chromium chromedriver dot fc-list fc-match"

echo "== 1. npm install, with: $all hidden"
hidden "$all" bash -c 'command -v chromium dot fc-list || true; npm install --no-fund --no-audit' 2>&1 | tail -3

echo "== 1b. npm start, with them hidden: serves the UI and the API"
hidden "$all" bash -c '
  setsid npm start -- --port 4799 >"$0/start.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -fsS http://127.0.0.1:4799/readyz >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  set +e
  ready=$(curl -fsS -o /dev/null -w "%{http_code}" http://127.0.0.1:4799/readyz)
  page=$(curl -fsS http://127.0.0.1:4799/ | grep -c "<div id=\"root\"")
  api=$(curl -fsS "http://127.0.0.1:4799/api/technologies/kubernetes" | grep -c "\"kubernetes\"")
  kill -TERM -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  echo "readyz $ready, page root $page, /api/technologies/kubernetes $api"
  [ "$ready" = 200 ] && [ "$page" -ge 1 ] && [ "$api" -ge 1 ]
' "$work" || { echo "FAIL: npm start did not serve (log: $work/start.log)"; exit 1; }
echo "ok: npm start served the UI and the API"

echo "== 2. npm test, with them hidden and apt-get not allowed: stops, naming the command"
set +e
out="$(hidden "$all" env STACKATLAS_NO_APT=1 npm test 2>&1)"
code=$?
set -e
echo "$out" | grep -A3 "pretest:" || true
if [ "$code" -eq 0 ] || ! grep -q "apt-get install -y chromium fonts-wqy-zenhei" <<<"$out"; then
  echo "FAIL: npm test did not stop with the command to run (exit $code)"
  exit 1
fi
echo "ok: exit $code with the command to run"

echo "== 3. npm test, with Graphviz hidden"
set +e
hidden "dot" npm test >"$work/test.log" 2>&1
code=$?
set -e
grep -E "Test Files|Tests  " "$work/test.log" | sed 's/\x1b\[[0-9;]*m//g'
if [ "$code" -ne 0 ] || grep -q "skipped" <(grep -E "Tests  " "$work/test.log"); then
  echo "FAIL: npm test exit $code (log: $work/test.log)"
  exit 1
fi
echo "ok: npm test passed with no skip (log: $work/test.log)"
rm -rf "$work/p/node_modules"
