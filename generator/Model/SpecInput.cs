using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>One candidate spec file as the pipeline sees it.</summary>
/// <param name="Text">The file's text, or null when it could not be read.</param>
/// <param name="Explicit">True when the file was named by an <c>AccountLinkGenSpec</c> item (so it must be a spec).</param>
/// <param name="OperationFilter">The item's <c>Operations</c> metadata: operationIds or path globs, separated by <c>,</c>
/// (what the build targets turn <c>;</c> and white space into), <c>;</c> or new lines; unescaped (a <c>#</c> the targets
/// wrote as <c>%23</c> is a <c>#</c> again).</param>
/// <param name="Namespace">The item's <c>Namespace</c> metadata, unvalidated; null when the project's namespace applies.</param>
/// <param name="OverlayOf">For an <c>AccountLinkGenOverlay</c> item, the spec it adds to (its <c>Spec</c> metadata); null for a spec.</param>
/// <param name="Overlays">For a spec, the overlays that name it, in the order the project lists them.</param>
internal sealed record SpecInput(
    string Path,
    string? Text,
    bool Explicit,
    string? OperationFilter,
    string? Namespace = null,
    string? OverlayOf = null,
    EquatableArray<SpecInput> Overlays = default);
