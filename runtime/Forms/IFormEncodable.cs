namespace AccountLinkGen;

/// <summary>
/// A request-options object that can write itself as Stripe form parameters. Generated option classes implement
/// it with straight-line code: no reflection.
/// </summary>
public interface IFormEncodable
{
    /// <summary>Writes every set property, in spec order, under the writer's current key.</summary>
    /// <param name="writer">The writer to append <c>key=value</c> pairs to.</param>
    void WriteForm(ref FormWriter writer);
}
