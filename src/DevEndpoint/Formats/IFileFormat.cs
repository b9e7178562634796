using DevEndpoint.Catalog;

namespace DevEndpoint.Formats;

/// <summary>
/// One file format, all the crawler and the loader need of it: the classifications it gives, the classifiers that
/// recognise its files (sniffing and schema), the storage descriptor a table of its files gets in the catalog, and the
/// reader of its rows. Each format implements it in its own folder and is listed once in <see cref="FileFormats"/>.
/// </summary>
internal interface IFileFormat
{
    /// <summary>The classifications (Glue's names) its built-in classifiers give, e.g. <c>csv</c>.</summary>
    IReadOnlyList<string> Classifications { get; }

    /// <summary>Its built-in classifiers, in the order the crawler runs them.</summary>
    IReadOnlyList<IClassifier> Classifiers { get; }

    /// <summary>
    /// Whether the files of a table (or of a classified file) with this <paramref name="classification"/> and these
    /// storage descriptor <paramref name="parameters"/> are of this format.
    /// </summary>
    bool Reads(string? classification, IReadOnlyDictionary<string, string> parameters);

    /// <summary>
    /// The input/output formats and SerDe a table of files of <paramref name="schema"/> gets, with
    /// <paramref name="columns"/> (the table's, which may be wider than one file's); location, columns, compression and
    /// parameters are filled in by <see cref="FileFormats.Describe"/>.
    /// </summary>
    StorageDescriptor Describe(FileSchema schema, IReadOnlyList<Column> columns);

    /// <summary>The reader of the table's files, made once per load; a format that cannot be loaded throws saying what to do.</summary>
    FormatReader Reader(CatalogTable table);
}
