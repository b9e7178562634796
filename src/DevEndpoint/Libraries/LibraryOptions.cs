namespace DevEndpoint.Libraries;

/// <summary>Where compiled libraries go and how much an archive may expand.</summary>
public sealed record LibraryOptions
{
    /// <summary>The private folder compiled libraries are written to; default <c>&lt;DevEndpoint home&gt;/libraries</c>.</summary>
    public string CacheFolder { get; init; } = Path.Combine(DevEndpointHome.DefaultPath, "libraries");

    /// <summary>
    /// Where NuGet packages are restored to and read from: the NuGet global packages folder, <c>$NUGET_PACKAGES</c> when set,
    /// else <c>~/.nuget/packages</c> (shared with every restore and <c>#r "nuget:..."</c> on the machine; NuGet manages it).
    /// </summary>
    public string PackagesFolder { get; init; } = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// A NuGet.Config file naming the package sources to restore from; default null: NuGet's own lookup (the user's
    /// <c>~/.nuget/NuGet/NuGet.Config</c>, else nuget.org).
    /// </summary>
    public string? NuGetConfigFile { get; init; }

    /// <summary>How long one restore may take before it is stopped; default 5 minutes.</summary>
    public TimeSpan RestoreTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a build in <see cref="CacheFolder"/> is kept after its last use, unless a stored endpoint uses it
    /// (see <see cref="ScriptLibraryBuilder.PruneCache"/>); default 30 days.
    /// </summary>
    public TimeSpan CacheMaxAge { get; init; } = TimeSpan.FromDays(30);

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
