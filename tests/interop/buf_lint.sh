#!/usr/bin/env bash
# ctest `buf_lint`: runs `npx buf lint` over proto/ with the locally installed buf
# (node_modules, from scripts/install-deps). Exits 77 (ctest SKIP_RETURN_CODE) only when
# node_modules has no buf, i.e. when npm's registry could not be reached at install time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ ! -x "${root}/node_modules/.bin/buf" ]]; then
  echo "SKIPPED: ${root}/node_modules/.bin/buf is absent (npm registry unreachable when" \
       "scripts/install-deps ran?); run scripts/install-deps with network access to lint proto/." >&2
  exit 77
fi
cd "${root}/proto"
# --no-install: use the local buf and never fetch one.
npx --no-install buf --version
npx --no-install buf lint
echo "buf lint: proto/ passes"
