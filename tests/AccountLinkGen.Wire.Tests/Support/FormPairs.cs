using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace AccountLinkGen.Wire.Tests.Support;

/// <summary>Compares form bodies as multisets of <c>key=value</c> pairs: the order of parameters carries no meaning.</summary>
public static class FormPairs
{
    public static IReadOnlyList<string> Split(string body) =>
        body.Length == 0
            ? Array.Empty<string>()
            : body.Split('&').OrderBy(pair => pair, StringComparer.Ordinal).ToArray();

    /// <summary>Fails with both bodies and the pairs only one side has when the multisets differ.</summary>
    public static void AssertSame(string expected, string actual)
    {
        var expectedPairs = Split(expected);
        var actualPairs = Split(actual);
        if (expectedPairs.SequenceEqual(actualPairs, StringComparer.Ordinal))
        {
            return;
        }

        var onlyExpected = Except(expectedPairs, actualPairs);
        var onlyActual = Except(actualPairs, expectedPairs);
        Assert.Fail(
            "Form bodies differ.\n"
            + $"  Stripe.net: {expected}\n"
            + $"  ours:       {actual}\n"
            + $"  only in Stripe.net: {string.Join(" & ", onlyExpected)}\n"
            + $"  only in ours:       {string.Join(" & ", onlyActual)}");
    }

    private static List<string> Except(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var remaining = right.GroupBy(p => p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (string pair in left)
        {
            if (remaining.TryGetValue(pair, out int count) && count > 0)
            {
                remaining[pair] = count - 1;
            }
            else
            {
                result.Add(pair);
            }
        }

        return result;
    }
}
