using System;
using System.ComponentModel;

namespace AccountLinkGen;

public ref partial struct FormWriter
{
    /// <summary>
    /// Writes whichever value an <see cref="AnyOf{T1, T2}"/> holds under <paramref name="name"/>: an object as
    /// <c>name[child]=…</c>, a time as Unix seconds, anything else as its invariant text. A null writes nothing.
    /// </summary>
    /// <remarks>
    /// A <see cref="DateTime"/> of local kind is converted to UTC; one of unspecified kind is taken as UTC already, as
    /// Stripe.net takes it.
    /// </remarks>
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
                Write(name, new DateTimeOffset(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc)));
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
}
