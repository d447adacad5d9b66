using System.Text.Json;
using AccountLinkGen.Generator.Helpers;
using AccountLinkGen.Generator.Model;
using AccountLinkGen.Generator.Tests.WholeSpec.StripeMock;
using Xunit;

namespace AccountLinkGen.Generator.Tests.WholeSpec;

/// <summary>The acceptance oracle's scalar comparison is no looser than the spec: strings are JSON strings, enums the spec's wire names.</summary>
public sealed class ScalarComparerTests
{
    private enum Status
    {
        Active,
        Archived,
    }

    private static readonly EnumModel StatusModel = new(
        "Status",
        Description: null,
        Open: false,
        new[] { new EnumMemberModel("active", "Active"), new EnumMemberModel("archived", "Archived") }.ToEquatableArray());

    [Fact]
    public void AStringMember_HoldsAJsonString_NotANumbersOrBooleansText()
    {
        Assert.Null(ScalarComparer.Difference(Json("\"42\""), "42", TypeKind.String));
        Assert.NotNull(ScalarComparer.Difference(Json("42"), "42", TypeKind.String));
        Assert.NotNull(ScalarComparer.Difference(Json("true"), "true", TypeKind.String));
    }

    [Fact]
    public void AClosedEnum_IsJudgedByTheSpecsWireName_NotByGeneratedCode()
    {
        Assert.Null(ScalarComparer.Difference(Json("\"active\""), Status.Active, TypeKind.Enum, StatusModel));
        Assert.NotNull(ScalarComparer.Difference(Json("\"archived\""), Status.Active, TypeKind.Enum, StatusModel));

        // A member the spec's enum does not have, or no enum model at all, is never taken on trust.
        Assert.NotNull(ScalarComparer.Difference(Json("\"active\""), (Status)7, TypeKind.Enum, StatusModel));
        Assert.NotNull(ScalarComparer.Difference(Json("\"active\""), Status.Active, TypeKind.Enum, enumModel: null));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
