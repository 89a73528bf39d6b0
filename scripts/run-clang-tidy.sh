#!/usr/bin/env bash
# clang-tidy with the project's .clang-tidy over every source under src/
# (the library, the fake server, the programs), using the compile commands
# of a configured build; any finding fails.
#   scripts/run-clang-tidy.sh [BUILD_DIR]      (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build}"
if [[ ! -f "${build_dir}/compile_commands.json" ]]; then
  echo "run-clang-tidy: no ${build_dir}/compile_commands.json; configure first" >&2
  exit 2
fi
# The generated headers must exist before their includers are analysed.
cmake --build "${build_dir}" --target pushwoosh_protos > /dev/null
log="$(mktemp)"
trap 'rm -f "${log}"' EXIT
if ! run-clang-tidy -p "${build_dir}" -quiet -j "$(nproc)" "${PWD}/src/" \
    > "${log}" 2>&1; then
  grep -E "(warning|error): " "${log}" | sort -u >&2 || cat "${log}" >&2
  echo "run-clang-tidy: findings above" >&2
  exit 1
fi
echo "run-clang-tidy: no findings in the sources under src/"
