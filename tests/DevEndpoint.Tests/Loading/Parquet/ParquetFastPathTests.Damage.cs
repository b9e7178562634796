using System.Globalization;
using DevEndpoint.Formats.Parquet.Pages;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using DevEndpoint.Tests.Loading.Parity;
using global::Parquet;
using global::Parquet.Serialization;
using Microsoft.Data.Analysis;
using Xunit.Abstractions;

namespace DevEndpoint.Tests.Loading.Parquet;

/// <summary>The fast Parquet path on limits, projections and damaged files: it reads only what it is asked for and fails as Parquet.Net does.</summary>
public sealed partial class ParquetFastPathTests
{
    [Fact]
    public async Task A_limit_and_a_projection_read_only_the_chunks_and_rows_asked_for()
    {
        using var folder = new TempFolder();
        await WriteAsync(folder.Combine("t", "rows.parquet"), CompressionMethod.Snappy);
        using var lake = await CrawledFolder.CreateAsync(folder.Path, "fast");
        var options = new LoadOptions { Columns = ["name", "price", "amount"], Limit = 1500 };

        var paths = ChunkPaths.Watch();
        var frame = (await lake.LoadAsync("t", options)).Frame;
        ChunkPaths.Watch(parquetNetOnly: true);
        var reference = (await lake.LoadAsync("t", options)).Frame;

        Assert.Equal(3 * 2, paths.Fast);
        Assert.Equal(1500, frame.Rows.Count);
        AssertSameFrames(reference, frame);
    }

    [Fact]
    public async Task A_corrupt_page_header_fails_the_load_naming_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("t", "rows.parquet");
        await WriteAsync(path, CompressionMethod.None);
        using var lake = await CrawledFolder.CreateAsync(folder.Path, "fast");
        long offset;
        await using (var file = File.OpenRead(path))
        {
            await using var reader = await ParquetReader.CreateAsync(file);
            var meta = reader.Metadata!.RowGroups[0].Columns[0].MetaData!;
            offset = meta.DictionaryPageOffset is > 0 and var dictionary ? dictionary : meta.DataPageOffset;
        }

        // The first byte of the first page header becomes a field header of type 13, which Thrift does not have.
        await using (var file = File.OpenWrite(path))
        {
            file.Position = offset;
            file.WriteByte(0x1D);
        }

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("t", new LoadOptions { Columns = ["id"] }));

        Assert.Equal($"{path}: cannot be read as Parquet (unknown Thrift type 13). Replace the file, or leave it out with --exclude and crawl again.", error.Message);
    }

    /// <summary>
    /// parquet-testing's bad_data files the crawl catalogues: a load fails as unreadable as it does through Parquet.Net
    /// alone, or loads the same frame; and of several columns that fail, the same one is reported every time.
    /// </summary>
    [Theory]
    [InlineData("ARROW-GH-41317.parquet")]
    [InlineData("ARROW-GH-41321.parquet")]
    [InlineData("ARROW-GH-43605.parquet")]
    [InlineData("ARROW-GH-45185.parquet")]
    [InlineData("ARROW-GH-47662.parquet")]
    [InlineData("ARROW-RS-GH-6229-DICTHEADER.parquet")]
    [InlineData("ARROW-RS-GH-6229-LEVELS.parquet")]
    public async Task A_bad_data_file_loads_or_fails_through_the_fast_path_as_through_parquet_net(string name)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("t"));
        File.Copy(Corpora.Path("parquet-testing", "bad_data", name), folder.Combine("t", name));
        using var lake = await CrawledFolder.CreateAsync(folder.Path, "bad");

        var reference = await Record.ExceptionAsync(() => LoadAsync(lake, parquetNetOnly: true));
        var error = await Record.ExceptionAsync(() => LoadAsync(lake, parquetNetOnly: false));

        // The two readers may find different faults in the same bytes, so only the form of the message is the same.
        Assert.Equal(reference?.GetType(), error?.GetType());
        Assert.Equal(Head(reference?.Message), Head(error?.Message));
        for (var again = 0; again < 3; again++)
        {
            Assert.Equal(error?.Message, (await Record.ExceptionAsync(() => LoadAsync(lake, parquetNetOnly: false)))?.Message);
        }

        if (error is null)
        {
            AssertSameFrames((await LoadAsync(lake, parquetNetOnly: true)).Frame, (await LoadAsync(lake, parquetNetOnly: false)).Frame);
        }
    }

    /// <summary>A load error's message up to the reason (which names the file and what it is not).</summary>
    private static string? Head(string? message) => message?[..(message.IndexOf(" (", StringComparison.Ordinal) + 2)];

    /// <summary>
    /// Every byte of the pages of an uncompressed and of a Snappy file changed in turn: each load either reads values or
    /// fails naming the file, for a reason found in the data (never an out-of-range read, a null dereference or a hang).
    /// </summary>
    [Theory]
    [InlineData(CompressionMethod.None)]
    [InlineData(CompressionMethod.Snappy)]
    public async Task A_corrupt_page_either_loads_or_fails_as_unreadable_and_never_reads_out_of_range(CompressionMethod codec)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("t", "rows.parquet");
        await WriteAsync(path, codec, rows: 100);
        using var lake = await CrawledFolder.CreateAsync(folder.Path, "fast");
        var original = await File.ReadAllBytesAsync(path);
        var pagesEnd = original.Length - 8 - BitConverter.ToInt32(original, original.Length - 8);
        var failures = 0;

        for (var at = 4; at < pagesEnd; at++)
        {
            var corrupt = (byte[])original.Clone();
            corrupt[at] ^= (byte)(0x5A + at);
            await File.WriteAllBytesAsync(path, corrupt);

            var error = await Record.ExceptionAsync(() => lake.LoadAsync("t").WaitAsync(TimeSpan.FromSeconds(30)));

            if (error is not null)
            {
                failures++;
                Assert.IsType<DevEndpointException>(error);
                Assert.StartsWith($"{path}: cannot be read as Parquet (", error.Message, StringComparison.Ordinal);
                Assert.False(
                    error.InnerException is IndexOutOfRangeException or NullReferenceException or InvalidCastException or OutOfMemoryException,
                    $"byte {at}: {error.InnerException}");
            }
        }

        Assert.True(failures > 0);
    }
}
