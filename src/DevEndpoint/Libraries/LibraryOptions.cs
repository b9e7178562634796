namespace DevEndpoint.Libraries;

/// <summary>Where compiled libraries go and how much an archive may expand.</summary>
public sealed record LibraryOptions
{
    /// <summary>The private folder compiled libraries are written to; default <c>&lt;DevEndpoint home&gt;/libraries</c>.</summary>
    public string CacheFolder { get; init; } = Path.Combine(DevEndpointHome.DefaultPath, "libraries");

    /// <summary>
    /// Where <c>nuget:&lt;id&gt;,&lt;version&gt;</c> finds packages: the NuGet global packages folder, <c>$NUGET_PACKAGES</c> when set,
    /// else <c>~/.nuget/packages</c> (a restore, or <c>#r "nuget:..."</c> in a C# cell, puts packages there).
    /// </summary>
    public string PackagesFolder { get; init; } = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The most bytes an archive's entries may hold uncompressed, all together; default 16 MiB.</summary>
    public long MaxUncompressedBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// The highest uncompressed-to-compressed ratio an entry of more than <see cref="RatioCheckMinimumBytes"/> may have;
    /// default 100 (source code compresses about 5:1; a zip bomb by thousands).
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries smaller than this are not held to <see cref="MaxCompressionRatio"/>; default 1 MiB.</summary>
    public long RatioCheckMinimumBytes { get; init; } = 1024 * 1024;

    /// <summary>The most entries an archive may hold; default 10,000.</summary>
    public int MaxEntries { get; init; } = 10_000;
}
