using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Sql;

namespace DevEndpoint.DataQuality;

/// <summary>
/// One run of a ruleset over a catalog table or a DataFrame. Every rule measures its metrics with aggregates that go into
/// one query over the table (a <c>where</c> clause becomes the aggregate's FILTER), and each column that a uniqueness,
/// distinct-count or entropy rule reads gets one GROUP BY in that same query; only rules that read another table or
/// run their own SQL (RowCountMatch, SchemaMatch, ReferentialIntegrity, CustomSql) run queries of their own. When the
/// shared query fails (a where clause DuckDB rejects), each rule is measured on its own, so only the bad rule is an ERROR.
/// </summary>
internal sealed partial class RulesetRun
{
    private readonly SqlSession session;
    private readonly string target;
    private readonly string relation;
    private readonly TableName? table;
    private readonly DataQualityOptions options;
    private readonly DateTime now = DateTime.UtcNow;
    private readonly Dictionary<string, Aggregate> aggregates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FrequencyGroup> groups = new(StringComparer.Ordinal);
    private readonly List<(string Metric, string Filter, double Value)> recorded = [];

    /// <summary>Each row-level CustomSql rule's query and the columns of primary it returns, once its probe ran.</summary>
    private readonly Dictionary<DqdlSimpleRule, (string Sql, List<string> Columns)> rowLevelSql = [];
    private List<(string Name, string Type)> columns = [];

    private RulesetRun(SqlSession session, string target, DataQualityOptions options)
    {
        this.session = session;
        this.options = options;
        if (options.Frames.Keys.FirstOrDefault(k => string.Equals(k, target, StringComparison.Ordinal)) is { } frame)
        {
            this.target = frame;
            relation = SqlText.Quote(frame);
        }
        else
        {
            if (!target.Contains('.', StringComparison.Ordinal))
            {
                throw DataQualityErrors.BadTarget(target);
            }

            var name = TableName.Parse(target);
            session.Catalog.GetTable(name);
            table = name;
            this.target = name.ToString();
            relation = $"{SqlText.Quote(name.Database)}.{SqlText.Quote(name.Table)}";
        }
    }

    public static async Task<DataQualityEvaluation> RunAsync(SqlSession session, string target, string text, DataQualityOptions options, CancellationToken cancellationToken)
    {
        var ruleset = DqdlParser.Parse(text);
        var run = new RulesetRun(session, target, options);
        var started = DateTimeOffset.UtcNow;
        run.columns = await run.SchemaAsync(run.relation, cancellationToken);
        var checks = new List<Check>();
        var planned = ruleset.Rules.Select(r => run.Plan(r, checks)).ToList();
        await run.MeasureAsync(checks, cancellationToken);
        var results = planned.Select((p, i) =>
        {
            var outcome = p();
            return new DataQualityRuleResult($"Rule_{i + 1}", ruleset.Rules[i].Text, outcome.Result, outcome.Message, outcome.Metrics);
        }).ToList();
        var result = new DataQualityResult
        {
            ResultId = $"dqresult-{Guid.NewGuid():N}",
            Score = results.Count(r => r.Result == DataQualityRuleResult.Pass) / (double)results.Count,
            TargetTable = run.table is { } name ? new DataQualityTargetTable(name.Database, name.Table) : null,
            RulesetName = options.RulesetName,
            StartedOn = started,
            CompletedOn = DateTimeOffset.UtcNow,
            RuleResults = results,
        };
        if (options.Record && run.table is not null)
        {
            session.Catalog.Update(u => u.AddDataQualityResult(result, run.recorded));
        }

        var rows = options.RowLevel ? await run.RowLevelAsync(ruleset, cancellationToken) : null;
        return new DataQualityEvaluation(result, rows);
    }

    /// <summary>The columns of a table (or DataFrame) and DuckDB's type of each, read without reading its rows.</summary>
    private async Task<List<(string Name, string Type)>> SchemaAsync(string from, CancellationToken cancellationToken)
    {
        var result = await session.RunAsync($"SELECT * FROM {from} LIMIT 0", Query(), cancellationToken);
        return result.Frame.Columns.Select((c, i) => (c.Name, result.Types[i])).ToList();
    }

    private SqlQueryOptions Query() => new() { Frames = options.Frames };

    /// <summary>Runs the shared query, then each rule's own queries; a failure becomes that rule's ERROR.</summary>
    private async Task MeasureAsync(List<Check> checks, CancellationToken cancellationToken)
    {
        var measured = checks.Where(c => c.Error is null && (c.Aggregates.Count > 0 || c.Groups.Count > 0)).ToList();
        if (measured.Count > 0)
        {
            try
            {
                await ReadAsync(measured.SelectMany(c => c.Aggregates).Distinct(), measured.SelectMany(c => c.Groups).Distinct(), cancellationToken);
            }
            catch (DevEndpointException)
            {
                foreach (var check in measured)
                {
                    try
                    {
                        await ReadAsync(check.Aggregates, check.Groups, cancellationToken);
                    }
                    catch (DevEndpointException e)
                    {
                        check.Error = e.Message;
                    }
                }
            }
        }

        foreach (var check in checks.Where(c => c.Error is null && c.Probe is not null))
        {
            try
            {
                await check.Probe!(cancellationToken);
            }
            catch (DevEndpointException e)
            {
                check.Error = e.Message;
            }
        }
    }

    private async Task ReadAsync(IEnumerable<Aggregate> plain, IEnumerable<FrequencyGroup> frequencies, CancellationToken cancellationToken)
    {
        var selects = new List<string>();
        var all = plain.ToList();
        if (all.Count > 0)
        {
            selects.Add($"(SELECT {string.Join(", ", all.Select(a => $"CAST({a.Sql} AS DOUBLE) AS {a.Alias}"))} FROM {relation}) AS a");
        }

        var read = new List<Aggregate>(all);
        foreach (var group in frequencies)
        {
            selects.Add(group.Sql(relation));
            read.AddRange(group.Aggregates);
        }

        var result = await session.RunAsync($"SELECT * FROM {string.Join(", ", selects)}", Query(), cancellationToken);
        foreach (var aggregate in read)
        {
            var value = result.Frame.Rows.Count == 0 ? null : result.Frame[aggregate.Alias][0];
            aggregate.Value = value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>An aggregate over the table, shared by the rules that need it.</summary>
    private Aggregate Shared(string sql)
    {
        if (!aggregates.TryGetValue(sql, out var aggregate))
        {
            aggregate = new Aggregate(sql, $"m{aggregates.Count}");
            aggregates[sql] = aggregate;
        }

        return aggregate;
    }

    /// <summary>The value counts of a column (or columns) over the rows a where clause picks, shared by the rules that need them.</summary>
    private FrequencyGroup Frequencies(IReadOnlyList<string> quotedColumns, string? where)
    {
        var key = $"{string.Join(",", quotedColumns)}|{where}";
        if (!groups.TryGetValue(key, out var group))
        {
            group = new FrequencyGroup(quotedColumns, where, $"f{groups.Count}");
            groups[key] = group;
        }

        return group;
    }

    private static string Filter(string? where) => where is null ? string.Empty : $" FILTER (WHERE ({where}))";

    private sealed class Aggregate(string sql, string alias)
    {
        public string Sql { get; } = sql;

        public string Alias { get; } = alias;

        public double? Value { get; set; }
    }

    /// <summary>
    /// One GROUP BY of a column's non-null values: how many distinct values, how many occur once, how many values in all,
    /// and the sum of n·ln(n) over the counts n (for the entropy).
    /// </summary>
    private sealed class FrequencyGroup
    {
        private readonly IReadOnlyList<string> quotedColumns;
        private readonly string? where;
        private readonly string alias;

        public FrequencyGroup(IReadOnlyList<string> quotedColumns, string? where, string alias)
        {
            this.quotedColumns = quotedColumns;
            this.where = where;
            this.alias = alias;
            Distinct = new Aggregate("count(*)", $"{alias}_distinct");
            Unique = new Aggregate("count(*) FILTER (WHERE n = 1)", $"{alias}_unique");
            Values = new Aggregate("sum(n)", $"{alias}_values");
            NLogN = new Aggregate("sum(n * ln(n))", $"{alias}_nlogn");
        }

        public Aggregate Distinct { get; }

        public Aggregate Unique { get; }

        public Aggregate Values { get; }

        public Aggregate NLogN { get; }

        public IEnumerable<Aggregate> Aggregates => [Distinct, Unique, Values, NLogN];

        public string Sql(string relation)
        {
            var conditions = quotedColumns.Select(c => $"{c} IS NOT NULL").ToList();
            if (where is not null)
            {
                conditions.Add($"({where})");
            }

            var counts = $"SELECT count(*) AS n FROM {relation} WHERE {string.Join(" AND ", conditions)} GROUP BY {string.Join(", ", quotedColumns)}";
            return $"(SELECT {string.Join(", ", Aggregates.Select(a => $"CAST({a.Sql} AS DOUBLE) AS {a.Alias}"))} FROM ({counts})) AS {alias}";
        }
    }

    /// <summary>What one rule of one type needs measured, and how it is judged once it is.</summary>
    private sealed class Check(DqdlSimpleRule rule)
    {
        public DqdlSimpleRule Rule { get; } = rule;

        public string? Error { get; set; }

        public List<Aggregate> Aggregates { get; } = [];

        public List<FrequencyGroup> Groups { get; } = [];

        public Func<CancellationToken, Task>? Probe { get; set; }
    }

    /// <summary>A rule's outcome before it is named: PASS, FAIL or ERROR, what was found, and the metrics.</summary>
    private sealed record Outcome(string Result, string? Message, IReadOnlyDictionary<string, double> Metrics);
}
