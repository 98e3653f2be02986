#!/usr/bin/env bash
# The fuzzing recipe of README.md as commands. Needs afl-fuzz (Debian: apt-get install afl++) for `run`.
#
#   fuzz.sh build                    publish the harness to $FUZZ_OUT/bin and instrument the product assemblies
#   fuzz.sh run TARGET [SECONDS]     afl-fuzz TARGET (yaml, unit, model, fix) until Ctrl-C, or for SECONDS;
#                                    findings in $FUZZ_OUT/findings/TARGET/default/{crashes,hangs}
#   fuzz.sh replay TARGET PATH...    run inputs (files or folders) through TARGET without AFL: ok, KNOWN or FAIL each
#
# FUZZ_OUT defaults to artifacts/fuzz at the repository root. FUZZ_RESUME=1 continues an earlier run of TARGET.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${FUZZ_OUT:-$repo/artifacts/fuzz}"
bin="$out/bin"
harness="$bin/HostNetLint.Fuzz.dll"

# The assemblies whose branches afl-fuzz should see: the product layers under test and the YAML scanner below them.
instrumented=(HostNetLint.Parsing HostNetLint.Model HostNetLint.Rules HostNetLint.Fixes YamlDotNet)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

build() {
  rm -rf "$bin"
  dotnet publish "$here/HostNetLint.Fuzz.csproj" -c Release -o "$bin" -v quiet >/dev/null
  # SharpFuzz.CommandLine is a local tool (dotnet-tools.json beside this script).
  (cd "$here" && dotnet tool restore >/dev/null)
  for name in "${instrumented[@]}"; do
    (cd "$here" && dotnet sharpfuzz "$bin/$name.dll" >/dev/null)
  done
  touch "$bin/.instrumented"
  echo "fuzz: harness published and instrumented in $bin"
}

run() {
  local target="$1" seconds="${2:-}"
  [[ -f "$bin/.instrumented" ]] || build
  local folders
  folders="$(dotnet "$harness" --seeds "$target")" || { echo "fuzz: unknown target '$target'" >&2; exit 2; }

  local findings="$out/findings/$target" input="-"
  if [[ "${FUZZ_RESUME:-0}" != 1 || ! -d "$findings" ]]; then
    input="$out/seeds/$target"
    rm -rf "$input" "$findings"
    mkdir -p "$input" "$out/findings"
    for folder in $folders; do
      for seed in "$here/seeds/$folder"/*; do
        cp "$seed" "$input/$folder-$(basename "$seed")"
      done
    done
  fi

  # dotnet itself is not instrumented (the assemblies are), so afl-fuzz must not look for instrumentation in it; .NET
  # starts slowly, so the fork server gets a minute; the two cores are shared, so no CPU binding.
  [[ -t 1 ]] || export AFL_NO_UI=1
  AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  AFL_FORKSRV_INIT_TMOUT=60000 AFL_FAST_CAL=1 \
    afl-fuzz -i "$input" -o "$findings" -x "$here/hostnetlint.dict" -t "${FUZZ_TIMEOUT_MS:-10000}" -m none \
      ${seconds:+-V "$seconds"} -- "$(command -v dotnet)" "$harness" "$target"
}

replay() {
  local target="$1"
  shift
  if [[ -f "$bin/HostNetLint.Fuzz.dll" ]]; then
    dotnet "$harness" "$target" "$@"
  else
    dotnet run --project "$here/HostNetLint.Fuzz.csproj" -c Release -- "$target" "$@"
  fi
}

case "${1:-}" in
  build) build ;;
  run) [[ $# -ge 2 ]] || { echo "usage: fuzz.sh run TARGET [SECONDS]" >&2; exit 2; }; run "$2" "${3:-}" ;;
  replay) [[ $# -ge 3 ]] || { echo "usage: fuzz.sh replay TARGET PATH..." >&2; exit 2; }; shift; replay "$@" ;;
  *) sed -n '2,10p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac
