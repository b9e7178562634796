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
    /// Below a preamble (a title, a note), a row of column names is the header whatever the data below it.
    /// </summary>
    private static bool LooksLikeHeader(List<string[]> records, bool afterPreamble, BelowFirst below)
    {
        var first = records[0];
        if (afterPreamble && IsLabelRow(first))
        {
            return true;
        }

        var named = first.Where(c => c.Length > 0).ToList();
        if (named.Count == 0 || named.Any(c => c.Length > 128))
        {
            return false;
        }

        var data = below.Records;
        var types = below.Types(first.Length);
        if (named.Any(c => TextValues.Infer(c).Kind != TypeKind.String || DateFormats.Infer([c]) is not null))
        {
            var typed = Enumerable.Range(0, first.Length).Where(i => types[i].Kind is not TypeKind.String and not TypeKind.Null).ToList();
            return typed.Count(i => types[i].Widen(TextValues.Infer(first[i])).Kind == TypeKind.String) * 2 > typed.Count;
        }

        if (types.Any(t => t.Kind is not TypeKind.String and not TypeKind.Null))
        {
            return true;
        }

        if (Enumerable.Range(0, first.Length).Any(i => MayBeDates(data, i) && DateFormats.Infer(ColumnValues(data, i)) is not null))
        {
            return true;
        }

        return named.Distinct(StringComparer.OrdinalIgnoreCase).Count() == named.Count
            && named.All(c => ColumnNameLike().IsMatch(c))
            && Enumerable.Range(0, first.Length).All(i => first[i].Length == 0 || data.All(r => i >= r.Length || !string.Equals(r[i], first[i], StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Whether a record's filled cells (at least one) are all column names that are not numbers, booleans or dates.</summary>
    private static bool IsLabelRow(string[] record) =>
        record.Any(c => c.Length > 0)
        && record.All(c => c.Length == 0 || (ColumnNameLike().IsMatch(c) && TextValues.Infer(c).Kind == TypeKind.String && DateFormats.Infer([c]) is null));

    /// <summary>Whether a record is a sentence the delimiter split: a word first, and most of the other fields start with a space.</summary>
    private static bool IsProse(string[] record) =>
        record.Length >= 2 && record[0].Count(char.IsLetter) >= 3 && record.Skip(1).Count(c => c.StartsWith(' ')) * 2 >= record.Length - 1;

    /// <summary>Whether the first record is text above a data column of numbers, booleans or dates.</summary>
    private static bool HeadsTypedData(List<string[]> records)
    {
        var types = InferTypes(records.Skip(1).ToList(), records[0].Length);
        return types.Any(t => t.Kind is not TypeKind.String and not TypeKind.Null);
    }

    /// <summary>
    /// A column name as publishers write them: an ASCII letter, or two to 64 letters (of any script), digits, spaces and the
    /// punctuation of names and units (<c>_ . - ( ) / % ° ' # + [ ]</c>, currency signs) holding a letter and starting with
    /// a letter, underscore or parenthesis.
    /// </summary>
    [GeneratedRegex(@"^(?=.*\p{L})(?:[A-Za-z_]|[\p{L}_(][\p{L}\p{M}\p{N}\p{Sc} _.\-()/%°'’#+\[\]]{1,63}(?<! ))$")]
    private static partial Regex ColumnNameLike();
}
