using System.Text.RegularExpressions;

namespace DevEndpoint.Formats.Csv;

/// <summary>Deciding whether the first record is a header.</summary>
internal static partial class CsvSniffer
{
    /// <summary>
    /// Glue's rule, improved: the first row is a header when its cells are short texts that are not numbers, booleans or
    /// dates (empty cells allowed, but not all), and either some data column is typed, or its cells are distinct, each
    /// looks like a column name and none of them recurs in the data below it. A first row that also holds numbers is a
    /// header when its cells are text in most of the typed columns below it (a numbered field like <c>1</c> among names).
    /// </summary>
    private static bool LooksLikeHeader(List<string[]> records)
    {
        var first = records[0];
        var named = first.Where(c => c.Length > 0).ToList();
        if (named.Count == 0 || named.Any(c => c.Length > 128))
        {
            return false;
        }

        var data = records.Skip(1).ToList();
        var types = InferTypes(data, first.Length);
        if (named.Any(c => TextValues.Infer(c).Kind != TypeKind.String || DateFormats.Infer([c]) is not null))
        {
            var typed = Enumerable.Range(0, first.Length).Where(i => types[i].Kind is not TypeKind.String and not TypeKind.Null).ToList();
            return typed.Count(i => types[i].Widen(TextValues.Infer(first[i])).Kind == TypeKind.String) * 2 > typed.Count;
        }

        if (types.Any(t => t.Kind is not TypeKind.String and not TypeKind.Null))
        {
            return true;
        }

        if (Enumerable.Range(0, first.Length).Any(i => DateFormats.Infer(ColumnValues(data, i)) is not null))
        {
            return true;
        }

        return named.Distinct(StringComparer.OrdinalIgnoreCase).Count() == named.Count
            && named.All(c => IdentifierLike().IsMatch(c))
            && Enumerable.Range(0, first.Length).All(i => first[i].Length == 0 || data.All(r => i >= r.Length || !string.Equals(r[i], first[i], StringComparison.OrdinalIgnoreCase)));
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_ .\-]{0,63}$")]
    private static partial Regex IdentifierLike();
}
