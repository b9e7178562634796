namespace DevEndpoint.Testing;

/// <summary>
/// A small hand-made table of people typed more than once with typos, for FindMatches tests: the primary key <c>id</c>
/// is <c>&lt;entity&gt;-&lt;copy&gt;</c>, so a test's oracle knows the truth while the compared columns do not show it.
/// </summary>
internal static class PeopleTable
{
    public const string Csv = """
        id,first_name,last_name,city,birth_date,phone
        1-a,Robert,Allen,Leeds,1971-06-24,0113 496 0001
        1-b,Rob,Allen,Leeds,1971-06-24,0113 496 0001
        1-c,Robert,Alen,Leeds,1971-06-25,01134960001
        2-a,Margaret,Hughes,York,1985-02-11,01904 555 123
        2-b,Margret,Hughes,York,1985-02-11,01904 555 123
        2-c,Margaret,Hughs,Yrok,1985-02-11,
        3-a,William,Carter,Bristol,1990-09-30,0117 555 0199
        3-b,Bill,Carter,Bristol,1990-09-30,0117 555 0199
        4-a,Jennifer,Lopez,Cardiff,1969-07-24,029 2018 0000
        4-b,Jenifer,Lopes,Cardiff,1969-07-24,029 2018 0000
        4-c,Jennifer,Lopez,Cardif,1969-07-24,029 2018 0001
        5-a,Thomas,Wright,Leeds,1975-03-02,0113 496 0777
        5-b,Tom,Wright,Leeds,1975-03-02,0113 496 0777
        6-a,Sarah,Connor,London,1965-11-13,020 7946 0018
        6-b,Sara,Conner,London,1965-11-13,020 7946 0018
        6-c,Sarah,Connor,Londn,1965-11-13,020 7946 0081
        7-a,David,Allen,York,1980-01-01,01904 555 999
        7-b,Dave,Allen,York,1980-01-01,01904 555 999
        8-a,Emily,Hughes,Bristol,1993-04-18,0117 555 0444
        8-b,Emilly,Hughes,Bristol,1993-04-18,0117 555 0444
        9-a,Oliver,Brown,Leeds,1988-08-08,0113 496 0555
        10-a,Olivia,Brown,Leeds,1989-09-09,0113 496 0556
        11-a,George,Carter,Bristol,1991-10-30,0117 555 0198
        12-a,Charlotte,Lopez,Cardiff,1970-07-24,029 2018 0002
        13-a,Harry,Wright,Leeds,1972-06-24,0113 496 0778
        14-a,Amelia,Connor,London,1966-11-13,020 7946 0019
        15-a,Jack,Hughes,York,1986-02-11,01904 555 124
        16-a,Isla,Allen,Leeds,1970-06-24,0113 496 0002
        """;

    /// <summary>
    /// The same people as three sources unioned, for record linkage: a column <c>source</c> after <c>id</c> names each
    /// record's source (see <see cref="SourceOf"/>).
    /// </summary>
    public static string LinkageCsv { get; } = string.Join(
        "\n",
        Csv.ReplaceLineEndings("\n").Split('\n').Select((line, i) =>
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            return i == 0 ? line.Insert(comma, ",source") : line.Insert(comma, $",{SourceOf(line[..comma])}");
        }));

    /// <summary>
    /// The source of a record of <see cref="LinkageCsv"/>: <c>crm</c> for a person's first copy, <c>shop</c> for the second,
    /// <c>web</c> for the third; except 1-b, a second copy of Robert Allen within the CRM (two records of one source alike,
    /// which record linkage keeps apart).
    /// </summary>
    public static string SourceOf(string id) => id == "1-b" ? "crm" : id[^1] switch
    {
        'a' => "crm",
        'b' => "shop",
        _ => "web",
    };

    /// <summary>The entity of a record: its id up to the hyphen.</summary>
    public static string EntityOf(string id) => id[..id.IndexOf('-', StringComparison.Ordinal)];
}
