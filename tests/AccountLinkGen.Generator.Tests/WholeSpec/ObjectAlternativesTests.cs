using System;
using System.Linq;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;
using Xunit;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// A parameter that is one of several titled objects (a payment method's <c>card</c>: card details or a token) is
/// one member per object, each named by the parameter and the object's title, and Validate() allows only one.
/// </summary>
public sealed class ObjectAlternativesTests : IDisposable
{
    private const string Anchor = "                refresh_url:\n";

    private const string Card = """
                        card:
                          anyOf:
                            - properties:
                                number:
                                  maxLength: 5000
                                  type: string
                              required:
                                - number
                              title: card_details_params
                              type: object
                            - properties:
                                token:
                                  maxLength: 5000
                                  type: string
                              required:
                                - token
                              title: token_params
                              type: object

        """;

    private readonly CompiledClient _client;

    public ObjectAlternativesTests()
    {
        Assert.Contains(Anchor, Repo.SpecText);
        _client = CompiledClient.Generate("account_links.yaml", Repo.SpecText.Replace(Anchor, Card.Replace("\r", string.Empty) + Anchor));
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public void EachObject_IsAMemberOfItsOwn_SentUnderTheParametersName()
    {
        Assert.DoesNotContain(_client.Diagnostics, d => d.Id == "ALG0004");
        OptionsClassModel options = _client.Model.OptionsClasses.Single(o => o.Name == "AccountLinkCreateOptions");
        var card = options.Properties.Where(p => p.WireName == "card").ToList();

        Assert.Equal(new[] { "CardDetails", "CardToken" }, card.Select(p => p.Name));
        Assert.Equal(new[] { "AccountLinkCardDetailsOptions", "AccountLinkCardTokenOptions" }, card.Select(p => p.Type.Name));
        Assert.All(card, p => Assert.False(p.Required || p.RequiredMember));
    }

    [Fact]
    public void SettingBoth_IsOneProblemAtTheParameter_AndSettingEitherIsNone()
    {
        Assert.Equal(new[] { "mutually_exclusive card: 'card' is set as both CardDetails and CardToken; set only one." }, Problems(details: true, token: true));
        Assert.Empty(Problems(details: true, token: false));
        Assert.Empty(Problems(details: false, token: true));
        Assert.Empty(Problems(details: false, token: false));
    }

    /// <summary>The problems Validate() finds about <c>card</c>, as "code param: message".</summary>
    private string[] Problems(bool details, bool token)
    {
        Type type = _client.Type("AccountLinkCreateOptions");
        object options = Activator.CreateInstance(type)!;
        if (details)
        {
            object value = Activator.CreateInstance(_client.Type("AccountLinkCardDetailsOptions"))!;
            value.GetType().GetProperty("Number")!.SetValue(value, "4242424242424242");
            type.GetProperty("CardDetails")!.SetValue(options, value);
        }

        if (token)
        {
            object value = Activator.CreateInstance(_client.Type("AccountLinkCardTokenOptions"))!;
            value.GetType().GetProperty("Token")!.SetValue(value, "tok_visa");
            type.GetProperty("CardToken")!.SetValue(options, value);
        }

        var result = (ValidationResult)type.GetMethod("Validate", Type.EmptyTypes)!.Invoke(options, null)!;
        return result.Problems.Where(p => p.Param.StartsWith("card", StringComparison.Ordinal)).Select(p => $"{p.Code} {p.Param}: {p.Message}").ToArray();
    }
}
