using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Parsing;
using AccountLinkGen.Generator.Parsing.Reading;
using AccountLinkGen.Generator.Tests.Support;
using AccountLinkGen.Generator.Tests.WholeSpec;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Validations;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Parsing;

/// <summary>
/// The generator's reader (<see cref="OpenApiEventReader"/>) against the OpenAPI library's: on every spec at hand, the
/// same document (as written back out, with its references resolved to the same components and its values of the
/// same types), or no document at all, and then the library reads the text and reports it.
/// </summary>
public sealed class OpenApiEventReaderTests
{
    /// <summary>Every spec in the repository: the sample's, and each test project's.</summary>
    public static IEnumerable<object[]> RepositorySpecs() =>
        new[] { "spec" }.Concat(Directory.EnumerateDirectories(Path.Combine(Repo.Root, "tests")).Select(d => Path.GetRelativePath(Repo.Root, d)))
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Repo.Root, folder), "*.*", SearchOption.AllDirectories))
            .Where(path => (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal))
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Repo.Root, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new object[] { path });

    [Theory]
    [MemberData(nameof(RepositorySpecs))]
    public void RepositorySpec_ReadsAsTheLibraryReadsIt(string relativePath) =>
        AssertReadsAsTheLibrary(File.ReadAllText(Path.Combine(Repo.Root, relativePath)));

    [SkippableTheory]
    [MemberData(nameof(PublishedSpecVersionsTests.SpecFiles), MemberType = typeof(PublishedSpecVersionsTests))]
    public void PublishedSpec_ReadsAsTheLibraryReadsIt(string relativePath)
    {
        string folder = Path.GetDirectoryName(Repo.StripeSpecPath)!;
        Skip.IfNot(Directory.Exists(folder), $"Stripe's published specs are not at {folder}; this test runs where the shared folder is present (CI).");
        string text = File.ReadAllText(Path.Combine(folder, relativePath));

        // Stripe's specs are the reason for the reader: each must be read by it, not handed on.
        Assert.NotNull(OpenApiEventReader.TryRead(text));
        AssertReadsAsTheLibrary(text);
    }

    [Fact]
    public void Values_AreTypedAsTheLibraryTypesThem()
    {
        const string Spec = """
            openapi: 3.0.0
            info: { title: t, version: '1', x-when: '2020-01-02', x-at: '2020-01-02T03:04:05Z' }
            x-flags: { on: true, off: false, quoted: 'true', none: null, tilde: ~, small: 5, large: 5000000000, ratio: 1.5, word: hello }
            x-list: [1, 'a', [true], { k: 2 }]
            paths:
              /v1/things:
                get:
                  parameters:
                    - { name: limit, in: query, schema: { type: integer }, example: 10 }
                    - { name: when, in: query, schema: { type: string, format: date }, example: '2021-05-06', examples: { one: { value: '2021-05-07' } } }
                    - { name: odd, in: nowhere, style: form, explode: false, schema: { type: string } }
                  responses:
                    '200':
                      description: ok
                      headers: { X-Count: { schema: { type: integer }, example: 3 } }
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/thing' }
                          example: { id: 1, flag: 'true' }
                          examples: { one: { $ref: '#/components/examples/thing' } }
            components:
              examples:
                thing: { value: { id: 2 } }
              schemas:
                thing:
                  type: object
                  properties:
                    id: { type: integer, format: int64, default: 7, enum: [1, 2, 3] }
                    ratio: { type: number, format: float, default: 0.5 }
                    name: { type: string, enum: [true, 'x', 12], default: null }
                    at: { type: string, format: date-time, example: '2020-01-02T03:04:05Z' }
                    flag: { type: boolean, default: true }
                    secret: { type: string, format: password, example: hunter2 }
                    blob: { type: string, format: byte, example: aGVsbG8= }
                    any: { example: 2020-01-02 }
                    tags: { type: array, items: { type: integer }, example: [1, '2'] }
                    map: { type: object, additionalProperties: { type: integer }, example: { a: 1 } }
                    next: { $ref: '#/components/schemas/thing' }
            """;

        OpenApiDocument document = AssertReadsAsTheLibrary(Spec)!;

        // A few of the types the comparison covers, so that it is known to look at them.
        Assert.IsType<OpenApiBoolean>(((OpenApiObject)document.Extensions["x-flags"])["on"]);
        Assert.IsType<OpenApiLong>(((OpenApiObject)document.Extensions["x-flags"])["large"]);
        Assert.IsType<OpenApiDate>(document.Info.Extensions["x-when"]);
        Assert.IsType<OpenApiLong>(document.Components.Schemas["thing"].Properties["id"].Default);
        Assert.Same(document.Components.Schemas["thing"], document.Components.Schemas["thing"].Properties["next"]);
    }

    /// <summary>Texts the reader hands to the library, each for the reason given: nothing is read its own way.</summary>
    [Theory]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\nunknown: 1\n", "a field the library reports as not valid")]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\npaths: {}\n", "a duplicate key")]
    [InlineData("openapi: 3.0.0\ninfo: &i {title: t, version: '1'}\nx-copy: *i\npaths: {}\n", "an anchor and an alias")]
    [InlineData("openapi: 3.0.0\ninfo: !!map {title: t, version: '1'}\npaths: {}\n", "a tag")]
    [InlineData("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n", "another kind of document")]
    [InlineData("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n", "another version")]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {}\n      callbacks: {}\n", "a callback")]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    a: {$ref: '#/components/schemas/b'}\n", "an unresolved reference")]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    a: {$ref: 'other.yaml#/b'}\n", "a reference into another file")]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    a: {type: string, nullable: perhaps}\n", "a flag that is no boolean")]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: []\n", "a sequence where a mapping belongs")]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'\npaths: {}\n", "a syntax error")]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n---\nopenapi: 3.0.0\n", "a second document")]
    public void TextTheLibraryTreatsItsOwnWay_IsLeftToIt(string text, string reason)
    {
        Assert.True(OpenApiEventReader.TryRead(text) is null, "read, though it holds " + reason);

        // Through the generator's entry point, the library's reader still reads it: what it reports, it reports.
        Exception? thrown = Record.Exception(() => SpecParser.Read(text, out _));
        Assert.True(thrown is null || thrown is not NullReferenceException, thrown?.ToString());
    }

    [Fact]
    public void AnObjectTheReaderLeavesToTheLibrary_IsStillRead()
    {
        const string Spec = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          links:\n            self: {operationId: a}\n";

        OpenApiDocument document = SpecParser.Read(Spec, out OpenApiDiagnostic diagnostic);

        Assert.Empty(diagnostic.Errors);
        Assert.Equal("a", document.Paths["/a"].Operations[OperationType.Get].Responses["200"].Links["self"].OperationId);
    }

    /// <summary>
    /// The reader's document is the library's, fact for fact, and returned; where the library reports an error or
    /// reads no OpenAPI 3.0 document, the reader gave none (null).
    /// </summary>
    private static OpenApiDocument? AssertReadsAsTheLibrary(string text)
    {
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        OpenApiDocument? fast = OpenApiEventReader.TryRead(text);
        OpenApiDocument expected;
        OpenApiDiagnostic diagnostic;
        try
        {
            expected = new OpenApiStringReader(settings).Read(text, out diagnostic);
        }
        catch (Exception exception) when (fast is null)
        {
            // Not an OpenAPI document the library reads (a fixtures file): the reader gave nothing either.
            Assert.NotNull(exception);
            return null;
        }

        if (diagnostic.Errors.Count > 0 || diagnostic.SpecificationVersion != Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0)
        {
            Assert.Null(fast);
            return null;
        }

        // A well-formed OpenAPI 3.0 document is read, and read the same.
        Assert.NotNull(fast);
        Assert.Equal(OpenApiDocumentFacts.Describe(expected), OpenApiDocumentFacts.Describe(fast!));
        return fast!;
    }
}
