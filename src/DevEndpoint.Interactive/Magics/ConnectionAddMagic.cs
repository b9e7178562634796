using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!connection add &lt;name&gt; --type postgres|mysql|sqlite|s3 --url ... [--user ...] [--password-env VAR]
/// [--credentials-file ...] [--profile ...] [--region ...] [--catalog &lt;file&gt;]</c>.
/// </summary>
public sealed class ConnectionAddMagic : KernelDirectiveCommand
{
    public string Name { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public string? User { get; set; }

    public string? PasswordEnv { get; set; }

    public string? CredentialsFile { get; set; }

    public string? Profile { get; set; }

    public string? Region { get; set; }

    public string? Catalog { get; set; }

    internal static Task HandleAsync(ConnectionAddMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, () =>
        {
            var connection = ConnectionSettings.Create(command.Name, command.Type, command.Url, new Dictionary<string, string?>
            {
                ["--user"] = command.User,
                ["--password-env"] = command.PasswordEnv,
                ["--credentials-file"] = command.CredentialsFile,
                ["--profile"] = command.Profile,
                ["--region"] = command.Region,
            });
            var catalog = DataCatalog.Open(command.Catalog);
            catalog.Update(u => u.PutConnection(connection));
            ConnectionMagic.DisplayList(context, catalog);
            return Task.CompletedTask;
        });
}
