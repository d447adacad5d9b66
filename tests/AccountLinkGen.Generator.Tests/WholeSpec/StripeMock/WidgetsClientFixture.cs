using System;
using System.IO;
using AccountLinkGen.Generator.Tests.Support;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// The client generated from <c>WholeSpec/Specs/widgets.yaml</c>, a small spec with one response field of every
/// kind, compiled once for the tests of one class. It is in the repository: these tests never skip.
/// </summary>
public sealed class WidgetsClientFixture : IDisposable
{
    public WidgetsClientFixture()
    {
        SpecText = File.ReadAllText(SpecPath);
        Client = CompiledClient.Generate(SpecPath, SpecText);
    }

    public static string SpecPath => Path.Combine(Repo.Root, "tests", "AccountLinkGen.Generator.Tests", "WholeSpec", "Specs", "widgets.yaml");

    public string SpecText { get; }

    internal CompiledClient Client { get; }

    public void Dispose() => Client.Dispose();
}
