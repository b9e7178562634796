namespace DevEndpoint;

/// <summary>
/// The folder DevEndpoint keeps its own state in: compiled script libraries (<c>libraries/</c>) and development endpoint
/// definitions (<c>endpoints/</c>). <c>$DEVENDPOINT_HOME</c> when set, else <c>~/.devendpoint</c>.
/// </summary>
public static class DevEndpointHome
{
    public const string PathVariable = "DEVENDPOINT_HOME";

    public static string DefaultPath
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
            return string.IsNullOrWhiteSpace(fromEnvironment)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".devendpoint")
                : Path.GetFullPath(fromEnvironment);
        }
    }
}
