#!/usr/bin/env bash
# Installs the build and test dependencies from Debian 12's packages, and the
# interop tests' npm packages pinned by tests/interop/package-lock.json.
# Idempotent and non-interactive: safe to run on every build, and it is what
# both the README and CI use.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  libabsl-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  # .proto sources of google/api and google/rpc (Debian ships no C++ build).
  golang-github-gogo-googleapis-dev
  clang-format clang-tidy
  # Throwaway certificates for the TLS tests (scripts/make-test-certs.sh).
  openssl
  # A real L7 proxy (grpc_pass) for tests/tools/nginx_proxy_test.cc.
  nginx
  # The reference docs target (docs/CMakeLists.txt), built in CI.
  doxygen
  # libFuzzer and the sanitizer runtimes for fuzz/ (clang).
  clang libclang-rt-14-dev
  # The interop tests' independent gRPC peers (grpc-js, tests/interop).
  nodejs
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "${package}" 2>/dev/null |
      grep -q "install ok installed"; then
    missing+=("${package}")
  fi
done

sudo_cmd=()
if ((EUID != 0)); then
  sudo_cmd=(sudo)
fi

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages already installed"
else
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian's nodejs comes without npm; other builds of nodejs bundle it.
if ! command -v npm >/dev/null; then
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends npm
fi

# The interop peers' npm packages, at the versions package-lock.json pins.
interop="$(dirname "$0")/../tests/interop"
if [[ "${interop}/node_modules/.package-lock.json" -nt \
      "${interop}/package-lock.json" ]]; then
  echo "setup: interop npm packages already installed"
else
  echo "setup: installing the interop npm packages (npm ci)"
  npm ci --prefix "${interop}" --ignore-scripts --no-audit --no-fund
fi
