#!/usr/bin/env bash
# Fails when web/src/gen/ is not what `buf generate` makes from proto/ now (a proto changed
# without regenerating: cd web && npx buf generate ../proto). Skips (77) without node_modules.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="${root}/node_modules/.bin"
if [[ ! -x "${bin}/buf" || ! -x "${bin}/protoc-gen-es" ]]; then
  echo "SKIPPED: buf or protoc-gen-es is not installed in node_modules (run scripts/install-deps)"
  exit 77
fi
out="$(mktemp -d)"
trap 'rm -rf "${out}"' EXIT
cd "${root}/web"
PATH="${bin}:${PATH}" buf generate ../proto --template buf.gen.yaml --output "${out}"
if ! diff -r "${out}/src/gen" "${root}/web/src/gen"; then
  echo "FAILED: web/src/gen/ is stale; regenerate with: cd web && npx buf generate ../proto"
  exit 1
fi
echo "web/src/gen/ matches proto/"
