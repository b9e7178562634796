using DevEndpoint.Interactive.Views;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!devendpoint help</c>: every DevEndpoint magic, what it does, and an example.</summary>
public sealed class HelpMagic : KernelDirectiveCommand
{
    /// <summary>Every DevEndpoint magic with an example; a test checks it against the magics the extension registers.</summary>
    internal static readonly (string Magic, string Description, string Example)[] Magics =
    [
        ("#!crawl", "Crawl a folder into a catalog database: classify files, infer schemas and partitions, record tables.", "#!crawl data/sales --database sales"),
        ("#!catalog", "Show databases, a database's tables, or a table's columns, partitions and parameters.", "#!catalog sales.orders"),
        ("#!load", "Load a catalog table into a DataFrame variable, pruning partitions and filtering rows by a predicate; with --bookmark <job>, only files the job has not processed.", "#!load sales.orders --as orders --where \"year = '2024'\""),
        ("#!bookmark", "Show, commit or reset a job bookmark: what a job's bookmarked loads processed, so the next run reads only new or changed files.", "#!bookmark commit nightly"),
        ("#!job", "Show the job runs the catalog keeps (devendpoint job run records them): one run's state, times and tasks per worker, or every run, newest first.", "#!job list --job nightly"),
        ("#!write", "Write a DataFrame variable as Parquet, CSV or JSON lines, Hive-partitioned and atomic, and create or update its catalog table.", "#!write orders --to out/orders --partition-by year --mode overwrite --catalog sales.orders_clean"),
        ("#!generate-etl", "Generate a runnable C# ETL job for a catalog table (bookmarked load, ApplyMapping of every column, write with catalog update, bookmark commit): a new cell in Polyglot Notebooks, code and a .cs file in Jupyter.", "#!generate-etl --source sales.orders --target out/orders_clean --partition-by year"),
        ("#!classifier", "Add, list or remove the custom classifiers a crawl can name.", "#!classifier add pipes --type csv --delimiter \"|\""),
        ("#!connection", "Add, list, test or remove connections to databases and S3 endpoints; secrets stay in environment variables or credentials files.", "#!connection add shop --type postgres --url \"Host=127.0.0.1;Port=5432;Database=shop\" --user reader --password-env SHOP_PASSWORD"),
        ("#!ml", "FindMatches transforms: create one over a table, label a few generated sets of records in a DataFrame, evaluate, and put the records with a match_id (same id = same entity) into a DataFrame.", "#!ml labeling-set people --as labels"),
        ("#!attach-library", "Compile script libraries (.cs, .zip with one library folder) or take .dll files and NuGet packages, and reference them from the C# kernel.", "#!attach-library libs/cleaning-v1.zip,libs/Dates.cs,nuget:Humanizer.Core,2.14.1"),
        ("#!libraries", "List the libraries of the C# kernel and of each running endpoint: source, content hash, exported types.", "#!libraries"),
        ("#!endpoint", "Create, connect, list, show, reload the libraries of, or delete development endpoints; each is a C# kernel #!<name>.", "#!endpoint create next --libraries libs/cleaning-v2.zip --catalog team.db"),
        ("#!pii", "Detect sensitive data in a table or DataFrame (names, emails, phone, card, SSN and other US identifiers): classify its columns, and detect, redact, partly redact or hash each entity.", "#!pii crm.customers --action partial-redact --as masked"),
        ("#!fill-missing", "Impute a DataFrame column's missing values with an ML.NET model into <column>_filled (Glue's FillMissingValues).", "#!fill-missing customers --column age --as filled"),
        ("#!sql", "Run the rest of the cell as DuckDB SQL over catalog tables (<database>.<table>, read where their files lie) and DataFrame variables, into a DataFrame variable; {{name}} binds a C# variable as a parameter.", "#!sql --as totals"),
        ("#!profile", "Profile a catalog table or DataFrame variable: per column type, count, nulls, distinct, min, max, mean, deviation, quantiles, top values, lengths and a histogram or bar chart; duplicate rows and a correlation heat map.", "#!profile sales.orders --as orders_profile --html orders-profile.html"),
        ("#!<endpoint>", "Run the rest of the cell in an endpoint's C# session.", "#!next"),
        ("#!devendpoint", "This list.", "#!devendpoint help"),
    ];

    internal static void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective("#!devendpoint", "DevEndpoint: list every DevEndpoint magic with an example (#!devendpoint help).")
        {
            Subcommands =
            {
                MagicSupport.Subcommand<HelpMagic>(kernel, "help", "List every DevEndpoint magic with an example.", [], (command, context) => Show(context)),
            },
        };
        kernel.AddDirective(directive, (command, context) => Show(context));
    }

    private static Task Show(KernelInvocationContext context)
    {
        MagicSupport.DisplayHtml(context, LibraryViews.Help(Magics));
        return Task.CompletedTask;
    }
}
