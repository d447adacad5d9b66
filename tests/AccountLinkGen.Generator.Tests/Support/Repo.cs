using System;
using System.IO;

namespace AccountLinkGen.Generator.Tests.Support;

/// <summary>Paths in the repository and in the shared folder beside it.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string SpecPath => Path.Combine(Root, "spec", "account_links.yaml");

    public static string SpecText => File.ReadAllText(SpecPath);

    /// <summary>The wire tests' fragment with the shapes the account-link one lacks (maps, unions, expandable fields).</summary>
    public static string ShapesSpecText => File.ReadAllText(Path.Combine(Root, "tests", "AccountLinkGen.Wire.Tests", "Specs", "shapes.yaml"));

    /// <summary>The package tests' fragment with several resources (account links, sessions, customers, files, file links).</summary>
    public static string ResourcesSpecText => File.ReadAllText(Path.Combine(Root, "tests", "AccountLinkGen.Package.Tests", "Specs", "resources.yaml"));

    public static string SnapshotDirectory => Path.Combine(Root, "tests", "AccountLinkGen.Generator.Tests", "Snapshots", "account_links");

    /// <summary>Stripe's full published spec, present in CI and in a full checkout beside <c>shared/</c>.</summary>
    public static string StripeSpecPath => Path.GetFullPath(Path.Combine(Root, "..", "shared", "stripe-openapi", "spec3.2023-09-12.yaml"));

    /// <summary>
    /// The SDK variant of Stripe's spec (an older API version), which names each resource's class and package
    /// (<c>x-stripeResource</c>) and each operation's method (<c>x-stripeOperations</c>) as Stripe's SDKs do.
    /// </summary>
    public static string StripeSdkSpecPath => Path.GetFullPath(Path.Combine(Root, "..", "shared", "stripe-openapi", "spec3.sdk.2022-05-10.yaml"));

    /// <summary>Stripe's published resource fixtures for the same spec version, one example object per resource.</summary>
    public static string StripeFixturesPath => Path.GetFullPath(Path.Combine(Root, "..", "shared", "stripe-openapi", "fixtures3.2023-09-12.json"));

    /// <summary>Stripe.net's own examples of the same API version (395 facts), compiled unchanged by the compatibility tests.</summary>
    public static string StripeDotnetExamplesPath => Path.GetFullPath(Path.Combine(Root, "..", "shared", "stripe-dotnet-examples", "GeneratedExamplesTest.cs"));

    public static string ReadmePath => Path.Combine(Root, "README.md");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AccountLinkGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside the repository; AccountLinkGen.sln was not found above " + AppContext.BaseDirectory);
    }
}
