using System.Diagnostics;
using System.Net.Sockets;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using Xunit.Abstractions;

namespace DevEndpoint.Tests.Crawling;

public sealed class CrawlBadInputTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_symbolic_link_to_a_folder_that_contains_it_is_reported_and_not_followed()
    {
        temp.Write("lake/events/a.csv", "id,kind\n1,click\n");
        Directory.CreateSymbolicLink(temp.Combine("lake", "events", "loop"), temp.Combine("lake"));

        var result = await CrawlAsync();

        var skipped = Assert.Single(result.SkippedFiles);
        Assert.Equal($"events/loop/: symbolic link loop: it points to {temp.Combine("lake")}, a folder that contains it; not followed", $"{skipped.Path}: {skipped.Reason}");
        Assert.Equal("events 1", $"{Assert.Single(result.Tables).Name} {result.Tables[0].Files}");
    }

    [Fact]
    public async Task A_symbolic_link_to_a_folder_outside_the_include_path_is_followed()
    {
        temp.Write("elsewhere/a.csv", "id,kind\n1,click\n");
        temp.Write("lake/orders/a.csv", "order_id,amount\n1,9.5\n");
        Directory.CreateSymbolicLink(temp.Combine("lake", "events"), temp.Combine("elsewhere"));

        var result = await CrawlAsync();

        Assert.Empty(result.SkippedFiles);
        Assert.Equal(new[] { "events", "orders" }, result.Tables.Select(t => t.Name));
    }

    [Fact]
    public async Task A_broken_symbolic_link_is_reported()
    {
        temp.Write("lake/events/a.csv", "id,kind\n1,click\n");
        File.CreateSymbolicLink(temp.Combine("lake", "events", "b.csv"), temp.Combine("gone.csv"));

        var result = await CrawlAsync();

        var skipped = Assert.Single(result.SkippedFiles);
        Assert.Equal($"events/b.csv: broken symbolic link to {temp.Combine("gone.csv")}: not followed", $"{skipped.Path}: {skipped.Reason}");
        Assert.Single(result.Tables);
    }

    [Fact]
    public async Task An_empty_folder_is_reported_and_makes_no_table()
    {
        temp.Write("lake/events/a.csv", "id,kind\n1,click\n");
        Directory.CreateDirectory(temp.Combine("lake", "returns", "2024"));

        var result = await CrawlAsync();

        var skipped = Assert.Single(result.SkippedFiles);
        Assert.Equal("returns/2024/: empty folder: it holds no files, so it makes no table", $"{skipped.Path}: {skipped.Reason}");
        Assert.Equal("events", Assert.Single(result.Tables).Name);
    }

    [Fact]
    public async Task A_socket_or_a_named_pipe_is_reported_as_empty_without_being_opened()
    {
        temp.Write("lake/events/a.csv", "id,kind\n1,click\n");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(temp.Combine("lake", "events", "b.csv")));
        var pipe = temp.Combine("lake", "events", "c.csv");
        if (!OperatingSystem.IsWindows())
        {
            using var mkfifo = Process.Start("mkfifo", [pipe]);
            await mkfifo.WaitForExitAsync();
        }

        var result = await CrawlAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(
            OperatingSystem.IsWindows() ? ["events/b.csv: the file is empty."] : new[] { "events/b.csv: the file is empty.", "events/c.csv: the file is empty." },
            result.SkippedFiles.Select(s => $"{s.Path}: {s.Reason}"));
        Assert.Equal("events 1", $"{Assert.Single(result.Tables).Name} {result.Tables[0].Files}");
    }

    [Fact]
    public async Task A_file_without_read_permission_is_reported_and_the_rest_is_catalogued()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            output.WriteLine("Not checked: running as root (or on Windows), where a file mode does not block reading.");
            return;
        }

        temp.Write("lake/events/a.csv", "id,kind\n1,click\n");
        var locked = temp.Write("lake/events/b.csv", "id,kind\n2,view\n");
        File.SetUnixFileMode(locked, UnixFileMode.None);

        var result = await CrawlAsync();

        var skipped = Assert.Single(result.SkippedFiles);
        Assert.Equal($"events/b.csv: cannot be read (Access to the path '{locked}' is denied)", $"{skipped.Path}: {skipped.Reason}");
        Assert.Single(result.Tables);
    }

    [Fact]
    public async Task A_folder_without_read_permission_is_reported_and_the_rest_is_catalogued()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            output.WriteLine("Not checked: running as root (or on Windows), where a folder mode does not block listing it.");
            return;
        }

        temp.Write("lake/events/a.csv", "id,kind\n1,click\n");
        var locked = temp.Combine("lake", "locked");
        temp.Write("lake/locked/a.csv", "id,kind\n2,view\n");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var result = await CrawlAsync();

            var skipped = Assert.Single(result.SkippedFiles);
            Assert.Equal($"locked/: the folder cannot be read (Access to the path '{locked}' is denied)", $"{skipped.Path}: {skipped.Reason}");
            Assert.Equal("events", Assert.Single(result.Tables).Name);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private Task<CrawlResult> CrawlAsync() =>
        new Crawler(DataCatalog.Open(temp.Combine("catalog.db"))).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
}
