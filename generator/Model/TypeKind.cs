namespace AccountLinkGen.Generator.Model;

/// <summary>The shapes a parameter or response field can have.</summary>
internal enum TypeKind
{
    String,
    Integer,
    Number,
    Boolean,
    UnixTime,
    Enum,
    OpenEnum,
    Object,
    StringMap,
    Array,
}
