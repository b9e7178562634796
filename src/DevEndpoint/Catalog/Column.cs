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

    /// <summary>
    /// The column parameter a file's schema sets on a column that held only nulls in the sample: its type (<c>string</c>)
    /// says nothing, so widening takes the other file's type. The crawler drops it before a table is stored.
    /// </summary>
    public const string NoValuesParameter = "noValues";

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>Whether the column held only nulls in the file it was inferred from (see <see cref="NoValuesParameter"/>).</summary>
    [JsonIgnore]
    public bool HasNoValues => Parameters?.ContainsKey(NoValuesParameter) is true;

    /// <summary>This column as a table stores it: without the <see cref="NoValuesParameter"/> mark.</summary>
    public Column WithoutNoValuesMark()
    {
        if (!HasNoValues)
        {
            return this;
        }

        var parameters = Parameters!.Where(p => p.Key != NoValuesParameter).ToDictionary(p => p.Key, p => p.Value);
        return this with { Parameters = parameters.Count == 0 ? null : parameters };
    }

    /// <summary>The types of a choice column, or none.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Choices =>
        Parameters?.TryGetValue(ChoiceParameter, out var choice) is true ? HiveTypes.SplitList(choice).ToList() : [];

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
        if (other.HasNoValues)
        {
            return this;
        }

        if (HasNoValues)
        {
            return other with { Name = Name, Comment = Comment ?? other.Comment };
        }

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
