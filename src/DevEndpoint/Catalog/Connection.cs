using System.Text.Json.Serialization;
using DevEndpoint.Catalog.Internals;


namespace DevEndpoint.Catalog;

/// <summary>
/// A named connection to a database or an object store, as Glue's <c>Connection</c>: where the data is and how to log in,
/// but never the secret itself. The password (or secret key) comes at run time from the environment variable
/// <see cref="PasswordEnv"/>, from the credentials file <see cref="CredentialsFile"/>, or, for <c>s3</c>, from the standard
/// AWS credential chain; the catalog stores only their names.
/// </summary>
public sealed record Connection
{
    /// <summary>The section of the credentials file read when the connection names no <see cref="Profile"/>.</summary>
    internal const string DefaultProfile = "default";

    /// <summary>The connection's name, unique in the catalog (compared without case): letters, digits, underscores, hyphens and dots.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of source: <c>postgres</c>, <c>mysql</c>, <c>sqlite</c> or <c>s3</c> (see <see cref="ConnectionTypes"/>).</summary>
    public required string Type { get; init; }

    /// <summary>
    /// For a database, an ADO.NET connection string without a password (<c>Host=127.0.0.1;Port=5432;Database=shop</c>;
    /// for SQLite <c>Data Source=/path/shop.db</c>); for <c>s3</c>, the endpoint URL (<c>http://127.0.0.1:4568</c>).
    /// </summary>
    public required string Url { get; init; }

    /// <summary>The user name (for <c>s3</c>, the access key id when the secret key comes from <see cref="PasswordEnv"/>).</summary>
    public string? User { get; init; }

    /// <summary>The name of the environment variable that holds the password (for <c>s3</c>, the secret access key).</summary>
    public string? PasswordEnv { get; init; }

    /// <summary>The path of an INI credentials file (<c>[profile]</c> sections of <c>key = value</c> lines, as AWS's).</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>The section of <see cref="CredentialsFile"/> to read (default <c>default</c>; for <c>s3</c> also the AWS profile).</summary>
    public string? Profile { get; init; }

    /// <summary>The region of an <c>s3</c> connection.</summary>
    public string? Region { get; init; }

    /// <summary>Further settings, by name (Glue's <c>ConnectionProperties</c> without the secrets).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the secret comes from, in words: <c>env SHOP_PASSWORD</c>, <c>file /home/me/.shop [dev]</c>, <c>AWS credential chain</c> or <c>none</c>.</summary>
    [JsonIgnore]
    public string SecretSource =>
        PasswordEnv is not null ? $"env {PasswordEnv}"
        : CredentialsFile is not null ? $"file {CredentialsFile} [{Profile ?? DefaultProfile}]"
        : Type == ConnectionTypes.S3 ? Profile is null ? "AWS credential chain" : $"AWS credential chain [{Profile}]"
        : "none";

    /// <summary>
    /// Checks the definition and returns it as the catalog stores it (a SQLite file path made absolute); throws a
    /// <see cref="DevEndpointException"/> saying what to fix. A URL that holds a password is refused without repeating it.
    /// </summary>
    public Connection Validated() => ConnectionErrors.Validate(this);
}
