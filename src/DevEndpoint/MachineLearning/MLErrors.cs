using DevEndpoint.Catalog;

namespace DevEndpoint.MachineLearning;

/// <summary>The errors of machine-learning transforms a user can act on, with their exact messages.</summary>
internal static class MLErrors
{
    public static DevEndpointException BadName(string name) => new(
        $"'{name}' is not a valid ML transform name. Use letters, digits, underscores, hyphens and dots (at most 255).");

    public static DevEndpointException OutOfRange(string parameter, double value) => new(FormattableString.Invariant(
        $"{parameter} must be between 0 and 1; got {value}."));

    /// <summary>The table has no column of that name to be <paramref name="role"/> ("the primary key", "the source column").</summary>
    public static DevEndpointException UnknownColumn(TableName table, string column, IEnumerable<string> columns, string role = "the primary key")
    {
        var names = columns.ToList();
        var closest = ClosestNames.Find(column, names);
        var hint = closest.Count > 0 ? $"Did you mean {Quote(closest)}?" : $"Its columns: {Quote(names.Take(20))}.";
        return new DevEndpointException($"Table {table} has no column '{column}' to be {role}. {hint}");
    }

    public static DevEndpointException MissingSource(TableName table, string column, string key) => new(
        $"Column '{column}' of {table} cannot be the source column: the record '{key}' has no value in it. Give every record the name of its source.");

    public static DevEndpointException OneSource(TableName table, string column, string value) => new(
        $"Column '{column}' of {table} cannot be the source column: every record has the value '{value}', so the table holds one source. Record linkage needs records of at least two sources; give the column that names each record's source, or create the transform without --source-column to find duplicates within the table.");

    public static DevEndpointException NotAPrimaryKey(TableName table, string column, string? value) => new(value is null
        ? $"Column '{column}' of {table} cannot be the primary key: some rows have no value in it. Choose a column that has a unique value on every row."
        : $"Column '{column}' of {table} cannot be the primary key: the value '{value}' is on more than one row. Choose a column that has a unique value on every row.");

    public static DevEndpointException NeedsLabels(MLTransform transform, int labelCount) => new(
        $"ML transform '{transform.Name}' needs labels with both matching and non-matching records (it has {labelCount} labels). Generate a labelling set with ml labeling-set {transform.Name}, fill in its label column and import it with ml import-labels {transform.Name}.");

    public static DevEndpointException NeedsTwoSets(MLTransform transform, int sets) => new(
        $"ML transform '{transform.Name}' needs labels from at least two labelling sets to be evaluated by cross-validation (it has {sets}). Generate another labelling set with ml labeling-set {transform.Name}, label it and import it.");

    public static DevEndpointException NoLabelFile(string path) => new(
        $"The labelling file {path} does not exist. Generate one with ml labeling-set <name> --output {path} and fill in its label column.");

    public static DevEndpointException BadLabelFile(string source, string reason) => new(
        $"{source} cannot be read as CSV: {reason}. Nothing was imported.");

    public static DevEndpointException MissingLabelColumn(string source, string column, MLTransform transform) => new(
        $"{source} has no column '{column}'. A labelling file has the columns labeling_set_id, label and then those of {transform.Source}, as ml labeling-set {transform.Name} writes them. Nothing was imported.");

    public static DevEndpointException EmptyLabelField(string where, string column) => new(column == "label"
        ? $"{where}: the label is empty. Give every record a label (records of one labelling set with the same label are one entity). Nothing was imported."
        : $"{where}: the {column} is empty. Keep the labelling set ids and primary keys of the generated file. Nothing was imported.");

    public static DevEndpointException UnknownRecord(string where, MLTransform transform, string key) => new(
        $"{where}: {transform.FindMatches.PrimaryKeyColumnName} '{key}' is not a record of {transform.Source}. Label only the records of a labelling set generated from that table. Nothing was imported.");

    public static DevEndpointException RepeatedRecord(string where, string setId, string key) => new(
        $"{where}: the record '{key}' is already in labelling set '{setId}' on an earlier row. List each record once per labelling set. Nothing was imported.");

    public static DevEndpointException NoLabelRows(string source) => new(
        $"{source} has no rows to import. Fill in the label column of a generated labelling set and import that.");

    public static DevEndpointException NoMatchesFile(string path) => new(
        $"The existing matches file {path} does not exist. Write one with ml find-matches <name> --output {path}.");

    public static DevEndpointException BadMatchesFile(string source, string reason) => new(
        $"{source} cannot be read as CSV: {reason}.");

    public static DevEndpointException NoMatchIdColumn(string source, MLTransform transform) => new(
        $"{source} has no column 'match_id'. Give the existing matches as an earlier find-matches of ML transform '{transform.Name}' wrote them: the columns of {transform.Source} plus match_id.");

    public static DevEndpointException MissingInputColumn(string source, string column, TableName table, IEnumerable<string> columns, string? extra) => new(
        $"{source} has no column '{column}'. Give the columns of {table}{Plus(extra)}: {Quote(columns)}.");

    public static DevEndpointException UnknownInputColumn(string source, string column, TableName table, IEnumerable<string> columns, string? extra) => new(
        $"{source} has a column '{column}' that {table} does not have. Give only the columns of {table}{Plus(extra)}: {Quote(columns)}.");

    public static DevEndpointException BadInputValue(string where, Column column, string value) => new(
        $"{where}: the {column.Name} '{value}' is not a value of type {column.Type}. Correct it or leave it empty.");

    public static DevEndpointException BadMatchId(string where, string? value) => new(value is null
        ? $"{where}: the match_id is empty. Give the match_id of every existing record as find-matches wrote it."
        : $"{where}: the match_id '{value}' is not a whole number. Give the match_id of every existing record as find-matches wrote it.");

    public static DevEndpointException EmptyInputKey(string where, string key) => new(
        $"{where}: the primary key {key} is empty. Give every record a value in {key}.");

    public static DevEndpointException RepeatedInputKey(string key, string value, string first, string second) => new(
        $"The primary key {key} must be unique across the existing matches and the new records, but '{value}' is on {LowerFirst(first)} and on {LowerFirst(second)}. Give each new record a primary key of its own.");

    public static DevEndpointException IncrementalNeedsBoth(string command, string existing) => new(
        $"Give {command} both --incremental <database>.<table> (the new records) and --existing {existing} (the records matched before, with match_id), or neither.");

    public static DevEndpointException NoEmbeddings() => new(
        $"Semantic blocking needs a sentence-embedding model, and the package {TextEmbedder.AssemblyName} that brings one is not loaded. In a notebook run #r \"nuget: {TextEmbedder.AssemblyName}\" first; in a project add a reference to {TextEmbedder.AssemblyName}; or create the transform with SemanticBlocking = Auto or Off to block without it.");

    private static string Plus(string? extra) => extra is null ? string.Empty : $" plus {extra}";

    private static string LowerFirst(string text) => text.StartsWith("The ", StringComparison.Ordinal) ? $"the {text[4..]}" : text;

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
