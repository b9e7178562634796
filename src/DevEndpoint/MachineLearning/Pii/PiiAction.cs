namespace DevEndpoint.MachineLearning.Pii;

/// <summary>What sensitive-data detection does with the entities it finds (Glue's actions).</summary>
public enum PiiAction
{
    /// <summary>Report each entity: column, row, offset, length and type. The data stays as it is.</summary>
    Detect,

    /// <summary>Replace each entity by <see cref="PiiOptions.RedactText"/>.</summary>
    Redact,

    /// <summary>Mask each letter and digit of an entity by <c>*</c> but the last <see cref="PiiOptions.KeepLast"/>; separators stay.</summary>
    PartialRedact,

    /// <summary>Replace each entity by the lowercase hex SHA-256 of its UTF-8 text.</summary>
    Sha256Hash,
}
