using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;

namespace DevEndpoint.ObjectStores;

/// <summary>The object stores register their <c>connection test</c> with Connections when the assembly loads, so Connections names no store.</summary>
internal static class ObjectStoreRegistration
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The core's own object stores register with a lower area once, before it is used.")]
    internal static void Register() => ConnectionTester.Register(ConnectionTypes.S3, new ObjectStoreConnectionTester());
}
