using System.Diagnostics;
using CsvHelper;
using DevEndpoint.Formats.Csv;

namespace DevEndpoint.CsvBench;

/// <summary>
/// The sniffer reads its sample (64K characters) once a candidate dialect, into strings, noting which fields were quoted:
/// here with its own <see cref="CsvRecordReader"/> and with CsvHelper, each reading the sample 200 times a run.
/// </summary>
internal static class SniffSample
{
    private const int Reads = 200;

    /// <summary>The median time of each; both count the same fields and quoted fields, or the measurement is void.</summary>
    public static (TimeSpan Own, TimeSpan CsvHelper) Measure(string sample, int runs) =>
        Own(sample) == WithCsvHelper(sample)
            ? (Median(runs, () => Own(sample)), Median(runs, () => WithCsvHelper(sample)))
            : throw new InvalidOperationException("The two readers split the sample differently.");

    private static long Own(string sample)
    {
        var fields = new List<string>();
        var count = 0L;
        for (var i = 0; i < Reads; i++)
        {
            var reader = new CsvRecordReader(new StringReader(sample), new CsvDialect());
            while (reader.TryRead(fields))
            {
                count += fields.Count + reader.Quoted.Count(q => q);
            }
        }

        return count;
    }

    private static long WithCsvHelper(string sample)
    {
        var count = 0L;
        var options = CsvReaderOptions.Default with { Separator = ',', HasHeader = false, TrackLineNumbers = true };
        for (var i = 0; i < Reads; i++)
        {
            using var reader = CsvReader.FromText(sample, options);
            while (reader.Read())
            {
                for (var f = 0; f < reader.FieldCount; f++)
                {
                    _ = reader.GetString(f);
                    count += reader.GetRawSpan(f) is [(byte)'"', ..] ? 2 : 1;
                }
            }
        }

        return count;
    }

    private static TimeSpan Median(int runs, Func<long> run)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            times.Add(clock.Elapsed);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
