using DevEndpoint.Formats;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Loading;

/// <summary>The error frame of a load: the bad rows its readers kept aside.</summary>
internal static class BadRecordFrames
{
    /// <summary>The kept rows as a frame with the columns <c>file</c>, <c>line</c>, <c>column</c>, <c>value</c> and <c>reason</c>.</summary>
    public static ErrorFrame ToFrame(this BadRecords bad) => new(
        new StringDataFrameColumn("file", bad.Kept.Select(r => r.File)),
        new Int64DataFrameColumn("line", bad.Kept.Select(r => r.Line)),
        new StringDataFrameColumn("column", bad.Kept.Select(r => r.Column)),
        new StringDataFrameColumn("value", bad.Kept.Select(r => r.Value)),
        new StringDataFrameColumn("reason", bad.Kept.Select(r => r.Reason)));
}
