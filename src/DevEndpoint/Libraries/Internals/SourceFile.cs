namespace DevEndpoint.Libraries.Internals;

/// <summary>One source file of a library: where errors say it is (<c>cleaning.zip!Acme/Cleaner.cs</c>) and its bytes.</summary>
internal sealed record SourceFile(string DisplayPath, byte[] Content);
