using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Parsing;
using AccountLinkGen.Generator.Parsing.Reading;
using AccountLinkGen.Generator.Tests.Support;
using AccountLinkGen.Generator.Tests.WholeSpec;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Extensions;
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

        OpenApiDocument? document = AssertReadsAsTheLibrary(Spec);
        Assert.NotNull(document);

        // A few of the types the comparison covers, so that it is known to look at them.
        Assert.IsType<OpenApiBoolean>(((OpenApiObject)document.Extensions["x-flags"])["on"]);
        Assert.IsType<OpenApiLong>(((OpenApiObject)document.Extensions["x-flags"])["large"]);
        Assert.IsType<OpenApiDate>(document.Info.Extensions["x-when"]);
        Assert.IsType<OpenApiLong>(document.Components.Schemas["thing"].Properties["id"].Default);
        Assert.Same(document.Components.Schemas["thing"], document.Components.Schemas["thing"].Properties["next"]);
    }

    /// <summary>
    /// Texts the reader hands to the library on purpose, each for the reason given; where the library reports
    /// something (an error, or by throwing), it still does, through the generator's entry point.
    /// </summary>
    [Theory]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\nunknown: 1\n", "a field the library reports as not valid", true)]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\npaths: {}\n", "a duplicate key", true)]
    [InlineData("openapi: 3.0.0\ninfo: &i {title: t, version: '1'}\nx-copy: *i\npaths: {}\n", "an anchor and an alias", false)]
    [InlineData("openapi: 3.0.0\ninfo: !!map {title: t, version: '1'}\npaths: {}\n", "a tag", false)]
    [InlineData("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n", "another kind of document", false)]
    [InlineData("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n", "another version", true)]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {}\n      callbacks: {}\n", "a callback", false)]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    a: {$ref: '#/components/schemas/b'}\n", "an unresolved reference", true)]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    a: {$ref: 'other.yaml#/b'}\n", "a reference into another file", false)]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    a: {type: string, nullable: perhaps}\n", "a flag that is no boolean", true)]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: []\n", "a sequence where a mapping belongs", true)]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n---\nopenapi: 3.0.0\n", "a second document", false)]
    [InlineData("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n? [a]\n: 1\n", "a key that is no scalar", true)]
    public void TextTheLibraryTreatsItsOwnWay_IsLeftToIt(string text, string reason, bool libraryReports)
    {
        // Read, not TryRead: a mistake of the reader's would surface here as another exception.
        Assert.True(Record.Exception(() => OpenApiEventReader.Read(text)) is LeftToLibraryException, "read, though it holds " + reason);

        OpenApiDiagnostic? diagnostic = null;
        Exception? thrown = Record.Exception(() => SpecParser.Read(text, out diagnostic));
        Assert.Equal(libraryReports, thrown is not null || diagnostic!.Errors.Count > 0);
    }

    [Fact]
    public void TextThatIsNoYaml_FailsAsInTheLibrary() =>
        Assert.IsAssignableFrom<SharpYaml.YamlException>(Record.Exception(() => OpenApiEventReader.Read("openapi: 3.0.0\ninfo: {title: t, version: '1'\npaths: {}\n")));

    /// <summary>The library's limits hold as the library counts them: past one, the reader leaves the text to it.</summary>
    [Fact]
    public void ANodeAtTheLibrarysDepthLimit_IsLeftToIt() =>
        AssertLeftToTheLibraryWhichReportsIt(Minimal + "x-deep: " + new string('[', 63) + "1" + new string(']', 63) + "\n");

    [Fact]
    public void AScalarPastTheLibrarysLengthLimit_IsLeftToIt() =>
        AssertLeftToTheLibraryWhichReportsIt(Minimal + "x-long: " + new string('a', (int)OpenApiReaderSettings.DefaultMaxScalarLength + 1) + "\n");

    /// <summary>
    /// The library counts parse nodes against its node limit, and builds them again for each map it reads: a schema
    /// of 40,000 properties under 20 levels of properties is within the YAML node count but past the reader's bound
    /// of the library's count, so it is left to the library. (The bound is an upper one: the reader may leave a text
    /// the library still reads, as it does this one, but never reads one the library refuses.)
    /// </summary>
    [Fact]
    public void AMapNestedPastTheLibrarysNodeBound_IsLeftToIt()
    {
        var text = new System.Text.StringBuilder(Minimal).Append("components:\n  schemas:\n    a:\n");
        string indent = "      ";
        for (int level = 0; level < 20; level++)
        {
            text.Append(indent).Append("properties:\n").Append(indent).Append("  p:\n");
            indent += "    ";
        }

        text.Append(indent).Append("properties:\n");
        for (int i = 0; i < 40_000; i++)
        {
            text.Append(indent).Append("  l").Append(i).Append(": {type: string}\n");
        }

        Assert.IsType<LeftToLibraryException>(Record.Exception(() => OpenApiEventReader.Read(text.ToString())));
    }

    /// <summary>
    /// One difference, on purpose: the library's YAML reader looks at most eight characters ahead and fails on an
    /// escaped surrogate pair in a double-quoted scalar (as JSON writers emit an emoji), with an internal error the
    /// generator could only report as a syntax error. The reader reads the character.
    /// </summary>
    [Fact]
    public void AnEscapedSurrogatePair_IsRead_WhereTheLibraryFails()
    {
        const string Json = """{"openapi":"3.0.0","info":{"title":"\ud83d\ude00","version":"1"},"paths":{}}""";

        Assert.ThrowsAny<ArgumentException>(() => new OpenApiStringReader().Read(Json, out _));
        Assert.Equal("\U0001F600", OpenApiEventReader.Read(Json).Info.Title);
    }

    /// <summary>
    /// A key outside printable ASCII, which the current culture may read with a prefix an ordinal comparison does not
    /// see (a soft hyphen before <c>x-</c>): read as the library reads it, or, where the two comparisons disagree,
    /// left to it.
    /// </summary>
    [Fact]
    public void AKeyOutsidePrintableAscii_IsSortedAsTheLibrarySortsIt()
    {
        string text = Minimal.Replace("paths: {}", "paths:\n  /a:\n    get:\n      responses:\n        \"\u00ADx-a\": {description: d}\n        '200': {description: ok}\n", StringComparison.Ordinal);

        Exception? thrown = Record.Exception(() => OpenApiEventReader.Read(text));

        if (thrown is null)
        {
            AssertReadsAsTheLibrary(text);
        }
        else
        {
            Assert.IsType<LeftToLibraryException>(thrown);
        }
    }

    /// <summary>Every object and field the reader reads, in one spec, in YAML and in JSON.</summary>
    [Fact]
    public void EveryObjectTheReaderReads_IsReadAsTheLibraryReadsIt()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Kitchen
              description: |
                A block scalar,
                on two lines.
              termsOfService: 'https://example.com/terms'
              version: '2024-01-01'
              contact: { name: Team, email: team@example.com, url: 'https://example.com', x-c: 1 }
              license: { name: MIT, url: 'https://opensource.org/licenses/MIT' }
            servers:
              - url: 'https://{host}/v1'
                description: >
                  Folded text
                variables:
                  host: { default: api.example.com, enum: [api.example.com, eu.example.com], description: where }
            tags:
              - { name: things, description: Things, externalDocs: { url: 'https://example.com/things', description: more } }
            externalDocs: { url: 'https://example.com/docs' }
            security:
              - basic: []
              - key: [read, write]
            paths:
              x-paths: 1
              /v1/things/{id}:
                summary: A thing
                description: One thing
                parameters:
                  - { description: 'read, then dropped with the object', $ref: '#/components/parameters/id', notAField: skipped }
                servers: [{ url: 'https://other.example.com' }]
                post:
                  tags: [things]
                  summary: Update
                  operationId: PostThing
                  deprecated: true
                  externalDocs: { url: 'https://example.com/op' }
                  security: [{ basic: [] }]
                  parameters:
                    - { name: X-Trace, in: header, required: false, allowEmptyValue: true, allowReserved: true, deprecated: true, style: simple, explode: false, schema: { type: string } }
                    - { name: filter, in: query, content: { application/json: { schema: { type: object } } } }
                  requestBody:
                    $ref: '#/components/requestBodies/thing'
                  responses:
                    default: { $ref: '#/components/responses/error' }
                    '200':
                      description: ok
                      headers:
                        X-Rate: { $ref: '#/components/headers/rate' }
                        X-Id: { description: an id, required: true, deprecated: false, style: simple, explode: true, schema: { type: string }, examples: { one: { value: abc } } }
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/thing' }
                          examples: { one: { $ref: '#/components/examples/thing' }, two: { summary: s, description: d, externalValue: 'https://example.com/e.json' } }
                    x-responses: true
            components:
              schemas:
                thing:
                  title: Thing
                  description: A thing
                  type: object
                  required: [id]
                  additionalProperties: false
                  discriminator: { propertyName: object, mapping: { thing: '#/components/schemas/thing' } }
                  xml: { name: thing, namespace: 'https://example.com/ns', prefix: t, attribute: false, wrapped: true }
                  externalDocs: { url: 'https://example.com/thing' }
                  readOnly: false
                  writeOnly: false
                  deprecated: false
                  properties:
                    id: { type: string, maxLength: 20, minLength: 1, pattern: '^t_' }
                    count: { type: integer, minimum: 0, maximum: 100, exclusiveMinimum: true, exclusiveMaximum: false, multipleOf: 5 }
                    tags: { type: array, items: { type: string }, minItems: 0, maxItems: 3, uniqueItems: true }
                    meta: { type: object, additionalProperties: { type: string }, minProperties: 0, maxProperties: 9 }
                    kind: { oneOf: [{ type: string }, { $ref: '#/components/schemas/thing' }], nullable: true }
                    both: { allOf: [{ type: object }], anyOf: [{ type: object }], not: { type: string } }
              parameters:
                id: { name: id, in: path, required: true, schema: { type: string } }
              requestBodies:
                thing: { description: body, required: true, content: { application/x-www-form-urlencoded: { schema: { type: object }, encoding: { meta: { contentType: text/plain, style: deepObject, explode: true, allowReserved: false, headers: { X-E: { schema: { type: string } } } } } } } }
              responses:
                error: { description: error, content: { application/json: { schema: { type: object } } } }
              headers:
                rate: { description: a rate, schema: { type: integer } }
              examples:
                thing: { summary: a thing, value: { id: t_1 } }
              securitySchemes:
                basic: { type: http, scheme: basic, description: basic auth }
                bearer: { type: http, scheme: bearer, bearerFormat: JWT }
                key: { type: apiKey, name: key, in: header }
                oidc: { type: openIdConnect, openIdConnectUrl: 'https://example.com/.well-known' }
              x-components: { a: [1, 2] }
            x-root: root
            """;

        // The library reads it without a word, so the comparison below is a comparison of two documents.
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        OpenApiDocument library = new OpenApiStringReader(settings).Read(Spec, out OpenApiDiagnostic diagnostic);
        Assert.Empty(diagnostic.Errors.Select(e => e.Pointer + ": " + e.Message));
        Assert.NotNull(AssertReadsAsTheLibrary(Spec));

        // The same document as JSON, as the library writes it: read the same way again.
        var written = new StringWriter();
        library.SerializeAsV3(new Microsoft.OpenApi.Writers.OpenApiJsonWriter(written));
        Assert.NotNull(AssertReadsAsTheLibrary(written.ToString()));
    }

    [Fact]
    public void AnObjectTheReaderLeavesToTheLibrary_IsStillRead()
    {
        const string Spec = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          links:\n            self: {operationId: a}\n";

        OpenApiDocument document = SpecParser.Read(Spec, out OpenApiDiagnostic diagnostic);

        Assert.Empty(diagnostic.Errors);
        Assert.Equal("a", document.Paths["/a"].Operations[OperationType.Get].Responses["200"].Links["self"].OperationId);
    }

    private const string Minimal = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n";

    private static void AssertLeftToTheLibraryWhichReportsIt(string text)
    {
        Assert.True(Record.Exception(() => OpenApiEventReader.Read(text)) is LeftToLibraryException);
        OpenApiDiagnostic? diagnostic = null;
        Exception? thrown = Record.Exception(() => SpecParser.Read(text, out diagnostic));
        Assert.True(thrown is not null || diagnostic!.Errors.Count > 0, "the library read it without a word");
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
        catch (Exception) when (fast is null)
        {
            // Not an OpenAPI document the library reads (a fixtures file): the reader gave nothing either.
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
