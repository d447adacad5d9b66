using System.Diagnostics;
using System.Threading.Tasks;
using AccountLinkGen.Runtime.Tests.Server;
using AccountLinkGen.Runtime.Tests.Support;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Telemetry;

/// <summary>Runs alone, after the parallel tests: their listeners would otherwise be heard here.</summary>
[CollectionDefinition(nameof(NoListenerTests), DisableParallelization = true)]
public sealed class NoListenerCollection
{
}

[Collection(nameof(NoListenerTests))]
public sealed class NoListenerTests : IClassFixture<StripeTestServer>
{
    private readonly StripeTestServer _server;

    public NoListenerTests(StripeTestServer server) => _server = server;

    [Fact]
    public async Task Nobody_listening_means_no_span_and_no_measurement()
    {
        string path = _server.NewPath();
        _server.Script(path, ScriptedResponse.Error(503));
        using StripeClient client = TestClients.Create(_server);

        Assert.False(StripeTelemetry.Source.HasListeners());
        Assert.False(StripeTelemetry.Duration.Enabled);
        Assert.False(StripeTelemetry.Retries.Enabled);
        await client.CreateLinkAsync(path);

        Assert.Null(Activity.Current);
        Assert.Equal(2, _server.RequestsFor(path).Count);
    }
}
