#!/usr/bin/env bash
# Start-to-finish timings of hostnetlint (JIT and Native AOT) against the peers on one file and on
# 200 compose projects, with hyperfine. Rerun: bash tests/HostNetLint.Benchmarks/compare-peers.sh
# Installs what it needs when run as root: hyperfine and yamllint (apt), dclint (npm).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ $(id -u) -eq 0 ]]; then
  command -v hyperfine >/dev/null && command -v yamllint >/dev/null || \
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine yamllint >/dev/null)
  command -v dclint >/dev/null || npm install -g dclint@3.1.0 >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build src/HostNetLint.Cli -c Release -o "$work/jit" >/dev/null
dotnet publish src/HostNetLint.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" >/dev/null
dotnet run -c Release --project tests/HostNetLint.Benchmarks -- --write-synthetic "$work/repo" >/dev/null

one="$work/repo/stack000/docker-compose.yaml"
commands_one=(
  "$work/aot/hostnetlint check $one"
  "dotnet $work/jit/hostnetlint.dll check $one"
)
commands_many=(
  "$work/aot/hostnetlint check $work/repo"
  "dotnet $work/jit/hostnetlint.dll check $work/repo"
)
if command -v yamllint >/dev/null; then commands_one+=("yamllint $one"); commands_many+=("yamllint $work/repo"); fi
if command -v dclint >/dev/null; then commands_one+=("dclint $one"); commands_many+=("dclint -r $work/repo"); fi

echo "### One 67-line compose file"
hyperfine --ignore-failure --warmup 2 --runs 10 --style basic --export-markdown "$work/one.md" "${commands_one[@]}" >/dev/null
sed "s|$work/||g" "$work/one.md"
echo
echo "### 200 compose projects (13,200 lines)"
hyperfine --ignore-failure --warmup 1 --runs 5 --style basic --export-markdown "$work/many.md" "${commands_many[@]}" >/dev/null
sed "s|$work/||g" "$work/many.md"
