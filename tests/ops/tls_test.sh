#!/usr/bin/env bash
# TLS and mutual TLS end to end: certificates are made now with openssl (a CA, a server
# certificate for localhost/127.0.0.1 and one for localhost only, a client certificate, and a
# second CA nobody trusts);
# the CLI talks TLS to a TLS server, a plaintext client is refused, and a mutual-TLS server
# refuses a client without a certificate or with one from the wrong CA. With several servers
# in --server, every server's certificate is checked against the first address's host.
#
# usage: tls_test.sh SERVER_BINARY CLI_BINARY
set -euo pipefail
server_bin=$1
cli_bin=$2
# shellcheck source=tests/ops/ops_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/ops_lib.sh"

pki=$tmp/pki
mkdir -p "$pki"
ossl() { openssl "$@" 2>>"$tmp/openssl.log" || { cat "$tmp/openssl.log" >&2; fail "openssl $1"; }; }
# make_ca NAME
make_ca() {
  ossl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$1" \
    -keyout "$pki/$1.key" -out "$pki/$1.pem"
}
# make_cert NAME CA EXT: a key and a certificate signed by CA with the extensions EXT.
make_cert() {
  ossl req -newkey rsa:2048 -nodes -subj "/CN=$1" -keyout "$pki/$1.key" -out "$pki/$1.csr"
  printf '%s\n' "$3" >"$pki/$1.ext"
  ossl x509 -req -in "$pki/$1.csr" -CA "$pki/$2.pem" -CAkey "$pki/$2.key" -CAcreateserial \
    -days 2 -extfile "$pki/$1.ext" -out "$pki/$1.pem"
}
make_ca ca
make_ca rogue-ca
make_cert server ca "subjectAltName=DNS:localhost,IP:127.0.0.1
extendedKeyUsage=serverAuth"
make_cert server-by-name ca "subjectAltName=DNS:localhost
extendedKeyUsage=serverAuth"
make_cert client ca "extendedKeyUsage=clientAuth"
make_cert rogue-client rogue-ca "extendedKeyUsage=clientAuth"

checks=0
# call NAME EXPECTED_RC [CLI FLAGS...]: lists industries; the exit code must be EXPECTED_RC.
call() {
  local name=$1 expected=$2 rc=0
  shift 2
  "$cli_bin" --timeout 5 "$@" industry list >"$tmp/out" 2>"$tmp/err" || rc=$?
  checks=$((checks + 1))
  if [[ "$rc" != "$expected" ]]; then
    cat "$tmp/out" "$tmp/err" >&2
    fail "$name: exit code $rc, expected $expected"
  fi
  if [[ "$expected" == 0 ]]; then grep -q liquor "$tmp/out" || fail "$name: no industries"; fi
  if [[ "$expected" == 1 ]]; then grep -q UNAVAILABLE "$tmp/err" || fail "$name: not UNAVAILABLE"; fi
}

# --- TLS ------------------------------------------------------------------------------------
start_server "$tmp/tls.db" --tls_cert "$pki/server.pem" --tls_key "$pki/server.key"
export TECHMATCH_SERVER=127.0.0.1:$port
call "TLS client" 0 --tls_ca "$pki/ca.pem"
call "TLS client by name" 0 --tls_ca "$pki/ca.pem" --server "localhost:$port"
export TECHMATCH_SERVER=127.0.0.1:$port
call "plaintext client" 1
call "client trusting another CA" 1 --tls_ca "$pki/rogue-ca.pem"
TECHMATCH_TLS_CA="$pki/ca.pem" call "TLS client, CA from the environment" 0
stop_server

# --- several servers: one name, the first address's host, is checked on every server ---------
# The certificate names localhost only; no server listens on port 1.
start_server "$tmp/tls-name.db" --tls_cert "$pki/server-by-name.pem" \
  --tls_key "$pki/server-by-name.key"
call "one address by IP, certificate without it" 1 --tls_ca "$pki/ca.pem" \
  --server "127.0.0.1:$port"
call "server dialled by IP, checked against the first host" 0 --tls_ca "$pki/ca.pem" \
  --server "localhost:1,127.0.0.1:$port"
call "first host an IP the certificate lacks" 1 --tls_ca "$pki/ca.pem" \
  --server "127.0.0.1:1,localhost:$port"
stop_server

# --- mutual TLS -----------------------------------------------------------------------------
start_server "$tmp/mtls.db" --tls_cert "$pki/server.pem" --tls_key "$pki/server.key" \
  --tls_client_ca "$pki/ca.pem"
export TECHMATCH_SERVER=127.0.0.1:$port
call "mTLS client" 0 --tls_ca "$pki/ca.pem" --tls_cert "$pki/client.pem" --tls_key "$pki/client.key"
call "TLS client without a certificate" 1 --tls_ca "$pki/ca.pem"
call "client certificate from another CA" 1 --tls_ca "$pki/ca.pem" \
  --tls_cert "$pki/rogue-client.pem" --tls_key "$pki/rogue-client.key"
call "plaintext client" 1
stop_server

# --- bad flags --------------------------------------------------------------------------------
rc=0; "$server_bin" --db "$tmp/x.db" --tls_cert "$pki/server.pem" >"$tmp/err" 2>&1 || rc=$?
checks=$((checks + 1)); [[ "$rc" != 0 ]] && grep -q tls_key "$tmp/err" || fail "--tls_cert alone accepted"
rc=0; "$server_bin" --db "$tmp/x.db" --tls_cert "$pki/server.key" --tls_key "$pki/server.key" \
  --listen 127.0.0.1:0 >"$tmp/err" 2>&1 || rc=$?
checks=$((checks + 1)); [[ "$rc" != 0 ]] || fail "a key as certificate accepted"
rc=0; "$cli_bin" --tls_cert "$pki/client.pem" industry list >"$tmp/err" 2>&1 || rc=$?
checks=$((checks + 1)); [[ "$rc" == 2 ]] || fail "CLI --tls_cert without --tls_key: exit $rc"
echo "PASS: $checks checks"
