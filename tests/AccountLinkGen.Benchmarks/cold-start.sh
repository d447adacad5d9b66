#!/usr/bin/env bash
# Cold start: a fresh process that makes one create-account-link call to stripe-mock on loopback and exits, five ways:
#   jit        ColdStart/Ours, our generated service and client, framework-dependent Release on the JIT
#   aot        ColdStart/Ours published with PublishAot (a native binary, no JIT)
#   stripenet  ColdStart/StripeNet, Stripe.net 53.1.0, framework-dependent Release on the JIT
#   floorjit   ColdStart/Floor, the same call with a bare HttpClient and Utf8JsonReader (the floor), on the JIT
#   flooraot   ColdStart/Floor published with PublishAot
# Each is run RUNS times (default 15, at least 10), interleaved (jit, aot, stripenet, floorjit, flooraot, jit, ...) after one unmeasured
# run each, and the script prints the median whole-process wall time (date +%s%N around the process) and the median
# peak memory (maximum resident set size from GNU time's %M).
#
# Usage: tests/AccountLinkGen.Benchmarks/cold-start.sh [publish|measure|all] [runs]   (default: all 15)
#   publish  publishes the five apps to $OUT (each NativeAOT publish takes minutes)
#   measure  starts stripe-mock, runs the published apps, stops stripe-mock, prints the table
# The apps are projects of their own, outside AccountLinkGen.sln.
# Needs /usr/bin/time (GNU time) and stripe-mock at ../shared/stripe-mock (STRIPE_MOCK=<dir> to point elsewhere).
set -euo pipefail

STEP="${1:-all}"
RUNS="${2:-15}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="${OUT:-$REPO/artifacts/cold-start}"
STRIPE_MOCK="${STRIPE_MOCK:-$REPO/../shared/stripe-mock}"
FIXTURES="${FIXTURES:-$REPO/../shared/stripe-openapi/fixtures3.2023-09-12.json}"
PORT="${PORT:-12181}"
RID="${RID:-linux-x64}"

if (( RUNS < 10 )); then
  echo "Use at least 10 runs for a median worth quoting." >&2
  exit 2
fi

publish() {
  rm -rf "$OUT"
  mkdir -p "$OUT"
  dotnet publish "$HERE/ColdStart/Ours/ColdStart.Ours.csproj" -c Release -nologo -v q -o "$OUT/jit"
  dotnet publish "$HERE/ColdStart/StripeNet/ColdStart.StripeNet.csproj" -c Release -nologo -v q -o "$OUT/stripenet"
  dotnet publish "$HERE/ColdStart/Floor/ColdStart.Floor.csproj" -c Release -nologo -v q -o "$OUT/floorjit"
  dotnet publish "$HERE/ColdStart/Floor/ColdStart.Floor.csproj" -c Release -nologo -v q -r "$RID" -p:ColdStartNativeAot=true \
    -o "$OUT/flooraot" 2>&1 | tee "$OUT/flooraot-publish.log"
  # With a runtime identifier, the native build gets intermediate folders of its own.
  dotnet publish "$HERE/ColdStart/Ours/ColdStart.Ours.csproj" -c Release -nologo -v q -r "$RID" -p:ColdStartNativeAot=true \
    -o "$OUT/aot" 2>&1 | tee "$OUT/aot-publish.log"
  if grep -Eq 'warning IL[23][0-9]{3}' "$OUT/aot-publish.log"; then
    echo "The NativeAOT publish reported a trim or AOT warning (see $OUT/aot-publish.log)." >&2
    exit 1
  fi
}

command_for() { # variant
  case "$1" in
    jit) echo "dotnet $OUT/jit/ColdStart.Ours.dll" ;;
    aot) echo "$OUT/aot/ColdStart.Ours" ;;
    stripenet) echo "dotnet $OUT/stripenet/ColdStart.StripeNet.dll" ;;
    floorjit) echo "dotnet $OUT/floorjit/ColdStart.Floor.dll" ;;
    flooraot) echo "$OUT/flooraot/ColdStart.Floor" ;;
  esac
}

median() { # numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

measure() {
  if [[ ! -x /usr/bin/time ]]; then
    echo "GNU time (/usr/bin/time) is required for the peak memory." >&2
    exit 2
  fi

  "$STRIPE_MOCK/stripe-mock" -http-addr "127.0.0.1:$PORT" -https-addr "127.0.0.1:$((PORT + 1))" \
    -spec "$STRIPE_MOCK/spec3.2023-09-12.json" -fixtures "$FIXTURES" >"$OUT/stripe-mock.log" 2>&1 &
  MOCK_PID=$!
  trap 'kill "$MOCK_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
    sleep 0.1
  done

  local url="http://127.0.0.1:$PORT/" variants=(jit aot stripenet floorjit flooraot) samples="$OUT/samples.tsv"
  : >"$samples"
  for round in $(seq 0 "$RUNS"); do
    for v in "${variants[@]}"; do
      local start end output
      start=$(date +%s%N)
      output=$(/usr/bin/time -f 'maxrss_kb=%M' $(command_for "$v") "$url" 2>&1) || true
      end=$(date +%s%N)
      if ! grep -q '^https://' <<<"$output"; then
        echo "$v did not print an account link URL:" >&2
        echo "$output" >&2
        exit 1
      fi

      # Round 0 warms the disk cache and stripe-mock; it is not counted.
      if (( round > 0 )); then
        printf '%s\t%s\t%s\n' "$v" "$(( (end - start) / 1000 ))" "$(sed -n 's/^maxrss_kb=//p' <<<"$output")" >>"$samples"
      fi
    done
  done

  echo "| Process | Median wall time | Median peak memory (max RSS) | Runs |"
  echo "| --- | ---: | ---: | ---: |"
  for v in "${variants[@]}"; do
    local wall rss
    wall=$(awk -F '\t' -v v="$v" '$1 == v { print $2 }' "$samples" | median)
    rss=$(awk -F '\t' -v v="$v" '$1 == v { print $3 }' "$samples" | median)
    case "$v" in
      jit) name="AccountLinkGen, JIT (framework-dependent)" ;;
      aot) name="AccountLinkGen, NativeAOT" ;;
      stripenet) name="Stripe.net 53.1.0, JIT (framework-dependent)" ;;
      floorjit) name="Floor: bare HttpClient, JIT (framework-dependent)" ;;
      flooraot) name="Floor: bare HttpClient, NativeAOT" ;;
    esac
    awk -v n="$name" -v w="$wall" -v r="$rss" -v c="$RUNS" 'BEGIN { printf "| %s | %.0f ms | %.1f MB | %d |\n", n, w / 1000, r / 1024, c }'
  done
  echo
  echo "Samples (variant, wall time in microseconds, max RSS in KB): $samples"
}

case "$STEP" in
  publish) publish ;;
  measure) measure ;;
  all) publish && measure ;;
  *) echo "usage: $0 [publish|measure|all] [runs]" >&2; exit 2 ;;
esac
