using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;
using AccountLinkGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace AccountLinkGen.Generator.Tests.Emitting;

/// <summary>
/// Generated enums keep their wire names in a table (<c>EnumWireNames</c> with the runtime, a plain array without
/// it). The generated code is compiled, loaded and run: every member must map to its own wire name and back.
/// </summary>
public sealed class EnumTableTests
{
    /// <summary>
    /// A closed enum longer than the spec's own enums whose values need every kind of name mangling, and
    /// an open enum whose values collide with the open enum's own members. Both list some values twice: the repeats
    /// must be dropped, not become members that share a wire name.
    /// </summary>
    private const string EnumParameters = """
                        mangled:
                          description: A closed enum whose values need mangling.
                          enum:
                            - ''
                            - '2fa'
                            - 'Etc/GMT+0'
                            - 'Etc/GMT-0'
                            - account_link_mangled
                            - per-seat.monthly
                            - class
                            - A
                            - a
                            - café
                            - class
                            - A
                          type: string
                        open_kind:
                          description: An open enum whose values are named like its members.
                          enum:
                            - value
                            - is_known
                            - wire_names
                            - equals
                            - to_string
                            - standard
                            - express
                            - custom
                            - none
                            - standard
                          type: string
                          x-stripeBypassValidation: true

        """;

    /// <summary>Uses the mangled names as a consumer would: they must exist and compile without a warning.</summary>
    private const string Probe = """
        using Consumer.Stripe;
        namespace Consumer;
        public static class Probe
        {
            public static string Encode() => new AccountLinkCreateOptions
            {
                Account = "acct_1",
                Type = AccountLinkType.AccountOnboarding,
                RefreshUrl = "https://example.com/reauth",
                ReturnUrl = "https://example.com/return",
                Mangled = AccountLinkMangled.A2,
                OpenKind = AccountLinkOpenKind.ValueValue,
            }.ToFormUrlEncoded();

            public static AccountLinkOpenKind[] Collisions() => new[]
            {
                AccountLinkOpenKind.ValueValue,
                AccountLinkOpenKind.IsKnownValue,
                AccountLinkOpenKind.WireNamesValue,
                AccountLinkOpenKind.EqualsValue,
                AccountLinkOpenKind.ToStringValue,
            };

            public static string[] Mangled() => new[]
            {
                AccountLinkMangled.Empty.ToWireName(),
                AccountLinkMangled.TwoFa.ToWireName(),
                AccountLinkMangled.EtcGMT02.ToWireName(),
                AccountLinkMangled.ValueAccountLinkMangled.ToWireName(),
            };
        }
        """;

    /// <summary>The closed enum's members in spec order, with their wire names.</summary>
    private static readonly (string Member, string Wire)[] ClosedMembers =
    {
        ("Empty", ""),
        ("TwoFa", "2fa"),
        ("EtcGMT0", "Etc/GMT+0"),
        ("EtcGMT02", "Etc/GMT-0"),
        ("ValueAccountLinkMangled", "account_link_mangled"),
        ("PerSeatMonthly", "per-seat.monthly"),
        ("Class", "class"),
        ("A", "A"),
        ("A2", "a"),
        ("Caf\u00e9", "caf\u00e9"),
    };

    /// <summary>A closed enum of the spec itself, short enough to be searched in order.</summary>
    private static readonly (string Member, string Wire)[] SmallClosedMembers =
    {
        ("CurrentlyDue", "currently_due"),
        ("EventuallyDue", "eventually_due"),
    };

    /// <summary>The number of values of the spec's own open enum, <c>AccountLinkType</c>.</summary>
    private const int SmallOpenValues = 2;

    /// <summary>The open enum's listed values, with their wire names.</summary>
    private static readonly (string Member, string Wire)[] OpenMembers =
    {
        ("ValueValue", "value"),
        ("IsKnownValue", "is_known"),
        ("WireNamesValue", "wire_names"),
        ("EqualsValue", "equals"),
        ("ToStringValue", "to_string"),
        ("Standard", "standard"),
        ("Express", "express"),
        ("Custom", "custom"),
        ("None", "none"),
    };

    [Fact]
    public void TheNewEnums_AreLongerThanTheSpecsOwn()
    {
        // So that the generated tables are exercised on long lists here and on short ones below.
        Assert.True(ClosedMembers.Length > SmallClosedMembers.Length);
        Assert.True(OpenMembers.Length > SmallOpenValues);
    }

    [Fact]
    public void MangledAndCollidingNames_CompileWithoutAnyDiagnostic_AndUseTheTable()
    {
        GeneratorRun run = Generate(referenceRuntime: true);

        Assert.Null(run.GeneratorException);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);

        INamedTypeSymbol open = run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkOpenKind")!;
        Assert.All(OpenMembers, m => Assert.IsAssignableFrom<IPropertySymbol>(Assert.Single(open.GetMembers(m.Member))));
        Assert.All(new[] { "Value", "IsKnown" }, name => Assert.IsAssignableFrom<IPropertySymbol>(Assert.Single(open.GetMembers(name))));
        Assert.Equal("global::AccountLinkGen.EnumWireNames", Assert.IsAssignableFrom<IFieldSymbol>(Assert.Single(open.GetMembers("WireNames"))).Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));

        INamedTypeSymbol closed = run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkMangled")!;
        Assert.Equal(ClosedMembers.Select(m => m.Member), closed.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name));
        INamedTypeSymbol extensions = run.Output.GetTypeByMetadataName("Consumer.Stripe.AccountLinkMangledExtensions")!;
        Assert.Equal("global::AccountLinkGen.EnumWireNames", Assert.IsAssignableFrom<IFieldSymbol>(Assert.Single(extensions.GetMembers("WireNames"))).Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ClosedEnum_EveryMemberRoundTripsThroughToWireNameAndTryParse(bool referenceRuntime)
    {
        using var loaded = Load(Generate(referenceRuntime));
        Type type = loaded.Type("Consumer.Stripe.AccountLinkMangled");
        ClosedEnum closed = new(loaded.Type("Consumer.Stripe.AccountLinkMangledExtensions"));

        Assert.Equal(ClosedMembers.Select(m => m.Member), Enum.GetNames(type));
        for (int i = 0; i < ClosedMembers.Length; i++)
        {
            object value = Enum.Parse(type, ClosedMembers[i].Member);
            Assert.Equal(i, Convert.ToInt32(value));
            Assert.True(closed.IsDefined(value), ClosedMembers[i].Member);
            Assert.Equal(ClosedMembers[i].Wire, closed.ToWireName(value));

            Assert.True(closed.TryParse(new string(ClosedMembers[i].Wire.AsSpan()), out object? parsed), ClosedMembers[i].Wire);
            Assert.Equal(value, parsed);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SmallClosedEnum_EveryMemberRoundTrips_AndUnknownNamesDoNotParse(bool referenceRuntime)
    {
        using var loaded = Load(Generate(referenceRuntime));
        Type type = loaded.Type("Consumer.Stripe.AccountLinkCollectionOptionsFields");
        ClosedEnum closed = new(loaded.Type("Consumer.Stripe.AccountLinkCollectionOptionsFieldsExtensions"));

        Assert.Equal(SmallClosedMembers.Select(m => m.Member), Enum.GetNames(type));
        for (int i = 0; i < SmallClosedMembers.Length; i++)
        {
            object value = Enum.ToObject(type, i);
            Assert.True(closed.IsDefined(value));
            Assert.Equal(SmallClosedMembers[i].Wire, closed.ToWireName(value));
            Assert.True(closed.TryParse(SmallClosedMembers[i].Wire, out object? parsed));
            Assert.Equal(value, parsed);
        }

        Assert.False(closed.TryParse("Currently_due", out object? missing));
        Assert.Equal(Enum.ToObject(type, 0), missing);
        Assert.False(closed.IsDefined(Enum.ToObject(type, SmallClosedMembers.Length)));
        Assert.Throws<ArgumentOutOfRangeException>(() => closed.ToWireName(Enum.ToObject(type, 999)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ClosedEnum_UnknownNamesDoNotParse_AndGiveTheDefault(bool referenceRuntime)
    {
        using var loaded = Load(Generate(referenceRuntime));
        Type type = loaded.Type("Consumer.Stripe.AccountLinkMangled");
        ClosedEnum closed = new(loaded.Type("Consumer.Stripe.AccountLinkMangledExtensions"));

        foreach (string? unknown in new[] { null, "CLASS", "Class", "2FA", "Etc/GMT0", "EtcGMT0", "cafe\u0301", "CAF\u00c9", "TwoFa", "account_link_mangled ", " " })
        {
            Assert.False(closed.TryParse(unknown, out object? parsed), unknown);
            Assert.Equal(Enum.ToObject(type, 0), parsed);
        }
    }

    [Theory]
    [InlineData(true, 999)]
    [InlineData(true, 10)]
    [InlineData(true, -1)]
    [InlineData(true, int.MinValue)]
    [InlineData(false, 999)]
    [InlineData(false, 10)]
    [InlineData(false, -1)]
    public void ClosedEnum_UndefinedValue_IsNotDefined_AndHasNoWireName(bool referenceRuntime, int undefined)
    {
        using var loaded = Load(Generate(referenceRuntime));
        Type type = loaded.Type("Consumer.Stripe.AccountLinkMangled");
        ClosedEnum closed = new(loaded.Type("Consumer.Stripe.AccountLinkMangledExtensions"));
        object value = Enum.ToObject(type, undefined);

        Assert.False(closed.IsDefined(value));
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => closed.ToWireName(value));
        Assert.Equal("value", exception.ParamName);
        Assert.Equal(value, exception.ActualValue);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OpenEnum_ListedValuesAreKnown_AndOthersAreNot(bool referenceRuntime)
    {
        using var loaded = Load(Generate(referenceRuntime));
        Type type = loaded.Type("Consumer.Stripe.AccountLinkOpenKind");
        PropertyInfo isKnown = type.GetProperty("IsKnown")!;
        PropertyInfo wire = type.GetProperty("Value")!;

        foreach ((string member, string name) in OpenMembers)
        {
            object listed = type.GetProperty(member, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            Assert.Equal(name, wire.GetValue(listed));
            Assert.True((bool)isKnown.GetValue(listed)!, member);

            object fromString = Activator.CreateInstance(type, new string(name.AsSpan()))!;
            Assert.True((bool)isKnown.GetValue(fromString)!, name);
            Assert.Equal(listed, fromString);
        }

        foreach (string unlisted in new[] { "unlisted_kind", "Value", "VALUE", "ValueValue", "IsKnown", "WireNames", "", " none" })
        {
            object value = Activator.CreateInstance(type, unlisted)!;
            Assert.False((bool)isKnown.GetValue(value)!, unlisted);
            Assert.Equal(unlisted, wire.GetValue(value));
        }

        object @default = Activator.CreateInstance(type)!;
        Assert.False((bool)isKnown.GetValue(@default)!);
        Assert.Equal("", wire.GetValue(@default));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SmallOpenEnum_ListedValuesAreKnown_AndOthersAreNot(bool referenceRuntime)
    {
        using var loaded = Load(Generate(referenceRuntime));
        Type type = loaded.Type("Consumer.Stripe.AccountLinkType");
        PropertyInfo isKnown = type.GetProperty("IsKnown")!;

        foreach (string listed in new[] { "account_onboarding", "account_update" })
        {
            Assert.True((bool)isKnown.GetValue(Activator.CreateInstance(type, new string(listed.AsSpan())))!, listed);
        }

        foreach (string unlisted in new[] { "account_onboarding_v2", "Account_update", "account", "" })
        {
            Assert.False((bool)isKnown.GetValue(Activator.CreateInstance(type, unlisted))!, unlisted);
        }

        Assert.False((bool)isKnown.GetValue(Activator.CreateInstance(type))!);
    }

    [Fact]
    public void MangledMembers_AreSentByTheirWireNames()
    {
        using var loaded = Load(Generate(referenceRuntime: true));
        Type probe = loaded.Type("Consumer.Probe");

        string form = (string)probe.GetMethod("Encode")!.Invoke(null, null)!;
        string[] mangled = (string[])probe.GetMethod("Mangled")!.Invoke(null, null)!;

        Assert.Contains("mangled=a", form.Split('&'));
        Assert.Contains("open_kind=value", form.Split('&'));
        Assert.Equal(new[] { "", "2fa", "Etc/GMT-0", "account_link_mangled" }, mangled);
    }

    private static GeneratorRun Generate(bool referenceRuntime)
    {
        const string anchor = "                refresh_url:\n";
        string specText = Repo.SpecText;
        Assert.Contains(anchor, specText);
        var harness = GeneratorHarness.ForFragment(specText.Replace(anchor, EnumParameters + anchor));
        harness.ReferenceRuntime = referenceRuntime;
        if (referenceRuntime)
        {
            harness.Sources.Add(Probe);
        }

        GeneratorRun run = harness.Run();
        Assert.Null(run.GeneratorException);
        Assert.Equal(referenceRuntime ? Array.Empty<string>() : new[] { "ALG0009" }, run.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(run.CompileDiagnostics);
        return run;
    }

    private static LoadedAssembly Load(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        EmitResult result = run.Output.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        stream.Position = 0;
        return new LoadedAssembly(stream);
    }

    /// <summary>The compiled consumer, in a context of its own; the runtime it references comes from the tests' context.</summary>
    private sealed class LoadedAssembly : IDisposable
    {
        private readonly AssemblyLoadContext _context = new(nameof(EnumTableTests), isCollectible: true);
        private readonly Assembly _assembly;

        public LoadedAssembly(Stream image) => _assembly = _context.LoadFromStream(image);

        public Type Type(string name) => _assembly.GetType(name, throwOnError: true)!;

        public void Dispose() => _context.Unload();
    }

    /// <summary>A generated closed enum's extension methods, called by reflection.</summary>
    private sealed class ClosedEnum
    {
        private readonly MethodInfo _toWireName;
        private readonly MethodInfo _isDefined;
        private readonly MethodInfo _tryParse;

        public ClosedEnum(Type extensions)
        {
            _toWireName = extensions.GetMethod("ToWireName")!;
            _isDefined = extensions.GetMethod("IsDefined")!;
            _tryParse = extensions.GetMethod("TryParse")!;
        }

        public string ToWireName(object value) => (string)Invoke(_toWireName, value)!;

        public bool IsDefined(object value) => (bool)Invoke(_isDefined, value)!;

        public bool TryParse(string? wireName, out object? value)
        {
            object?[] arguments = { wireName, null };
            bool found = (bool)Invoke(_tryParse, arguments)!;
            value = arguments[1];
            return found;
        }

        private static object? Invoke(MethodInfo method, params object?[] arguments)
        {
            try
            {
                return method.Invoke(null, arguments);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }
        }
    }
}
