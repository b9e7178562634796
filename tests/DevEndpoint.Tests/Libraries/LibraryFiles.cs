using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using DevEndpoint.Libraries;

namespace DevEndpoint.Tests.Libraries;

/// <summary>Writes library archives entry by entry (including unsafe ones) and runs code from built libraries.</summary>
internal static class LibraryFiles
{
    public static string Zip(string path, params (string Name, string Content)[] entries) =>
        Zip(path, entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content), 0)).ToArray());

    public static string Zip(string path, params (string Name, byte[] Content, int UnixMode)[] entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content, unixMode) in entries)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            if (unixMode != 0)
            {
                entry.ExternalAttributes = unixMode << 16;
            }

            using var stream = entry.Open();
            stream.Write(content);
        }

        return path;
    }

    /// <summary>Calls a public static method of one of the library's types, its dependencies' assemblies at hand.</summary>
    public static object? Invoke(ScriptLibrary library, string typeName, string method, params object?[] arguments) =>
        Invoke(library.AssemblyPath, typeName, method, library.Dependencies.SelectMany(d => d.Assemblies), arguments);

    /// <summary>Loads the assembly into a collectible context of its own and calls a public static method of one of its types.</summary>
    public static object? Invoke(string assemblyPath, string typeName, string method, params object?[] arguments) =>
        Invoke(assemblyPath, typeName, method, [], arguments);

    private static object? Invoke(string assemblyPath, string typeName, string method, IEnumerable<string> dependencies, object?[] arguments)
    {
        var context = new AssemblyLoadContext("library-test", isCollectible: true);
        var byName = dependencies.ToDictionary(d => Path.GetFileNameWithoutExtension(d), StringComparer.OrdinalIgnoreCase);
        context.Resolving += (loader, name) => byName.TryGetValue(name.Name!, out var path) ? loader.LoadFromAssemblyPath(path) : null;
        try
        {
            var type = context.LoadFromAssemblyPath(assemblyPath).GetType(typeName, throwOnError: true)!;
            return type.InvokeMember(method, BindingFlags.InvokeMethod | BindingFlags.Public | BindingFlags.Static, null, null, arguments);
        }
        finally
        {
            context.Unload();
        }
    }
}
