using System.Text;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Http;

public sealed class RedactorTests
{
    private const string Key = "sk_test_abcdef";

    [Theory]
    [InlineData(0)]
    [InlineData(490)]
    [InlineData(495)]
    [InlineData(499)]
    [InlineData(500)]
    [InlineData(1990)]
    public void Excerpt_never_shows_the_key_or_part_of_it_wherever_it_falls(int position)
    {
        var redactor = new Redactor(Key);
        string body = new string('a', position) + Key + new string('b', 3000);

        string excerpt = redactor.Excerpt(Encoding.UTF8.GetBytes(body));

        Assert.DoesNotContain("sk_test", excerpt);
        Assert.True(excerpt.Length <= Redactor.MaxExcerptChars + 1);
    }

    [Fact]
    public void Excerpt_is_one_line()
    {
        string excerpt = new Redactor(Key).Excerpt(Encoding.UTF8.GetBytes("a\r\nb\tc"));

        Assert.Equal("a  b c", excerpt);
    }
}
