using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats.Csv;

/// <summary>
/// One pinned file or two of each kind in the messy CSV corpus: the sniffed dialect, header, preamble and columns, and the
/// table a crawl of the file alone catalogs and loads.
/// </summary>
public sealed class MessyCsvSniffingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("quoted-semicolon/it-bilancio.csv", 0, "esercizio int|codice ente string|denominazione string|missione string|programma string|titolo int|macroaggregato int|descrizione string|stanziamento string|impegnato string|pagato string|residui string|data date", "2023|001272|Comune di Torino")]
    [InlineData("quoted-semicolon/fr-subventions.csv", 0, "année int|collectivité string|code insee int|bénéficiaire string|siret bigint|objet string|montant voté string|montant versé string|date de vote date|nature string|thématique string|commune string|département string|région string|statut string|observations string", "2022|Ville de Lyon|69123")]
    public async Task A_tiny_all_quoted_semicolon_file_splits_into_all_its_columns(string file, int preambleLines, string columns, string firstRow) =>
        await AssertSniffedAndCrawledAsync(file, ';', preambleLines, columns, firstRow);

    [Theory]
    [InlineData("title-line/en-spending-over-25k.csv", ',', 2, "date date|expense type string|expense area string|supplier string|transaction number int|amount (£) string", "2024-03-05 00:00:00|Consultancy|Finance")]
    [InlineData("title-line/plate-reader.tsv", '\t', 3, "well string|sample string|od600 decimal(10,3)|read time timestamp", "A1|blank|0.043")]
    [InlineData("title-line/es-municipios.csv", ';', 1, "provincia string|municipio string|comarca string", "Álava|Vitoria-Gasteiz|Llanada Alavesa")]
    public async Task A_title_line_and_an_empty_line_are_a_preamble_above_the_header(string file, char delimiter, int preambleLines, string columns, string firstRow) =>
        await AssertSniffedAndCrawledAsync(file, delimiter, preambleLines, columns, firstRow);

    [Theory]
    [InlineData("quoted-text-header/languages.csv", ',', "code string|name string", "fr|French")]
    [InlineData("quoted-text-header/ru-cities.csv", ',', "город string|регион string|часовой пояс string", "Москва|Центральный|MSK")]
    [InlineData("quoted-text-header/de-laender.csv", ';', "land string|hauptstadt string|amtssprache(n) string", "Österreich|Wien|Deutsch")]
    public async Task An_all_quoted_text_header_over_quoted_text_rows_is_a_header(string file, char delimiter, string columns, string firstRow) =>
        await AssertSniffedAndCrawledAsync(file, delimiter, 0, columns, firstRow);

    [Theory]
    [InlineData("short-header/es-gastos.csv", ',', "fecha date|concepto string|importe decimal(10,2)|col3 string", "2024-01-15 00:00:00|Material de oficina|45.90|Caja")]
    [InlineData("short-header/sensor.csv", ';', "time timestamp|value string|col2 string", "2024-01-01 10:00:00|1,5|ok")]
    [InlineData("short-header/r-write-table.csv", ',', "height int|weight int|col2 decimal(10,1)", "1|170|65.2")]
    public async Task A_header_one_field_short_names_the_first_columns_and_the_last_gets_glues_generated_name(string file, char delimiter, string columns, string firstRow) =>
        await AssertSniffedAndCrawledAsync(file, delimiter, 0, columns, firstRow);

    [Theory]
    [InlineData("trailing-delimiter/pipe-sparse.txt", '|', "id int|city string|zip string", "1|Paris|75001")]
    [InlineData("trailing-delimiter/quoted.csv", ',', "id int|label string|price decimal(10,2)", "1|Stylo, bleu|1.20")]
    [InlineData("trailing-delimiter/all-lines.csv", ';', "id int|name string|betrag string", "1|Anna|10,50")]
    public async Task A_trailing_delimiter_on_every_row_adds_no_column(string file, char delimiter, string columns, string firstRow) =>
        await AssertSniffedAndCrawledAsync(file, delimiter, 0, columns, firstRow);

    [Theory]
    [InlineData("delimited-preamble/source-note.csv", ',', "year int|ministry string|programme string|voted int|spent int|rate decimal(10,2)", "2023|Education|Schools")]
    [InlineData("delimited-preamble/exported-by.csv", ',', "sample string|concentration decimal(10,2)|unit string", "S1|0.25|mg/L")]
    [InlineData("delimited-preamble/fr-titre.csv", ';', "chapitre string|libellé string|montant int", "011|Charges à caractère général|1250000")]
    [InlineData("delimited-preamble/long-title.csv", ',', "region string|product string|units int", "North|Widget|12")]
    public async Task A_note_holding_the_delimiter_above_a_short_file_is_a_preamble(string file, char delimiter, string columns, string firstRow) =>
        await AssertSniffedAndCrawledAsync(file, delimiter, 1, columns, firstRow);

    [Fact]
    public async Task A_data_row_with_one_filled_cell_is_not_taken_for_a_title()
    {
        var schema = await FileClassifier.ClassifyAsync(MessyCsv.Path("control/sparse-first-row.csv"), new SampleOptions());

        Assert.Equal((false, 0), (schema!.Csv!.HasHeader, schema.Csv.PreambleLines));
        Assert.Equal(["col0 date", "col1 int", "col2 int", "col3 int"], schema.Columns.Select(c => $"{c.Name} {c.Type}"));
    }

    [Fact]
    public async Task A_header_naming_one_column_fewer_in_a_large_file_still_loses_to_a_dialect_it_fits()
    {
        var rows = Enumerable.Range(1, 30).Select(i => $"{i},\"Smith, Ann\",O'Neil");
        var path = temp.Write("people.csv", string.Join('\n', ["id,name,note", .. rows]) + "\n");

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.Equal(('"', true), (schema!.Csv!.Quote, schema.Csv.HasHeader));
        Assert.Equal(["id int", "name string", "note string"], schema.Columns.Select(c => $"{c.Name} {c.Type}"));
    }

    /// <summary>Sniffs the corpus file, then crawls a copy of it alone and loads it: same columns, and the first data row where expected.</summary>
    private async Task AssertSniffedAndCrawledAsync(string file, char delimiter, int preambleLines, string columns, string firstRow)
    {
        var schema = await FileClassifier.ClassifyAsync(MessyCsv.Path(file), new SampleOptions());

        Assert.NotNull(schema?.Csv);
        Assert.Equal((delimiter, true, preambleLines), (schema.Csv.Delimiter, schema.Csv.HasHeader, schema.Csv.PreambleLines));
        Assert.Equal(columns.Split('|'), schema.Columns.Select(c => $"{c.Name} {c.Type}"));

        var folder = temp.Combine("lake", "messy");
        Directory.CreateDirectory(folder);
        File.Copy(MessyCsv.Path(file), Path.Combine(folder, Path.GetFileName(file)));
        using var crawl = await CrawledFolder.CreateAsync(temp.Combine("lake"), "lake");
        var table = crawl.Table("messy");
        Assert.Equal(columns.Split('|'), table.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));

        var frame = (await crawl.LoadAsync("messy")).Frame;
        var expected = firstRow.Split('|');
        Assert.Equal(expected, frame.Rows[0].Take(expected.Length).Select(CrawledFolder.Text));
    }
}
