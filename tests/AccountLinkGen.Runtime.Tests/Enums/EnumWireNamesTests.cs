using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Enums;

/// <summary>
/// The table generated enums keep their wire names in: both directions for every member, on short and Stripe-sized
/// lists, exact (ordinal) matching, the constructor's checks, and lookups from many threads at once.
/// </summary>
public sealed class EnumWireNamesTests
{
    /// <summary>Empty, tiny, short and Stripe-sized lists.</summary>
    public static TheoryData<int> Sizes => new() { 0, 1, 8, 9, 600 };

    /// <summary>A short list and a Stripe-sized one.</summary>
    public static TheoryData<int> BothStrategies => new() { 8, 600 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_member_round_trips_through_NameOf_and_TryFind(int size)
    {
        string[] names = Names(size);
        var table = new EnumWireNames(names);

        Assert.Equal(size, table.Count);
        for (int i = 0; i < size; i++)
        {
            Assert.Equal(names[i], table.NameOf(i));

            // A fresh string instance: matching must be by content, not by reference.
            Assert.True(table.TryFind(new string(names[i].AsSpan()), out int index), names[i]);
            Assert.Equal(i, index);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void NameOf_outside_the_members_is_null(int size)
    {
        var table = new EnumWireNames(Names(size));

        Assert.Null(table.NameOf(-1));
        Assert.Null(table.NameOf(size));
        Assert.Null(table.NameOf(size + 1));
        Assert.Null(table.NameOf(int.MinValue));
        Assert.Null(table.NameOf(int.MaxValue));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Null_and_unknown_names_are_not_found_and_give_index_zero(int size)
    {
        string[] names = Names(size);
        var table = new EnumWireNames(names);

        var misses = new List<string?> { null, "", "unknown", "name_", " name_0", "name_0 ", "NAME_0", "name_0\0", "name_00" };
        misses.AddRange(names.Select(n => n + "x"));
        misses.AddRange(names.Where(n => n.Length > 1).Select(n => n.Substring(0, n.Length - 1)));
        misses.RemoveAll(m => names.Contains(m));
        Assert.True(misses.Count > 8);
        foreach (string? miss in misses)
        {
            Assert.False(table.TryFind(miss, out int index), miss);
            Assert.Equal(0, index);
        }
    }

    [Theory]
    [MemberData(nameof(BothStrategies))]
    public void An_empty_wire_name_is_a_name_like_any_other(int size)
    {
        string[] names = Names(size);
        names[size - 1] = "";
        var table = new EnumWireNames(names);

        Assert.True(table.TryFind("", out int index));
        Assert.Equal(size - 1, index);
        Assert.Equal("", table.NameOf(size - 1));
        Assert.False(table.TryFind(null, out index));
        Assert.Equal(0, index);
    }

    [Theory]
    [MemberData(nameof(BothStrategies))]
    public void Names_match_exactly_case_and_all(int size)
    {
        // Names that a case-insensitive or culture-aware comparison would take for one another.
        string[] special =
        {
            "A",
            "a",
            "\u00e9",        // é, composed
            "e\u0301",       // é, decomposed
            "ab",
            "a\u00adb",      // soft hyphen, ignored by culture-aware comparison
            "account",
        };
        string[] names = Names(size);
        Array.Copy(special, 0, names, size - special.Length, special.Length);

        var table = new EnumWireNames(names);

        for (int i = size - special.Length; i < size; i++)
        {
            Assert.True(table.TryFind(names[i], out int index), names[i]);
            Assert.Equal(i, index);
        }

        foreach (string miss in new[] { "ACCOUNT", "Account", "AB", "\u00c9", "E\u0301", "a\u200bb", "i\u0307" })
        {
            Assert.False(table.TryFind(miss, out int index), miss);
            Assert.Equal(0, index);
        }
    }

    [Theory]
    [InlineData("A", "a")]
    [InlineData("\u00e9", "e\u0301")]
    [InlineData("ab", "a\u00adb")]
    public void Names_that_differ_only_by_case_or_normalization_are_not_duplicates(string first, string second)
    {
        var table = new EnumWireNames(first, second);

        Assert.Equal(2, table.Count);
        Assert.True(table.TryFind(second, out int index));
        Assert.Equal(1, index);
    }

    [Fact]
    public void A_null_array_is_rejected()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => new EnumWireNames(null!));

        Assert.Equal("names", exception.ParamName);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 3)]
    [InlineData(20, 13)]
    public void A_null_name_is_rejected_with_its_index(int size, int nullAt)
    {
        string[] names = Names(size);
        names[nullAt] = null!;

        var exception = Assert.Throws<ArgumentException>(() => new EnumWireNames(names));

        Assert.Equal("names", exception.ParamName);
        Assert.Contains("member " + nullAt + " ", exception.Message);
    }

    [Theory]
    [InlineData(2, 0, 1)]
    [InlineData(5, 1, 4)]
    [InlineData(30, 7, 25)]
    public void A_name_that_appears_twice_is_rejected_by_name(int size, int first, int second)
    {
        string[] names = Names(size);
        names[first] = "twice_over";
        names[second] = "twice_over";

        var exception = Assert.Throws<ArgumentException>(() => new EnumWireNames(names));

        Assert.Equal("names", exception.ParamName);
        Assert.Contains("'twice_over'", exception.Message);
    }

    [Fact]
    public void Two_empty_names_are_duplicates()
    {
        var exception = Assert.Throws<ArgumentException>(() => new EnumWireNames("", "x", ""));

        Assert.Contains("''", exception.Message);
    }

    [Theory]
    [MemberData(nameof(BothStrategies))]
    public void The_table_keeps_its_own_copy_of_the_names(int size)
    {
        string[] names = Names(size);
        string[] original = (string[])names.Clone();
        var table = new EnumWireNames(names);

        // Before any lookup, so that a table reading the caller's array would see the change.
        for (int i = 0; i < size; i++)
        {
            names[i] = "changed_" + i;
        }

        names[0] = null!;

        for (int i = 0; i < size; i++)
        {
            Assert.Equal(original[i], table.NameOf(i));
            Assert.True(table.TryFind(original[i], out int index), original[i]);
            Assert.Equal(i, index);
        }

        for (int i = 1; i < size; i++)
        {
            Assert.False(table.TryFind("changed_" + i, out _));
        }
    }

    [Fact]
    public void Concurrent_first_lookups_on_a_large_table_all_agree()
    {
        const int threadCount = 16;
        const int size = 2_000;
        string[] names = Names(size);

        // A fresh table per round, so that every round's first lookups race.
        for (int round = 0; round < 100; round++)
        {
            var table = new EnumWireNames(names);
            var failures = new ConcurrentQueue<string>();
            using var barrier = new Barrier(threadCount);
            var threads = new Thread[threadCount];
            for (int t = 0; t < threadCount; t++)
            {
                int start = t * (size / threadCount);
                threads[t] = new Thread(() =>
                {
                    try
                    {
                        barrier.SignalAndWait();

                        // Each thread starts somewhere else, so the first lookups are of different names.
                        for (int n = 0; n < size; n++)
                        {
                            int i = (start + n) % size;
                            if (!table.TryFind(names[i], out int index) || index != i)
                            {
                                failures.Enqueue($"'{names[i]}' gave {index}");
                            }
                        }

                        if (table.TryFind("not_a_member", out int missing) || missing != 0)
                        {
                            failures.Enqueue("an unknown name was found at " + missing);
                        }
                    }
                    catch (Exception exception)
                    {
                        failures.Enqueue(exception.ToString());
                    }
                });
                threads[t].Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            Assert.Empty(failures);
        }
    }

    /// <summary>Distinct wire names shaped like Stripe's, of different lengths.</summary>
    private static string[] Names(int count)
    {
        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            names[i] = i % 3 == 0 ? "name_" + i : i % 3 == 1 ? "America/Zone_" + i : "x" + i + "_" + new string('v', i % 7);
        }

        return names;
    }
}
