using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>
/// An operation kept alone by the <c>Operations</c> filter must generate code that compiles, with the names it has in
/// the unfiltered build (every type with its members, every method, compared model to model): names may not depend
/// on which other operations were read first.
/// </summary>
/// <remarks>
/// By default a spread sample of Stripe's operations runs (every 60th, plus those that once failed);
/// <c>ACCOUNTLINKGEN_EVERY_OPERATION=1</c> runs all 468, one generator run and compilation each (about half an hour).
/// </remarks>
public sealed class FilterIndependenceTests
{
    private static readonly string[] OnceFailing = { "PostCheckoutSessions" };

    private readonly ITestOutputHelper _output;

    public FilterIndependenceTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void Each_operation_alone_generates_code_that_compiles()
    {
        Skip.IfNot(File.Exists(Repo.StripeSpecPath), $"Stripe's published spec is not at {Repo.StripeSpecPath}; this test runs where the shared folder is present (CI).");
        string text = File.ReadAllText(Repo.StripeSpecPath);
        var operations = Regex.Matches(text, @"^\s+operationId: (\S+)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(operations.Count > 400, $"only {operations.Count} operationIds found");
        bool every = Environment.GetEnvironmentVariable("ACCOUNTLINKGEN_EVERY_OPERATION") == "1";
        var sample = every ? operations : operations.Where((_, i) => i % 60 == 0).Concat(OnceFailing).Distinct().ToList();

        // The unfiltered build's names, from its model: every type with its members, every service method.
        Generator.Model.SpecModel whole = ModelBuilder.Parse(text, path: Repo.StripeSpecPath);
        var failures = new List<string>();
        foreach (string operation in sample)
        {
            Generator.Model.SpecModel alone = ModelBuilder.Parse(text, filter: operation, path: Repo.StripeSpecPath);
            failures.AddRange(NamesDifferingFrom(whole, alone).Select(d => operation + ": " + d));

            var harness = new GeneratorHarness().WithProperty("AccountLinkGenNamespace", "Consumer.Stripe");
            harness.AdditionalFiles.Add((Repo.StripeSpecPath, text));
            harness.WithFileMetadata(Repo.StripeSpecPath, "AccountLinkGenOperations", operation);
            GeneratorRun run = harness.Run();
            var problems = run.GeneratorDiagnostics.Where(d => d.Id == "ALG0005" || d.Severity == DiagnosticSeverity.Error)
                .Concat(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
                .Select(d => d.Id + " " + d.GetMessage())
                .ToList();
            if (run.GeneratorException is not null)
            {
                problems.Add(run.GeneratorException.ToString());
            }

            if (problems.Count > 0)
            {
                failures.Add(operation + ": " + string.Join(" | ", problems.Take(3)));
            }
        }

        _output.WriteLine($"{sample.Count} operations generated alone; {failures.Count} failed");
        Assert.Empty(failures);
    }

    [SkippableFact]
    public void TheNameComparison_SeesANameThatMoved()
    {
        // The comparison above can fail: a model with one property, enum member or method renamed differs from the
        // model it came from, each by name.
        Skip.IfNot(File.Exists(Repo.StripeSpecPath), $"Stripe's published spec is not at {Repo.StripeSpecPath}; this test runs where the shared folder is present (CI).");
        Generator.Model.SpecModel alone = ModelBuilder.Parse(File.ReadAllText(Repo.StripeSpecPath), filter: "PostAccountLinks", path: Repo.StripeSpecPath);
        Assert.Empty(NamesDifferingFrom(alone, alone));

        var options = alone.OptionsClasses[0];
        var renamedProperty = alone with { OptionsClasses = new[] { options with { Properties = new[] { options.Properties[0] with { Name = "Renamed" } }.Concat(options.Properties.Skip(1)).ToEquatableArray() } }.Concat(alone.OptionsClasses.Skip(1)).ToEquatableArray() };
        Assert.Contains(NamesDifferingFrom(alone, renamedProperty), d => d.Contains(options.Name, StringComparison.Ordinal));

        var renamedMethod = alone with { Operations = alone.Operations.Select(o => o with { Names = o.Names with { Async = "MadeAsync" } }).ToEquatableArray() };
        Assert.Contains(NamesDifferingFrom(alone, renamedMethod), d => d.Contains("MadeAsync", StringComparison.Ordinal));
    }

    /// <summary>
    /// What <paramref name="alone"/> names otherwise than <paramref name="whole"/>: each of its types must be the
    /// unfiltered build's type of that name, member for member, and each operation the unfiltered build's.
    /// </summary>
    private static IEnumerable<string> NamesDifferingFrom(Generator.Model.SpecModel whole, Generator.Model.SpecModel alone)
    {
        foreach (var type in alone.OptionsClasses)
        {
            if (!whole.OptionsClasses.Contains(type))
            {
                yield return $"options {type.Name} ({string.Join(", ", type.Properties.Select(p => p.Name))}) is not the unfiltered build's";
            }
        }

        foreach (var type in alone.Enums)
        {
            if (!whole.Enums.Contains(type))
            {
                yield return $"enum {type.Name} ({string.Join(", ", type.Members.Select(m => m.Name))}) is not the unfiltered build's";
            }
        }

        foreach (var type in alone.Responses)
        {
            if (!whole.Responses.Contains(type))
            {
                yield return $"model {type.Name} ({string.Join(", ", type.Properties.Select(p => p.Name))}) is not the unfiltered build's";
            }
        }

        foreach (var operation in alone.Operations)
        {
            if (!whole.Operations.Contains(operation))
            {
                yield return $"{operation.OperationId} as {operation.ServiceName}.{operation.MethodName} (options {operation.OptionsClass}) is not the unfiltered build's";
            }
        }
    }
}
