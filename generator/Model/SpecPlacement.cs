namespace AccountLinkGen.Generator.Model;

/// <summary>
/// Where one spec's output goes, decided with every spec of the compilation in view: the prefix of its hint names
/// (the file name's stem, with as many parent folders as it takes to tell specs of one file name apart), and, when
/// an earlier spec already generates some of its type names in the same namespace, the diagnostic that says so
/// instead of generating those types twice.
/// </summary>
/// <param name="ServicesName">The service accessor's type (<c>StripeServices</c>); null when the spec has no service.</param>
internal sealed record SpecPlacement(string FilePath, string HintPrefix, DiagnosticInfo? Conflict, string? ServicesName = null);
