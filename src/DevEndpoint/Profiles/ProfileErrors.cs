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
}
