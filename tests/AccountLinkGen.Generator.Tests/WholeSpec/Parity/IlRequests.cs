using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Text;

namespace AccountLinkGen.Generator.Tests.WholeSpec.Parity;

/// <summary>
/// The request a Stripe.net service method sends, read from its IL by reflection: the <c>HttpMethod</c> property it
/// reads and the path literals it joins (<c>"/v1/invoices/" + id + "/finalize"</c> is <c>POST /v1/invoices/{}/finalize</c>).
/// </summary>
internal static class IlRequests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The operations the method's body requests, as <c>POST /v1/invoices/{}/finalize</c>; empty when it names none.</summary>
    public static IEnumerable<string> Of(MethodInfo method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        string? httpMethod = null;
        var path = new StringBuilder();
        foreach ((OpCode code, int token) in Instructions(il))
        {
            if (code == OpCodes.Ldstr && method.Module.ResolveString(token) is { } literal && literal.StartsWith('/'))
            {
                if (literal.StartsWith("/v1/", StringComparison.Ordinal) && path.Length > 0)
                {
                    yield return Request(httpMethod, path);
                    path.Clear();
                }

                // A literal that ends a segment is followed by a parameter's value.
                path.Append(path.Length > 0 && path[^1] == '/' ? "{}" : string.Empty).Append(literal);
            }
            else if ((code == OpCodes.Call || code == OpCodes.Callvirt) && method.Module.ResolveMethod(token) is { DeclaringType.FullName: "System.Net.Http.HttpMethod" } getter
                && getter.Name.StartsWith("get_", StringComparison.Ordinal))
            {
                httpMethod = getter.Name.Substring(4).ToUpperInvariant();
            }
        }

        if (path.Length > 0)
        {
            yield return Request(httpMethod, path);
        }
    }

    private static string Request(string? httpMethod, StringBuilder path) =>
        (httpMethod ?? "?") + " " + path + (path[^1] == '/' ? "{}" : string.Empty);

    /// <summary>Each instruction's opcode and its 4-byte operand (a token), or 0 for other operands.</summary>
    private static IEnumerable<(OpCode Code, int Token)> Instructions(byte[] il)
    {
        int position = 0;
        while (position < il.Length)
        {
            short value = il[position] == 0xFE && position + 1 < il.Length ? (short)(0xFE00 | il[position + 1]) : il[position];
            position += value > 0xFF || value < 0 ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out OpCode code))
            {
                yield break;
            }

            int size = OperandSize(code.OperandType, il, position);
            int token = size == 4 && code.OperandType is OperandType.InlineString or OperandType.InlineMethod ? BitConverter.ToInt32(il, position) : 0;
            position += size;
            yield return (code, token);
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int position) =>
        type switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
            _ => 4,
        };
}
