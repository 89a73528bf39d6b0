#!/usr/bin/env bash
# Runs every libFuzzer target of a PUSHWOOSH_FUZZ=ON build for a bounded time,
# starting from its checked-in corpus (fuzz/corpus/NAME, never modified).
# A crash, leak, timeout or broken invariant fails the run and leaves the
# input in the printed path: add it to fuzz/corpus/NAME as a regression test.
#   scripts/run-fuzzers.sh [BUILD_DIR] [SECONDS_EACH]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-asan}"
seconds="${2:-60}"

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
artifacts="${ARTIFACT_DIR:-${work}/artifacts}"
mkdir -p "${artifacts}"

failed=()
for fuzzer in "${build}"/fuzz/*_fuzzer; do
  name="$(basename "${fuzzer}" _fuzzer)"
  echo "fuzz: ${name} for ${seconds}s"
  mkdir -p "${work}/${name}"
  # New inputs go to the first directory; the checked-in corpus is read only.
  if ! "${fuzzer}" -max_total_time="${seconds}" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="${artifacts}/${name}-" \
      "${work}/${name}" "fuzz/corpus/${name}" 2>"${work}/${name}.log"; then
    tail -n 60 "${work}/${name}.log" >&2
    failed+=("${name}")
  else
    grep -E '^stat::(number_of_executed_units|new_units_added)' \
      "${work}/${name}.log" | sed "s/^/fuzz: ${name}: /"
  fi
done

if ((${#failed[@]} > 0)); then
  echo "fuzz: failed: ${failed[*]}; inputs in ${artifacts}" >&2
  ls -l "${artifacts}" >&2
  trap - EXIT  # keep the reproducers
  exit 1
fi
echo "fuzz: all targets ran ${seconds}s without a finding"
