using DevEndpoint.Catalog;
using DevEndpoint.Catalog.Internals;

namespace DevEndpoint.Connections;

/// <summary>
/// Finds a connection's secret at run time, for the provider that opens the connection and nothing else: the environment
/// variable <see cref="Connection.PasswordEnv"/>, the credentials file <see cref="Connection.CredentialsFile"/>, or for
/// <c>s3</c> the standard AWS chain (<c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c>, then the
/// shared credentials file <c>$AWS_SHARED_CREDENTIALS_FILE</c> or <c>~/.aws/credentials</c>, profile <c>$AWS_PROFILE</c> or
/// <c>default</c>). Errors say where the secret was looked for, never what it is.
/// </summary>
internal static class ConnectionSecrets
{
    /// <summary>The user and password a database connection logs in with; the password is <c>null</c> when none is named.</summary>
    public static DatabaseLogin Login(Connection connection)
    {
        if (connection.PasswordEnv is { } variable)
        {
            return new DatabaseLogin(connection.User, FromEnvironment(connection, variable, "password"));
        }

        if (connection.CredentialsFile is { } path)
        {
            var section = FileSection(connection, path, "password");
            return new DatabaseLogin(connection.User ?? section.GetValueOrDefault("user"), Setting(connection, path, section, "password"));
        }

        return new DatabaseLogin(connection.User, null);
    }

    /// <summary>
    /// The AWS keys of an <c>s3</c> connection: <see cref="Connection.User"/> with the secret key from
    /// <see cref="Connection.PasswordEnv"/>, else the credentials file, else the AWS chain; <c>null</c> when the chain has none.
    /// </summary>
    public static AwsKeys? Aws(Connection connection)
    {
        if (connection.PasswordEnv is { } variable)
        {
            var accessKey = connection.User ?? throw ConnectionErrors.Invalid(
                connection.Name, $"it takes the secret access key from {variable} but names no access key id. Give it with --user.");
            return new AwsKeys(accessKey, FromEnvironment(connection, variable, "secret access key"), null);
        }

        if (connection.CredentialsFile is { } path)
        {
            return Keys(connection, path, FileSection(connection, path, "aws_access_key_id and aws_secret_access_key"));
        }

        if (connection.Profile is null
            && Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 } id
            && Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } secret)
        {
            return new AwsKeys(id, secret, Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN") is { Length: > 0 } token ? token : null);
        }

        var shared = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } named
            ? named
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "credentials");
        var profile = connection.Profile ?? Environment.GetEnvironmentVariable("AWS_PROFILE") ?? Connection.DefaultProfile;
        return CredentialsFile.Read(shared)?.Section(profile) is { } found ? Keys(connection, shared, found) : null;
    }

    private static AwsKeys Keys(Connection connection, string path, IReadOnlyDictionary<string, string> section) =>
        new(
            Setting(connection, path, section, "aws_access_key_id"),
            Setting(connection, path, section, "aws_secret_access_key"),
            section.GetValueOrDefault("aws_session_token"));

    private static string FromEnvironment(Connection connection, string variable, string what) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new DevEndpointException(
                $"Connection '{connection.Name}' takes its {what} from the environment variable {variable}, which is not set. Set it (export {variable}=...) in the environment that runs DevEndpoint and try again.");

    private static IReadOnlyDictionary<string, string> FileSection(Connection connection, string path, string what)
    {
        var profile = connection.Profile ?? Connection.DefaultProfile;
        var file = CredentialsFile.Read(path) ?? throw new DevEndpointException(
            $"Connection '{connection.Name}' takes its secret from the credentials file {path}, which does not exist. Create it with a [{profile}] section holding {what} = ..., or fix the connection's --credentials-file.");
        return file.Section(profile) ?? throw new DevEndpointException(
            $"The credentials file {path} has no [{profile}] section for connection '{connection.Name}'. Add one holding {what} = ..., or name another section with --profile.");
    }

    private static string Setting(Connection connection, string path, IReadOnlyDictionary<string, string> section, string key) =>
        section.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new DevEndpointException(
                $"The [{connection.Profile ?? Connection.DefaultProfile}] section of the credentials file {path} has no {key} for connection '{connection.Name}'. Add a line {key} = ...");
}

/// <summary>A database login. Its <see cref="object.ToString"/> is the type name: it never prints the password.</summary>
internal sealed class DatabaseLogin(string? user, string? password)
{
    public string? User { get; } = user;

    public string? Password { get; } = password;
}

/// <summary>AWS keys. Its <see cref="object.ToString"/> is the type name: it never prints the secret.</summary>
internal sealed class AwsKeys(string accessKeyId, string secretAccessKey, string? sessionToken)
{
    public string AccessKeyId { get; } = accessKeyId;

    public string SecretAccessKey { get; } = secretAccessKey;

    public string? SessionToken { get; } = sessionToken;
}
