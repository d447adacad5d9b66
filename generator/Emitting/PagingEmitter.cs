using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using static AccountLinkGen.Generator.Emitting.ServiceEmitter; // the parameter names every method of an operation shares

namespace AccountLinkGen.Generator.Emitting;

/// <summary>
/// Emits a paging operation's auto-paging methods (<c>ListAutoPagingAsync</c>, <c>SearchAutoPagingAsync</c> and their
/// synchronous twins <c>ListAutoPaging</c>, <c>SearchAutoPaging</c>), which only wire the operation's own method into
/// the runtime's loop, and the static method by which its options copy
/// themselves for each page after the first, so that the caller's options never change.
/// </summary>
internal static class PagingEmitter
{
    /// <param name="pathParameters">The operation's path parameters, as its methods declare them.</param>
    /// <param name="members">The service's members, which the method's lambdas must not hide.</param>
    /// <param name="method">Which of the two to write, and the cref of the method that requests one page for it.</param>
    public static void WriteMethod(SourceWriter writer, OperationModel operation, List<(PathParameterModel Model, string Name)> pathParameters, IEnumerable<string> members, PagingMethod method)
    {
        LocalNames names = Naming.Locals(members.Concat(new[] { Options, RequestOptions, CancellationToken }).Concat(pathParameters.Select(p => p.Name)));
        string pageMethodCref = method.PageMethodCref;
        bool cancellable = method.Shape.TakesCancellation(method.Sync);
        PagingModel paging = operation.Paging!;
        bool list = paging.IsList;
        string item = TypeNames.Spell(operation.Response.Item!, readOnlyCollections: true);
        string options = operation.OptionsClass!;
        writer.WriteLine(list
            ? $"/// <summary>Every object of the list, page after page: each page is one request of <see cref=\"{pageMethodCref}\"/>.</summary>"
            : $"/// <summary>Every result of the search, page after page: each page is one request of <see cref=\"{pageMethodCref}\"/>.</summary>");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine(list
            ? "/// Each next page starts after the last object of the one before (<c>starting_after</c>); when the options set"
              + "\n/// <c>ending_before</c> and not <c>starting_after</c>, the walk goes backwards, each page's objects newest last."
            : "/// Each next page is the <c>next_page</c> of the one before, sent as <c>page</c>.");
        writer.WriteLine("/// Nothing is sent until the objects are enumerated; one page is held at a time, each page is retried on its own,");
        writer.WriteLine("/// and the options are copied for each page after the first, never changed.");
        writer.WriteLine("/// </remarks>");
        foreach (var (parameter, name) in pathParameters)
        {
            writer.WriteLine($"/// <param name=\"{name}\">The <c>{DocText.EscapeXml(parameter.WireName)}</c> path parameter.</param>");
        }

        writer.WriteLine($"/// <param name=\"{Options}\">The parameters of the first page; validated before anything is sent.</param>");
        writer.WriteLine($"/// <param name=\"{RequestOptions}\">Per-request idempotency key, connected account and API version, for every page.</param>");
        if (cancellable)
        {
            writer.WriteLine($"/// <param name=\"{CancellationToken}\">Cancels the walk: checked before each page, and passed to each request.</param>");
        }

        writer.WriteLine(method.Sync
            ? "/// <returns>The objects, requested a page at a time, by blocking, as they are enumerated.</returns>"
            : "/// <returns>The objects, requested a page at a time as they are enumerated.</returns>");
        ServiceEmitter.WriteExceptions(writer, operation, method.Sync, cancellable);

        var arguments = pathParameters.ConvertAll(p => Naming.Identifier(p.Name));
        string pageMethod = method.Sync ? operation.Names.Sync : operation.Names.Async;
        string runtimeMethod = (list, method.Sync) switch
        {
            (true, false) => "List",
            (true, true) => "EnumerateList",
            (false, false) => "Search",
            (false, true) => "EnumerateSearch",
        };
        string returned = method.Sync ? $"global::System.Collections.Generic.IEnumerable<{item}>" : $"global::System.Collections.Generic.IAsyncEnumerable<{item}>";
        ServiceEmitter.WriteSignature(writer, $"{method.Shape.MethodModifiers} {returned} {(method.Sync ? paging.SyncMethodName : paging.MethodName)}", operation, pathParameters, cancellable);
        using (writer.Braces())
        {
            // Checked now, not when the first page is requested: the caller learns of a bad argument at the call.
            ServiceEmitter.WriteArgumentChecks(writer, operation, pathParameters);
            // Each page's request takes the walk's token, which a page method without one has no use for.
            string token = names.Declare("token");
            string pageToken = cancellable ? ", " + token : string.Empty;
            string member = operation.OptionsRequired ? "." : "?.";
            if (list)
            {
                string startingAfter = names.Declare("startingAfter");
                string endingBefore = names.Declare("endingBefore");
                string listed = names.Declare("item");
                arguments.Add($"{options}.{Naming.PageOptionsMethod}({Options}, {startingAfter}, {endingBefore})");
                writer.WriteLine($"return {TypeNames.Runtime}.StripeAutoPaging.{runtimeMethod}<{item}>(");
                writer.Indentation++;
                writer.WriteLine($"({startingAfter}, {endingBefore}, {token}) => {pageMethod}({string.Join(", ", arguments)}, {RequestOptions}{pageToken}),");
                writer.WriteLine($"static {listed} => {string.Join(" ?? ", paging.ItemIds.Select(id => id.Variant is null ? $"{listed}.{id.Id}" : $"{listed}.{id.Variant}?.{id.Id}"))},");
                writer.WriteLine($"{Options}{member}{paging.Cursor},");
                writer.WriteLine(paging.BackwardCursor is { } backward ? $"{Options}{member}{backward}," : "null,");
            }
            else
            {
                string page = names.Declare("page");
                arguments.Add($"{options}.{Naming.PageOptionsMethod}({Options}, {page})");
                writer.WriteLine($"return {TypeNames.Runtime}.StripeAutoPaging.{runtimeMethod}<{item}>(");
                writer.Indentation++;
                writer.WriteLine($"({page}, {token}) => {pageMethod}({string.Join(", ", arguments)}, {RequestOptions}{pageToken}),");
            }

            writer.WriteLine($"{method.Shape.Token(method.Sync)});");
            writer.Indentation--;
        }
    }

    /// <summary>One of an operation's two auto-paging methods.</summary>
    /// <param name="Sync">Whether it is the synchronous twin (<c>ListAutoPaging</c>), which returns an <c>IEnumerable&lt;T&gt;</c>.</param>
    /// <param name="PageMethodCref">A cref to the method that requests one page: <c>List</c> for the twin, else <c>ListAsync</c>.</param>
    /// <param name="Shape">How the service declares its methods.</param>
    public readonly record struct PagingMethod(bool Sync, string PageMethodCref, MethodShape Shape);

    /// <summary>Writes the part of the operation's options class that copies them for one page.</summary>
    public static void WriteOptionsCopy(SourceWriter writer, OperationModel operation)
    {
        PagingModel paging = operation.Paging!;
        string options = operation.OptionsClass!;
        string nullable = operation.OptionsRequired ? string.Empty : "?";
        bool list = paging.IsList;
        var cursors = new List<(string Parameter, string Property)>();
        if (list)
        {
            cursors.Add(("startingAfter", paging.Cursor));
            cursors.Add(("endingBefore", paging.BackwardCursor ?? string.Empty));
        }
        else
        {
            cursors.Add(("page", paging.Cursor));
        }

        // The class's own declaration carries the generated-code attribute, which a type may have only once.
        writer.WriteLine($"partial class {Naming.DeclaredName(options)}");
        using (writer.Braces())
        {
            writer.WriteLine($"/// <summary>");
            writer.WriteLine($"/// The options of one page of <c>{paging.MethodName}</c>: <paramref name=\"{Options}\"/> itself for the first page");
            writer.WriteLine("/// (every cursor null), else a copy of them with the cursor set, so that the caller's options never change.");
            writer.WriteLine("/// </summary>");
            var declared = new List<string> { $"{options}{nullable} {Options}" };
            foreach (var (parameter, _) in cursors)
            {
                declared.Add("string? " + parameter);
            }

            writer.WriteLine($"internal static {options}{nullable} {Naming.PageOptionsMethod}({string.Join(", ", declared)})");
            using (writer.Braces())
            {
                writer.WriteLine($"if ({string.Join(" && ", cursors.ConvertAll(c => c.Parameter + " is null"))})");
                using (writer.Braces())
                {
                    writer.WriteLine($"return {Options};");
                }

                writer.WriteLine();
                string copy = Naming.Locals(new[] { Options }.Concat(cursors.ConvertAll(c => c.Parameter))).Declare("copy");
                writer.WriteLine(operation.OptionsRequired
                    ? $"var {copy} = ({options}){Options}.MemberwiseClone();"
                    : $"var {copy} = {Options} is null ? new {options}() : ({options}){Options}.MemberwiseClone();");
                foreach (var (parameter, property) in cursors)
                {
                    if (cursors.Count == 1)
                    {
                        writer.WriteLine($"{copy}.{property} = {parameter};");
                    }
                    else if (property.Length > 0)
                    {
                        writer.WriteLine($"if ({parameter} is not null)");
                        using (writer.Braces())
                        {
                            writer.WriteLine($"{copy}.{property} = {parameter};");
                        }
                    }
                }

                writer.WriteLine();
                writer.WriteLine($"return {copy};");
            }
        }
    }
}
