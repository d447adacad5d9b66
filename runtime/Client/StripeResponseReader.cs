using System;

namespace AccountLinkGen;

/// <summary>Turns the UTF-8 JSON body of a successful response into a response model.</summary>
/// <typeparam name="T">The response model.</typeparam>
/// <param name="utf8Json">The complete response body.</param>
/// <returns>The parsed model.</returns>
public delegate T StripeResponseReader<T>(ReadOnlySpan<byte> utf8Json);
