namespace AccountLinkGen.Generator.Diagnostics;

/// <summary>
/// Where a diagnostic's help link points: its section of the README in the repository the package was built from
/// (<c>RepositoryUrl</c>, baked in at build time), or nowhere when the package was built without one. An address
/// that does not exist is worse than none; the README inside the package documents every ID either way.
/// </summary>
internal static class HelpLinks
{
    /// <summary>The link to <paramref name="id"/>'s README section, or an empty string without a repository URL.</summary>
    /// <param name="repositoryUrl">The repository's address (<c>https://github.com/owner/name</c>, <c>.git</c> allowed).</param>
    /// <param name="id">The diagnostic's ID (<c>ALG0005</c>); the section's anchor is its lower-case form.</param>
    public static string For(string repositoryUrl, string id)
    {
        string root = repositoryUrl.Trim().TrimEnd('/');
        if (root.EndsWith(".git", System.StringComparison.OrdinalIgnoreCase))
        {
            root = root.Substring(0, root.Length - ".git".Length);
        }

        return root.Length == 0 ? string.Empty : root + "/blob/main/README.md#" + id.ToLowerInvariant();
    }
}
