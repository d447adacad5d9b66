using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Diagnostics;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Diagnostics;

/// <summary>Every descriptor explains itself: its own message, a description, and a help link to its README section.</summary>
public sealed class DescriptorTests
{
    private static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToList();

    [Fact]
    public void EachDescriptor_HasItsOwnIdAndMessage_AndADescription()
    {
        Assert.Equal(All.Count, All.Select(d => d.Id).Distinct().Count());
        Assert.Equal(All.Count, All.Select(d => d.MessageFormat.ToString()).Distinct().Count());
        Assert.All(All, d => Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()), d.Id + " has no description"));
    }

    [Fact]
    public void EachHelpLink_OpensTheReadmeSectionOfItsId()
    {
        string[] readme = File.ReadAllLines(Path.Combine(Repo.Root, "README.md"));
        var headings = new HashSet<string>(readme.Where(l => l.StartsWith("### ALG")).Select(l => l.Substring(4).Trim()));
        foreach (DiagnosticDescriptor descriptor in All)
        {
            Assert.Equal(HelpLinks.For(PackageInfo.RepositoryUrl, descriptor.Id), descriptor.HelpLinkUri);
            Assert.Contains(descriptor.Id, headings);
        }

        // And no section describes a diagnostic that does not exist (ALG1xxx belong to the analyzers).
        Assert.Equal(headings.Where(h => h.StartsWith("ALG0")).OrderBy(h => h), All.Select(d => d.Id).OrderBy(i => i));
    }

    [Fact]
    public void EachDescriptor_AsksForTheHelpLinkOfItsOwnId()
    {
        // The test build has no RepositoryUrl, so every link is empty at run time: the pairing is read from the source,
        // where a descriptor that asked for another ID's section would link to the wrong one in a package.
        string source = File.ReadAllText(Path.Combine(Repo.Root, "generator", "Diagnostics", "DiagnosticDescriptors.cs"));
        var pairs = Regex.Matches(source, @"id: ""(ALG\d{4})""[\s\S]*?helpLinkUri: HelpLinks\.For\(PackageInfo\.RepositoryUrl, ""(ALG\d{4})""\)")
            .Select(m => (Id: m.Groups[1].Value, Link: m.Groups[2].Value))
            .ToList();

        Assert.Equal(All.Count, pairs.Count);
        Assert.All(pairs, pair => Assert.Equal(pair.Id, pair.Link));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("  ", "")]
    [InlineData("https://github.com/owner/name", "https://github.com/owner/name/blob/main/README.md#alg0005")]
    [InlineData("https://github.com/owner/name.git", "https://github.com/owner/name/blob/main/README.md#alg0005")]
    [InlineData("https://github.com/owner/name/", "https://github.com/owner/name/blob/main/README.md#alg0005")]
    public void HelpLinks_PointIntoTheBuiltRepositorysReadme_OrNowhere(string repositoryUrl, string expected) =>
        Assert.Equal(expected, HelpLinks.For(repositoryUrl, "ALG0005"));

    [Fact]
    public void ABuildWithoutARepositoryUrl_InventsNoAddress()
    {
        // The test build sets no RepositoryUrl (the package test packs with one and reads it back).
        string built = PackageInfo.RepositoryUrl;
        Assert.Equal(string.Empty, built);
        Assert.All(All, d => Assert.Equal(string.Empty, d.HelpLinkUri));
    }

    [Fact]
    public void TheGenerator_NamesDescriptorsBySymbol_NeverByIdString()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Repo.Root, "generator"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.EndsWith("Descriptors.cs"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => Regex.IsMatch(l.Text, "\"ALG\\d{4}\""))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();
        Assert.Empty(offenders);
    }
}
