using System;
using System.Globalization;

namespace AccountLinkGen.Wire.Tests.Support;

/// <summary>How many random cases the property tests sample: their default, or <c>WIRE_ITERATIONS</c> when set.</summary>
public static class Sampling
{
    public static long Iterations(long defaultIterations) =>
        long.TryParse(Environment.GetEnvironmentVariable("WIRE_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0
            ? n
            : defaultIterations;
}
