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
    private KernelFixture(CompositeKernel kernel, CSharpKernel csharp, string folder)
    {
        Kernel = kernel;
        CSharp = csharp;
        Folder = folder;
    }

    public CompositeKernel Kernel { get; }

    public CSharpKernel CSharp { get; }

    public string Folder { get; }

    public string Lake => Path.Combine(Folder, "lake");

    public string CatalogPath => Path.Combine(Folder, "catalog.db");

    public static async Task<KernelFixture> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "devendpoint-kernel-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await SampleLake.WriteAsync(Path.Combine(folder, "lake"));
        var csharp = new CSharpKernel().UseValueSharing();
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        await new DevEndpointKernelExtension().OnLoadAsync(kernel);
        return new KernelFixture(kernel, csharp, folder);
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
