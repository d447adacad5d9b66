#!/usr/bin/env bash
# Wall time of `dotnet build` for a consumer project outside the repository that uses the generator the way the
# sample does (ProjectReference as Analyzer, AccountLinkGen.props/.targets, an AccountLinkGenSpec item):
#   fragment  spec/account_links.yaml (the baseline)
#   filtered  Stripe's full spec with Operations="PostAccountLinks;PostAccountSessions;PostCustomers"
#   full      Stripe's full spec, no filter
# For each: a clean build (`--no-incremental` after a restore and a warm-up build) and a no-change rebuild.
# Both use `--no-dependencies`: the generator and runtime are built once up front, so the numbers are the
# consumer's own build (the compiler running the generator and compiling its output), not the repository's.
#
# Usage: tests/AccountLinkGen.Benchmarks/consumer-build-times.sh [runs]   (default 3; uses hyperfine when present)
# VARIANTS="fragment filtered" runs only those consumers (default: all three).
# Writes a Markdown table to $OUT (default: $WORK/results.md) and prints it.
# SOURCE=<dir> builds the generator and runtime from another checkout, e.g. one exported with
#   git archive HEAD | tar -x -C /tmp/alg-head
# so that uncommitted edits in the working tree do not leak into the numbers.
set -euo pipefail

RUNS="${1:-3}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROOT="${SOURCE:-$REPO}"
FULL_SPEC="$REPO/../shared/stripe-openapi/spec3.2023-09-12.yaml"
WORK="${WORK:-${TMPDIR:-/tmp}/accountlinkgen-consumers}"
OUT="${OUT:-$WORK/results.md}"
FILTER="PostAccountLinks;PostAccountSessions;PostCustomers"

# VARIANTS="fragment filtered" times a subset (the fragment is the ratio's baseline: keep it first); "compat" is the
# full spec with AccountLinkGenCompatibility=StripeNet, in namespace Stripe.
variants=()
for v in ${VARIANTS:-fragment filtered full}; do
  if [[ "$v" != fragment && ! -f "$FULL_SPEC" ]]; then
    echo "Skipping the $v variant: $FULL_SPEC is missing." >&2
    continue
  fi
  variants+=("$v")
done

make_consumer() { # name spec operations [compatibility]
  local dir="$WORK/$1"
  local ns=Consumer.Stripe type="AccountLinkType.AccountOnboarding"
  if [[ "${4:-}" == StripeNet ]]; then ns=Stripe; type='"account_onboarding"'; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  # Stop MSBuild from picking up anything above the consumer's folder.
  echo '<Project />' > "$dir/Directory.Build.props"
  echo '<Project />' > "$dir/Directory.Build.targets"
  cat > "$dir/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$ROOT/generator/build/AccountLinkGen.props" />
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <AccountLinkGenNamespace>$ns</AccountLinkGenNamespace>
    <AccountLinkGenCompatibility>${4:-}</AccountLinkGenCompatibility>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$ROOT/runtime/AccountLinkGen.Runtime.csproj" />
    <ProjectReference Include="$ROOT/generator/AccountLinkGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
  <ItemGroup>
    <AccountLinkGenSpec Include="$2" Operations="$3" />
  </ItemGroup>
  <Import Project="$ROOT/generator/build/AccountLinkGen.targets" />
</Project>
EOF
  # Uses the generated service, so a build without generated code fails instead of timing nothing.
  cat > "$dir/Program.cs" <<EOF
using $ns;

var options = new AccountLinkCreateOptions
{
    Account = "acct_1Nv0FGQ9RKHgCVdK",
    Type = $type,
    RefreshUrl = "https://example.com/reauth",
    ReturnUrl = "https://example.com/return",
};
Console.WriteLine(options.ToFormUrlEncoded());
Console.WriteLine(typeof(AccountLinkService).FullName);
EOF
}

for v in "${variants[@]}"; do
  case "$v" in
    fragment) make_consumer fragment "$ROOT/spec/account_links.yaml" "" ;;
    filtered) make_consumer filtered "$FULL_SPEC" "$FILTER" ;;
    full) make_consumer full "$FULL_SPEC" "" ;;
    compat) make_consumer compat "$FULL_SPEC" "" StripeNet ;;
  esac
  # Restore and build the dependencies once; warm the compiler server.
  dotnet build "$WORK/$v/Consumer.csproj" -nologo -v q > "$WORK/$v.warmup.log" 2>&1 || { cat "$WORK/$v.warmup.log"; exit 1; }
done

clean_cmd() { echo "dotnet build $WORK/$1/Consumer.csproj --no-restore --no-dependencies --no-incremental -nologo -v q"; }
noop_cmd() { echo "dotnet build $WORK/$1/Consumer.csproj --no-restore --no-dependencies -nologo -v q"; }

declare -A mean min max
time_runs() { # key command
  local key="$1" cmd="$2"
  if command -v hyperfine > /dev/null; then
    hyperfine --runs "$RUNS" --warmup 0 --export-json "$WORK/$key.json" "$cmd" > "$WORK/$key.hyperfine.log" 2>&1
    read -r mean["$key"] min["$key"] max["$key"] < <(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"{r['mean']:.1f} {r['min']:.1f} {r['max']:.1f}\")" "$WORK/$key.json")
  else
    local times=()
    for _ in $(seq "$RUNS"); do
      local s e
      s=$(date +%s.%N); $cmd > /dev/null; e=$(date +%s.%N)
      times+=("$(echo "$e - $s" | bc)")
    done
    read -r mean["$key"] min["$key"] max["$key"] < <(printf '%s\n' "${times[@]}" | python3 -c "import sys; t=[float(x) for x in sys.stdin]; print(f'{sum(t)/len(t):.1f} {min(t):.1f} {max(t):.1f}')")
  fi
}

for v in "${variants[@]}"; do
  echo "timing $v ..." >&2
  time_runs "$v.clean" "$(clean_cmd "$v")"
  time_runs "$v.noop" "$(noop_cmd "$v")"
  # How long the generator itself ran inside the compiler, from the compiler's own report.
  dotnet build "$WORK/$v/Consumer.csproj" --no-restore --no-dependencies --no-incremental -nologo -v d -p:ReportAnalyzer=true > "$WORK/$v.report.log" 2>&1
done

{
  echo "| Consumer | Clean build (mean, min–max) | Ratio to fragment | No-change rebuild (mean, min–max) | AccountLinkGenerator time in csc | Warnings |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  for v in "${variants[@]}"; do
    # ReportAnalyzer lists each generator's own time ("  9.784   89   AccountLinkGen.Generator.AccountLinkGenerator").
    gen=$(grep -E 'AccountLinkGen\.Generator\.AccountLinkGenerator\s*$' "$WORK/$v.report.log" | head -1 | awk '{print $1 " s"}' || true)
    warnings=$(grep -oE '[0-9]+ Warning\(s\)' "$WORK/$v.report.log" | tail -1 | cut -d' ' -f1)
    ratio=$(python3 -c "print(f'{${mean[$v.clean]}/${mean[fragment.clean]}:.2f}×')")
    echo "| $v | ${mean[$v.clean]} s (${min[$v.clean]}–${max[$v.clean]}) | $ratio | ${mean[$v.noop]} s (${min[$v.noop]}–${max[$v.noop]}) | ${gen:-?} | ${warnings:-?} |"
  done
} | tee "$OUT"
