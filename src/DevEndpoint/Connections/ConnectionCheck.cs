namespace DevEndpoint.Connections;

/// <summary>What a connection test reached: the connection, its target without secrets (<c>postgresql://127.0.0.1:5432/shop</c>) and the server's own description.</summary>
internal sealed record ConnectionCheck(string Name, string Type, string Target, string Server, TimeSpan Elapsed)
{
    /// <summary>One line for people: <c>Connection 'shop' works: PostgreSQL 15.8 at postgresql://127.0.0.1:5432/shop (12 ms).</c></summary>
    public override string ToString() => $"Connection '{Name}' works: {Server} at {Target} ({Elapsed.TotalMilliseconds:0} ms).";
}
