using System.Collections;
using System.Collections.Generic;

namespace AccountLinkGen;

/// <summary>
/// One page of a search's results (<c>object: search_result</c>): the objects found, whether more follow, and the
/// cursor of the next page. To walk all pages, call the service's <c>SearchAutoPagingAsync</c>.
/// </summary>
/// <typeparam name="T">The objects found.</typeparam>
public sealed class StripeSearchResult<T> : IEnumerable<T>
{
    /// <summary>The objects on this page, in the order Stripe sent them.</summary>
    public List<T> Data { get; init; } = new();

    /// <summary>Whether more results follow this page (<c>has_more</c>).</summary>
    public bool HasMore { get; init; }

    /// <summary>The URL of the search, such as <c>/v1/customers/search</c>.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>The cursor to send as <c>page</c> for the next page (<c>next_page</c>); null on the last page.</summary>
    public string? NextPage { get; init; }

    /// <summary>The number of objects found across all pages, when the request expanded <c>total_count</c>; else null.</summary>
    public long? TotalCount { get; init; }

    /// <summary>Enumerates the objects on this page only.</summary>
    public List<T>.Enumerator GetEnumerator() => Data.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => Data.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Data.GetEnumerator();
}
