namespace DevEndpoint.Endpoints;

/// <summary>
/// A development endpoint as stored: its name, its script libraries (full paths, built in this order) and its catalog.
/// A notebook that restarts gets the same endpoint back from the definition.
/// </summary>
/// <param name="Name">Lower-case letters, digits and underscores, starting with a letter; the endpoint's cells run with <c>#!&lt;name&gt;</c>.</param>
/// <param name="Libraries">The library files, as full paths.</param>
/// <param name="Catalog">The catalog file, as a full path; null for the default catalog.</param>
/// <param name="CreatedOn">When the endpoint was first created.</param>
public sealed record EndpointDefinition(string Name, IReadOnlyList<string> Libraries, string? Catalog, DateTimeOffset CreatedOn);
