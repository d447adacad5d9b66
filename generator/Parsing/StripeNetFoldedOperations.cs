using System;
using System.Collections.Generic;
using System.Linq;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;

namespace AccountLinkGen.Generator.Parsing;

/// <summary>
/// For <c>AccountLinkGenCompatibility=StripeNet</c>: an operation under another resource's item is a method of the
/// parent's service, as in Stripe.net, instead of a service of its own, where it
/// <list type="bullet">
/// <item>lists or retrieves a resource that has a service of its own (<c>GET /v1/customers/{customer}/payment_methods</c>
/// lists payment methods, which <c>PaymentMethodService</c> serves):
/// <c>CustomerService.ListPaymentMethods(customer, CustomerListPaymentMethodsOptions)</c> and
/// <c>RetrievePaymentMethod(customer, id)</c>;</item>
/// <item>reads or changes a part of the parent, a resource named as the parent and the path's word
/// (<c>/v1/treasury/financial_accounts/{financial_account}/features</c> answers with a financial account's features):
/// <c>FinancialAccountService.RetrieveFeatures(id)</c> and <c>UpdateFeatures</c>;</item>
/// <item>only makes one object on the parent, a resource named as the path's word and never read there
/// (<c>POST /v1/customers/{customer}/funding_instructions</c>): <c>CustomerService.CreateFundingInstructions</c>,
/// whose nested classes are named after the parent (<c>CustomerBankTransferOptions</c>).</item>
/// </list>
/// A method or class name the parent's service or another type already has leaves the operation where it was.
/// </summary>
internal static class StripeNetFoldedOperations
{
    private const string List = "List";
    private const string Get = "Get";
    private const string Retrieve = "Retrieve";
    private const string Post = "Post";

    public static SpecModel Apply(SpecModel spec)
    {
        var options = StripeNetNamespaces.OptionsByName(spec);
        var renames = new StripeNetRenames(spec);
        var ownServices = OwnServices(spec);
        var parents = spec.Operations
            .Where(o => StripeNetNamespaces.ItemPath(o.Path) is { Tail.Length: 0 })
            .GroupBy(o => StripeNetNamespaces.ItemPath(o.Path)!.Value.Parent)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var methods = spec.Operations.GroupBy(o => o.ServiceName).ToDictionary(g => g.Key, g => new HashSet<string>(g.Select(o => o.Names.Sync)), StringComparer.Ordinal);
        var folded = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
        foreach (OperationModel operation in spec.Operations)
        {
            if (StripeNetNamespaces.ItemPath(operation.Path) is not { Tail.Length: 1 or 2 } split
                || !parents.TryGetValue(split.Parent, out OperationModel? parent) || parent.ServiceName == operation.ServiceName
                || Verb(spec, operation, split.Tail, Naming.ServiceResource(parent.ServiceName), ownServices) is not { } verb
                || methods[parent.ServiceName].Contains(verb)
                || StripeNetNamespaces.SharesOptions(spec, operation))
            {
                continue; // not such an operation, a name the parent has, or options shared with a twin that stays
            }

            if (renames.TryTake(Classes(operation, Naming.ServiceResource(parent.ServiceName), verb, options)))
            {
                methods[parent.ServiceName].Add(verb);
                folded[operation.OperationId] = operation.WithVerb(verb) with { ServiceName = parent.ServiceName, Location = parent.Location };
            }
        }

        return renames.Apply(spec with
        {
            Operations = spec.Operations.Select(o => folded.TryGetValue(o.OperationId, out OperationModel? f) ? f : o).ToEquatableArray(),
        });
    }

    /// <summary>
    /// The method's verb as Stripe.net has it (<c>ListPaymentMethods</c>, <c>RetrievePaymentMethod</c>,
    /// <c>RetrieveFeatures</c>, <c>CreateFundingInstructions</c>); null for other operations.
    /// </summary>
    private static string? Verb(SpecModel spec, OperationModel operation, string[] rest, string parentStem, Dictionary<string, string> ownServices)
    {
        if (StripeNetNamespaces.ResourceOf(operation.Response) is not { } resource)
        {
            return null;
        }

        string word = Naming.Pascal(rest[0]);
        if (ownServices.TryGetValue(resource, out string? own) && own != operation.ServiceName)
        {
            return operation.Names.Sync == List && rest.Length == 1 ? List + word
                : operation.Names.Sync == Get && rest.Length == 2 && Naming.IsParameterSegment(rest[1]) ? Retrieve + Naming.Pascal(Naming.Singular(rest[0]))
                : null;
        }

        if (rest.Length != 1)
        {
            return null;
        }

        if (resource == parentStem + word)
        {
            return operation.HttpMethodName switch
            {
                Get => Retrieve + word,
                Post => Naming.Update + word,
                _ => null,
            };
        }

        bool onlyMade = operation.HttpMethodName == Post && spec.Operations.All(o => o.Path != operation.Path || o == operation);
        return onlyMade && resource == word ? Naming.Create + word : null;
    }

    /// <summary>
    /// The operation's options class and the classes in it, renamed after the parent and the new verb; a nested
    /// class named after the operation's own resource (<c>FundingInstructionsBankTransferOptions</c>) takes the
    /// parent's name instead (<c>CustomerBankTransferOptions</c>), unless that name already starts with the parent's.
    /// </summary>
    private static Dictionary<string, string> Classes(OperationModel operation, string parentStem, string verb, Dictionary<string, OptionsClassModel> options)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (operation.OptionsClass is not { } body || !body.EndsWith(Naming.OptionsSuffix, StringComparison.Ordinal))
        {
            return renames;
        }

        string oldStem = body.Substring(0, body.Length - Naming.OptionsSuffix.Length);
        string ownStem = Naming.ServiceResource(operation.ServiceName);
        foreach (string name in StripeNetNamespaces.OptionsClosure(body, options))
        {
            if (name.StartsWith(oldStem, StringComparison.Ordinal))
            {
                renames[name] = parentStem + verb + name.Substring(oldStem.Length);
            }
            else if (name.StartsWith(ownStem, StringComparison.Ordinal) && !ownStem.StartsWith(parentStem, StringComparison.Ordinal))
            {
                renames[name] = parentStem + name.Substring(ownStem.Length);
            }
        }

        return renames;
    }

    /// <summary>Each resource that a service of a top-level path returns (<c>PaymentMethod</c>: <c>PaymentMethodService</c>).</summary>
    private static Dictionary<string, string> OwnServices(SpecModel spec)
    {
        var services = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (OperationModel operation in spec.Operations)
        {
            string[] segments = StripeNetNamespaces.PathSegments(operation.Path);
            // /v1/payment_methods or /v1/payment_methods/{payment_method}; a singleton's sub-path (/v1/account/persons) is not one.
            bool topLevel = segments.Length >= 2 && !segments[1].StartsWith("{", StringComparison.Ordinal)
                && (segments.Length == 2 || (segments.Length == 3 && segments[2].StartsWith("{", StringComparison.Ordinal)));
            if (topLevel && StripeNetNamespaces.ResourceOf(operation.Response) is { } resource && !services.ContainsKey(resource))
            {
                services[resource] = operation.ServiceName;
            }
        }

        return services;
    }
}
