#!/usr/bin/env bash
# The README demo: starts pwmsg-fake-server on a free port, then drives it
# with pwmsg — notify (scheduled in an hour) → status (waiting) → cancel →
# status (canceled) → cancel again (not cancelable) → cancel an unknown code
# (not found, code 5) — and stops it. Checks every exit status; exits 1 if
# any step differs from the documented outcome. Leaves no process behind.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${PWMSG_BIN_DIR:-build/bin}"
for program in pwmsg pwmsg-fake-server; do
  if [[ ! -x "${bin}/${program}" ]]; then
    echo "demo: ${bin}/${program} not built; run: cmake --build build" >&2
    exit 2
  fi
done

application="DEMO0-00000"
# A throwaway token for this run's emulator only.
export PUSHWOOSH_API_TOKEN="demo-$$-${RANDOM}"
server_log="$(mktemp)"
emulator_pid=""

stop_emulator() {
  if [[ -n "${emulator_pid}" ]] && kill -0 "${emulator_pid}" 2>/dev/null; then
    kill -TERM "${emulator_pid}"
    local status=0
    wait "${emulator_pid}" || status=$?
    emulator_pid=""
    return "${status}"
  fi
}
trap 'stop_emulator || true; rm -f "${server_log}"' EXIT

coproc EMULATOR {
  exec "${bin}/pwmsg-fake-server" --listen 127.0.0.1:0 \
    --token "${PUSHWOOSH_API_TOKEN}=demo" 2>"${server_log}"
}
emulator_pid="${EMULATOR_PID}"
if ! read -r -t 30 listening <&"${EMULATOR[0]}"; then
  echo "demo: the emulator did not start:" >&2
  cat "${server_log}" >&2
  exit 1
fi
target="${listening#listening on }"
echo "emulator: ${listening}"

failures=0
# step DESCRIPTION EXPECTED_EXIT pwmsg-args...: runs pwmsg, prints its
# output and whether the exit status is the documented one.
step() {
  local description="$1" expected="$2"
  shift 2
  local output status=0
  output="$("${bin}/pwmsg" --target "${target}" --plaintext "$@")" || status=$?
  local verdict="exit ${status}"
  if [[ "${status}" != "${expected}" ]]; then
    verdict="exit ${status}, expected ${expected}  <-- UNEXPECTED"
    failures=$((failures + 1))
  fi
  local shown
  printf -v shown '%q ' "$@"
  printf '\n$ pwmsg %s\n%s\n  (%s: %s)\n' "${shown% }" "${output}" \
    "${description}" "${verdict}"
  last_output="${output}"
}

at="$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)"
step "notify, scheduled in an hour" 0 notify --application "${application}" \
  --segment all-subscribers --title "Flash sale" --body "Starts in one hour" \
  --at "${at}"
code="${last_output#message_code }"
step "status: waiting" 0 status --application "${application}" "${code}"
step "cancel" 0 cancel "${code}"
step "status: canceled" 0 status --application "${application}" "${code}"
step "cancel again: not cancelable" 4 cancel "${code}"
step "cancel an unknown code: not found, code 5" 3 --json cancel \
  C3F8-C3863ED4-334AD4F1

emulator_status=0
stop_emulator || emulator_status=$?
printf '\nemulator stopped with SIGTERM (exit %s); its call log:\n' \
  "${emulator_status}"
cat "${server_log}"
if [[ "${emulator_status}" != 0 ]]; then failures=$((failures + 1)); fi

if ((failures > 0)); then
  echo "demo: ${failures} step(s) differ from the documented outcome" >&2
  exit 1
fi
echo "demo: every step as documented"
