using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;

/// <summary>
/// What one request must carry: every value the harness set, leaf by leaf, keyed as Stripe's wire writes it
/// (<c>collection_options[fields]</c>, <c>expand[0]</c>) and written as the spec spells it (an enum's wire string
/// from the spec, never from the generated <c>ToWireName</c>). A sent request is decoded with ASP.NET Core's
/// <see cref="QueryHelpers"/>, a parser this project did not write, so a member the encoder drops or a value it
/// changes is seen whatever the encoder believes it wrote.
/// </summary>
internal sealed class SentForm
{
    private readonly List<(string Key, string Value)> _expected = new();

    public IReadOnlyList<(string Key, string Value)> Expected => _expected;

    public void Expect(string key, string value)
    {
        lock (_expected)
        {
            _expected.Add((key, value));
        }
    }

    /// <summary>
    /// What <paramref name="request"/> (as captured: <c>METHOD /path?query body</c>) lacks or sends otherwise; empty
    /// when it carries every expected value. A multipart body is not a form and is not read here (the upload's own
    /// parts are checked by the runtime's file tests, against ASP.NET Core's multipart reader).
    /// </summary>
    public List<string> Differences(string request)
    {
        if (FormOf(request) is not { } form)
        {
            return new List<string>();
        }

        Dictionary<string, StringValues> sent = QueryHelpers.ParseQuery(form);
        var differences = new List<string>();
        foreach ((string key, string value) in _expected)
        {
            if (!sent.TryGetValue(key, out StringValues values))
            {
                differences.Add($"the request lacks {key} (set to '{value}')");
            }
            else if (values.Count != 1 || values[0] != value)
            {
                // Stripe's form names each key once: a second value, even beside the right one, is a difference.
                differences.Add($"{key} was sent as '{values}', not the '{value}' set");
            }
        }

        return differences;
    }

    /// <summary>The form of a captured request: its body, else its query string; null for a multipart body.</summary>
    private static string? FormOf(string request)
    {
        int pathStart = request.IndexOf(' ', StringComparison.Ordinal) + 1;
        int bodyStart = request.IndexOf(' ', pathStart);
        if (bodyStart > 0)
        {
            string body = request.Substring(bodyStart + 1);
            return body.StartsWith("--", StringComparison.Ordinal) ? null : body;
        }

        string pathAndQuery = request.Substring(pathStart);
        int query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? string.Empty : pathAndQuery.Substring(query + 1);
    }
}
