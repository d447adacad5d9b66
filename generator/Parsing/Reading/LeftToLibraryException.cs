using System;

namespace AccountLinkGen.Generator.Parsing.Reading;

/// <summary>
/// Ends <see cref="OpenApiEventReader"/>'s read: the text holds something the library's reader treats in a way of its
/// own (an error it reports, a YAML feature, one of its limits, an object Stripe's specs do not use), so the library
/// reads it instead.
/// </summary>
internal sealed class LeftToLibraryException : Exception
{
}
