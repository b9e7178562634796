using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Frames;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Loading;
using DevEndpoint.Sql;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Formatting;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!sql [--as &lt;variable&gt;] [--save &lt;name&gt;] [--with &lt;name&gt;[,&lt;name&gt;...]] [--limit n] [--strings auto|dotnet|utf8] [--catalog &lt;file&gt;]</c>
/// and the SQL in the rest of the cell: a kernel of its own (a magic's cell body is the code of the kernel it names), which
/// runs the query with <see cref="SqlSession"/> over the catalog and the C# kernel's DataFrame variables, binds each
/// <c>{{name}}</c> to the C# variable of that name, and puts the result in a DataFrame variable.
/// </summary>
internal sealed class SqlMagic : Kernel, IKernelCommandHandler<SubmitCode>
{
    public const string KernelName = "sql";

    /// <summary>Rows shown under a query; the variable holds them all.</summary>
    public const int PreviewRows = 20;

    /// <summary>A session per catalog file: its saved queries last as long as the notebook's kernel.</summary>
    private readonly Dictionary<string, SqlSession> sessions = new(StringComparer.Ordinal);

    private SqlMagic()
        : base(KernelName)
    {
        KernelInfo.LanguageName = "SQL";
        KernelInfo.DisplayName = "SQL - DevEndpoint (DuckDB over the catalog)";
        KernelInfo.Description = Description;
        RegisterForDisposal(() =>
        {
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }
        });
    }

    private static string Description => SqlDescription.Command.SummaryFor(Fronts.Magic);

    public override KernelSpecifierDirective KernelSpecifierDirective
    {
        get
        {
            var directive = base.KernelSpecifierDirective;
            directive.Description = Description;
            foreach (var parameter in Parameters())
            {
                directive.Parameters.Add(parameter);
            }

            return directive;
        }
    }

    /// <summary>Adds the kernel <c>#!sql</c> to the notebook; returns its options as a directive for <see cref="MagicSyntaxCheck"/>, which answers it written wrongly or with <c>--help</c>.</summary>
    public static KernelActionDirective Register(CompositeKernel root)
    {
        root.Add(new SqlMagic());
        var described = new KernelActionDirective("#!" + KernelName, Description);
        foreach (var parameter in Parameters())
        {
            described.Parameters.Add(parameter);
        }

        return described;
    }

    private static IEnumerable<KernelDirectiveParameter> Parameters() => MagicDescriptions.Parameters(SqlDescription.Command);

    Task IKernelCommandHandler<SubmitCode>.HandleAsync(SubmitCode command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var options = command.Parameters;
            var variable = Option(options, SqlDescription.As.Name) ?? SqlDescription.DefaultVariable;
            if (FrameVariables.CheckName(variable).FirstOrDefault() is { } badName)
            {
                throw new DevEndpointException(badName);
            }

            var limit = Option(options, SqlDescription.Limit.Name) is { } text
                ? long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? n
                    : throw new DevEndpointException($"#!sql --limit must be a whole number, such as 100; got '{text}'.")
                : (long?)null;
            var csharp = RootKernel.FindKernelByName("csharp") as CSharpKernel
                ?? throw new DevEndpointException("#!sql reads and sets C# variables, and this notebook has no C# kernel ('csharp').");
            var variables = Variables(csharp);
            var session = Session(Option(options, CommonOptions.Catalog.Name));
            var frame = await session.QueryAsync(command.Code, new SqlQueryOptions
            {
                Parameters = variables,
                Frames = variables.Where(v => v.Value is DataFrame).ToDictionary(v => v.Key, v => (DataFrame)v.Value!),
                With = Option(options, SqlDescription.With.Name)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
                Save = Option(options, SqlDescription.Save.Name),
                Limit = limit,
                Strings = Option(options, SqlDescription.Strings.Name) is { } strings ? LoadOptions.ParseStrings(strings) : StringStorage.Auto,
            }, context.CancellationToken);

            await csharp.SetValueAsync(variable, frame, typeof(DataFrame));
            MagicSupport.DisplayHtml(context, SqlViews.Summary(variable, frame, PreviewRows));
            CatalogFormatters.Register();
            context.Display(frame.Head((int)Math.Min(PreviewRows, frame.Rows.Count)), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
        });

    private SqlSession Session(string? catalog)
    {
        var key = CatalogLocation.Parse(catalog).Display;
        if (!sessions.TryGetValue(key, out var session))
        {
            session = new SqlSession(DataCatalog.Open(catalog));
            sessions[key] = session;
        }

        return session;
    }

    /// <summary>The C# kernel's variables by name, the latest value of each.</summary>
    private static Dictionary<string, object?> Variables(CSharpKernel csharp)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var variable in csharp.ScriptState?.Variables ?? [])
        {
            variables[variable.Name] = variable.Value;
        }

        return variables;
    }

    /// <summary>An option's value, without the quotes around a quoted one.</summary>
    private static string? Option(IDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && value is not null ? value.Trim('"') : null;
}
