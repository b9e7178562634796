using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Logs;
using DevEndpoint.Formats.Xml;

namespace DevEndpoint.Tests.Formats;

/// <summary>The one registry of formats that the crawler (classifiers, storage descriptors) and the loader (readers) go through.</summary>
public sealed class FileFormatsTests
{
    [Fact]
    public void Every_registered_format_has_a_classification_given_by_its_own_classifiers()
    {
        Assert.All(FileFormats.All, format =>
        {
            Assert.NotEmpty(format.Classifications);
            Assert.NotEmpty(format.Classifiers);
            Assert.All(format.Classifiers, c => Assert.Contains(c.Name, format.Classifications));
        });
        var classifications = FileFormats.All.SelectMany(f => f.Classifications).ToList();
        Assert.Equal(classifications.Count, classifications.Distinct().Count());
    }

    [Fact]
    public void The_crawler_runs_the_classifiers_of_the_registered_formats_in_their_order_with_csv_last()
    {
        Assert.Equal(FileFormats.All.SelectMany(f => f.Classifiers), FileClassifier.BuiltIns);
        Assert.Equal("csv", FileClassifier.BuiltIns[^1].Name);
    }

    [Fact]
    public void Each_classification_is_found_in_the_format_that_gives_it()
    {
        foreach (var format in FileFormats.All)
        {
            var parameters = Recorded(format);
            Assert.All(format.Classifications, c => Assert.Same(format, FileFormats.Find(c, parameters)));
        }
    }

    [Fact]
    public void A_custom_grok_classification_named_like_a_format_is_described_and_read_as_logs()
    {
        var parameters = new Dictionary<string, string> { [GrokClassifier.PatternParameter] = "%{INT:id}" };
        var schema = new FileSchema { Classification = "csv", Columns = [new Column("id", "int")], Parameters = parameters };

        var descriptor = FileFormats.Describe(schema, "/lake/events", schema.Columns);
        var table = new CatalogTable
        {
            Name = "events",
            DatabaseName = "lake",
            Parameters = new Dictionary<string, string> { ["classification"] = "csv" },
            StorageDescriptor = descriptor,
        };

        Assert.Equal(StorageFormats.GrokSerDe, descriptor.SerdeInfo?.SerializationLibrary);
        Assert.Equal("%{INT:id}", descriptor.SerdeInfo?.Parameters[StorageFormats.GrokSerDeFormatParameter]);
        Assert.IsType<LogRowReader>(FormatReader.For(table));
    }

    [Fact]
    public void A_classification_no_format_gives_is_found_by_neither_the_crawler_nor_the_loader()
    {
        var table = new CatalogTable
        {
            Name = "events",
            DatabaseName = "lake",
            Parameters = new Dictionary<string, string> { ["classification"] = "delta" },
            StorageDescriptor = new StorageDescriptor { Location = "/lake/events", Columns = [new Column("id", "int")] },
        };

        Assert.Null(FileFormats.Find("delta", new Dictionary<string, string>()));
        var error = Assert.Throws<DevEndpointException>(() => FormatReader.For(table));
        Assert.Equal(
            "Table lake.events is classified as 'delta', which cannot be loaded yet. "
            + "Loadable: avro, csv, json, parquet, xml, the logs combined_apache, apache and linux_kernel, and the tables of custom grok and XML classifiers.",
            error.Message);
    }

    /// <summary>The storage descriptor parameters the crawler records for a file of the format.</summary>
    private static Dictionary<string, string> Recorded(IFileFormat format) => format switch
    {
        LogFileFormat => new() { [GrokClassifier.PatternParameter] = "%{COMMONAPACHELOG}" },
        XmlFileFormat => new() { [XmlClassifier.RowTagParameter] = "row" },
        _ => [],
    };
}
