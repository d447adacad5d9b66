using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Architecture;

/// <summary>
/// No method or constructor of the generator takes more than five parameters: a longer list is state that wants a
/// type of its own (a reader that holds its collaborators, a record of where the reader is). Checked on the
/// compiled assembly, so that partial classes, local functions and lambdas count too. A record's positional data
/// is no parameter list: its primary constructor and the <c>Deconstruct</c> the compiler writes for it are left out.
/// No public method or constructor of the runtime takes more than six: a call is described by one value (a
/// <c>StripeRequest</c>), not by a row of arguments some of which are null.
/// </summary>
public sealed class ParameterCountTests
{
    private const int MaxParameters = 5;

    private const int MaxRuntimeParameters = 6;

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void NoGeneratorMethod_TakesMoreThanFiveParameters()
    {
        var offenders = Checked()
            .Where(m => Parameters(m) > MaxParameters)
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}: {Parameters(m)} parameters")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void TheCheck_SeesPrivateMethods_LocalFunctionsAndConstructors_ButNoRecordData()
    {
        // The check is only as good as what it walks.
        var names = Checked().Select(m => m.DeclaringType!.Name + "." + m.Name).ToList();

        Assert.Contains("SpecParser.ReadOperations", names);
        Assert.Contains("RequestReader.ReadProperty", names);
        Assert.Contains(names, n => n.StartsWith("RequestReader.<ReadUnion>g__", StringComparison.Ordinal));
        Assert.Contains("OperationReader..ctor", names);
        Assert.DoesNotContain("OperationModel.Deconstruct", names);
        Assert.DoesNotContain("OperationModel..ctor", names);
    }

    [Fact]
    public void NoPublicRuntimeMethod_TakesMoreThanSixParameters()
    {
        var offenders = PublicRuntimeMembers()
            .Where(m => m.GetParameters().Length > MaxRuntimeParameters)
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}: {m.GetParameters().Length} parameters")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void TheRuntimeCheck_SeesTheEntryPoints_AndConstructors()
    {
        // The check is only as good as what it walks.
        var names = PublicRuntimeMembers().Select(m => m.DeclaringType!.Name + "." + m.Name).ToList();

        Assert.Contains("StripeClient.SendAsync", names);
        Assert.Contains("StripeClient.Send", names);
        Assert.Contains("IStripeClient.SendAsync", names);
        Assert.Contains("StripeResponse`1..ctor", names);
        Assert.Contains("StripeAutoPaging.List", names);
    }

    private static IEnumerable<MethodBase> PublicRuntimeMembers() =>
        typeof(StripeClient).Assembly.GetExportedTypes().SelectMany(type =>
            type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MethodBase>()
                .Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)));

    private static IEnumerable<MethodBase> Checked() =>
        typeof(AccountLinkGenerator).Assembly.GetTypes().SelectMany(type =>
            type.GetMethods(Declared).Where(m => !(m.Name == "Deconstruct" && m.IsDefined(typeof(CompilerGeneratedAttribute)))).Cast<MethodBase>()
                .Concat(IsRecord(type) ? Enumerable.Empty<MethodBase>() : type.GetConstructors(Declared)));

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$", Declared) is not null || (type.IsValueType && type.GetMethod("PrintMembers", Declared) is not null);

    /// <summary>
    /// The parameters the source declares: a local function that captures variables gets the closure as one more
    /// parameter, which the source does not show.
    /// </summary>
    private static int Parameters(MethodBase method) =>
        method.GetParameters().Count(p => !(p.ParameterType.IsByRef && p.ParameterType.GetElementType()!.IsDefined(typeof(CompilerGeneratedAttribute))));
}
