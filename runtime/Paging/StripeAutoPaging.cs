using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace AccountLinkGen;

/// <summary>
/// Requests one page of a list: the first with the caller's own options (both cursors null), each later one with a
/// copy of them whose <c>starting_after</c> (or, walking backwards, <c>ending_before</c>) is the given ID. It exists
/// for generated code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate Task<StripeList<T>> StripeListPageRequest<T>(string? startingAfter, string? endingBefore, CancellationToken cancellationToken);

/// <summary>
/// Requests one page of a search's results: the first with the caller's own options (<paramref name="page"/> null),
/// each later one with a copy of them whose <c>page</c> is the previous page's <c>next_page</c>. It exists for
/// generated code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate Task<StripeSearchResult<T>> StripeSearchPageRequest<T>(string? page, CancellationToken cancellationToken);

/// <summary>
/// The loops behind the generated <c>ListAutoPagingAsync</c> and <c>SearchAutoPagingAsync</c> methods. Each page is
/// an ordinary request, with its own retries; one page is held at a time; cancellation is checked before each page.
/// It exists for generated code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StripeAutoPaging
{
    /// <summary>
    /// Every object of a list, page after page, until a page says <c>has_more: false</c>. The walk goes backwards
    /// when the caller set <c>ending_before</c> and not <c>starting_after</c>: each page's objects then come newest
    /// last, and the next page ends before the last object yielded.
    /// </summary>
    /// <param name="requestPage">Requests one page.</param>
    /// <param name="idOf">The ID of an object, which the next page starts after (or ends before).</param>
    /// <param name="startingAfter">The caller's <c>starting_after</c>.</param>
    /// <param name="endingBefore">The caller's <c>ending_before</c>.</param>
    /// <param name="cancellationToken">Cancels the walk between pages and the request in flight.</param>
    public static async IAsyncEnumerable<T> List<T>(
        StripeListPageRequest<T> requestPage,
        Func<T, string?> idOf,
        string? startingAfter,
        string? endingBefore,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Throw.IfNull(requestPage, nameof(requestPage));
        Throw.IfNull(idOf, nameof(idOf));
        bool backward = string.IsNullOrEmpty(startingAfter) && !string.IsNullOrEmpty(endingBefore);
        string? cursor = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            StripeList<T> page = await requestPage(backward ? null : cursor, backward ? cursor : null, cancellationToken).ConfigureAwait(false);
            if (backward)
            {
                page.Data.Reverse();
            }

            string? last = null;
            foreach (T item in page.Data)
            {
                last = idOf(item);
                yield return item;
            }

            // An object without an ID cannot be paged past, and a cursor that did not move would fetch the same page
            // forever: either way the walk ends rather than repeat a page.
            if (!page.HasMore || string.IsNullOrEmpty(last) || last == cursor)
            {
                yield break;
            }

            cursor = last;
        }
    }

    /// <summary>Every result of a search, page after page, following <c>next_page</c> until a page has none.</summary>
    /// <param name="requestPage">Requests one page.</param>
    /// <param name="cancellationToken">Cancels the walk between pages and the request in flight.</param>
    public static async IAsyncEnumerable<T> Search<T>(
        StripeSearchPageRequest<T> requestPage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Throw.IfNull(requestPage, nameof(requestPage));
        string? next = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            StripeSearchResult<T> page = await requestPage(next, cancellationToken).ConfigureAwait(false);
            foreach (T item in page.Data)
            {
                yield return item;
            }

            if (!page.HasMore || string.IsNullOrEmpty(page.NextPage) || page.NextPage == next)
            {
                yield break;
            }

            next = page.NextPage;
        }
    }
}
