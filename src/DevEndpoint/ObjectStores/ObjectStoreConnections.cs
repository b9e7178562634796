using Amazon.Runtime;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;

namespace DevEndpoint.ObjectStores;

/// <summary>Opens the object store an <c>s3</c> connection of the catalog names, with its secret from the connection's chain.</summary>
public static class ObjectStoreConnections
{
    /// <summary>The table (and partition) parameter naming the connection an <c>s3://</c> table is read through.</summary>
    public const string ConnectionParameter = "connectionName";

    /// <summary>
    /// Opens the store of connection <paramref name="connection"/>: its URL as the endpoint (path-style), its region, and
    /// the keys its <see cref="Connection.PasswordEnv"/>, credentials file or the AWS chain give. Throws, without any
    /// secret, when the connection is not an <c>s3</c> one or no keys are found.
    /// </summary>
    public static ObjectStore Open(Connection connection, ObjectStoreSettings? settings = null)
    {
        if (connection.Type != ConnectionTypes.S3)
        {
            throw new DevEndpointException(
                $"Connection '{connection.Name}' is a {connection.Type} connection; s3:// paths need an s3 one. Add one with: connection add <name> --type s3 --url <endpoint>.");
        }

        var keys = ConnectionSecrets.Aws(connection) ?? throw new DevEndpointException(
            $"Connection '{connection.Name}' found no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, add a profile to ~/.aws/credentials, or give the connection --user with --password-env or --credentials-file.");
        AWSCredentials credentials = keys.SessionToken is { } token
            ? new SessionAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey, token)
            : new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey);
        var endpoint = string.IsNullOrWhiteSpace(connection.Url) ? null : connection.Url;
        return new ObjectStore((settings ?? new ObjectStoreSettings()) with { Endpoint = endpoint, Region = connection.Region }, credentials);
    }

    /// <summary>Opens the store of the catalog's connection <paramref name="name"/>, for reading or writing <paramref name="path"/>.</summary>
    public static ObjectStore Open(DataCatalog catalog, string? name, string path, ObjectStoreSettings? settings = null) =>
        name is null
            ? throw new DevEndpointException(
                $"{path} is in an object store: name the s3 connection to reach it with --connection <name> (add one with: connection add <name> --type s3 --url <endpoint>).")
            : Open(catalog.GetConnection(name), settings);
}
