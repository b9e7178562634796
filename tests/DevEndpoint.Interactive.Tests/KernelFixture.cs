using DevEndpoint.Samples;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace DevEndpoint.Interactive.Tests;

/// <summary>A real composite kernel with a C# kernel and the DevEndpoint extension loaded, over a fresh sample lake and catalog.</summary>
public sealed class KernelFixture : IAsyncDisposable
{
    private KernelFixture(CompositeKernel kernel, CSharpKernel csharp, string folder, string home, string? catalog)
    {
        Kernel = kernel;
        CSharp = csharp;
        Folder = folder;
        Home = home;
        CatalogPath = catalog ?? Path.Combine(folder, "catalog.db");
    }

    public CompositeKernel Kernel { get; }

    public CSharpKernel CSharp { get; }

    public string Folder { get; }

    /// <summary>Where the extension keeps compiled libraries and endpoint definitions.</summary>
    public string Home { get; }

    public string Lake => Path.Combine(Folder, "lake");

    /// <summary>What <see cref="MagicAsync"/> passes as <c>--catalog</c>: a file in <see cref="Folder"/>, or the catalog given at creation.</summary>
    public string CatalogPath { get; }

    /// <summary>
    /// A fresh kernel; with <paramref name="home"/>, one that shares another fixture's libraries and endpoints, as a restarted
    /// notebook does; with <paramref name="catalog"/>, one whose magics use that catalog (a <c>postgresql://</c> URL).
    /// </summary>
    public static async Task<KernelFixture> CreateAsync(string? home = null, string? catalog = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "devendpoint-kernel-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await SampleLake.WriteAsync(Path.Combine(folder, "lake"));
        var csharp = new CSharpKernel().UseValueSharing();
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        home ??= Path.Combine(folder, "home");
        await new DevEndpointKernelExtension(home).OnLoadAsync(kernel);
        return new KernelFixture(kernel, csharp, folder, home, catalog);
    }

    public Task<KernelCommandResult> SubmitAsync(string code) => Kernel.SendAsync(new SubmitCode(code));

    /// <summary>Submits a magic with <c>--catalog</c> pointing at this fixture's catalog.</summary>
    public Task<KernelCommandResult> MagicAsync(string magic) => SubmitAsync($"{magic} --catalog {CatalogPath}");

    public async Task CrawlSampleAsync()
    {
        var result = await MagicAsync($"#!crawl {Lake} --database sales");
        AssertSucceeded(result);
    }

    public static void AssertSucceeded(KernelCommandResult result)
    {
        var failure = result.Events.OfType<CommandFailed>().FirstOrDefault();
        Assert.True(failure is null, failure?.Message);
    }

    public static string Failure(KernelCommandResult result) =>
        Assert.Single(result.Events.OfType<CommandFailed>()).Message;

    /// <summary>The value the cell returned.</summary>
    public static object? ReturnValue(KernelCommandResult result)
    {
        AssertSucceeded(result);
        return Assert.Single(result.Events.OfType<ReturnValueProduced>()).Value;
    }

    /// <summary>All text/plain the command displayed.</summary>
    public static string Text(KernelCommandResult result) =>
        string.Join(
            "\n",
            result.Events.OfType<DisplayEvent>()
                .SelectMany(e => e.FormattedValues)
                .Where(v => v.MimeType == PlainTextFormatter.MimeType)
                .Select(v => v.Value));

    /// <summary>All HTML the command displayed, including in-place updates.</summary>
    public static string Html(KernelCommandResult result) =>
        string.Join(
            "\n",
            result.Events.OfType<DisplayEvent>()
                .SelectMany(e => e.FormattedValues)
                .Where(v => v.MimeType == HtmlFormatter.MimeType)
                .Select(v => v.Value));

    public async ValueTask DisposeAsync()
    {
        Kernel.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.Yield();
        Directory.Delete(Folder, recursive: true);
    }
}
