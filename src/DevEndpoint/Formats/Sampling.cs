namespace DevEndpoint.Formats;

/// <summary>
/// Which rows a sampled load keeps: a row is kept when a hash of its position (a byte offset, or a row number) falls
/// under the fraction, so the same rows come back on every load of unchanged data, however the file is split.
/// </summary>
internal static class Sampling
{
    public static ulong Threshold(double fraction) => fraction >= 1 ? ulong.MaxValue : (ulong)(fraction * ulong.MaxValue);

    /// <summary>A 64-bit mix of <paramref name="position"/> (SplitMix64's finaliser constants).</summary>
    public static ulong Hash(long position)
    {
        var z = (ulong)position + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
