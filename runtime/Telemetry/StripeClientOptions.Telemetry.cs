namespace AccountLinkGen;

// What the client reports besides traces and metrics, which need no setting: they follow whoever listens to the
// "AccountLinkGen" ActivitySource and Meter.
public sealed partial class StripeClientOptions
{
    /// <summary>
    /// Hears about retries and failed calls, for logging, or null (the default) for none. <c>AddStripeClient</c>
    /// sets one that logs through <c>ILogger</c>.
    /// </summary>
    public StripeClientObserver? Observer { get; set; }
}
