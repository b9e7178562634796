namespace DevEndpoint.Formats;

/// <summary>
/// The entries of a dictionary of UTF-8 values (a Parquet dictionary page) that a column's rows refer to by index, so a
/// builder can turn each entry into its form once instead of once per row.
/// </summary>
internal interface IUtf8Entries
{
    /// <summary>The bytes of entry <paramref name="entry"/>.</summary>
    ReadOnlySpan<byte> Bytes(int entry);

    /// <summary>Entry <paramref name="entry"/> as a string, made once and shared by every row that refers to it.</summary>
    string Text(int entry);
}
