using System.Collections;
using System.Collections.Generic;

namespace AccountLinkGen;

/// <summary>
/// One page of a Stripe list (<c>object: list</c>): the objects on it, whether more follow, and the list's URL.
/// Every list operation returns one, and so does every expanded list inside an object (a customer's
/// <c>subscriptions</c>). To walk all pages, call the service's <c>ListAutoPagingAsync</c>.
/// </summary>
/// <typeparam name="T">The objects listed.</typeparam>
public sealed class StripeList<T> : IEnumerable<T>
{
    /// <summary>The objects on this page, in the order Stripe sent them.</summary>
    public List<T> Data { get; init; } = new();

    /// <summary>Whether more objects follow this page (<c>has_more</c>).</summary>
    public bool HasMore { get; init; }

    /// <summary>The URL the list is found at, such as <c>/v1/customers</c>.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>Enumerates the objects on this page only.</summary>
    public List<T>.Enumerator GetEnumerator() => Data.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => Data.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Data.GetEnumerator();
}
