using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// Which operations page themselves: a GET returning a page of a list whose options take <c>starting_after</c> and
/// whose items have an <c>id</c> to page past, and a GET returning a search's results whose options take
/// <c>page</c>. A list of a union of objects pages by the ID of whichever object came back; a list of items without
/// an ID gets no auto-paging method: the caller pages it with <c>starting_after</c> by hand.
/// </summary>
internal static class PagingReader
{
    private const string StartingAfter = "starting_after";
    private const string EndingBefore = "ending_before";
    private const string Page = "page";

    /// <summary>The operation with its <see cref="OperationModel.Paging"/> set where it can page itself.</summary>
    public static OperationModel WithPaging(OperationModel operation, GeneratedTypes types)
    {
        if (operation.HttpMethod != "GET" || operation.OptionsClass is null || types.OptionsOf(operation.OptionsClass) is not { } options)
        {
            return operation;
        }

        string? Property(string wireName) => options.Properties.FirstOrDefault(p => p.WireName == wireName && p.Type.Kind == TypeKind.String)?.Name;
        string method = Naming.AutoPagingMethod(operation.MethodName);
        string syncMethod = Naming.SyncAutoPagingMethod(operation.MethodName);
        switch (operation.Response)
        {
            case { Kind: TypeKind.SearchResult } when Property(Page) is { } page:
                return operation with { Paging = new PagingModel(method, syncMethod, EquatableArray<ItemIdModel>.Empty, page, null) };
            case { Kind: TypeKind.List, Item: { Kind: TypeKind.Object, Name: { } item } }
                when Property(StartingAfter) is { } cursor && ItemIds(types, item) is { Count: > 0 } ids:
                return operation with { Paging = new PagingModel(method, syncMethod, ids.ToEquatableArray(), cursor, Property(EndingBefore)) };
            default:
                return operation;
        }
    }

    /// <summary>
    /// Where a list's item holds its ID: its string <c>id</c> field, or, for a union, each object's; empty when it, or
    /// one of a union's objects, has none.
    /// </summary>
    private static List<ItemIdModel> ItemIds(GeneratedTypes types, string item)
    {
        var ids = new List<ItemIdModel>();
        if (types.ResponseOf(item) is not { } model)
        {
            return ids;
        }

        if (model.Variants.Count == 0)
        {
            if (Id(types, item) is { } id)
            {
                ids.Add(new ItemIdModel(null, id));
            }

            return ids;
        }

        foreach (ResponseVariantModel variant in model.Variants)
        {
            if (Id(types, variant.TypeName) is not { } id)
            {
                return new List<ItemIdModel>();
            }

            ids.Add(new ItemIdModel(variant.PropertyName, id));
        }

        return ids;
    }

    private static string? Id(GeneratedTypes types, string model) =>
        types.ResponseOf(model)?.Properties.FirstOrDefault(p => p is { WireName: "id", Type.Kind: TypeKind.String })?.Name;
}
