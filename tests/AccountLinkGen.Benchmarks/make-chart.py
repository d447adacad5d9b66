#!/usr/bin/env python3
"""Draws docs/benchmarks.svg from BenchmarkDotNet's *-report.csv files.

Each benchmark class has an anchor (its [Benchmark(Baseline = true)] row); every row is drawn as its time ratio and
its allocation ratio to that anchor, on one log scale, so an encoder at 0.05x and a generator at 2.5x read alike.
Rows come from BenchmarkDotNet's own Ratio and Alloc Ratio columns, computed per parameter value (spec, transport).

Usage: python3 tests/AccountLinkGen.Benchmarks/make-chart.py [results-dir] [output.svg]
  defaults: BenchmarkDotNet.Artifacts/results and docs/benchmarks.svg, both relative to the repository root.
"""

import csv
import math
import os
import sys
from xml.sax.saxutils import escape

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

# Benchmark class -> (panel title, anchor label, parameter column or None, labels for its rows by Method).
PANELS = [
    ("EncoderBenchmarks", "Form encoder: one account-link request", "Stripe.net FormEncoder", None, {
        "'Stripe.net FormEncoder'": "Stripe.net",
        "'Naive WebUtility.UrlEncode join'": "Naive join",
        "'Generated ToFormUrlEncoded'": "Ours (generated)",
        "'Hand-written for this request'": "Hand-written, this request only",
        "'Floor: copy the finished body'": "Floor (result string only)",
    }),
    ("GeneratorBenchmarks", "Generator: spec text to sources", "bare OpenApiStringReader.Read", "Spec", {
        "'Bare OpenApiStringReader.Read'": "Bare parse",
        "'Bare read, no validation rules'": "Bare parse, no rules",
        "'Generator: RunGenerators'": "Whole generation",
    }),
    ("RuntimeBenchmarks", "Runtime: create an account link", "Stripe.net AccountLinkService", "Transport", {
        "'Stripe.net AccountLinkService'": "Stripe.net",
        "'Generated AccountLinkService'": "Ours (generated)",
        "'Floor: HttpClient, precomputed body'": "Floor (bare HttpClient)",
    }),
]

TIME_COLOR = "#1f5fa8"
ALLOC_COLOR = "#e08a1e"
LO, HI = 0.001, 10.0  # log axis range


def read_rows(results, cls):
    path = os.path.join(results, f"AccountLinkGen.Benchmarks.{cls}-report.csv")
    if not os.path.exists(path):
        return None, path
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f)), path


def ratio(text):
    text = (text or "").strip().replace(",", "")
    if text in ("", "?", "NA", "-"):
        return None
    try:
        return float(text)
    except ValueError:
        return None


def main():
    results = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "BenchmarkDotNet.Artifacts", "results")
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "docs", "benchmarks.svg")

    groups = []  # (title, anchor, [(label, time ratio, alloc ratio)])
    for cls, title, anchor, param, labels in PANELS:
        rows, path = read_rows(results, cls)
        if rows is None:
            print(f"skipping {cls}: {path} not found", file=sys.stderr)
            continue
        params = [None] if param is None else list(dict.fromkeys(r[param] for r in rows))
        for value in params:
            bars = []
            for method, label in labels.items():
                match = [r for r in rows if r["Method"] == method and (param is None or r[param] == value)]
                if match:
                    bars.append((label, ratio(match[0].get("Ratio")), ratio(match[0].get("Alloc Ratio"))))
            heading = title if value is None else f"{title} ({param.lower()}: {value})"
            groups.append((heading, anchor, bars))

    if not groups:
        sys.exit("no *-report.csv found: run the benchmarks first")

    left, plot_w, right = 200, 470, 20
    width = left + plot_w + right
    bar_h, gap, head_h = 11, 8, 34
    y = 70
    parts = []

    def x_of(v):
        v = min(max(v, LO), HI)
        return left + plot_w * (math.log10(v) - math.log10(LO)) / (math.log10(HI) - math.log10(LO))

    for heading, anchor, bars in groups:
        parts.append(f'<text x="12" y="{y + 14}" class="h">{escape(heading)}</text>')
        parts.append(f'<text x="12" y="{y + 28}" class="s">ratio to {escape(anchor)} (1 = same; left of 1 = less)</text>')
        y += head_h + 4
        top = y
        for label, t, a in bars:
            parts.append(f'<text x="{left - 8}" y="{y + bar_h + 3}" class="l" text-anchor="end">{escape(label)}</text>')
            for i, (v, color) in enumerate(((t, TIME_COLOR), (a, ALLOC_COLOR))):
                by = y + i * bar_h
                if v is None:
                    parts.append(f'<text x="{left + 4}" y="{by + 9}" class="v">n/a</text>')
                    continue
                x0, x1 = x_of(LO), x_of(v)
                parts.append(f'<rect x="{x0:.1f}" y="{by}" width="{max(x1 - x0, 1):.1f}" height="{bar_h - 1}" fill="{color}"/>')
                parts.append(f'<text x="{x1 + 4:.1f}" y="{by + 9}" class="v">{v:.3g}×</text>')
            y += 2 * bar_h + gap
        parts.append(f'<line x1="{x_of(1):.1f}" y1="{top - 4}" x2="{x_of(1):.1f}" y2="{y - gap + 4}" class="one"/>')
        y += 10

    # Axis with decades, shared by every panel.
    axis = [f'<line x1="{left}" y1="{y}" x2="{left + plot_w}" y2="{y}" stroke="#555"/>']
    for v in (0.001, 0.01, 0.1, 1, 10):
        axis.append(f'<line x1="{x_of(v):.1f}" y1="{y}" x2="{x_of(v):.1f}" y2="{y + 5}" stroke="#555"/>')
        axis.append(f'<text x="{x_of(v):.1f}" y="{y + 18}" class="v" text-anchor="middle">{v:g}×</text>')
    grid = [f'<line x1="{x_of(v):.1f}" y1="60" x2="{x_of(v):.1f}" y2="{y}" class="grid"/>' for v in (0.001, 0.01, 0.1, 10)]
    height = y + 32

    legend = (
        f'<rect x="{left}" y="36" width="12" height="10" fill="{TIME_COLOR}"/>'
        f'<text x="{left + 17}" y="45" class="l">time (mean)</text>'
        f'<rect x="{left + 110}" y="36" width="12" height="10" fill="{ALLOC_COLOR}"/>'
        f'<text x="{left + 127}" y="45" class="l">bytes allocated per operation</text>'
    )
    svg = f'''<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif">
<style>
.t{{font-size:16px;font-weight:bold}} .h{{font-size:13px;font-weight:bold}} .s{{font-size:11px;fill:#555}}
.l{{font-size:12px}} .v{{font-size:11px;fill:#333}} .grid{{stroke:#ddd}} .one{{stroke:#000;stroke-dasharray:4 3}}
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="12" y="24" class="t">AccountLinkGen benchmarks: ratios to each group's anchor (log scale)</text>
{legend}
{"".join(grid)}
{"".join(parts)}
{"".join(axis)}
</svg>
'''
    os.makedirs(os.path.dirname(output), exist_ok=True)
    with open(output, "w", encoding="utf-8") as f:
        f.write(svg)
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
