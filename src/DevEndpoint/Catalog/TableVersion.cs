using System.Text.Json.Serialization;

namespace DevEndpoint.Catalog;

/// <summary>A table definition as it was at one version (Glue's <c>TableVersion</c>).</summary>
public sealed record TableVersion(
    CatalogTable Table,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)] long VersionId);
