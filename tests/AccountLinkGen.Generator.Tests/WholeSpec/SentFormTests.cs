using AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;
using Xunit;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// The acceptance run's check of what a request carried, on requests written out here: it reads a body and a
/// query string alike, decodes them as a server does, and names each value dropped or changed.
/// </summary>
public sealed class SentFormTests
{
    private static SentForm Expecting()
    {
        var sent = new SentForm();
        sent.Expect("account", "acct_1");
        sent.Expect("collection_options[fields]", "eventually_due");
        sent.Expect("expand[0]", "url");
        sent.Expect("metadata[note]", "Zoë & co\r\n");
        return sent;
    }

    [Theory]
    [InlineData("POST /v1/account_links account=acct_1&collection_options[fields]=eventually_due&expand[0]=url&metadata[note]=Zo%C3%AB+%26+co%0D%0A")]
    [InlineData("GET /v1/account_links?expand[0]=url&account=acct_1&metadata%5Bnote%5D=Zo%C3%AB%20%26%20co%0D%0A&collection_options[fields]=eventually_due")]
    public void ARequestCarryingEveryValue_HasNoDifference(string request) => Assert.Empty(Expecting().Differences(request));

    [Fact]
    public void ADroppedMember_AndAChangedValue_AreEachNamed()
    {
        var differences = Expecting().Differences("POST /v1/account_links account=acct_2&expand[0]=url&metadata[note]=Zo%C3%AB+%26+co%0D%0A");

        Assert.Equal(
            new[] { "account was sent as 'acct_2', not the 'acct_1' set", "the request lacks collection_options[fields] (set to 'eventually_due')" },
            differences);
    }

    [Fact]
    public void AMultipartBody_IsNotReadAsAForm() =>
        Assert.Empty(Expecting().Differences("POST /v1/files --boundary\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nx\r\n--boundary--"));
}
