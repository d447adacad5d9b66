namespace AccountLinkGen.Generator;

/// <summary>The names of the pipeline's steps, for incremental-generation tests.</summary>
public static class TrackingNames
{
    /// <summary>The MSBuild options.</summary>
    public const string Options = nameof(Options);

    /// <summary>The facts read from the compilation (language version, runtime referenced, polyfills).</summary>
    public const string CompilationFacts = nameof(CompilationFacts);

    /// <summary>Each candidate spec file's path, text and metadata.</summary>
    public const string SpecInput = nameof(SpecInput);

    /// <summary>Each spec's parsed model.</summary>
    public const string Model = nameof(Model);

    /// <summary>The hint-name prefix and type-name clash of every spec, decided together.</summary>
    public const string Placements = nameof(Placements);

    /// <summary>Each spec's model with its placement.</summary>
    public const string PlacedSpec = nameof(PlacedSpec);

    /// <summary>Each placed spec without its diagnostics: the input of its source output.</summary>
    public const string SpecSources = nameof(SpecSources);

    /// <summary>Each spec's diagnostics, reported by their own output.</summary>
    public const string SpecDiagnostics = nameof(SpecDiagnostics);

    /// <summary>The diagnostics of the MSBuild options and the compilation (ALG0006, ALG0007, ALG0008).</summary>
    public const string ProjectDiagnostics = nameof(ProjectDiagnostics);
}
