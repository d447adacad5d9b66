using AccountLinkGen.Generator.Helpers;

namespace AccountLinkGen.Generator.Model;

/// <summary>
/// The table from each resource's <c>object</c> value to its response model, which typed webhook events and an
/// event's <c>data.object</c> are read with. Only the values exactly one model of the spec has are in it (a list's
/// <c>list</c> is not); what it lacks stays JSON.
/// </summary>
/// <param name="Name">The internal class that holds it, named after the spec file so that specs sharing a namespace do not clash.</param>
internal sealed record ObjectTableModel(string Name, EquatableArray<ObjectTableEntry> Entries);

/// <summary>One resource of an <see cref="ObjectTableModel"/>.</summary>
/// <param name="Deleted">Whether it is the deleted form (<c>deleted: true</c>), which shares its live form's <c>object</c> value.</param>
internal sealed record ObjectTableEntry(string ObjectValue, bool Deleted, string TypeName);
