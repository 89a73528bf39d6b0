#!/usr/bin/env bash
# Writes throwaway certificates for trying TLS and mTLS locally:
#   ca.pem/ca.key          a CA that signs the two below
#   server.pem/server.key  for the emulator; valid for localhost, 127.0.0.1,
#                          ::1 and pushwoosh-fake.test
#   client.pem/client.key  a client certificate (mTLS)
#   other-ca.pem           a CA that signed none of them (to see a failure)
# Usage: scripts/make-test-certs.sh DIR    (needs openssl; 1 day validity)
set -euo pipefail
dir="${1:?usage: make-test-certs.sh DIR}"
mkdir -p "$dir"
cd "$dir"

quiet() { "$@" >/dev/null 2>&1; }

quiet openssl req -x509 -newkey rsa:2048 -nodes -days 1 \
  -subj "/CN=pushwoosh-messaging-cpp test CA" -keyout ca.key -out ca.pem
quiet openssl req -x509 -newkey rsa:2048 -nodes -days 1 \
  -subj "/CN=some other CA" -keyout other-ca.key -out other-ca.pem

issue() {  # issue NAME SUBJECT EXTENSIONS
  quiet openssl req -newkey rsa:2048 -nodes -subj "$2" \
    -keyout "$1.key" -out "$1.csr"
  printf '%s\n' "$3" > "$1.ext"
  quiet openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key \
    -CAcreateserial -days 1 -extfile "$1.ext" -out "$1.pem"
  rm -f "$1.csr" "$1.ext"
}
issue server "/CN=pushwoosh-fake.test" \
  "subjectAltName=DNS:localhost,DNS:pushwoosh-fake.test,IP:127.0.0.1,IP:::1
extendedKeyUsage=serverAuth"
issue client "/CN=test-client" "extendedKeyUsage=clientAuth"
chmod 600 ./*.key
echo "certificates in $dir"
