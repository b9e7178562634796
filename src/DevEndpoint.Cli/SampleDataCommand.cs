using System.CommandLine;
using DevEndpoint.Samples;

namespace DevEndpoint.Cli;

internal static class SampleDataCommand
{
    public static Command Create(TextWriter output)
    {
        var folder = new Argument<string>("folder") { Description = "Where to write the sample data lake." };
        var command = new Command("sample-data", "Write a small sales data lake (CSV partitioned by year/month, gzipped JSON lines, Parquet) to try DevEndpoint on.") { folder };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = await SampleLake.WriteAsync(parse.GetValue(folder)!, cancellationToken);
            await output.WriteLineAsync($"Wrote {files.Count} files under {Path.GetFullPath(parse.GetValue(folder)!)}.");
            return 0;
        });
        return command;
    }
}
