using System;
using System.ComponentModel;
using System.Text.Json;
using System.Threading;

namespace AccountLinkGen;

/// <summary>
/// Reads one Stripe object into the generated model that its <c>object</c> value names (the deleted form's model
/// when <paramref name="deleted"/>); returns null, having read nothing, when it has no model for it. Each generated
/// client has one, made from every resource of its spec. It exists for generated code and is not a supported API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate object? StripeObjectReader(string objectType, bool deleted, ref Utf8JsonReader reader);

/// <summary>
/// Reads an event's <c>data.object</c> into a generated model: with the table of the generated client that reads
/// the event (<see cref="Read(ref Utf8JsonReader, StripeObjectReader)"/>), or, for
/// <see cref="StripeWebhook"/>, with the tables generated clients register here. It exists for generated code and
/// is not a supported API.
/// </summary>
/// <remarks>
/// The registered tables are the runtime's one piece of static, mutable state: <c>ConstructEvent</c> lives in the
/// runtime, which cannot name generated types, so each generated client registers its table from a module
/// initializer when its assembly loads. The list only grows, and is read without a lock; tables are asked in the
/// order they registered, and the first that has a model for an object reads it.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StripeObjects
{
    private static readonly object Gate = new();
    private static StripeObjectReader[] s_tables = Array.Empty<StripeObjectReader>();

    /// <summary>Adds a generated client's table for <see cref="StripeWebhook"/>; a table registered twice is asked once.</summary>
    public static void Register(StripeObjectReader table)
    {
        if (table is null)
        {
            throw new ArgumentNullException(nameof(table));
        }

        lock (Gate)
        {
            if (Array.IndexOf(s_tables, table) < 0)
            {
                var tables = new StripeObjectReader[s_tables.Length + 1];
                s_tables.CopyTo(tables, 0);
                tables[tables.Length - 1] = table;
                Volatile.Write(ref s_tables, tables);
            }
        }
    }

    /// <summary>
    /// The value the reader is on, read by <paramref name="table"/> into the model its <c>object</c> names; the JSON
    /// itself when the table has no model for it or the model refuses it; null for a JSON null.
    /// </summary>
    public static object? Read(ref Utf8JsonReader reader, StripeObjectReader table) => Read(ref reader, new[] { table }, out _);

    /// <summary>The same with every registered table; <paramref name="error"/> is why a model refused the object.</summary>
    internal static object? Read(ref Utf8JsonReader reader, out JsonException? error) => Read(ref reader, Volatile.Read(ref s_tables), out error);

    private static object? Read(ref Utf8JsonReader reader, StripeObjectReader[] tables, out JsonException? error)
    {
        error = null;
        if (reader.TokenType == JsonTokenType.StartObject && JsonRead.ObjectType(reader, out bool deleted) is { } type)
        {
            foreach (StripeObjectReader table in tables)
            {
                // A copy, so that a model that refuses the object leaves the reader where the JSON can be kept whole.
                Utf8JsonReader copy = reader;
                try
                {
                    if (table(type, deleted, ref copy) is { } value)
                    {
                        reader = copy;
                        return value;
                    }
                }
                catch (JsonException exception)
                {
                    error = exception;
                    break;
                }
            }
        }

        return JsonRead.Element(ref reader);
    }
}
