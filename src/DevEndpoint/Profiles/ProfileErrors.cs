namespace DevEndpoint.Profiles;

/// <summary>The messages of profiles that cannot run.</summary>
internal static class ProfileErrors
{
    public static void Check(ProfileOptions options)
    {
        if (options.Sample is <= 0)
        {
            throw new DevEndpointException($"--sample must be a number of rows above 0, such as 100000; got {options.Sample}.");
        }

        if (options.TopValues <= 0 || options.Bins <= 0)
        {
            throw new DevEndpointException($"A profile needs at least one top value and one histogram bin; got {options.TopValues} top values and {options.Bins} bins.");
        }
    }

    public static DevEndpointException UnknownColumn(string what, string column, IEnumerable<string> columns)
    {
        var all = columns.ToList();
        var closest = ClosestNames.Find(column, all);
        var hint = closest.Count > 0 ? $" Did you mean {string.Join(", ", closest.Select(c => $"'{c}'"))}?" : string.Empty;
        return new DevEndpointException($"{what} has no column '{column}'.{hint} Its columns: {string.Join(", ", all)}.");
    }

    public static DevEndpointException Empty(string what, bool isTable) => new(isTable
        ? $"{what} has no rows to profile. Check that its location holds data files, and crawl it again if they changed."
        : $"{what} has no rows to profile.");

    public static DevEndpointException NoProfileFile(string path) =>
        new($"The profile file {path} does not exist. Save a profile as JSON first: devendpoint profile <database>.<table> --json > profile.json.");

    /// <summary>A file that is not a profile: where the JSON went wrong (line and column from 1) when it is not JSON at all.</summary>
    public static DevEndpointException NotAProfile(string path, System.Text.Json.JsonException? error) => new(error?.LineNumber is { } line
        ? $"{path} line {line + 1}, column {error.BytePositionInLine + 1}: not a profile saved as JSON. Save one with devendpoint profile <database>.<table> --json."
        : $"{path} is not a profile saved as JSON (it has no Source and Columns). Save one with devendpoint profile <database>.<table> --json.");
}
