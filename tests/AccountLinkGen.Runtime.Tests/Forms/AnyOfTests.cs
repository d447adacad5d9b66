using System;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Forms;

/// <summary>
/// Stripe.net's <c>AnyOf</c>: either kind converts to it implicitly, and the form writer sends whichever it holds as
/// Stripe takes that kind: an object nested, a time as Unix seconds (a local one converted to UTC, an unspecified one
/// taken as UTC, as Stripe.net sends them), text as is.
/// </summary>
public sealed class AnyOfTests
{
    private static readonly FormEncodedText Name = FormEncodedText.Encode("trial_end");

    [Fact]
    public void Either_kind_converts_implicitly_and_says_which_it_is()
    {
        AnyOf<DateTime?, string> time = new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc);
        AnyOf<DateTime?, string> keyword = "now";

        Assert.Equal(typeof(DateTime?), time.Type);
        Assert.Equal((typeof(string), "now"), (keyword.Type, keyword.Value));
    }

    [Fact]
    public void A_utc_time_is_sent_as_its_Unix_seconds()
    {
        Assert.Equal("trial_end=1700000000", Write(new AnyOf<DateTime?, string>(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc))));
    }

    [Fact]
    public void A_local_time_is_converted_from_the_local_zone_and_an_unspecified_one_is_taken_as_utc()
    {
        // A zone of its own, so that the test means the same on a machine whose zone is UTC.
        TimeZoneInfo plusFive = TimeZoneInfo.CreateCustomTimeZone("Test+05", TimeSpan.FromHours(5), "Test+05", "Test+05");

        Assert.Equal(1_700_000_000, FormWriter.UnixSeconds(new DateTime(2023, 11, 15, 3, 13, 20, DateTimeKind.Local), plusFive));
        Assert.Equal(1_700_000_000, FormWriter.UnixSeconds(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Unspecified), plusFive));
        Assert.Equal(1_700_000_000, FormWriter.UnixSeconds(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), plusFive));
    }

    [Fact]
    public void Text_numbers_objects_and_null_are_each_sent_as_their_kind()
    {
        Assert.Equal("trial_end=now", Write(new AnyOf<DateTime?, string>("now")));
        Assert.Equal("trial_end=42", Write(new AnyOf<long?, string>(42L)));
        Assert.Equal("trial_end=12.5", Write(new AnyOf<decimal?, string>(12.5m)));
        Assert.Equal("trial_end=true", Write(new AnyOf<bool?, string>(true)));
        Assert.Equal("trial_end[account]=acct_1", Write(new AnyOf<string, AccountOnly>(new AccountOnly())));
        Assert.Equal(string.Empty, Write<DateTime?, string>(null));
        Assert.Equal(string.Empty, Write(new AnyOf<DateTime?, string>((DateTime?)null)));
    }

    [Fact]
    public void A_kind_a_form_cannot_hold_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => Write(new AnyOf<Guid, string>(Guid.Empty)));

        Assert.Contains("Guid", error.Message, StringComparison.Ordinal);
    }

    private static string Write<T1, T2>(AnyOf<T1, T2>? value)
    {
        var writer = FormWriter.Create();
        try
        {
            writer.WriteAnyOf(Name, value);
            return writer.ToStringAndDispose();
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    private sealed class AccountOnly : IFormEncodable
    {
        public void WriteForm(ref FormWriter writer) => writer.Write(FormEncodedText.Encode("account"), "acct_1");
    }
}
