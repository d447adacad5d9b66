using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AccountLinkGen.CodeFixes;

/// <summary>
/// C# text for the pieces of a rewrite. The fix builds text and parses it rather than composing syntax nodes:
/// the parser hands back exactly the spacing a person would type, which a formatter pass would not (it breaks
/// object initializers over several lines). Type names are the shortest that bind at the edit position.
/// </summary>
internal sealed class ReplacementText
{
    private readonly SemanticModel _model;
    private readonly int _position;
    private readonly ReplacementTarget _target;

    public ReplacementText(SemanticModel model, int position, ReplacementTarget target)
    {
        _model = model;
        _position = position;
        _target = target;
    }

    /// <summary>Index of the last property on the path, the one that receives the enum member.</summary>
    public int LeafIndex => _target.Properties.Length - 1;

    /// <summary><c>Fields</c>, escaped when it is a keyword.</summary>
    public string Name(int index) => Escape(_target.Properties[index].Name);

    /// <summary><c>AccountLinkCollectionOptions</c>: the object type held by an intermediate property.</summary>
    public string TypeName(int index) =>
        ReplacementTarget.CreatableType(_target.Properties[index]).ToMinimalDisplayString(_model, _position);

    /// <summary><c>AccountLinkCollectionOptionsFields.EventuallyDue</c>.</summary>
    public string Member() =>
        _target.Member.ContainingType.ToMinimalDisplayString(_model, _position) + "." + Escape(_target.Member.Name);

    /// <summary>
    /// The initializer element that sets the path from <paramref name="index"/> on:
    /// <c>CollectionOptions = new AccountLinkCollectionOptions { Fields = AccountLinkCollectionOptionsFields.EventuallyDue }</c>.
    /// </summary>
    public string Assignment(int index) => Name(index) + " = " + Value(index);

    /// <summary><c>new T() </c> for an intermediate property, as the <c>??=</c> statements need it.</summary>
    public string NewObject(int index) => "new " + TypeName(index) + "()";

    private string Value(int index) =>
        index == LeafIndex
            ? Member()
            : "new " + TypeName(index) + " { " + Assignment(index + 1) + " }";

    private static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) == SyntaxKind.None ? identifier : "@" + identifier;
}
