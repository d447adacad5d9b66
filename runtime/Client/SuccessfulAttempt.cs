using System.Net.Http;

namespace AccountLinkGen;

/// <summary>The attempt that got a 2xx: what a <see cref="StripeReader{T}"/> reads the call's value from.</summary>
/// <param name="Response">The response; its body is already in <paramref name="Body"/> unless the reader leaves it on the connection.</param>
/// <param name="Body">The whole body, or empty when left on the connection.</param>
/// <param name="RequestId">Stripe's <c>Request-Id</c>, read once by the pipeline.</param>
/// <param name="IdempotencyKey">The key sent with every attempt, or null.</param>
/// <param name="Number">The attempt's number, 1 for the first: how many attempts the call took.</param>
internal readonly record struct SuccessfulAttempt(HttpResponseMessage Response, byte[] Body, string? RequestId, string? IdempotencyKey, int Number);
