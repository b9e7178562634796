using System.Globalization;
using System.IO.Compression;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Loading;

/// <summary>Log tables load with their grok pattern: every field typed, lines that do not match set aside by the load's mode.</summary>
public sealed partial class LogLoadingTests : IDisposable
{
    private static readonly string[] CombinedColumns =
        ["clientip", "ident", "auth", "timestamp", "verb", "request", "httpversion", "rawrequest", "response", "bytes", "referrer", "agent"];

    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public LogLoadingTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_combined_access_log_loads_every_field_typed_and_sets_a_line_that_does_not_match_aside()
    {
        var log = await CrawlThenAddBadLineAsync(60);

        var table = catalog.GetTable(new TableName("lake", "access"));
        var result = await new TableLoader(catalog).LoadAsync("lake.access");

        Assert.Equal("combined_apache", table.Parameter("classification"));
        Assert.Equal(CombinedColumns, result.Frame.Columns.Select(c => c.Name));
        Assert.Equal(["string", "string", "string", "string", "string", "string", "string", "string", "int", "bigint", "string", "string"], table.StorageDescriptor.Columns.Select(c => c.Type));
        Assert.Equal(log.Entries.Select(e => e.Cells), Rows(result.Frame));
        Assert.Equal(1, result.BadRows);
        Assert.Equal(
            new object?[] { log.Path, (long)AccessLog.BadLine, null, AccessLog.BadText, "does not match the grok pattern %{COMBINEDAPACHELOG}" },
            result.Errors.Rows[0].ToArray());
    }

    [Fact]
    public async Task Ranges_of_a_large_log_give_the_rows_an_in_order_read_gives()
    {
        var log = await CrawlThenAddBadLineAsync(3000);

        var inOrder = await new TableLoader(catalog).LoadAsync("lake.access", new LoadOptions { Limit = long.MaxValue });
        var ranged = await new TableLoader(catalog) { RangeBytes = 20_000, MaxRanges = 64 }.LoadAsync("lake.access");

        Assert.True(ranged.PartsRead > 1);
        Assert.Equal(log.Entries.Select(e => e.Cells), Rows(ranged.Frame));
        Assert.Equal(Rows(inOrder.Frame), Rows(ranged.Frame));
        Assert.Equal((long)AccessLog.BadLine, Assert.Single(ranged.Errors.Rows)["line"]);
    }

    [Fact]
    public async Task A_gzip_compressed_log_loads_the_same_rows()
    {
        var gzipped = temp.Combine("lake", "access", "access.log.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(gzipped)!);
        Gzip(AccessLog.Write(temp, "plain/access.log", 200, withBadLine: false).Path, gzipped);
        await CrawlAsync();
        var log = AccessLog.Write(temp, "plain/access.log", 200, withBadLine: true);
        Gzip(log.Path, gzipped);

        var result = await new TableLoader(catalog).LoadAsync("lake.access");

        Assert.Equal("gzip", catalog.GetTable(new TableName("lake", "access")).Parameter("compressionType"));
        Assert.Equal(log.Entries.Select(e => e.Cells), Rows(result.Frame));
        Assert.Equal(new object?[] { gzipped, (long)AccessLog.BadLine }, result.Errors.Rows[0].Take(2).ToArray());
    }

    [Fact]
    public async Task Only_the_requested_columns_are_returned_and_a_limit_stops_after_that_many_good_lines()
    {
        var log = await CrawlThenAddBadLineAsync(60);

        var result = await new TableLoader(catalog).LoadAsync("lake.access", new LoadOptions { Columns = ["bytes", "clientip"], Limit = 5 });

        Assert.Equal(["bytes", "clientip"], result.Frame.Columns.Select(c => c.Name));
        Assert.Equal(log.Entries.Take(5).Select(e => new[] { e.Cells[9], e.Cells[0] }), Rows(result.Frame));
        Assert.Equal(1, result.BadRows);
    }

    [Fact]
    public async Task A_sampled_load_keeps_the_lines_whose_offset_hashes_under_the_fraction_on_every_load()
    {
        var log = await CrawlThenAddBadLineAsync(400);
        var threshold = Sampling.Threshold(0.25);
        var expected = log.Entries.Where(e => Sampling.Hash(e.Offset) < threshold).Select(e => e.Cells).ToList();

        var first = await new TableLoader(catalog).LoadAsync("lake.access", new LoadOptions { SampleFraction = 0.25 });
        var again = await new TableLoader(catalog) { RangeBytes = 10_000, MaxRanges = 64 }.LoadAsync("lake.access", new LoadOptions { SampleFraction = 0.25 });

        Assert.InRange(expected.Count, 60, 140);
        Assert.Equal(expected, Rows(first.Frame));
        Assert.Equal(expected, Rows(again.Frame));
    }

    [Fact]
    public async Task Fail_fast_names_the_file_line_and_text_of_a_line_that_does_not_match()
    {
        var log = await CrawlThenAddBadLineAsync(60);

        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TableLoader(catalog).LoadAsync("lake.access", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal(
            $"{log.Path}: line 4 does not match the grok pattern %{{COMBINEDAPACHELOG}}: '{AccessLog.BadText}'. Fix the line, or load with --mode permissive or dropmalformed to set such lines aside.",
            error.Message);
    }

    [Fact]
    public async Task Drop_malformed_counts_lines_that_do_not_match_and_a_threshold_below_them_fails_the_load()
    {
        var log = await CrawlThenAddBadLineAsync(60);

        var dropped = await new TableLoader(catalog).LoadAsync("lake.access", new LoadOptions { Mode = BadRecordMode.DropMalformed });
        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TableLoader(catalog).LoadAsync("lake.access", new LoadOptions { Mode = BadRecordMode.DropMalformed, ErrorThreshold = 0 }));

        Assert.Equal((60L, 1L, 0L), (dropped.Frame.Rows.Count, dropped.BadRows, dropped.Errors.Rows.Count));
        Assert.Equal(
            $"Loading lake.access found 1 bad rows, more than the error threshold of 0. The first: {log.Path}: line 4: does not match the grok pattern %{{COMBINEDAPACHELOG}}. Fix the data, re-crawl the table if its data changed, or raise the threshold.",
            error.Message);
    }

    [Fact]
    public async Task Kernel_log_lines_load_with_and_without_a_program_id()
    {
        var lines = new List<(string Timestamp, string Host, string Program, int? Pid, string Message)>();
        for (var i = 0; i < 50; i++)
        {
            var at = new DateTime(2026, 11, 1 + (i % 28), i % 24, (i * 7) % 60, (i * 13) % 60);
            var timestamp = $"{at.ToString("MMM", CultureInfo.InvariantCulture)} {at.Day,2} {at.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}";
            lines.Add(i % 3 == 0
                ? (timestamp, "host-1", "kernel", null, $"[ {i,4}.{i * 31 % 1000:000000}] usb {i % 4}-1: new device é{i}")
                : (timestamp, i % 2 == 0 ? "10.0.0.7" : "db.example.com", i % 2 == 0 ? "sshd" : "CRON", 100 + i, $"session {i} opened for user u{i % 5}"));
        }

        temp.Write("lake/messages/messages", string.Concat(lines.Select(l => $"{l.Timestamp} {l.Host} {l.Program}{(l.Pid is { } pid ? $"[{pid}]" : string.Empty)}: {l.Message}\n")));
        await CrawlAsync();

        var result = await new TableLoader(catalog).LoadAsync("lake.messages");

        Assert.Equal("linux_kernel", catalog.GetTable(new TableName("lake", "messages")).Parameter("classification"));
        Assert.Equal(["timestamp", "logsource", "program", "pid", "message"], result.Frame.Columns.Select(c => c.Name));
        Assert.Equal(lines.Select(l => new object?[] { l.Timestamp, l.Host, l.Program, l.Pid, l.Message }), Rows(result.Frame));
    }

    [Fact]
    public async Task A_latin_1_log_loads_its_text_as_the_crawler_read_it()
    {
        var path = temp.Combine("lake", "messages", "messages");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("Nov 25 04:58:22 host-1 app[7]: café ouvert\nNov 25 04:58:23 host-1 app[7]: prêt\n"));
        await CrawlAsync();

        var result = await new TableLoader(catalog).LoadAsync("lake.messages", new LoadOptions { Columns = ["message"] });

        Assert.Equal(new object?[] { "café ouvert", "prêt" }, result.Frame.Columns["message"].Cast<object?>().ToArray());
    }

    private static List<object?[]> Rows(DataFrame frame) =>
        Enumerable.Range(0, (int)frame.Rows.Count).Select(i => frame.Columns.Select(c => (object?)c[i]).ToArray()).ToList();

    private static void Gzip(string source, string target)
    {
        using var output = new GZipStream(File.Create(target), CompressionLevel.Optimal);
        output.Write(File.ReadAllBytes(source));
    }

    /// <summary>
    /// Crawls an access log, then writes it again with a line that does not match at line 4. (With that line in its
    /// sample the crawler's CSV sniffer claims the file, splitting it at '['.)
    /// </summary>
    private async Task<AccessLog> CrawlThenAddBadLineAsync(int count)
    {
        AccessLog.Write(temp, "lake/access/access.log", count, withBadLine: false);
        await CrawlAsync();
        return AccessLog.Write(temp, "lake/access/access.log", count, withBadLine: true);
    }

    private Task CrawlAsync() => new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

    /// <summary>A combined-format access log written line by line from known fields, with an empty line at line 8, and a line that does not match at line 4 when asked.</summary>
    private sealed record AccessLog(string Path, IReadOnlyList<AccessLog.Entry> Entries)
    {
        public const int BadLine = 4;
        public const string BadText = "GET /no-client-or-date 200";

        private static readonly string[] Verbs = ["GET", "POST", "PUT", "DELETE"];
        private static readonly int[] Statuses = [200, 201, 304, 404, 500];

        public static AccessLog Write(TempFolder folder, string relativePath, int count, bool withBadLine)
        {
            var text = new StringBuilder();
            var entries = new List<Entry>();
            var (line, offset) = (1, 0L);
            void Append(string content)
            {
                text.Append(content);
                (line, offset) = (line + 1, offset + Encoding.UTF8.GetByteCount(content));
            }

            for (var i = 0; i < count; i++)
            {
                if (line == BadLine && withBadLine)
                {
                    Append(BadText + "\n");
                }
                else if (line == 8)
                {
                    Append("\n");
                }

                entries.Add(Make(i) with { Offset = offset });
                Append(entries[^1].Line + (i % 2 == 0 ? "\n" : "\r\n"));
            }

            return new AccessLog(folder.Write(relativePath, text.ToString()), entries);
        }

        private static Entry Make(int i)
        {
            var client = i % 5 == 0 ? $"host-{i % 7}.example.com" : $"10.{i % 256}.{i * 7 % 256}.{i * 13 % 256}";
            var auth = i % 3 == 0 ? $"user{i % 4}" : "-";
            var timestamp = new DateTime(2026, 1, 1).AddSeconds(i * 3637).ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture) + (i % 2 == 0 ? " +0000" : " -0700");
            var verb = Verbs[i % Verbs.Length];
            var request = $"/items/{i}?q=a%20b";
            var version = i % 2 == 0 ? "1.1" : "2.0";
            (string? v, string? r, string? h, string? raw) = (i % 11) switch
            {
                0 => ((string?)null, (string?)null, (string?)null, (string?)"-"),
                1 => (verb, request, null, null),
                _ => (verb, request, version, null),
            };
            long? bytes = i % 6 == 0 ? null : (i * 97L) + (i % 9 == 0 ? 5_000_000_000L : 0);
            var referrer = i % 4 == 0 ? "-" : $"https://example.com/page/{i % 10}";
            var agent = i % 9 == 4 ? "Mozilla/5.0 (Zürich; \\\"quoted\\\")" : $"curl/8.{i % 5}";
            var requestText = raw ?? (h is null ? $"{v} {r}" : $"{v} {r} HTTP/{h}");
            return new Entry(
                $"{client} - {auth} [{timestamp}] \"{requestText}\" {Statuses[i % Statuses.Length]} {(bytes is { } b ? b.ToString(CultureInfo.InvariantCulture) : "-")} \"{referrer}\" \"{agent}\"",
                [client, "-", auth, timestamp, v, r, h, raw, Statuses[i % Statuses.Length], bytes, $"\"{referrer}\"", $"\"{agent}\""],
                0);
        }

        /// <summary>One line, the values its fields load as, and the byte offset it starts at.</summary>
        public sealed record Entry(string Line, object?[] Cells, long Offset);
    }
}
