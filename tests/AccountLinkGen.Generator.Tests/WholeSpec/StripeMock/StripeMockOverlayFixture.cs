using System.IO;
using System.Text.Json.Nodes;
using AccountLinkGen.Generator.Tests.Support;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// stripe-mock validating against the 2023-09-12 spec with the payment method configurations overlay added (the
/// paths and schemas of <see cref="StripeNetExamples.OverlayPath"/>, as the generator adds them), and answering with
/// a fixture of that resource (<c>payment_method_configurations.fixtures.json</c> beside it, in stripe-mock's format),
/// so that the examples that call it are checked like the others rather than refused as an unknown URL.
/// </summary>
public sealed class StripeMockOverlayFixture : StripeMockFixture
{
    public StripeMockOverlayFixture()
        : base(Merge)
    {
    }

    private static (string Spec, string Fixtures) Merge()
    {
        string folder = System.IO.Directory.CreateDirectory(Path.Combine(System.AppContext.BaseDirectory, "stripe-mock-overlay")).FullName;
        JsonNode overlay = JsonNode.Parse(File.ReadAllText(StripeNetExamples.OverlayPath))!;
        JsonNode spec = JsonNode.Parse(File.ReadAllText(SpecPath))!;
        Add(spec["paths"]!.AsObject(), overlay["paths"]!.AsObject());
        Add(spec["components"]!["schemas"]!.AsObject(), overlay["components"]!["schemas"]!.AsObject());

        JsonNode fixtures = JsonNode.Parse(File.ReadAllText(FixturesPath))!;
        string ownFixtures = Path.ChangeExtension(StripeNetExamples.OverlayPath, ".fixtures.json");
        Add(fixtures["resources"]!.AsObject(), JsonNode.Parse(File.ReadAllText(ownFixtures))!["resources"]!.AsObject());

        string specPath = Path.Combine(folder, "spec.json");
        string fixturesPath = Path.Combine(folder, "fixtures.json");
        File.WriteAllText(specPath, spec.ToJsonString());
        File.WriteAllText(fixturesPath, fixtures.ToJsonString());
        return (specPath, fixturesPath);
    }

    /// <summary>Adds each entry the target lacks; one it has already is the spec's, which an overlay does not replace.</summary>
    private static void Add(JsonObject target, JsonObject source)
    {
        foreach (var entry in source)
        {
            if (!target.ContainsKey(entry.Key))
            {
                target[entry.Key] = entry.Value!.DeepClone();
            }
        }
    }
}
