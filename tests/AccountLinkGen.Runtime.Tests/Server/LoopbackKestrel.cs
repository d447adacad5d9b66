using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountLinkGen.Runtime.Tests.Server;

/// <summary>Starts a real Kestrel server on 127.0.0.1 and a free port that answers every request with one handler.</summary>
public static class LoopbackKestrel
{
    /// <summary>The started server, and its root such as <c>http://127.0.0.1:41234/</c>.</summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(RequestDelegate handler)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return (app, new Uri(addresses.Addresses.Single().TrimEnd('/') + "/"));
    }
}
