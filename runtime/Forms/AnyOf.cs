using System;

namespace AccountLinkGen;

/// <summary>
/// A parameter that takes one of two kinds of value, as Stripe.net's <c>AnyOf</c>: an ID or the object it names
/// (<c>Product = "prod_123"</c> or <c>Product = new PlanProductOptions { … }</c>), a time or a keyword
/// (<c>TrialEnd = DateTime.UtcNow.AddDays(7)</c> or <c>TrialEnd = "now"</c>). Either converts to it implicitly.
/// Generated options of the Stripe.net compatibility mode use it; the generator's own shape has a property per kind.
/// </summary>
/// <typeparam name="T1">The first kind.</typeparam>
/// <typeparam name="T2">The second kind.</typeparam>
public sealed class AnyOf<T1, T2>
{
    /// <summary>Holds a value of the first kind.</summary>
    /// <param name="value">The value.</param>
    public AnyOf(T1 value)
    {
        Value = value;
        Type = typeof(T1);
    }

    /// <summary>Holds a value of the second kind.</summary>
    /// <param name="value">The value.</param>
    public AnyOf(T2 value)
    {
        Value = value;
        Type = typeof(T2);
    }

    /// <summary>The value held, of <see cref="Type"/>.</summary>
    public object? Value { get; }

    /// <summary>The kind of value held: <typeparamref name="T1"/> or <typeparamref name="T2"/>.</summary>
    public Type Type { get; }

    /// <summary>Holds a value of the first kind.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator AnyOf<T1, T2>(T1 value) => new(value);

    /// <summary>Holds a value of the second kind.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator AnyOf<T1, T2>(T2 value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value?.ToString() ?? string.Empty;
}
