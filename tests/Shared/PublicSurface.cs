using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace DevEndpoint.Testing;

/// <summary>
/// The public surface of an assembly as text, one line a type or member, sorted, so that a checked-in copy shows
/// every change to what users can call in review. Only what a user can reach counts: public types and their public
/// and protected members (protected ones of types they can derive from).
/// </summary>
public static class PublicSurface
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<Type, string> Aliases = new()
    {
        [typeof(void)] = "void",
        [typeof(object)] = "object",
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(int)] = "int",
        [typeof(long)] = "long",
        [typeof(double)] = "double",
        [typeof(float)] = "float",
        [typeof(decimal)] = "decimal",
        [typeof(char)] = "char",
        [typeof(short)] = "short",
    };

    /// <summary>Namespaces every C# file imports, written without them.</summary>
    private static readonly HashSet<string> ShortNamespaces =
        ["System", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks", "System.IO", "System.Linq"];

    public static string Of(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Header(type)).Append('\n');
            foreach (var member in Members(type).OrderBy(m => m.Key, StringComparer.Ordinal).ThenBy(m => m.Text, StringComparer.Ordinal))
            {
                text.Append("    ").Append(member.Text).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Compares an assembly's surface with the approved text beside the calling test. With
    /// <c>DEVENDPOINT_APPROVE_API=1</c> in the environment the approved text is rewritten instead.
    /// </summary>
    public static void Verify(Assembly assembly, [CallerFilePath] string testFile = "")
    {
        var approvedPath = Path.Combine(Path.GetDirectoryName(testFile)!, assembly.GetName().Name + ".api.txt");
        var actual = Of(assembly);
        if (Environment.GetEnvironmentVariable("DEVENDPOINT_APPROVE_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        var added = actual.Split('\n').Except(approved.Split('\n')).ToList();
        var removed = approved.Split('\n').Except(actual.Split('\n')).ToList();
        Assert.True(
            added.Count == 0 && removed.Count == 0,
            $"The public API of {assembly.GetName().Name} is not the approved one in {approvedPath}.\n"
            + string.Concat(added.Select(l => "+ " + l.Trim() + "\n"))
            + string.Concat(removed.Select(l => "- " + l.Trim() + "\n"))
            + "If the change is meant, run the tests with DEVENDPOINT_APPROVE_API=1 and commit the file.");
    }

    private static string Header(Type type)
    {
        var kind = type.IsInterface ? "interface"
            : type.IsEnum ? "enum"
            : type.IsValueType ? (IsRecord(type) ? "record struct" : "struct")
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
            : IsRecord(type) ? "record"
            : "class";
        var modifiers = type.IsClass && !typeof(Delegate).IsAssignableFrom(type)
            ? type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : ""
            : "";
        var bases = new List<string>();
        if (type.IsClass && type.BaseType is { } baseType && baseType != typeof(object) && !typeof(Delegate).IsAssignableFrom(type))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces()
            .Where(i => i.IsPublic || i.IsNestedPublic)
            .Where(i => !IsRecordEquatable(type, i))
            .Select(Name)
            .Order(StringComparer.Ordinal));
        return $"{modifiers}{kind} {Name(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
    }

    private static IEnumerable<(string Key, string Text)> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var name in Enum.GetNames(type))
            {
                yield return ("", $"{name} = {Convert.ToInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture)}");
            }

            yield break;
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            var invoke = type.GetMethod("Invoke")!;
            yield return ("", $"{Name(invoke.ReturnType)} Invoke({Parameters(invoke)})");
            yield break;
        }

        var derivable = !type.IsSealed;
        bool Visible(MethodBase? m) => m is not null && (m.IsPublic || (derivable && (m.IsFamily || m.IsFamilyOrAssembly)));

        foreach (var constructor in type.GetConstructors(Declared).Where(Visible))
        {
            yield return ("1", $"{Access(constructor)}.ctor({Parameters(constructor)})");
        }

        foreach (var property in type.GetProperties(Declared))
        {
            var accessors = new[] { (Name: "get", Method: property.GetMethod), (Name: "set", Method: property.SetMethod) }
                .Where(a => Visible(a.Method))
                .Select(a => a.Name == "set" && IsInitOnly(a.Method!) ? "init" : a.Name)
                .ToList();
            if (accessors.Count > 0)
            {
                var first = property.GetMethod is { } g && Visible(g) ? g : property.SetMethod!;
                var indexer = property.GetIndexParameters() is { Length: > 0 } index
                    ? "this[" + string.Join(", ", index.Select(p => Name(p.ParameterType))) + "]"
                    : property.Name;
                yield return ("2 " + property.Name, $"{Access(first)}{Static(first)}{Name(Nullability.Create(property))} {indexer} {{ {string.Join("; ", accessors)}; }}");
            }
        }

        foreach (var field in type.GetFields(Declared).Where(f => f.IsPublic || (derivable && (f.IsFamily || f.IsFamilyOrAssembly))))
        {
            var modifier = field.IsLiteral ? "const " : field.IsStatic ? (field.IsInitOnly ? "static readonly " : "static ") : field.IsInitOnly ? "readonly " : "";
            yield return ("0 " + field.Name, $"{(field.IsPublic ? "" : "protected ")}{modifier}{Name(Nullability.Create(field))} {field.Name}");
        }

        foreach (var e in type.GetEvents(Declared).Where(e => Visible(e.AddMethod)))
        {
            yield return ("3 " + e.Name, $"event {Name(e.EventHandlerType!)} {e.Name}");
        }

        foreach (var method in type.GetMethods(Declared).Where(m => Visible(m) && !m.IsSpecialName))
        {
            if (IsRecord(type) && method.Name is "<Clone>$" or "PrintMembers" or "Deconstruct" or "Equals" or "GetHashCode" or "ToString")
            {
                continue;
            }

            var generic = method.IsGenericMethodDefinition
                ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">"
                : "";
            yield return ("4 " + method.Name, $"{Access(method)}{Static(method)}{Virtual(method)}{Name(Nullability.Create(method.ReturnParameter))} {method.Name}{generic}({Parameters(method)})");
        }
    }

    private static string Access(MethodBase method) => method.IsPublic ? "" : "protected ";

    private static string Static(MethodBase method) => method.IsStatic ? "static " : "";

    private static string Virtual(MethodInfo method) =>
        method.IsAbstract && !method.DeclaringType!.IsInterface ? "abstract "
        : method.IsVirtual && !method.IsFinal && method.GetBaseDefinition() == method && !method.DeclaringType!.IsInterface ? "virtual "
        : method.IsVirtual && method.GetBaseDefinition() != method ? "override "
        : "";

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
        (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "")
        + (p.GetCustomAttribute<ParamArrayAttribute>() is null ? "" : "params ")
        + (p.ParameterType.IsByRef ? Name(p.ParameterType.GetElementType()!) : Name(Nullability.Create(p)))
        + " " + p.Name
        + (p.HasDefaultValue ? " = " + Literal(p.DefaultValue) : "")));

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static bool IsRecordEquatable(Type type, Type face) =>
        IsRecord(type) && face.IsGenericType && face.GetGenericTypeDefinition() == typeof(IEquatable<>) && face.GetGenericArguments()[0] == type;

    private static readonly NullabilityInfoContext Nullability = new();

    private static string Name(NullabilityInfo info)
    {
        var type = info.Type;
        string name;
        if (type.IsArray && info.ElementType is { } element)
        {
            name = Name(element) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }
        else if (type.IsGenericType && !type.IsNested && info.GenericTypeArguments.Length > 0 && Nullable.GetUnderlyingType(type) is null)
        {
            var plain = Name(type);
            name = plain[..plain.IndexOf('<', StringComparison.Ordinal)]
                + "<" + string.Join(", ", info.GenericTypeArguments.Select(Name)) + ">";
        }
        else
        {
            name = Name(type);
        }

        return !type.IsValueType && info.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Name(inner) + "?";
        }

        if (Aliases.TryGetValue(type, out var alias))
        {
            return alias;
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name
            : ShortNamespaces.Contains(type.Namespace ?? "") ? type.Name
            : type.Namespace + "." + type.Name;
        if (type.IsGenericType && name.Contains('`', StringComparison.Ordinal))
        {
            name = name[..name.IndexOf('`', StringComparison.Ordinal)]
                + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return name;
    }
}
