using AccountLinkGen.Generator.Helpers;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

public sealed class EnglishTests
{
    [Theory]
    [InlineData("AccountLink", "an")]
    [InlineData("AccountLinkType", "an")]
    [InlineData("Invoice", "an")]
    [InlineData("EphemeralKey", "an")]
    [InlineData("OutboundPayment", "an")]
    [InlineData("Customer", "a")]
    [InlineData("CustomerOrDeletedCustomer", "a")]
    [InlineData("UsBankAccount", "a")]
    [InlineData("UsageRecord", "a")]
    [InlineData("Unit", "a")]
    [InlineData("UnknownObject", "an")]
    [InlineData("EuBankTransfer", "a")]
    [InlineData("OneTime", "a")]
    [InlineData("OnlineSession", "an")]
    [InlineData("hour", "an")]
    [InlineData("HTTPError", "an")]
    [InlineData("PDF", "a")]
    [InlineData("account", "an")]
    [InlineData("bank_account", "a")]
    [InlineData("8x", "an")]
    [InlineData("", "a")]
    public void Article_FollowsTheSoundOfTheNextWord(string word, string article) => Assert.Equal(article, English.Article(word));

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "a" }, "a")]
    [InlineData(new[] { "a", "b" }, "a or b")]
    [InlineData(new[] { "a", "b", "c" }, "a, b or c")]
    public void List_JoinsAsASentenceDoes(string[] items, string expected) => Assert.Equal(expected, English.List(items, "or"));
}
