using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AccountLinkGen.Wire.Tests.Generated;
using CsCheck;

namespace AccountLinkGen.Wire.Tests.Support;

/// <summary>
/// Random <see cref="PriceCreateOptions"/>: maps of objects with any keys, lists of objects (empty ones too), nested
/// objects with required members, string maps and scalars, with the tricky text of <see cref="OptionsGen"/>.
/// </summary>
/// <remarks>
/// The spec's decimal strings hold invariant decimals and <c>up_to</c> holds <c>inf</c> or an integer, because
/// Stripe.net types those as <c>decimal</c> and <c>AnyOf&lt;long?, PriceTierUpTo&gt;</c>. Map values and list
/// items are never null here; the table tests cover null ones.
/// </remarks>
public static class PriceGen
{
    private static readonly Gen<long?> Amount = Gen.Frequency(
        (1, Gen.Const((long?)null)),
        (3, Gen.Long[-1, 1_000_000].Select(n => (long?)n)),
        (1, Gen.Long.Select(n => (long?)n)));

    private static readonly Gen<string?> DecimalText = Gen.Frequency(
        (2, Gen.Const((string?)null)),
        (3, Gen.Decimal.Select(d => (string?)d.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[0, 10_000].Select(n => (string?)(n / 100m).ToString("0.00##", CultureInfo.InvariantCulture))));

    private static readonly Gen<string> UpTo = Gen.Frequency(
        (1, Gen.Const("inf")),
        (3, Gen.Long[0, long.MaxValue].Select(n => n.ToString(CultureInfo.InvariantCulture))));

    private static readonly Gen<PriceTiersOptions> Tier = Gen.Select(
        Amount, DecimalText, Amount, DecimalText, UpTo,
        (flat, flatDecimal, unit, unitDecimal, upTo) => new PriceTiersOptions
        {
            FlatAmount = flat,
            FlatAmountDecimal = flatDecimal,
            UnitAmount = unit,
            UnitAmountDecimal = unitDecimal,
            UpTo = upTo,
        });

    private static readonly Gen<PriceCurrencyOptionsTiersOptions> CurrencyTier = Tier.Select(t => new PriceCurrencyOptionsTiersOptions
    {
        FlatAmount = t.FlatAmount,
        FlatAmountDecimal = t.FlatAmountDecimal,
        UnitAmount = t.UnitAmount,
        UnitAmountDecimal = t.UnitAmountDecimal,
        UpTo = t.UpTo,
    });

    private static Gen<List<T>?> ListOf<T>(Gen<T> item) => Gen.Frequency(
        (3, Gen.Const((List<T>?)null)),
        (1, Gen.Const(() => (List<T>?)new List<T>())),
        (3, item.List[1, 4].Select(l => (List<T>?)l)));

    private static readonly Gen<PriceCurrencyOptionsCustomUnitAmountOptions?> CustomUnitAmount = Gen.Frequency(
        (2, Gen.Const((PriceCurrencyOptionsCustomUnitAmountOptions?)null)),
        (1, Gen.Select(Gen.Bool, Amount, Amount, Amount, (enabled, maximum, minimum, preset) =>
            (PriceCurrencyOptionsCustomUnitAmountOptions?)new PriceCurrencyOptionsCustomUnitAmountOptions
            {
                Enabled = enabled,
                Maximum = maximum,
                Minimum = minimum,
                Preset = preset,
            })));

    private static readonly Gen<PriceCurrencyOptions> CurrencyOption = Gen.Select(
        CustomUnitAmount, Gen.Enum<PriceCurrencyOptionsTaxBehavior>().Nullable(0.5), ListOf(CurrencyTier), Amount, DecimalText,
        (custom, taxBehavior, tiers, unit, unitDecimal) => new PriceCurrencyOptions
        {
            CustomUnitAmount = custom,
            TaxBehavior = taxBehavior,
            Tiers = tiers,
            UnitAmount = unit,
            UnitAmountDecimal = unitDecimal,
        });

    /// <summary>Null, empty and small maps whose keys are any text (brackets, spaces, non-ASCII, empty).</summary>
    private static Gen<Dictionary<string, T>?> MapOf<T>(Gen<T> value) => Gen.Frequency(
        (3, Gen.Const((Dictionary<string, T>?)null)),
        (1, Gen.Const(() => (Dictionary<string, T>?)new Dictionary<string, T>())),
        (4, Gen.Select(OptionsGen.Text, value).List[1, 4].Select(entries =>
        {
            var map = new Dictionary<string, T>();
            foreach (var (key, item) in entries)
            {
                map[key] = item;
            }

            return (Dictionary<string, T>?)map;
        })));

    private static readonly Gen<PriceRecurringOptions?> Recurring = Gen.Frequency(
        (2, Gen.Const((PriceRecurringOptions?)null)),
        (1, Gen.Select(Gen.Enum<PriceRecurringInterval>(), Amount, Gen.Enum<PriceRecurringUsageType>().Nullable(0.5), (interval, count, usage) =>
            (PriceRecurringOptions?)new PriceRecurringOptions
            {
                Interval = interval,
                IntervalCount = count,
                UsageType = usage,
            })));

    private static readonly Gen<(bool?, string?, string?, string?, PriceTaxBehavior?)> Scalars = Gen.Select(
        Gen.Bool.Nullable(0.5), OptionsGen.NullableText, OptionsGen.NullableText, OptionsGen.NullableText, Gen.Enum<PriceTaxBehavior>().Nullable(0.5));

    public static readonly Gen<PriceCreateOptions> Options = Gen.Select(
        OptionsGen.Text, MapOf(CurrencyOption), MapOf(OptionsGen.Text), ListOf(Tier), Recurring, Scalars, Gen.Select(Amount, DecimalText), OptionsGen.Expand,
        (currency, currencyOptions, metadata, tiers, recurring, scalars, amounts, expand) =>
        {
            var (active, lookupKey, nickname, product, taxBehavior) = scalars;
            return new PriceCreateOptions
            {
                Active = active,
                Currency = currency,
                CurrencyOptions = currencyOptions,
                Expand = expand,
                LookupKey = lookupKey,
                Metadata = metadata,
                Nickname = nickname,
                Product = product,
                Recurring = recurring,
                TaxBehavior = taxBehavior,
                Tiers = tiers,
                UnitAmount = amounts.Item1,
                UnitAmountDecimal = amounts.Item2,
            };
        });

    /// <summary>Plans whose product is absent, an ID or a whole new product (never both, see the table tests).</summary>
    public static readonly Gen<PlanCreateOptions> Plans = Gen.Select(
        OptionsGen.Text,
        Gen.Enum<PlanInterval>(),
        Amount,
        Gen.Frequency(
            (1, Gen.Const<(string?, PlanProductOptions?)>((null, null))),
            (2, OptionsGen.Text.Select(id => ((string?)id, (PlanProductOptions?)null))),
            (2, Gen.Select(OptionsGen.Text, OptionsGen.NullableText, OptionsGen.NullableText, Gen.Bool.Nullable(0.5), MapOf(OptionsGen.Text), (name, id, label, active, metadata) =>
                ((string?)null, (PlanProductOptions?)new PlanProductOptions { Name = name, Id = id, UnitLabel = label, Active = active, Metadata = metadata })))),
        MapOf(OptionsGen.Text),
        (currency, interval, amount, product, metadata) => new PlanCreateOptions
        {
            Currency = currency,
            Interval = interval,
            Amount = amount,
            ProductId = product.Item1,
            Product = product.Item2,
            Metadata = metadata,
        });
}
