using System.Reflection;

namespace AccountLinkGen;

/// <summary>The <c>User-Agent</c> value: <c>AccountLinkGen/&lt;informational version&gt;</c>.</summary>
internal static class UserAgent
{
    public static readonly string Value = "AccountLinkGen/" + GetVersion();

    private static string GetVersion()
    {
        Assembly assembly = typeof(UserAgent).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString();
        return version is null || string.IsNullOrWhiteSpace(version) ? "0.0.0" : version.Trim();
    }
}
