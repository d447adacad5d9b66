using System.IO;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.Support;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Parsing;

/// <summary>
/// Lists and searches: an envelope of exactly Stripe's page shape is the runtime's page type of its items (no class
/// of its own), wherever it is; one with more fields keeps a class named after its items; list and search
/// operations get their auto-paging method. The spec is the runtime tests' customer list and search.
/// </summary>
public sealed class PageParsingTests
{
    private const string HasMore = "                  has_more:\n                    description: True if this list has another page of items after this one that can be fetched.\n                    type: boolean\n";

    private static string SpecText => File.ReadAllText(Path.Combine(Repo.Root, "tests", "AccountLinkGen.Runtime.Tests", "Specs", "paging.yaml")).Replace("\r\n", "\n");

    [Fact]
    public void ExactPages_AreTheRuntimesTypes_AndPageThemselves()
    {
        SpecModel model = ModelBuilder.Parse(SpecText);

        Assert.Empty(model.Diagnostics);
        OperationModel list = model.Operations.Single(o => o.MethodName == "ListAsync");
        Assert.Equal(new TypeRef(TypeKind.List, Item: new TypeRef(TypeKind.Object, "Customer")), list.Response);
        Assert.Equal(new PagingModel("ListAutoPagingAsync", "ListAutoPaging", new[] { new ItemIdModel(null, "Id") }.ToEquatableArray(), "StartingAfter", "EndingBefore"), list.Paging);

        OperationModel search = model.Operations.Single(o => o.MethodName == "SearchAsync");
        Assert.Equal(new TypeRef(TypeKind.SearchResult, Item: new TypeRef(TypeKind.Object, "Customer")), search.Response);
        Assert.Equal(("SearchAutoPagingAsync", "SearchAutoPaging", "Page", false), (search.Paging!.MethodName, search.Paging.SyncMethodName, search.Paging.Cursor, search.Paging.IsList));

        // Expanded lists inside an object are pages too, and no envelope is a class of its own.
        ResponsePropertyModel subscriptions = model.Responses.Single(r => r.Name == "Customer").Properties.Single(p => p.WireName == "subscriptions");
        Assert.Equal(new TypeRef(TypeKind.List, Item: new TypeRef(TypeKind.Object, "Subscription")), subscriptions.Type);
        Assert.Equal(new[] { "Customer", "Subscription" }, model.Responses.Select(r => r.Name).OrderBy(n => n));
    }

    [Fact]
    public void AListWithMoreThanAPagesFields_KeepsAClassNamedAfterItsItems_AndDoesNotPage()
    {
        string text = SpecText;
        Assert.Contains(HasMore, text);
        int first = text.IndexOf(HasMore, System.StringComparison.Ordinal);
        text = text.Insert(first + HasMore.Length, "                  summary:\n                    maxLength: 5000\n                    type: string\n");

        SpecModel model = ModelBuilder.Parse(text);

        Assert.Empty(model.Diagnostics);
        OperationModel list = model.Operations.Single(o => o.MethodName == "ListAsync");
        Assert.Equal(new TypeRef(TypeKind.Object, "CustomerList"), list.Response);
        Assert.Null(list.Paging);
        ResponseModel envelope = model.Responses.Single(r => r.Name == "CustomerList");
        Assert.Equal(new[] { "data", "has_more", "summary", "object", "url" }, envelope.Properties.Select(p => p.WireName));
    }
}
