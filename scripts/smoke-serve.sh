#!/usr/bin/env bash
# Smoke test of `sharemap serve`: start the explorer on a loopback port, fetch every page type as HTML and
# JSON, check the status codes, stop the server. Usage: scripts/smoke-serve.sh [path/to/sharemap]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/debug/sharemap}"
port="${PORT:-18080}"
"$bin" serve --port "$port" --on 2026-11-24 2>/tmp/sharemap-smoke.log &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.2; done
failures=0
check() {
    local expected="$1" path="$2" accept="${3:-text/html}"
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Accept: $accept" "http://127.0.0.1:$port$path")
    if [ "$status" = "$expected" ]; then echo "ok   $status $path ($accept)"; else echo "FAIL $status (expected $expected) $path ($accept)"; failures=$((failures + 1)); fi
}
for accept in text/html application/json; do
    check 200 / "$accept"
    check 200 /organisations/lb-camden "$accept"
    check 200 /agreements/slam-cris-kcl "$accept"
    check 200 "/path?from=icb-nel&to=ucl&purpose=research" "$accept"
    check 200 /gaps "$accept"
    check 200 "/boundaries?a=probation_pdu&b=police_bcu" "$accept"
    check 200 "/project?brief=camden-discharge-to-assess" "$accept"
    check 200 "/search?q=homeless" "$accept"
    check 404 /organisations/nobody "$accept"
    check 400 "/path?from=slam&to=kcl&alternatives=50" "$accept"
done
check 200 /style.css text/css
passed=$((21 - failures))
echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
