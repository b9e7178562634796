using System.Globalization;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Views;

/// <summary>What <c>#!sql</c> shows above its result's first rows.</summary>
internal static class SqlViews
{
    public static string Summary(string variable, DataFrame frame, int shown)
    {
        var rows = frame.Rows.Count;
        var first = rows > shown ? $"; the first {shown.ToString(CultureInfo.InvariantCulture)} below" : string.Empty;
        return new HtmlTable()
            .Paragraph($"{variable}: {rows.ToString(CultureInfo.InvariantCulture)} rows x {frame.Columns.Count.ToString(CultureInfo.InvariantCulture)} columns{first}.")
            .ToString();
    }
}
