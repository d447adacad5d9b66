using System;
using Microsoft.OpenApi.Models;

namespace AccountLinkGen.Generator.Parsing.Reading;

/// <summary>
/// The OpenAPI names of the library's enums that <see cref="OpenApiEventReader"/> reads, spelled as the specification
/// spells them. A name the library would not know is the library's to report.
/// </summary>
internal static class WireEnums
{
    /// <summary>A parameter's <c>in</c>; null for a name that is none (the library then leaves <c>In</c> unset).</summary>
    public static ParameterLocation? Location(string name) => name switch
    {
        "query" => ParameterLocation.Query,
        "header" => ParameterLocation.Header,
        "path" => ParameterLocation.Path,
        "cookie" => ParameterLocation.Cookie,
        _ => null,
    };

    public static ParameterStyle Style(string name) => name switch
    {
        "matrix" => ParameterStyle.Matrix,
        "label" => ParameterStyle.Label,
        "form" => ParameterStyle.Form,
        "simple" => ParameterStyle.Simple,
        "spaceDelimited" => ParameterStyle.SpaceDelimited,
        "pipeDelimited" => ParameterStyle.PipeDelimited,
        "deepObject" => ParameterStyle.DeepObject,
        _ => throw new LeftToLibraryException(),
    };

    public static SecuritySchemeType SchemeType(string name) => name switch
    {
        "apiKey" => SecuritySchemeType.ApiKey,
        "http" => SecuritySchemeType.Http,
        "oauth2" => SecuritySchemeType.OAuth2,
        "openIdConnect" => SecuritySchemeType.OpenIdConnect,
        _ => throw new LeftToLibraryException(),
    };

    /// <summary>The key under <c>components</c> that holds the kind.</summary>
    public static string ComponentsKey(ReferenceType type) => type switch
    {
        ReferenceType.Schema => "schemas",
        ReferenceType.Response => "responses",
        ReferenceType.Parameter => "parameters",
        ReferenceType.Example => "examples",
        ReferenceType.RequestBody => "requestBodies",
        ReferenceType.Header => "headers",
        ReferenceType.SecurityScheme => "securitySchemes",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no components map the reader reads"),
    };
}
