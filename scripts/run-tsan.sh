#!/usr/bin/env bash
# Builds the unit tests with ThreadSanitizer and runs them; any report fails.
# They hold the concurrent tests whose threads and locks TSan can see in
# full: async calls and CancelMany's window over in-memory connections, the
# retry loop, the token reload thread, the fake backend under load.
#
# The gRPC-backed suites (tests/integration) are not run here: Debian's gRPC
# core and Abseil are not instrumented, so TSan cannot see the
# synchronisation inside them and reports thousands of false races between
# gRPC's own threads (docs/quality-gates.md).
#   scripts/run-tsan.sh [BUILD_DIR]           (default: build-tsan)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-tsan}"

cmake -S . -B "${build}" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPUSHWOOSH_SANITIZE=thread -DPUSHWOOSH_BUILD_BENCHMARKS=OFF \
  -DPUSHWOOSH_BUILD_EXAMPLES=OFF > /dev/null
cmake --build "${build}" --target unit_tests
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}" \
  "${build}/tests/unit_tests" --gtest_brief=1
echo "run-tsan: unit tests clean under ThreadSanitizer"
