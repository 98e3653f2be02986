#!/usr/bin/env bash
# CI smoke run of the fuzzing harness: publish and instrument it, afl-fuzz each target for FUZZ_SMOKE_SECONDS (default
# 15, so 60 s of fuzzing in all), then replay what afl-fuzz kept. Fails when an input crashes, breaks an invariant or
# hangs in a way no entry of KnownBugs.cs explains; those inputs are listed with how to keep them as regressions.
# Skipped (exit 0, with the reason) when afl-fuzz or SharpFuzz.CommandLine is not available.
#
# Machine setup (root): apt-get install -y afl++   ·   SharpFuzz.CommandLine comes from dotnet-tools.json beside this.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export FUZZ_OUT="${FUZZ_OUT:-$repo/artifacts/fuzz}"
seconds="${FUZZ_SMOKE_SECONDS:-15}"
targets=(yaml unit model fix)

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "fuzz smoke skipped: afl-fuzz is not installed (Debian: apt-get install -y afl++)"
  exit 0
fi

if ! (cd "$here" && dotnet tool restore >/dev/null 2>&1); then
  echo "fuzz smoke skipped: the SharpFuzz.CommandLine tool could not be restored (dotnet tool restore in $here)"
  exit 0
fi

"$here/fuzz.sh" build

status=0
for target in "${targets[@]}"; do
  log="$FUZZ_OUT/$target.log"
  if ! "$here/fuzz.sh" run "$target" "$seconds" >"$log" 2>&1; then
    echo "fuzz smoke: afl-fuzz did not run for $target; the end of $log:"
    tail -n 15 "$log"
    status=1
    continue
  fi

  findings="$FUZZ_OUT/findings/$target/default"
  execs="$(sed -n 's/^execs_done *: *//p' "$findings/fuzzer_stats")"
  crashes=("$findings"/crashes/id:*)
  hangs=("$findings"/hangs/id:*)
  [[ -e "${crashes[0]}" ]] || crashes=()
  [[ -e "${hangs[0]}" ]] || hangs=()
  echo "fuzz smoke: $target ran $execs inputs in ${seconds}s, ${#crashes[@]} crashing, ${#hangs[@]} hanging"

  # Crashes: a failure that matches a known bug is reported, not failed on (the regression test already holds it).
  if [[ ${#crashes[@]} -gt 0 ]] && ! "$here/fuzz.sh" replay "$target" "${crashes[@]}" >"$FUZZ_OUT/$target.replay" 2>&1; then
    grep -A3 '^FAIL' "$FUZZ_OUT/$target.replay" | head -n 40
    status=1
  fi

  # Hangs: afl-fuzz's limit is 10 s on two shared cores; an input that still needs a minute alone is a real hang.
  for hang in "${hangs[@]}"; do
    if ! timeout 60 "$here/fuzz.sh" replay "$target" "$hang" >/dev/null 2>&1; then
      echo "HANG  $hang (or it fails; replay it: tests/HostNetLint.Fuzz/fuzz.sh replay $target '$hang')"
      status=1
    fi
  done
done

if [[ $status -ne 0 ]]; then
  echo "fuzz smoke: new failures. Keep each input: minimise it, copy it to tests/HostNetLint.Fuzz/regressions/TARGET/,"
  echo "and add a KnownBugs.cs entry until the bug is fixed (see tests/HostNetLint.Fuzz/README.md)."
else
  echo "fuzz smoke: no new crash, hang or broken invariant"
fi
exit $status
