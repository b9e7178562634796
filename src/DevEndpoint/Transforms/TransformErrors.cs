namespace DevEndpoint.Transforms;

/// <summary>The errors the transforms report, in one place so their wording stays consistent (and tests pin it). Types are named as Hive names them.</summary>
internal static class TransformErrors
{
    public const string AcceptedTypes = "boolean, tinyint, smallint, int, bigint, float, double, decimal(p,s), date, timestamp, string";

    public const string AcceptedSpecs = "cast:<type>, project:<type>, make_cols or make_struct";

    public static DevEndpointException NullFrame(string transform, string which) => new(
        $"{transform}: {which} is null. A cell that failed leaves its variables null: run the cell that makes it again.");

    public static DevEndpointException NullArgument(string transform, string what, string example) => new(
        $"{transform}: {what} is null; give {example}.");

    public static DevEndpointException MissingColumn(string transform, string name, IReadOnlyList<string> columns)
    {
        var closest = ClosestNames.Find(name, columns);
        var hint = closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : string.Empty;
        return new($"{transform}: column '{name}' does not exist.{hint} Columns: {string.Join(", ", columns)}.");
    }

    public static DevEndpointException NamedTwice(string transform, string name) => new(
        $"{transform}: column '{name}' is named twice; name each column once.");

    public static DevEndpointException NotAType(string transform, string type) => new(
        $"{transform}: '{type}' is not a type. Use one of: {AcceptedTypes}.");

    public static DevEndpointException NoCast(string transform, string column, string from, string to) => new(
        $"{transform}: column '{column}' holds {from} values, which do not cast to {to}. "
        + "Casts go between numbers and boolean, between date and timestamp, and from and to string.");

    public static DevEndpointException WrongSourceType(string column, string holds, string declared) => new(
        $"ApplyMapping: column '{column}' holds {holds} values, not {declared}; give {holds} (or a type it widens to) as the mapping's source type.");

    public static DevEndpointException TargetTwice(string column) => new($"ApplyMapping: two mappings target column '{column}'.");

    public static DevEndpointException NoMappings() => new(
        "ApplyMapping: no mappings given; list at least one (source, source type, target, target type).");

    public static DevEndpointException NotASpec(string spec) => new($"ResolveChoice: '{spec}' is not a spec. Use {AcceptedSpecs}.");

    public static DevEndpointException NoSpecs() => new(
        $"ResolveChoice: no specs given; list at least one (column, spec), the spec one of {AcceptedSpecs}.");

    public static DevEndpointException NotAChoice(string column, string type) => new(
        $"ResolveChoice: column '{column}' is not a choice column (its type is {type}); cast it with ApplyMapping.");

    public static DevEndpointException NotChoiceText(string column, string holds) => new(
        $"ResolveChoice: column '{column}' holds {holds} values, not the text of a choice column; resolve it by name: ResolveChoice(\"{column}\", \"cast:<type>\").");

    public static DevEndpointException NotAChoiceOf(string column, IEnumerable<string> choices, string type) => new(
        $"ResolveChoice: column '{column}' holds {Listed(choices)} values, none of {type}; project to one of those, or cast with cast:{type}.");

    public static DevEndpointException ColumnExists(string transform, string column, string action) => new(
        $"{transform}: {action} would make column '{column}', which the frame already has; rename or drop it first.");

    public static DevEndpointException KeyCounts(int left, int right) => new(
        $"Join: give as many right keys as left keys, at least one ({left} left, {right} right).");

    public static DevEndpointException KeyTypes(string leftKey, string leftType, string rightKey, string rightType) => new(
        $"Join: key '{leftKey}' holds {leftType} values on the left and '{rightKey}' {rightType} values on the right, "
        + "which do not compare; cast one with ApplyMapping first.");

    public static DevEndpointException Widening(string transform, string column, string wider, RowErrors failed) => new(
        $"{transform}: {failed.Count} value(s) of column '{column}' do not fit {wider}, the type both sides widen to "
        + $"(the first, '{failed.First.Value}': {failed.First.Reason}); cast the columns with ApplyMapping first.");

    public static DevEndpointException BothHave(string column) => new(
        $"Join: both frames have column '{column}'; rename one with RenameField first.");

    public static DevEndpointException ExtraColumn(string column) => new(
        $"Union: the second frame has column '{column}', which the first does not; drop it or add it to the first.");

    public static DevEndpointException UnionTypes(string column, string first, string second) => new(
        $"Union: column '{column}' holds {first} values in the first frame and {second} values in the second, "
        + "which have no common type; cast one with ApplyMapping first.");

    public static DevEndpointException RenameExists(string column) => new(
        $"RenameField: column '{column}' already exists; drop it or choose another name.");

    public static DevEndpointException EmptyName(string transform) => new($"{transform}: the new name is empty; give a column name.");

    public static DevEndpointException NoAggregate(string column, string holds, string method) => new(
        $"FillMissingValues: column '{column}' holds {holds} values, which have no {method}; use Mode or Constant.");

    public static DevEndpointException ConstantOnly() => new("FillMissingValues: give a value with Constant, and only with Constant.");

    public static DevEndpointException NotAFill(string text, string column, string type) => new(
        $"FillMissingValues: '{text}' is not a value of column '{column}', which holds {type} values.");

    public static DevEndpointException NotJsonText(string column, string holds) => new(
        $"Unbox: column '{column}' holds {holds} values, not JSON text.");

    public static DevEndpointException NegativeThreshold(long threshold) => new(
        $"FailIfMoreErrorsThan: the threshold is {threshold}; give 0 or more.");

    /// <summary><c>int</c>, <c>int and string</c>, <c>int, double and string</c>.</summary>
    private static string Listed(IEnumerable<string> items) =>
        items.ToList() is [.. var first, var last] && first.Count > 0 ? $"{string.Join(", ", first)} and {last}" : string.Join(string.Empty, items);
}
