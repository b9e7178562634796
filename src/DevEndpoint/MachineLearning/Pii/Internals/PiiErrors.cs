namespace DevEndpoint.MachineLearning.Pii;

/// <summary>The errors of sensitive-data detection a user can act on.</summary>
internal static class PiiErrors
{
    public static DevEndpointException UnknownEntityType(string name)
    {
        var closest = ClosestNames.Find(name, PiiEntityTypes.All);
        var hint = closest.Count > 0 ? $" Did you mean {closest[0]}?" : string.Empty;
        return new($"'{name}' is not an entity type.{hint} Use ALL or some of: {string.Join(", ", PiiEntityTypes.All)}.");
    }

    public static DevEndpointException UnknownAction(string text) =>
        new($"'{text}' is not an action. Use detect, redact, partial-redact or sha256-hash.");

    public static DevEndpointException BadFraction(string option, string text) =>
        new($"{option} must be a fraction greater than 0 and at most 1 (0.1 is one in ten); got '{text}'.");
}
