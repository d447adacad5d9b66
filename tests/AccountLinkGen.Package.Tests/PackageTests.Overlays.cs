using System.IO;
using System.Linq;
using Xunit;

namespace AccountLinkGen.Package.Tests;

/// <summary>
/// <c>AccountLinkGenOverlay</c> items through the packed build files: an overlay's endpoint is generated with the
/// spec it names, and an overlay that is missing or names no spec fails the build with ALG0018, naming it.
/// </summary>
public sealed partial class PackageTests
{
    private static readonly string WidgetsOverlay = File.ReadAllText(Path.Combine(DotNet.RepoRoot(), "tests", "AccountLinkGen.Generator.Tests", "Parsing", "Specs", "widgets_overlay.yaml"));

    [Fact]
    public void AnOverlay_AddsItsEndpoint_ToTheSpecItNames()
    {
        string consumer = _feed.NewConsumer("Overlay", Project("net10.0", "Exe",
                "<AccountLinkGenSpec Include=\"specs/account_links.yaml\" /><AccountLinkGenOverlay Include=\"preview/widgets.yaml\" Spec=\"account_links.yaml\" />"),
            ("Program.cs", """
                System.Console.WriteLine(typeof(Consumer.Stripe.WidgetService).FullName);
                System.Console.WriteLine(Consumer.Stripe.Widget.FromJson("{\"id\":\"wd_1\",\"object\":\"widget\"}"u8).Id);
                System.Console.WriteLine(typeof(Consumer.Stripe.AccountLinkService).FullName);
                """),
            ("specs/account_links.yaml", SpecText()),
            ("preview/widgets.yaml", WidgetsOverlay));

        string output = DotNet.Succeed(consumer, "run", "--nologo");

        Assert.Equal(new[] { "Consumer.Stripe.WidgetService", "wd_1", "Consumer.Stripe.AccountLinkService" }, Lines(output).TakeLast(3));
    }

    [Fact]
    public void AMissingOverlay_AndOneWithoutSpec_FailWithALG0018_NamingThem()
    {
        string consumer = _feed.NewConsumer("BadOverlays", Project("net10.0", "Library",
                "<AccountLinkGenSpec Include=\"account_links.yaml\" /><AccountLinkGenOverlay Include=\"preview/gone.yaml\" Spec=\"account_links.yaml\" /><AccountLinkGenOverlay Include=\"C#/gone.yaml\" Spec=\"account_links.yaml\" /><AccountLinkGenOverlay Include=\"preview/widgets.yaml\" />"),
            ("account_links.yaml", SpecText()),
            ("preview/widgets.yaml", WidgetsOverlay),
            ("Uses.cs", "public static class Uses { public static System.Type Widgets => typeof(Consumer.Stripe.WidgetService); }"));

        var (exitCode, output) = DotNet.Run(consumer, "build", "--nologo");

        Assert.NotEqual(0, exitCode);
        Assert.True(output.Contains("error ALG0018: The overlay 'preview/gone.yaml' cannot be applied to 'account_links.yaml': the file does not exist", System.StringComparison.Ordinal), output);
        Assert.Contains("widgets.yaml' cannot be applied to '': the item has no Spec metadata", output);
        // The overlay without a spec is no spec of its own: nothing is generated from it.
        Assert.Contains("error CS0234: The type or namespace name 'WidgetService' does not exist in the namespace 'Consumer.Stripe'", output);
        // A '#' in a missing overlay's path reaches the message whole.
        Assert.Contains("error ALG0018: The overlay 'C#/gone.yaml' cannot be applied to 'account_links.yaml'", output);
    }
}
