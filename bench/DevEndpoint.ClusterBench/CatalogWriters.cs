using System.Diagnostics;
using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;

namespace DevEndpoint.ClusterBench;

/// <summary>
/// <c>writers [commits=40]</c>: 1, 2, 4 and 8 processes at once, each making as many commits into one catalog, every other
/// one creating a table of its own and every other one updating a table they all share (read with its VersionId, put back:
/// a conflict when another process updated it in between). PostgreSQL, then a SQLite file; then the shared table's
/// version must be one more than the updates that succeeded, and every table created must be there.
/// </summary>
internal static class CatalogWriters
{
    private static readonly int[] Processes = [1, 2, 4, 8];

    public static string Run(int commits, string work)
    {
        using var server = new BenchWorkers("bigcrawl_writers");
        // The catalog takes the password from PGPASSWORD, here and in the writer processes.
        Environment.SetEnvironmentVariable("PGPASSWORD", server.Server.Password);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Catalog writers: N processes, {commits} commits each (half create a table, half update one shared table with its VersionId)");
        report.AppendLine();
        report.AppendLine("| store | processes | commits | conflicts (refused updates) | slowest process | commits per second |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (store, catalog) in new[] { ("PostgreSQL", server.Url), ("SQLite", Path.Combine(work, "writers.db")) })
        {
            foreach (var processes in Processes)
            {
                var database = $"run{processes}";
                var shared = new TableName(database, "shared");
                var opened = DataCatalog.Open(catalog);
                opened.Update(u =>
                {
                    u.EnsureDatabase(new Database { Name = database });
                    u.PutTable(Table(database, "shared"));
                });
                var children = Enumerable.Range(0, processes).Select(p => Start(catalog, database, p, commits, server.Server.Password!)).ToList();
                var answers = children.Select(c =>
                {
                    var line = c.StandardOutput.ReadToEnd();
                    c.WaitForExit();
                    return c.ExitCode == 0 ? line.Split(' ') : throw new InvalidOperationException($"A writer failed: {c.StandardError.ReadToEnd()}");
                }).ToList();
                var done = answers.Sum(a => int.Parse(a[0], CultureInfo.InvariantCulture));
                var conflicts = answers.Sum(a => int.Parse(a[1], CultureInfo.InvariantCulture));
                var slowest = answers.Max(a => double.Parse(a[2], CultureInfo.InvariantCulture));
                var updates = done - (processes * ((commits + 1) / 2));
                if (opened.GetTable(shared).VersionId != 1 + updates || opened.GetTables(database).Count != 1 + (processes * ((commits + 1) / 2)))
                {
                    throw new InvalidOperationException($"{store}: the shared table is at version {opened.GetTable(shared).VersionId} after {updates} updates; {opened.GetTables(database).Count} tables.");
                }

                report.AppendLine(CultureInfo.InvariantCulture, $"| {store} | {processes} | {done} | {conflicts} | {slowest:0.00} s | {done / slowest:0} |");
            }
        }

        return report.ToString();
    }

    /// <summary>In a writer process: the commits; prints how many committed, how many were refused, and the seconds taken.</summary>
    public static int Write(string catalog, string database, int process, int commits)
    {
        var opened = DataCatalog.Open(catalog);
        var (done, conflicts) = (0, 0);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < commits; i++)
        {
            if (i % 2 == 0)
            {
                opened.Update(u => u.PutTable(Table(database, $"p{process}_t{i}")));
                done++;
                continue;
            }

            var shared = opened.GetTable(new TableName(database, "shared"));
            try
            {
                opened.Update(u => u.PutTable(shared with { Parameters = new Dictionary<string, string>(shared.Parameters) { ["last"] = $"{process}/{i}" } }));
                done++;
            }
            catch (DevEndpointException e) when (e.Message.Contains("ConcurrentModificationException", StringComparison.Ordinal))
            {
                conflicts++;
            }
        }

        Console.Write(string.Create(CultureInfo.InvariantCulture, $"{done} {conflicts} {clock.Elapsed.TotalSeconds:0.000}"));
        return 0;
    }

    private static CatalogTable Table(string database, string name) => new()
    {
        Name = name,
        DatabaseName = database,
        StorageDescriptor = new StorageDescriptor { Columns = [new Column("id", "int")], Location = $"/data/{database}/{name}/" },
    };

    private static Process Start(string catalog, string database, int process, int commits, string password)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "DevEndpoint.ClusterBench.dll"), "writer", catalog, database, process.ToString(CultureInfo.InvariantCulture), commits.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = password;
        return Process.Start(start)!;
    }
}
