using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace DevEndpoint.Sql;

/// <summary>The messages of queries that fail: DuckDB's own message, placed at the query's line and column when DuckDB gives a position.</summary>
internal static partial class SqlErrors
{
    /// <summary>A result's text column past what a <c>Utf8StringDataFrameColumn</c> holds (its offsets are 32-bit).</summary>
    public static DevEndpointException TooMuchText() => new(
        "A text column of the result holds more than 2 GiB, more than a UTF-8 string column can hold. Run the query with --strings dotnet, or return fewer rows or shorter text.");

    /// <summary>
    /// DuckDB's error as the user's: <c>Line 2, column 15: Binder Error: ...</c>, the position counted in the query as
    /// written (saved queries put before it by <c>--with</c> not counted), without DuckDB's excerpt of the line.
    /// </summary>
    public static DevEndpointException From(DuckDBException exception, SqlText text)
    {
        var message = exception.Message;
        var excerpt = Excerpt().Match(message);
        if (!excerpt.Success)
        {
            return new DevEndpointException(message.Trim(), exception);
        }

        var what = message[..excerpt.Index].Trim();
        var line = int.Parse(excerpt.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var lines = text.Text.Split('\n');
        var shown = excerpt.Groups["shown"].Value;
        var caret = excerpt.Groups["caret"].Value.Length - excerpt.Groups["label"].Value.Length;
        var skipped = shown.StartsWith("...", StringComparison.Ordinal) ? 3 : 0;
        var found = line <= lines.Length ? lines[line - 1].TrimEnd('\r').IndexOf(shown[skipped..].TrimEnd('.'), StringComparison.Ordinal) : -1;
        var column = Math.Max(0, found) + caret - skipped + 1;
        var where = line <= text.PrefixLines
            ? "In a saved query of --with"
            : $"Line {line - text.PrefixLines}, column {column}";
        return new DevEndpointException($"{where}: {what}", exception);
    }

    [GeneratedRegex(@"\n*(?<label>LINE (?<line>\d+): )(?<shown>[^\n]*)\n(?<caret> *)\^", RegexOptions.CultureInvariant)]
    private static partial Regex Excerpt();
}
