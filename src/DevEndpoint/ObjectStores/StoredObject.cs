namespace DevEndpoint.ObjectStores;

/// <summary>One object found by a listing: its path, size in bytes and last-modified time.</summary>
public sealed record StoredObject(S3Path Path, long Size, DateTimeOffset LastModified);
