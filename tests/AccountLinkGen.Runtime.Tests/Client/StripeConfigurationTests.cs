using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace AccountLinkGen.Runtime.Tests.Client;

/// <summary>
/// The process-wide client of services made without one: built once from the API key on first use, by one thread
/// however many ask at once; replaced when the key changes; a client set by hand kept; and a clear error when neither
/// is set. The tests of this class run one at a time, and no other class touches the configuration.
/// </summary>
public sealed class StripeConfigurationTests : IDisposable
{
    public StripeConfigurationTests() => Reset();

    public void Dispose() => Reset();

    [Fact]
    public void Unconfigured_it_says_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StripeConfiguration.StripeClient);

        Assert.Contains("StripeConfiguration.ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_built_from_the_key_is_one_however_many_threads_ask_at_once()
    {
        StripeConfiguration.ApiKey = "sk_test_one";

        IStripeClient[] clients = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => StripeConfiguration.StripeClient)));

        Assert.Single(clients.Distinct());
        Assert.IsType<StripeClient>(clients[0]);
    }

    [Fact]
    public void A_new_key_builds_a_new_client_and_a_client_set_by_hand_is_kept()
    {
        StripeConfiguration.ApiKey = "sk_test_one";
        IStripeClient first = StripeConfiguration.StripeClient;

        StripeConfiguration.ApiKey = "sk_test_one";
        Assert.Same(first, StripeConfiguration.StripeClient); // the same key again builds nothing

        StripeConfiguration.ApiKey = "sk_test_two";
        IStripeClient second = StripeConfiguration.StripeClient;

        using var own = new StripeClient("sk_test_own");
        StripeConfiguration.StripeClient = own;
        StripeConfiguration.ApiKey = "sk_test_three";

        Assert.NotSame(first, second);
        Assert.Same(own, StripeConfiguration.StripeClient);
        Assert.Equal("sk_test_three", StripeConfiguration.ApiKey);
    }

    [Fact]
    public void Setting_the_client_to_null_goes_back_to_the_one_built_from_the_key()
    {
        using var own = new StripeClient("sk_test_own");
        StripeConfiguration.StripeClient = own;
        StripeConfiguration.ApiKey = "sk_test_one";

        StripeConfiguration.StripeClient = null!;

        Assert.NotSame(own, StripeConfiguration.StripeClient);
    }

    [Fact]
    public void Setting_the_app_info_rebuilds_the_client_built_from_the_key_and_keeps_one_set_by_hand()
    {
        StripeConfiguration.ApiKey = "sk_test_one";
        IStripeClient before = StripeConfiguration.StripeClient;

        StripeConfiguration.AppInfo = new AppInfo { Name = "MyPlugin", Version = "1.2.3" };
        IStripeClient after = StripeConfiguration.StripeClient;
        StripeConfiguration.AppInfo = new AppInfo { Name = "MyPlugin", Version = "1.2.3" };
        Assert.Same(after, StripeConfiguration.StripeClient); // the same info again builds nothing
        Assert.Equal("MyPlugin/1.2.3", ((StripeClient)after).Settings.UserAgent.Substring(((StripeClient)after).Settings.UserAgent.IndexOf(' ') + 1));
        using var own = new StripeClient("sk_test_own");
        StripeConfiguration.StripeClient = own;
        StripeConfiguration.AppInfo = new AppInfo { Name = "Other" };

        Assert.NotSame(before, after);
        Assert.Same(own, StripeConfiguration.StripeClient);
        Assert.Equal("Other", StripeConfiguration.AppInfo!.Name);
    }

    [Fact]
    public void App_info_that_cannot_be_sent_is_refused_when_set_and_the_working_client_is_kept()
    {
        StripeConfiguration.ApiKey = "sk_test_one";
        IStripeClient before = StripeConfiguration.StripeClient;

        var error = Assert.Throws<ArgumentException>(() => StripeConfiguration.AppInfo = new AppInfo { Version = "1.0" });

        Assert.Equal("AppInfo", error.ParamName);
        Assert.Null(StripeConfiguration.AppInfo);
        Assert.Same(before, StripeConfiguration.StripeClient);
    }

    [Fact]
    public void Max_network_retries_reach_the_default_client_and_a_negative_count_is_refused()
    {
        StripeConfiguration.ApiKey = "sk_test_one";
        IStripeClient before = StripeConfiguration.StripeClient;

        StripeConfiguration.MaxNetworkRetries = 5;
        var after = (StripeClient)StripeConfiguration.StripeClient;
        StripeConfiguration.MaxNetworkRetries = 5;

        Assert.NotSame(before, after);
        Assert.Same(after, StripeConfiguration.StripeClient);
        Assert.Equal(5, after.Settings.RetryPolicy.MaxRetries);
        Assert.Throws<ArgumentOutOfRangeException>(() => StripeConfiguration.MaxNetworkRetries = -1);
        Assert.Equal(5, StripeConfiguration.MaxNetworkRetries);
    }

    private static void Reset()
    {
        StripeConfiguration.MaxNetworkRetries = 2;
        StripeConfiguration.StripeClient = null!;
        StripeConfiguration.ApiKey = null;
        StripeConfiguration.AppInfo = null;
    }
}
