#!/usr/bin/env bash
# Fails, listing the files, when a C++ or proto source differs from what
# clang-format (with the project's .clang-format) would make of it.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t files < <(git ls-files '*.h' '*.cc' '*.proto')
unformatted=()
for file in "${files[@]}"; do
  if ! clang-format --dry-run --Werror "${file}" >/dev/null 2>&1; then
    unformatted+=("${file}")
  fi
done

if ((${#unformatted[@]} > 0)); then
  echo "check-format: run clang-format -i on:" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
