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
/// Requests one page of a list synchronously; see <see cref="StripeListPageRequest{T}"/>. It exists for generated
/// code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate StripeList<T> StripeListPageSend<T>(string? startingAfter, string? endingBefore, CancellationToken cancellationToken);

/// <summary>
/// Requests one page of a search's results synchronously; see <see cref="StripeSearchPageRequest{T}"/>. It exists
/// for generated code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate StripeSearchResult<T> StripeSearchPageSend<T>(string? page, CancellationToken cancellationToken);

/// <summary>
/// The loops behind the generated auto-paging methods: <c>ListAutoPagingAsync</c> and <c>SearchAutoPagingAsync</c>,
/// and their synchronous twins <c>ListAutoPaging</c> and <c>SearchAutoPaging</c>. Each page is an ordinary request,
/// with its own retries; one page is held at a time; cancellation is checked before each page. Where the walk goes
/// next is decided once, by <see cref="ListCursor"/> and <see cref="SearchCursor"/>, for both. It exists for
/// generated code and is not a supported API.
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
        var cursor = new ListCursor(startingAfter, endingBefore);
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            StripeList<T> page = await requestPage(cursor.StartingAfter, cursor.EndingBefore, cancellationToken).ConfigureAwait(false);
            string? last = null;
            foreach (T item in cursor.InOrder(page))
            {
                last = idOf(item);
                yield return item;
            }

            cursor.MoveAfter(page.HasMore, last);
        }
        while (!cursor.Done);
    }

    /// <summary>The synchronous twin of <see cref="List{T}"/>: the same walk, each page requested by blocking.</summary>
    /// <inheritdoc cref="List{T}" path="/param"/>
    public static IEnumerable<T> EnumerateList<T>(
        StripeListPageSend<T> requestPage,
        Func<T, string?> idOf,
        string? startingAfter,
        string? endingBefore,
        CancellationToken cancellationToken = default)
    {
        Throw.IfNull(requestPage, nameof(requestPage));
        Throw.IfNull(idOf, nameof(idOf));
        return Walk();

        IEnumerable<T> Walk()
        {
            var cursor = new ListCursor(startingAfter, endingBefore);
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                StripeList<T> page = requestPage(cursor.StartingAfter, cursor.EndingBefore, cancellationToken);
                string? last = null;
                foreach (T item in cursor.InOrder(page))
                {
                    last = idOf(item);
                    yield return item;
                }

                cursor.MoveAfter(page.HasMore, last);
            }
            while (!cursor.Done);
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
        var cursor = new SearchCursor();
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            StripeSearchResult<T> page = await requestPage(cursor.Page, cancellationToken).ConfigureAwait(false);
            foreach (T item in page.Data)
            {
                yield return item;
            }

            cursor.MoveTo(page);
        }
        while (!cursor.Done);
    }

    /// <summary>The synchronous twin of <see cref="Search{T}"/>: the same walk, each page requested by blocking.</summary>
    /// <inheritdoc cref="Search{T}" path="/param"/>
    public static IEnumerable<T> EnumerateSearch<T>(StripeSearchPageSend<T> requestPage, CancellationToken cancellationToken = default)
    {
        Throw.IfNull(requestPage, nameof(requestPage));
        return Walk();

        IEnumerable<T> Walk()
        {
            var cursor = new SearchCursor();
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                StripeSearchResult<T> page = requestPage(cursor.Page, cancellationToken);
                foreach (T item in page.Data)
                {
                    yield return item;
                }

                cursor.MoveTo(page);
            }
            while (!cursor.Done);
        }
    }

    /// <summary>
    /// Where a list's walk is: the cursor of the next page, and its direction. It goes backwards when the caller set
    /// <c>ending_before</c> and not <c>starting_after</c>: each page's objects then come newest last, and the next
    /// page ends before the last object yielded.
    /// </summary>
    private struct ListCursor(string? startingAfter, string? endingBefore)
    {
        private readonly bool _backward = string.IsNullOrEmpty(startingAfter) && !string.IsNullOrEmpty(endingBefore);
        private string? _cursor;

        /// <summary>The next page's <c>starting_after</c>; null for the first, which goes out with the caller's own options.</summary>
        public readonly string? StartingAfter => _backward ? null : _cursor;

        /// <summary>The next page's <c>ending_before</c>; null for the first.</summary>
        public readonly string? EndingBefore => _backward ? _cursor : null;

        public bool Done { get; private set; }

        /// <summary>The page's objects in the order they are yielded; walking backwards, the page's own list is reversed in place.</summary>
        public readonly IEnumerable<T> InOrder<T>(StripeList<T> page)
        {
            if (_backward)
            {
                page.Data.Reverse();
            }

            return page.Data;
        }

        /// <summary>
        /// Moves past a page whose last yielded object had the ID <paramref name="last"/>. An object without an ID
        /// cannot be paged past, and a cursor that did not move would fetch the same page forever: either way the
        /// walk ends rather than repeat a page.
        /// </summary>
        public void MoveAfter(bool hasMore, string? last)
        {
            Done = !hasMore || string.IsNullOrEmpty(last) || last == _cursor;
            _cursor = last;
        }
    }

    /// <summary>Where a search's walk is: the <c>next_page</c> to send as <c>page</c>, null for the first.</summary>
    private struct SearchCursor
    {
        public string? Page { get; private set; }

        public bool Done { get; private set; }

        public void MoveTo<T>(StripeSearchResult<T> page)
        {
            Done = !page.HasMore || string.IsNullOrEmpty(page.NextPage) || page.NextPage == Page;
            Page = page.NextPage;
        }
    }
}
