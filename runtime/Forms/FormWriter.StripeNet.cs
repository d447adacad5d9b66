using System;
using System.ComponentModel;

namespace AccountLinkGen;

/// <summary>The kinds of value the Stripe.net compatibility mode's options hold: <see cref="AnyOf{T1, T2}"/> and <see cref="DateTime"/>.</summary>
public ref partial struct FormWriter
{
    /// <summary>
    /// Writes whichever value an <see cref="AnyOf{T1, T2}"/> holds under <paramref name="name"/>: an object as
    /// <c>name[child]=…</c>, a time as Unix seconds, anything else as its invariant text. A null writes nothing.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void WriteAnyOf<T1, T2>(FormEncodedText name, AnyOf<T1, T2>? value)
    {
        switch (value?.Value)
        {
            case null:
                break;
            case IFormEncodable nested:
                WriteObject(name, nested);
                break;
            case string text:
                Write(name, text);
                break;
            case DateTime time:
                Write(name, time);
                break;
            case DateTimeOffset time:
                Write(name, time);
                break;
            case long number:
                Write(name, number);
                break;
            case decimal number:
                Write(name, number);
                break;
            case bool flag:
                Write(name, flag);
                break;
            default:
                throw new ArgumentException($"A value of type {value.Type.Name} cannot be sent as a form parameter.", nameof(value));
        }
    }

    /// <summary>Writes <c>name=unix-seconds</c> under the current key (see <see cref="UnixSeconds"/>); a null value writes nothing.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Write(FormEncodedText name, DateTime? value) => Write(name, value is { } time ? UnixSeconds(time, TimeZoneInfo.Local) : null);

    /// <summary>Writes <c>key=unix-seconds</c> for the current key (see <see cref="UnixSeconds"/>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void WriteValue(DateTime value) => WriteValue(UnixSeconds(value, TimeZoneInfo.Local));

    /// <summary>
    /// A <see cref="DateTime"/> in Unix seconds, as Stripe.net sends one: a local time converted from
    /// <paramref name="local"/> to UTC, an unspecified one taken as UTC already (not as local, as the conversion to
    /// <see cref="DateTimeOffset"/> would take it).
    /// </summary>
    internal static long UnixSeconds(DateTime time, TimeZoneInfo local) =>
        new DateTimeOffset(time.Kind == DateTimeKind.Local
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), local)
            : DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeSeconds();
}
