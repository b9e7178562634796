using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Csv;
using DevEndpoint.Formats.Json;
using DevEndpoint.ObjectStores;
using DevEndpoint.Sources.Databases;

namespace DevEndpoint.Sql;

/// <summary>
/// How DuckDB reads a catalog table straight from its files, with the catalog's reading rules: CSV with the crawled
/// dialect (delimiter, quote, escape, header, preamble, comment, encoding, compression, date formats) and the catalog's
/// column names and types; JSON with the catalog's columns; Parquet cast to the catalog's types. A partitioned table is
/// the union of its partitions, each its own file list with the partition values as constant columns, so a predicate on
/// a partition key leaves the other partitions' files unread. Tables DuckDB cannot read as catalogued are not here.
/// </summary>
internal static class TableViews
{
    private static readonly HashSet<string> Primitive = new(StringComparer.Ordinal)
    {
        "boolean", "tinyint", "smallint", "int", "integer", "bigint", "float", "double", "date", "timestamp", "string", "varchar", "char",
    };

    /// <summary>The SELECT that reads <paramref name="table"/>'s files, or <c>null</c> when DevEndpoint's loader must read it.</summary>
    public static string? Select(DataCatalog catalog, CatalogTable table)
    {
        if (!Readable(table))
        {
            return null;
        }

        var name = new TableName(table.DatabaseName, table.Name);
        var location = table.StorageDescriptor.Location!;
        if (table.PartitionKeys.Count == 0)
        {
            return Scan(table, TableFiles.DataFiles(table, location), []);
        }

        var branches = catalog.GetPartitions(name)
            .Select(p => (Files: TableFiles.DataFiles(table, p.StorageDescriptor.Location ?? string.Empty), p.Values))
            .Where(p => p.Files.Count > 0)
            .Select(p => Scan(table, p.Files, p.Values))
            .ToList();
        return branches.Count > 0 ? string.Join("\nUNION ALL\n", branches) : Scan(table, [], []);
    }

    /// <summary>Whether DuckDB reads the table as catalogued: local CSV, JSON or Parquet files of plain columns, compressed as DuckDB reads.</summary>
    private static bool Readable(CatalogTable table)
    {
        var serDe = table.StorageDescriptor.SerdeInfo.SerializationLibrary;
        var format = table.Parameter("classification") switch
        {
            "csv" => serDe is StorageFormats.OpenCsvSerDe or StorageFormats.LazySimpleSerDe,
            "json" => serDe is StorageFormats.JsonSerDe,
            "parquet" => serDe is StorageFormats.ParquetSerDe,
            _ => false,
        };
        return format
            && !DatabaseLoader.Reads(table)
            && table.StorageDescriptor.Location is { } location && !S3Path.IsS3(location)
            && table.AllColumns.All(c => c.Choices.Count == 0 && (Primitive.Contains(c.Type) || HiveTypes.ParseDecimal(c.Type) is not null))
            && (table.Parameter("classification") == "parquet" || CompressionOf(table) is not null)
            && (table.Parameter("classification") != "csv" || CsvReadable(CsvParameters.Read(table)));
    }

    private static bool CsvReadable(CsvDialect dialect) =>
        dialect.DateFormats.Values.Distinct(StringComparer.Ordinal).Count() <= 1
        && !dialect.DateFormats.Values.Any(f => f.Contains('f', StringComparison.OrdinalIgnoreCase))
        && Encoding(dialect.Encoding) is not null;

    /// <summary>One file list read as the table's format, with the partition keys as constant columns.</summary>
    private static string Scan(CatalogTable table, IReadOnlyList<string> files, IReadOnlyList<string> partitionValues)
    {
        var columns = table.StorageDescriptor.Columns;
        var keys = table.PartitionKeys.Select((k, i) => $"CAST({(i < partitionValues.Count && partitionValues[i] is { } v ? SqlText.Literal(v) : "NULL")} AS {DuckType(k.Type)}) AS {SqlText.Quote(k.Name)}");
        if (files.Count == 0)
        {
            var nulls = columns.Select(c => $"CAST(NULL AS {DuckType(c.Type)}) AS {SqlText.Quote(c.Name)}").Concat(keys);
            return $"SELECT {string.Join(", ", nulls)} WHERE false";
        }

        var list = $"[{string.Join(", ", files.Select(f => SqlText.Literal(Path.GetFullPath(f))))}]";
        var (select, from) = table.Parameter("classification") switch
        {
            "csv" => Csv(table, list),
            "json" => Json(table, list),
            _ => Parquet(table, list),
        };
        return $"SELECT {string.Join(", ", select.Concat(keys))} FROM {from}";
    }

    private static (IEnumerable<string> Select, string From) Csv(CatalogTable table, string files)
    {
        var dialect = CsvParameters.Read(table);
        var format = dialect.DateFormats.Values.FirstOrDefault();
        var columns = table.StorageDescriptor.Columns;

        // A timestamp with an offset is read as TIMESTAMPTZ and taken to UTC; one in a recorded format has no offset.
        string ReadType(Column c) => c.Type == "timestamp" && format is null ? "TIMESTAMPTZ" : DuckType(c.Type);
        var types = string.Join(", ", columns.Select(c => $"{SqlText.Literal(c.Name)}: {SqlText.Literal(ReadType(c))}"));
        var nulls = string.Join(", ", TextValues.NullTokens.Where(t => !t.Contains(dialect.Escape, StringComparison.Ordinal)).Select(SqlText.Literal));
        var options = new List<string>
        {
            "auto_detect = false",
            $"delim = {SqlText.Literal(dialect.Delimiter.ToString())}",
            $"quote = {SqlText.Literal(dialect.Quote.ToString())}",
            $"escape = {SqlText.Literal(dialect.Escape.ToString())}",
            $"header = {(dialect.HasHeader ? "true" : "false")}",
            $"skip = {dialect.PreambleLines.ToString(CultureInfo.InvariantCulture)}",
            $"columns = {{{types}}}",
            $"nullstr = [{nulls}]",
            "allow_quoted_nulls = false",
            "null_padding = true",
            $"encoding = {SqlText.Literal(Encoding(dialect.Encoding)!)}",
            $"compression = {SqlText.Literal(CompressionOf(table)!)}",
        };
        if (dialect.Comment is { } comment)
        {
            options.Add($"comment = {SqlText.Literal(comment.ToString())}");
        }

        if (format is not null)
        {
            var timestamps = format.Contains('H', StringComparison.Ordinal);
            options.Add($"{(timestamps ? "timestampformat" : "dateformat")} = {SqlText.Literal(StrfTime(format))}");
        }

        var select = columns.Select(c => ReadType(c) == "TIMESTAMPTZ" ? $"CAST(timezone('UTC', {SqlText.Quote(c.Name)}) AS TIMESTAMP) AS {SqlText.Quote(c.Name)}" : SqlText.Quote(c.Name));
        return (select, $"read_csv({files}, {string.Join(", ", options)})");
    }

    private static (IEnumerable<string> Select, string From) Json(CatalogTable table, string files)
    {
        var columns = table.StorageDescriptor.Columns;
        var types = string.Join(", ", columns.Select(c => $"{SqlText.Literal(c.Name)}: {SqlText.Literal(c.Type == "timestamp" ? "TIMESTAMPTZ" : DuckType(c.Type))}"));
        var layout = table.Parameter(JsonLayout.Parameter) switch
        {
            JsonLayout.Array => "array",
            JsonLayout.Object => "auto",
            _ => "newline_delimited",
        };
        var select = columns.Select(c => c.Type == "timestamp" ? $"CAST(timezone('UTC', {SqlText.Quote(c.Name)}) AS TIMESTAMP) AS {SqlText.Quote(c.Name)}" : SqlText.Quote(c.Name));
        return (select, $"read_json({files}, format = {SqlText.Literal(layout)}, columns = {{{types}}}, compression = {SqlText.Literal(CompressionOf(table) is "none" ? "uncompressed" : CompressionOf(table)!)})");
    }

    private static (IEnumerable<string> Select, string From) Parquet(CatalogTable table, string files) =>
        (table.StorageDescriptor.Columns.Select(c => $"CAST(f.{SqlText.Quote(c.Name)} AS {DuckType(c.Type)}) AS {SqlText.Quote(c.Name)}"),
            $"read_parquet({files}, union_by_name = true) AS f");

    /// <summary>DuckDB's name for a text table's compression, or <c>null</c> when DuckDB cannot read it.</summary>
    private static string? CompressionOf(CatalogTable table) => (table.Parameter("compressionType") ?? Compression.None) switch
    {
        Compression.None => "none",
        Compression.Gzip => "gzip",
        Compression.Zstd => "zstd",
        _ => null,
    };

    /// <summary>DuckDB's name for a recorded encoding, or <c>null</c> when DuckDB cannot read it.</summary>
    private static string? Encoding(string encoding) => encoding.ToUpperInvariant() switch
    {
        "UTF-8" => "utf-8",
        "ISO-8859-1" or "LATIN1" => "latin-1",
        "UTF-16" or "UTF-16LE" => "utf-16",
        _ => null,
    };

    /// <summary>A recorded .NET date or timestamp pattern as DuckDB's strftime pattern.</summary>
    private static string StrfTime(string format) => System.Text.RegularExpressions.Regex.Replace(format, @"yyyy|dd?|MM?|HH?|mm?|ss?", m => m.Value[0] switch
    {
        'y' => "%Y",
        'd' => m.Value.Length == 2 ? "%d" : "%-d",
        'M' => m.Value.Length == 2 ? "%m" : "%-m",
        'H' => m.Value.Length == 2 ? "%H" : "%-H",
        'm' => "%M",
        _ => "%S",
    });

    /// <summary>The DuckDB type of a catalog (Hive) type.</summary>
    public static string DuckType(string hive) => hive switch
    {
        "boolean" => "BOOLEAN",
        "tinyint" => "TINYINT",
        "smallint" => "SMALLINT",
        "int" or "integer" => "INTEGER",
        "bigint" => "BIGINT",
        "float" => "FLOAT",
        "double" => "DOUBLE",
        "date" => "DATE",
        "timestamp" => "TIMESTAMP",
        _ when HiveTypes.ParseDecimal(hive) is { } d => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({d.Precision}, {d.Scale})"),
        _ => "VARCHAR",
    };
}
