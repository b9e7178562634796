using System.Text.Json.Serialization;

namespace DevEndpoint.Catalog;

/// <summary>A column of a table or a partition key, as in Glue: a name, a Hive type string, a comment and parameters.</summary>
public sealed record Column(string Name, string Type, string? Comment = null)
{
    /// <summary>
    /// The column parameter that records a choice (Glue's choice type): the types the crawler saw in a column whose
    /// values conflict, comma-separated (<c>int,string</c>). The column's type is then <c>string</c>, which holds them all,
    /// until a ResolveChoice settles it.
    /// </summary>
    public const string ChoiceParameter = "choice";

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>The types of a choice column, or none.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Choices =>
        Parameters?.TryGetValue(ChoiceParameter, out var choice) is true ? choice.Split(',') : [];

    /// <summary>The type as people read it: <c>string (choice of int, string)</c> for a choice column.</summary>
    [JsonIgnore]
    public string DisplayType => Choices.Count > 0 ? $"{Type} (choice of {string.Join(", ", Choices)})" : Type;

    /// <summary>This column with a choice among <paramref name="types"/> recorded, when there are two or more.</summary>
    public Column WithChoices(IEnumerable<string> types)
    {
        var distinct = types.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count < 2)
        {
            return this;
        }

        var parameters = new Dictionary<string, string>(Parameters ?? new Dictionary<string, string>())
        {
            [ChoiceParameter] = string.Join(",", distinct),
        };
        return this with { Parameters = parameters };
    }

    /// <summary>
    /// This column widened to also hold <paramref name="other"/>'s values: the narrowest common type, and a choice
    /// when the two conflict (an <c>int</c> column meeting a <c>boolean</c> one becomes a choice of both).
    /// </summary>
    public Column WidenWith(Column other)
    {
        var type = HiveTypes.Widen(Type, other.Type);
        var widened = this with { Type = type };
        if (type != "string" || (Type == "string" && Choices.Count == 0) || (other.Type == "string" && other.Choices.Count == 0))
        {
            return widened;
        }

        return widened.WithChoices(Members(this).Concat(Members(other)));

        static IReadOnlyList<string> Members(Column column) => column.Choices.Count > 0 ? column.Choices : [column.Type];
    }
}
