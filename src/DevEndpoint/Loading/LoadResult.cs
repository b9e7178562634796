using DevEndpoint.Catalog;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Loading;

/// <summary>A loaded table and what the load read.</summary>
public sealed record LoadResult(DataFrame Frame, CatalogTable Table, int PartitionsRead, int PartitionsTotal, int FilesRead, TimeSpan Elapsed);
