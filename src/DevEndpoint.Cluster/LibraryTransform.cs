using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using DevEndpoint.Libraries;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Cluster;

/// <summary>
/// A job's transform: <c>&lt;library&gt;:&lt;Type.Method&gt;</c>, a public static method taking and returning a DataFrame, in
/// a script library (a <c>.cs</c> file, a library folder or archive, or a <c>.dll</c>) built as <c>#!library</c> builds it.
/// </summary>
internal sealed class LibraryTransform
{
    private static readonly ConcurrentDictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);

    private readonly MethodInfo method;

    private LibraryTransform(MethodInfo method)
    {
        this.method = method;
    }

    public static LibraryTransform Resolve(string spec)
    {
        var colon = spec.LastIndexOf(':');
        var member = colon > 0 ? spec[(colon + 1)..] : string.Empty;
        var dot = member.LastIndexOf('.');
        if (colon <= 0 || dot <= 0 || dot == member.Length - 1)
        {
            throw new DevEndpointException(
                $"--transform '{spec}' does not name a library method. Write <library>:<Type.Method>, for example etl/Cleaning.cs:Cleaning.DropTestOrders.");
        }

        var (path, typeName, methodName) = (spec[..colon], member[..dot], member[(dot + 1)..]);
        var library = new ScriptLibraryBuilder().Build(path);
        // Each build in a context of its own: a worker lives on while libraries change, and a new build keeps the name of
        // the old. What the library references (Microsoft.Data.Analysis, DevEndpoint) resolves to this process's copies.
        var assembly = Loaded.GetOrAdd(library.AssemblyPath, path => new AssemblyLoadContext(path).LoadFromAssemblyPath(path));
        var type = assembly.GetType(typeName) ?? assembly.GetExportedTypes().FirstOrDefault(t => t.Name == typeName)
            ?? throw new DevEndpointException(
                $"Library {path} has no public type {typeName}. Its types: {string.Join(", ", library.ExportedTypes)}.");
        var found = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static, [typeof(DataFrame)]);
        if (found is null || found.ReturnType != typeof(DataFrame))
        {
            throw new DevEndpointException(
                $"{type.FullName} in library {path} has no public static method {methodName}(DataFrame) returning a DataFrame. A job's transform takes the rows read and returns the rows to write.");
        }

        return new LibraryTransform(found);
    }

    public DataFrame Apply(DataFrame frame)
    {
        try
        {
            return (DataFrame?)method.Invoke(null, [frame])
                ?? throw new DevEndpointException($"{method.DeclaringType!.FullName}.{method.Name} returned null instead of a DataFrame.");
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new DevEndpointException($"{method.DeclaringType!.FullName}.{method.Name} failed: {inner.GetType().Name}: {inner.Message}");
        }
    }
}
