using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.OpenApi.Interfaces;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace AccountLinkGen.Generator.Parsing.Reading;

/// <summary>
/// Reads an OpenAPI 3.0 document straight from SharpYaml's parser events into the OpenAPI library's object model,
/// the same objects the library's reader builds, without the YAML tree, the parse nodes and the per-node bookkeeping
/// that reader keeps in between. For Stripe's whole spec that is most of the time the generator spends.
/// </summary>
/// <remarks>
/// It reads a well-formed document the way the library does, field by field (see <c>OpenApiV3Deserializer</c> in
/// Microsoft.OpenApi.Readers 1.6), and then lets the library resolve the references. Everything else is left to the
/// library's reader, which reads the text again and reports in its own words: a syntax error, a field it does not
/// know, a value of the wrong kind, a duplicate key, a reference it cannot resolve, YAML anchors and tags, a node past
/// one of the library's limits, another OpenAPI version, and the objects Stripe's specs do not use (callbacks, links,
/// OAuth flows). So the fast read either gives the document the library would give, or nothing
/// (<see cref="LeftToLibraryException"/>); <c>OpenApiEventReaderTests</c> compares the two on every spec at hand.
/// One difference is on purpose: an escaped surrogate pair in a double-quoted scalar (an emoji as JSON writers
/// escape it) overruns the library's eight-character look-ahead and fails its read with an internal error; this
/// reader's parser reads the character.
/// </remarks>
internal sealed partial class OpenApiEventReader
{
    private const long MaxInputBytes = OpenApiReaderSettings.DefaultMaxInputByteCount;

    private readonly YamlEvents _events;

    private OpenApiEventReader(string text) => _events = new YamlEvents(text);

    /// <summary>
    /// The document, or null when the library's reader has to read the text. Whatever goes wrong ends in null: the
    /// library reads the text then, so a user's build never depends on this reader being right about an odd text
    /// (the tests call <see cref="Read"/>, which lets a mistake of the reader's through).
    /// </summary>
    public static OpenApiDocument? TryRead(string text)
    {
        try
        {
            return Read(text);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The document; <see cref="LeftToLibraryException"/> for a text the library reads its own way, and SharpYaml's
    /// <c>YamlException</c> for one that is no YAML, as the library's reader meets it too.
    /// </summary>
    internal static OpenApiDocument Read(string text)
    {
        if (text.Length > MaxInputBytes / 3 && Encoding.UTF8.GetByteCount(text) > MaxInputBytes)
        {
            // Past the library's input limit: it says so.
            throw new LeftToLibraryException();
        }

        var reader = new OpenApiEventReader(text);
        OpenApiDocument document = reader.ReadDocument();
        reader._events.EndDocument();
        if (document.ResolveReferences().Any())
        {
            throw new LeftToLibraryException();
        }

        return document;
    }

    private OpenApiDocument ReadDocument()
    {
        var document = new OpenApiDocument();
        string? version = null;
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            switch (key)
            {
                case "openapi": version = ReadString(); break;
                case "info": document.Info = ReadInfo(); break;
                case "servers": document.Servers = ReadList(ReadServer); break;
                case "paths": document.Paths = ReadPaths(); break;
                case "components": document.Components = ReadComponents(); break;
                case "tags": document.Tags = ReadDocumentTags(); break;
                case "externalDocs": document.ExternalDocs = ReadExternalDocs(); break;
                case "security": document.SecurityRequirements = ReadList(ReadSecurityRequirement); break;
                default: ReadExtension(document, key); break;
            }
        }

        if (version is null || !HasPrefix(version, "3.0"))
        {
            // No 'openapi' field (perhaps Swagger 2.0), or another version: the library tells which.
            throw new LeftToLibraryException();
        }

        return document;
    }

    private OpenApiComponents ReadComponents() => ReadObject<OpenApiComponents>(static (reader, components, key) => reader.ComponentsField(components, key));

    private void ComponentsField(OpenApiComponents components, string key)
    {
        switch (key)
        {
            case "schemas": components.Schemas = ReadComponentMap(ReadSchema, ReferenceType.Schema); break;
            case "responses": components.Responses = ReadComponentMap(ReadResponse, ReferenceType.Response); break;
            case "parameters": components.Parameters = ReadComponentMap(ReadParameter, ReferenceType.Parameter); break;
            case "examples": components.Examples = ReadComponentMap(ReadExample, ReferenceType.Example); break;
            case "requestBodies": components.RequestBodies = ReadComponentMap(ReadRequestBody, ReferenceType.RequestBody); break;
            case "headers": components.Headers = ReadComponentMap(ReadHeader, ReferenceType.Header); break;
            case "securitySchemes": components.SecuritySchemes = ReadComponentMap(ReadSecurityScheme, ReferenceType.SecurityScheme); break;
            case "links" or "callbacks": throw new LeftToLibraryException();
            default: ReadExtension(components, key); break;
        }
    }

    /// <summary>A map of components, each pointing to itself unless it is a reference to another.</summary>
    private Dictionary<string, T> ReadComponentMap<T>(Func<T> read, ReferenceType type)
        where T : IOpenApiReferenceable
    {
        Dictionary<string, T> components = ReadMap(read);
        foreach (KeyValuePair<string, T> component in components)
        {
            component.Value.Reference ??= new OpenApiReference { Type = type, Id = component.Key };
        }

        return components;
    }

    /// <summary>An object read field by field: each key of its mapping goes to <paramref name="readField"/>.</summary>
    private T ReadObject<T>(Action<OpenApiEventReader, T, string> readField)
        where T : new()
    {
        var target = new T();
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            readField(this, target, key);
        }

        return target;
    }

    /// <summary>
    /// An object that may be a <c>$ref</c> instead (a local reference to a component of <paramref name="type"/>). The
    /// library reads nothing else of a reference: once the <c>$ref</c> is known the rest is skipped, and the fields read
    /// before it are dropped with the object.
    /// </summary>
    private T ReadReferenceable<T>(ReferenceType type, Action<OpenApiEventReader, T, string> readField)
        where T : IOpenApiReferenceable, new()
    {
        var target = new T();
        string? pointer = null;
        _events.EnterMapping();
        while (_events.NextKey() is { } key)
        {
            if (pointer is not null)
            {
                _events.Skip();
            }
            else if (key == "$ref")
            {
                pointer = ReadString();
            }
            else
            {
                readField(this, target, key);
            }
        }

        return pointer is null ? target : new T { UnresolvedReference = true, Reference = Reference(pointer, type) };
    }

    private List<T> ReadList<T>(Func<T> read)
    {
        var list = new List<T>();
        _events.EnterSequence();
        while (_events.NextItem())
        {
            list.Add(read());
        }

        return list;
    }

    private Dictionary<string, T> ReadMap<T>(Func<T> read)
    {
        var map = new Dictionary<string, T>();
        _events.EnterMap();
        while (_events.NextKey() is { } key)
        {
            map.Add(key, read());
        }

        return map;
    }

    /// <summary>An <c>x-</c> field, typed as the library types it; any other unknown field is the library's error.</summary>
    private void ReadExtension(IOpenApiExtensible target, string key)
    {
        if (!HasPrefix(key, "x-"))
        {
            throw new LeftToLibraryException();
        }

        target.Extensions[key] = AnyValues.Typed(_events.ReadAny());
    }

    private string ReadString() => _events.ReadScalar();

    private bool ReadBool() => bool.TryParse(ReadString(), out bool value) ? value : throw new LeftToLibraryException();

    private int ReadInt32() =>
        int.TryParse(ReadString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : throw new LeftToLibraryException();

    /// <summary>A decimal; one past decimal's range the library replaces with a bound, so it reads that one.</summary>
    private decimal ReadDecimal() =>
        decimal.TryParse(ReadString(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) ? value : throw new LeftToLibraryException();

    private Uri ReadUri(UriKind kind = UriKind.RelativeOrAbsolute) => new(ReadString(), kind);

    /// <summary>
    /// Whether the key starts with the prefix as the library decides it: with the current culture, which ignores some
    /// characters an ordinal comparison sees. A key of printable ASCII compares the same both ways; any other key
    /// where the two disagree is left to the library.
    /// </summary>
    private static bool HasPrefix(string key, string prefix)
    {
        bool ordinal = key.StartsWith(prefix, StringComparison.Ordinal);
        if (IsPrintableAscii(key) || ordinal == key.StartsWith(prefix, StringComparison.CurrentCulture))
        {
            return ordinal;
        }

        throw new LeftToLibraryException();
    }

    private static bool IsPrintableAscii(string text)
    {
        foreach (char c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A local reference to a component of the kind the field holds (<c>#/components/schemas/name</c>); any other
    /// (another file, another kind, a path) is left to the library.
    /// </summary>
    private static OpenApiReference Reference(string pointer, ReferenceType type)
    {
        string prefix = "#/components/" + WireEnums.ComponentsKey(type) + "/";
        if (!pointer.StartsWith(prefix, StringComparison.Ordinal)
            || pointer.Length == prefix.Length
            || pointer.IndexOf('/', prefix.Length) >= 0
            || pointer.IndexOf('#', 1) >= 0)
        {
            throw new LeftToLibraryException();
        }

        return new OpenApiReference { Type = type, Id = pointer.Substring(prefix.Length) };
    }
}
