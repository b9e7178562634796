using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DevEndpoint.Run;

/// <summary>
/// Papermill's convention for C#: the variables the cell tagged <c>parameters</c> declares are the notebook's parameters,
/// and <c>--param name=value</c> values are assigned to them in a new cell tagged <c>injected-parameters</c> right after
/// it. A value is parsed as the variable's declared type (int, long, double, bool or string; <c>var</c> takes the type
/// of its literal) and written back as a C# literal, so no text from the command line reaches the kernel as code.
/// </summary>
internal static class RunParameters
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    private const string Supported = "int, long, double, bool and string";

    /// <summary>Splits <c>name=value</c> arguments, in order; a name given twice is refused.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(IEnumerable<string> arguments)
    {
        var parsed = new List<KeyValuePair<string, string>>();
        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? string.Empty : argument[..equals].Trim();
            if (!SyntaxFacts.IsValidIdentifier(name))
            {
                throw RunFailure.Usage($"--param '{argument}': expected name=value, where name is a C# variable of the parameters cell.");
            }

            if (parsed.Any(p => p.Key == name))
            {
                throw RunFailure.Usage($"--param {name} is given twice.");
            }

            parsed.Add(new(name, argument[(equals + 1)..]));
        }

        return parsed;
    }

    /// <summary>The variables <paramref name="source"/> declares at its top level, with their C# types as written (<c>var</c> resolved from a literal).</summary>
    public static IReadOnlyDictionary<string, string> Declared(string source)
    {
        // Magic lines (#!...) are not C#: blank them, keeping line numbers.
        var code = string.Join('\n', source.Split('\n').Select(l => l.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? string.Empty : l));
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetCompilationUnitRoot();
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        var declarations = root.Members.OfType<FieldDeclarationSyntax>().Select(f => f.Declaration)
            .Concat(root.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).OfType<LocalDeclarationStatementSyntax>().Select(l => l.Declaration));
        foreach (var declaration in declarations)
        {
            foreach (var variable in declaration.Variables)
            {
                declared[variable.Identifier.ValueText] = declaration.Type.IsVar ? LiteralType(variable.Initializer?.Value) : declaration.Type.ToString();
            }
        }

        return declared;
    }

    /// <summary>The source of the injected cell: one assignment per parameter, in the order given.</summary>
    public static string InjectedSource(IReadOnlyList<KeyValuePair<string, string>> parameters, RunCell parametersCell)
    {
        var declared = Declared(parametersCell.Source);
        var source = new StringBuilder("// Parameters injected by devendpoint run\n");
        foreach (var (name, value) in parameters)
        {
            if (!declared.TryGetValue(name, out var type))
            {
                var closest = ClosestNames.Find(name, declared.Keys);
                var hint = closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : string.Empty;
                var names = declared.Count > 0 ? $"It declares: {string.Join(", ", declared.Keys)}." : "It declares no variables.";
                throw RunFailure.Usage($"--param {name}: the parameters cell ({parametersCell.Label}) declares no variable '{name}'.{hint} {names}");
            }

            source.Append(CultureInfo.InvariantCulture, $"{name} = {Literal(name, value, type, parametersCell)};\n");
        }

        return source.ToString();
    }

    private static string Literal(string name, string value, string type, RunCell cell)
    {
        var canonical = type.TrimEnd('?') switch
        {
            "int" or "Int32" or "System.Int32" => "int",
            "long" or "Int64" or "System.Int64" => "long",
            "double" or "Double" or "System.Double" => "double",
            "bool" or "Boolean" or "System.Boolean" => "bool",
            "string" or "String" or "System.String" => "string",
            _ => throw RunFailure.Usage($"--param {name}: '{name}' is declared as {type} in the parameters cell ({cell.Label}); devendpoint run passes {Supported} parameters. Declare it as a string and convert it in the notebook."),
        };
        var invariant = CultureInfo.InvariantCulture;
        var literal = canonical switch
        {
            "int" => int.TryParse(value, NumberStyles.AllowLeadingSign, invariant, out var i) ? i.ToString(invariant) : null,
            "long" => long.TryParse(value, NumberStyles.AllowLeadingSign, invariant, out var l) ? l.ToString(invariant) + "L" : null,
            "double" => double.TryParse(value, NumberStyles.Float, invariant, out var d) ? DoubleLiteral(d) : null,
            "bool" => bool.TryParse(value, out var b) ? (b ? "true" : "false") : null,
            _ => SymbolDisplay.FormatLiteral(value, quote: true),
        };
        return literal ?? throw RunFailure.Usage($"--param {name}={value}: '{name}' is {Article(canonical)} {canonical} in the parameters cell ({cell.Label}), and '{value}' is not {Article(canonical)} {canonical}.");
    }

    private static string Article(string type) => type == "int" ? "an" : "a";

    private static string DoubleLiteral(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>The type <c>var</c> takes from a literal initializer; <c>var</c> itself when it is not a literal.</summary>
    private static string LiteralType(ExpressionSyntax? initializer)
    {
        if (initializer is PrefixUnaryExpressionSyntax { OperatorToken.ValueText: "-" } negated)
        {
            initializer = negated.Operand;
        }

        return initializer switch
        {
            LiteralExpressionSyntax { Token.Value: int } => "int",
            LiteralExpressionSyntax { Token.Value: long } => "long",
            LiteralExpressionSyntax { Token.Value: double } => "double",
            LiteralExpressionSyntax { Token.Value: bool } => "bool",
            LiteralExpressionSyntax { Token.Value: string } => "string",
            _ => "var",
        };
    }
}
