using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace DevEndpoint.ObjectStores;

public sealed partial class ObjectStore
{
    /// <summary>
    /// Runs one request and turns what the store answers into an error the user can act on. Messages are built from the
    /// endpoint, bucket, key and S3 error code only: never the SDK's text, which may quote the request it signed.
    /// </summary>
    /// <param name="target">What the request is about, for messages; default: <paramref name="path"/>.</param>
    private async Task<T> Call<T>(Func<Task<T>> request, string operation, S3Path path, string? target = null)
    {
        try
        {
            return await request();
        }
        catch (Exception e) when (Translate(e, operation, path, target ?? path.ToString()) is { } error)
        {
            throw error;
        }
    }

    private async Task Call(Func<Task> request, string operation, S3Path path) =>
        await Call(
            async () =>
            {
                await request();
                return true;
            },
            operation,
            path);

    private DevEndpointException? Translate(Exception exception, string operation, S3Path path, string target)
    {
        var where = Settings.Describe();
        var code = (exception as AmazonServiceException)?.ErrorCode;
        var status = (exception as AmazonServiceException)?.StatusCode;
        return code switch
        {
            "NoSuchBucket" => new DevEndpointException(
                $"The bucket '{path.Bucket}' does not exist at {where}. Check the bucket in {path}, or create it."),
            "NoSuchKey" => new DevEndpointException(
                $"{path} does not exist at {where}. Check the key (keys are case-sensitive); if the object was removed, crawl again."),
            "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "InvalidToken" or "ExpiredToken" => new DevEndpointException(
                $"{where} refused the credentials to {operation} {target} ({code}): the access key id is unknown there or the secret key does not match it. Check the credentials the connection takes (its environment variable, credentials file or AWS profile)."),
            "AccessDenied" => new DevEndpointException(
                $"Access denied to {operation} {target} at {where}: the credentials are valid but may not {operation} there. Use credentials with access to the bucket."),
            not null => new DevEndpointException(
                $"Could not {operation} {target} at {where}: the store answered {code} (HTTP {(int)status!.Value})."),
            _ when status == HttpStatusCode.NotFound => new DevEndpointException(
                $"{path} does not exist at {where} (HTTP 404). Check the bucket and key; if the object was removed, crawl again."),
            _ when Unreachable(exception) is { } reason => new DevEndpointException(
                $"Cannot reach the object store at {where} to {operation} {target} ({reason}). Check that the server runs and the connection's URL is right."),
            _ => null,
        };
    }

    /// <summary>Why a request got no answer at all: refused, unknown host, timed out; <c>null</c> when it did get one.</summary>
    private static string? Unreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException socket:
                    return socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => "connection refused",
                        SocketError.HostNotFound or SocketError.NoData => "unknown host",
                        SocketError.TimedOut => "timed out",
                        var other => $"network error {other}",
                    };
                case TimeoutException:
                    return "timed out";
                case HttpRequestException { InnerException: null }:
                    return "no answer";
            }
        }

        return exception is AmazonClientException ? "no answer" : null;
    }
}
