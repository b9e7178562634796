using DevEndpoint.Catalog;

namespace DevEndpoint.Connections;

/// <summary>One setting of <c>connection add</c>: its option name and help text, shared by the command line and the magic.</summary>
internal sealed record ConnectionSetting(string Option, string Description);

/// <summary>A connection as front ends take it: a name, a type, a URL and optional text settings by option name.</summary>
internal static class ConnectionSettings
{
    public static ConnectionSetting Type { get; } = new("--type", "postgres, mysql, sqlite or s3.");

    public static ConnectionSetting Url { get; } = new(
        "--url",
        "A database's ADO.NET connection string without the password (\"Host=127.0.0.1;Port=5432;Database=shop\"; SQLite: a file path), or an S3 endpoint URL (http://127.0.0.1:4568).");

    /// <summary>Every optional setting, in the order help lists them.</summary>
    public static IReadOnlyList<ConnectionSetting> All { get; } =
    [
        new("--user", "The user name (s3: the access key id when --password-env holds the secret key)."),
        new("--password-env", "The NAME of the environment variable that holds the password (s3: the secret access key); the password itself is never stored."),
        new("--credentials-file", "An INI credentials file ([section] then key = value lines, as ~/.aws/credentials) holding password = ... (s3: aws_access_key_id, aws_secret_access_key)."),
        new("--profile", "The section of --credentials-file to read (default: default); s3 without a file: the AWS profile."),
        new("--region", "s3: the region (default: us-east-1)."),
    ];

    /// <summary>The connection; <see cref="Connection.Validated"/> checks it when it is stored.</summary>
    public static Connection Create(string name, string type, string url, IReadOnlyDictionary<string, string?> settings)
    {
        string? Value(string option) => settings.GetValueOrDefault(option) is { Length: > 0 } value ? value : null;
        return new Connection
        {
            Name = name,
            Type = type.ToLowerInvariant(),
            Url = url,
            User = Value("--user"),
            PasswordEnv = Value("--password-env"),
            CredentialsFile = Value("--credentials-file"),
            Profile = Value("--profile"),
            Region = Value("--region"),
        };
    }

    /// <summary>A connection as lists show it: name, type, URL, user and where the secret comes from.</summary>
    public static IReadOnlyList<string> Row(Connection connection) =>
        [connection.Name, connection.Type, connection.Url, connection.User ?? string.Empty, connection.SecretSource];

    /// <summary>The headings of <see cref="Row"/>.</summary>
    public static IReadOnlyList<string> Header { get; } = ["connection", "type", "url", "user", "secret from"];
}
