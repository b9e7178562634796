using DevEndpoint.Formats;

namespace DevEndpoint.Crawling;

/// <summary>What classifying one file found: its schema, or (when <see cref="Schema"/> is <c>null</c>) why it has none.</summary>
internal sealed record FileClassification(FileSchema? Schema, string? Problem);
