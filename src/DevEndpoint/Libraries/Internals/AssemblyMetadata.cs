using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DevEndpoint.Libraries.Internals;

/// <summary>An assembly's name and public top-level types, read from its metadata without loading it.</summary>
internal sealed record AssemblyMetadata(string Name, IReadOnlyList<string> ExportedTypes)
{
    public static AssemblyMetadata Read(string path, string displayName)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata)
            {
                throw LibraryErrors.NotAnAssembly(displayName);
            }

            var metadata = pe.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                throw LibraryErrors.NotAnAssembly(displayName);
            }

            var types = metadata.TypeDefinitions
                .Select(metadata.GetTypeDefinition)
                .Where(t => (t.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public)
                .Select(t => (Namespace: metadata.GetString(t.Namespace), Name: metadata.GetString(t.Name)))
                .Select(t => t.Namespace.Length == 0 ? t.Name : $"{t.Namespace}.{t.Name}")
                .Order(StringComparer.Ordinal)
                .ToList();
            return new AssemblyMetadata(metadata.GetString(metadata.GetAssemblyDefinition().Name), types);
        }
        catch (BadImageFormatException)
        {
            throw LibraryErrors.NotAnAssembly(displayName);
        }
    }
}
