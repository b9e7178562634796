namespace DevEndpoint.Crawling;

/// <summary>The re-crawl policies by the names users type (<c>update</c>, <c>log</c>, <c>deprecate</c>, <c>delete</c>).</summary>
internal static class CrawlPolicies
{
    public static SchemaChangePolicy ParseSchemaChange(string name) =>
        Parse<SchemaChangePolicy>(name, "schema change policy");

    public static DeleteBehavior ParseDeleteBehavior(string name) =>
        Parse<DeleteBehavior>(name, "delete behavior");

    /// <summary>The name users type for a policy: its value in lower case.</summary>
    public static string Name<T>(T policy)
        where T : struct, Enum => policy.ToString().ToLowerInvariant();

    private static T Parse<T>(string name, string what)
        where T : struct, Enum
    {
        var match = Enum.GetValues<T>().Where(v => Name(v) == name.Trim().ToLowerInvariant()).ToList();
        return match.Count == 1
            ? match[0]
            : throw new DevEndpointException($"'{name}' is not a {what}. Use {string.Join(" or ", Enum.GetValues<T>().Select(v => Name(v)))}.");
    }
}
