using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Sql;

/// <summary>Compares a query's DataFrame with one computed in C#: the same column names and .NET types, and every cell equal (nulls as nulls).</summary>
internal static class SameCells
{
    public static void Assert(DataFrame expected, DataFrame actual)
    {
        Xunit.Assert.Equal(expected.Columns.Select(c => $"{c.Name} {c.DataType.Name}"), actual.Columns.Select(c => $"{c.Name} {c.DataType.Name}"));
        Xunit.Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        var differences = new List<string>();
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            for (long r = 0; r < expected.Rows.Count; r++)
            {
                if (!Equals(expected.Columns[c][r], actual.Columns[c][r]))
                {
                    differences.Add($"row {r}, {expected.Columns[c].Name}: expected {expected.Columns[c][r] ?? "null"}, got {actual.Columns[c][r] ?? "null"}");
                }
            }
        }

        Xunit.Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>The loaded frame's rows in the order of <paramref name="key"/>'s values (nulls last), as ORDER BY key gives them.</summary>
    public static DataFrame OrderBy(DataFrame frame, string key) => frame.OrderBy(key);

    /// <summary>A frame of the given columns.</summary>
    public static DataFrame Frame(params DataFrameColumn[] columns) => new(columns);
}
